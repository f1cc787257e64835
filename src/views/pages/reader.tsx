import type { ReaderParagraph } from "../../content/highlight.ts";
import type { DocumentRow } from "../../db/schema.ts";

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
  return (
    <>
      <p class="meta">Source document {document.id}</p>
      <h1>{document.title}</h1>
      <dl class="meta-list">
        <dt>Outlet</dt>
        <dd>{document.outlet}</dd>
        <dt>Byline</dt>
        <dd>{document.byline}</dd>
        <dt>Date</dt>
        <dd>{document.date}</dd>
        <dt>Kind</dt>
        <dd>{document.kind}</dd>
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
      <h2>Provenance notes</h2>
      <ul>
        {document.provenance.map((note) => (
          <li>{note}</li>
        ))}
      </ul>
      {highlight === "missing" ? (
        <p class="error" role="status">
          The passage you followed is not in this document, so nothing is highlighted.
        </p>
      ) : null}
      {highlight === "found" ? <p class="meta">The quoted passage is highlighted below.</p> : null}
      <h2>Text</h2>
      <div class="reader">
        {paragraphs.map((paragraph) => (
          <p id={paragraph.anchor}>
            <a class="pn" href={`#${paragraph.anchor}`} aria-label={`Paragraph ${paragraph.number}`}>
              ¶{paragraph.number}
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
    </>
  );
}
