import { paragraphOfQuote } from "../../content/highlight.ts";
import type { SourceRef } from "../../content/schema.ts";
import { normalise } from "../../content/text.ts";
import type { CitedDocument, CitedDocuments } from "../../db/queries/documents.ts";
import { readerHref } from "./citation.tsx";

/** How students see a document named: its label, never its internal id. */
export function documentName(document: Pick<CitedDocument, "label" | "title"> | undefined): string {
  return document?.label || document?.title || "the document";
}

/** A title such as "[No headline] What it is about": the text's own headline, or none. */
export function headlineOf(title: string): { headline: string | null; about: string } {
  const match = /^\[no headline\]\s*(.*)$/i.exec(title);
  return match ? { headline: null, about: match[1] ?? "" } : { headline: title, about: title };
}

/** Where the reader has a document: its public id (a teacher's document ids are theirs alone). */
function readerId(documents: CitedDocuments, id: string): string {
  return documents.get(id)?.publicId ?? id;
}

/** "Report A, paragraph 3" where the document's text is at hand and holds the quote. */
function place(documents: CitedDocuments, source: SourceRef): { name: string; paragraph: number | undefined } {
  const document = documents.get(source.document);
  return { name: documentName(document), paragraph: document?.body ? paragraphOfQuote(document.body, source.quote) : undefined };
}

function Quote({ source, documents }: { source: SourceRef; documents: CitedDocuments }) {
  return (
    <blockquote cite={readerHref(readerId(documents, source.document))}>
      {source.quote.split("\n").map((line) => (
        <p>{line}</p>
      ))}
    </blockquote>
  );
}

/**
 * The passages a question is about, each named by its document's label. Open by default and
 * collapsible (a `<details>`, so it works without JavaScript); on phones each scrolls in a
 * box of its own, so the options are never far below.
 */
export function Passages({ passages, documents }: { passages: readonly SourceRef[]; documents: CitedDocuments }) {
  return (
    <section class="passages" aria-label={passages.length > 1 ? "Passages to compare" : "Passage"}>
      {passages.length > 1 ? (
        <a class="jump" href="#answer">
          Skip to the answers
        </a>
      ) : null}
      {passages.map((passage) => {
        const { name, paragraph } = place(documents, passage);
        return (
          <details class="passage" open>
            <summary>
              {name}
              {paragraph ? <span class="meta">, paragraph {paragraph}</span> : null}
            </summary>
            <blockquote cite={readerHref(readerId(documents, passage.document))} tabindex={0} aria-label={`Passage from ${name}`}>
              {passage.quote.split("\n").map((line) => (
                <p>{line}</p>
              ))}
            </blockquote>
            <p class="meta">
              <a href={readerHref(readerId(documents, passage.document), passage.quote)}>Read all of {name}</a>
            </p>
          </details>
        );
      })}
    </section>
  );
}

/**
 * Links to the whole texts a question names without quoting them (in its options, say), so
 * every document a question is about is one click away.
 */
export function TextLinks({ ids, documents }: { ids: readonly string[]; documents: CitedDocuments }) {
  if (ids.length === 0) return null;
  return (
    <p class="meta">
      {ids.length > 1 ? "Read the texts in full: " : "Read the text in full: "}
      {ids.map((id, index) => (
        <>
          {index > 0 ? " · " : ""}
          <a href={readerHref(readerId(documents, id))}>{documentName(documents.get(id))}</a>
        </>
      ))}
    </p>
  );
}

/**
 * The evidence after answering: the sources, then any passage they do not already quote,
 * grouped by document with one caption each. Every quote links to the reader, highlighted.
 */
export function Evidence({
  sources,
  passages = [],
  documents,
  heading = "h2",
}: {
  sources: readonly SourceRef[];
  passages?: readonly SourceRef[];
  documents: CitedDocuments;
  heading?: "h2" | "h3";
}) {
  const groups = new Map<string, SourceRef[]>();
  const seen: { document: string; text: string }[] = [];
  for (const source of [...sources, ...passages]) {
    const text = normalise(source.quote);
    if (seen.some((s) => s.document === source.document && (s.text.includes(text) || text.includes(s.text)))) continue;
    seen.push({ document: source.document, text });
    groups.set(source.document, [...(groups.get(source.document) ?? []), source]);
  }
  if (groups.size === 0) return null;
  const Heading = heading;
  return (
    <section class="evidence">
      <Heading>Where the text shows it</Heading>
      {[...groups].map(([id, quotes]) => {
        const document = documents.get(id);
        const name = documentName(document);
        const { headline } = headlineOf(document?.title ?? "");
        return (
          <figure class="src">
            <figcaption>
              <strong>{name}</strong>
              {document?.label ? (headline ? `: “${headline}”` : " (no headline)") : ""}
            </figcaption>
            {quotes.map((source) => {
              const { paragraph } = place(documents, source);
              return (
                <>
                  <Quote source={source} documents={documents} />
                  <p>
                    <a href={readerHref(readerId(documents, source.document), source.quote)}>
                      {paragraph ? `${name}, paragraph ${paragraph}` : `This passage in ${name}`}
                    </a>
                  </p>
                </>
              );
            })}
          </figure>
        );
      })}
    </section>
  );
}
