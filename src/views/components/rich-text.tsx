import { raw } from "hono/html";
import { type DocumentReference, resolveReferences, splitReferences } from "../../content/references.ts";
import type { Question } from "../../content/schema.ts";
import type { DocumentLabel } from "../../db/queries/documents.ts";

export type DocumentLabels = Map<string, DocumentLabel>;

/** "Report B" or "Report B, paragraph 4": a document as students see it named. */
export function referenceName(reference: DocumentReference, documents: DocumentLabels): string {
  const label = documents.get(reference.document)?.label || "the document";
  return reference.paragraph ? `${label}, paragraph ${reference.paragraph}` : label;
}

/** Text where no markup can go (a select's options, a page title): references written out as labels. */
export function plainText(text: string, documents: DocumentLabels): string {
  return resolveReferences(text, (reference) => referenceName(reference, documents));
}

/**
 * Question text. Plain text is escaped by JSX, with `[[id]]` references shown as the
 * document's label (as links to the reader where `links` is set). `html` text was sanitised
 * with an allow-list when the question was parsed, so it is rendered as HTML.
 */
export function RichText({
  text,
  markup = "text",
  documents,
  links = false,
}: {
  text: string;
  markup?: Question["markup"];
  documents: DocumentLabels;
  links?: boolean;
}) {
  if (markup === "html") return <>{raw(text)}</>;
  return (
    <>
      {splitReferences(text).map((part) => {
        if (typeof part === "string") return part;
        const name = referenceName(part, documents);
        if (!links) return <span class="doc">{name}</span>;
        const href = `/documents/${encodeURIComponent(documents.get(part.document)?.publicId ?? part.document)}${part.paragraph ? `#p-${part.paragraph}` : ""}`;
        return <a href={href}>{name}</a>;
      })}
    </>
  );
}

/**
 * Text that may hold paragraphs or lists (an imported question's HTML): a div, since a paragraph
 * cannot contain them; plain text stays one paragraph.
 */
export function RichBlock(props: { text: string; markup?: Question["markup"]; documents: DocumentLabels; links?: boolean; class?: string; id?: string }) {
  const text = <RichText text={props.text} markup={props.markup} documents={props.documents} links={props.links} />;
  return props.markup === "html" ? (
    <div class={props.class ? `rich ${props.class}` : "rich"} id={props.id}>
      {text}
    </div>
  ) : (
    <p class={props.class} id={props.id}>
      {text}
    </p>
  );
}
