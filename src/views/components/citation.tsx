import type { SourceRef } from "../../content/schema.ts";
import type { DocumentLabel } from "../../db/queries/documents.ts";
import { headlineOf } from "./passages.tsx";

/** A link to the reader (by the document's public id) that highlights the quoted passage. */
export function readerHref(publicId: string, quote?: string): string {
  const path = `/documents/${encodeURIComponent(publicId)}`;
  return quote ? `${path}?hl=${encodeURIComponent(quote)}#hl` : path;
}

/** A verbatim quote with the document it comes from, linked to that passage in the reader. */
export function Citation({ source, label, caption }: { source: SourceRef; label: DocumentLabel | undefined; caption?: string }) {
  const name = label?.label || label?.title || "the source document";
  const publicId = label?.publicId ?? source.document;
  return (
    <figure>
      {caption ? <p class="meta">{caption}</p> : null}
      <blockquote cite={readerHref(publicId)}>
        <p>{source.quote}</p>
      </blockquote>
      <figcaption>
        From <a href={readerHref(publicId, source.quote)}>{name}</a>
        {label && label.title !== name ? `: ${headlineOf(label.title).headline ?? "no headline"}` : ""} · opens the whole document at this passage
      </figcaption>
    </figure>
  );
}
