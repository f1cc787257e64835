import type { ReaderParagraph } from "../../content/highlight.ts";
import type { DocumentRow } from "../../db/schema.ts";
import { documentName, headlineOf } from "../components/passages.tsx";

/**
 * The whole document as its text gives it: the label students know it by, its own headline (or
 * none), outlet, byline and date, then every paragraph, numbered (`#p-4`), with the linked
 * passage highlighted (`#hl`).
 */
export function ReaderPage({
  document,
  paragraphs,
  highlight,
}: {
  document: DocumentRow;
  paragraphs: ReaderParagraph[];
  highlight: "none" | "found" | "missing";
}) {
  let markedFirst = false;
  const name = documentName(document);
  const { headline, about } = headlineOf(document.title);
  return (
    <article>
      <p class="meta">
        {name} · {document.kind}
      </p>
      {headline ? (
        <h1>{headline}</h1>
      ) : (
        <>
          <h1>{name}: no headline</h1>
          <p class="meta">The text has no headline. What it is about: {about}</p>
        </>
      )}
      <dl class="meta-list">
        <dt>Outlet</dt>
        <dd>{document.outlet}</dd>
        <dt>Byline</dt>
        <dd>{document.byline}</dd>
        <dt>Date</dt>
        <dd>{document.date}</dd>
        {document.url ? (
          <>
            <dt>Link</dt>
            <dd>
              <a href={document.url} rel="noopener noreferrer nofollow">
                {document.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {document.provenance.length > 0 ? (
        <details>
          <summary>Provenance notes: where this text came from</summary>
          <ul>
            {document.provenance.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {highlight === "missing" ? (
        <p class="error" role="status">
          The passage you followed is not in this document, so nothing is highlighted.
        </p>
      ) : null}
      {highlight === "found" ? (
        <p class="meta">
          The quoted passage is highlighted below. <a href="#hl">Go to the passage</a>
        </p>
      ) : null}
      <h2>The text ({paragraphs.length} paragraphs)</h2>
      <div class="reader">
        {paragraphs.map((paragraph) => (
          <p id={paragraph.anchor}>
            <a class="pn" href={`#${paragraph.anchor}`}>
              <span class="vh">Paragraph </span>
              {paragraph.number}
            </a>
            {paragraph.segments.map((segment) => {
              if (!segment.marked) return segment.text;
              const id = markedFirst ? undefined : "hl";
              markedFirst = true;
              return <mark id={id}>{segment.text}</mark>;
            })}
          </p>
        ))}
      </div>
    </article>
  );
}
