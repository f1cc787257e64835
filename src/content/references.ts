/**
 * Question text names documents the way students see them. Authors write `[[002]]` for a
 * document and `[[002#4]]` for its fourth paragraph; pages render the document's label
 * ("Report B") instead, so no bare internal id reaches a student.
 */
export const DOCUMENT_REFERENCE = /\[\[([a-z0-9][a-z0-9-]{0,63})(?:#(\d{1,3}))?\]\]/g;

export interface DocumentReference {
  document: string;
  paragraph?: number;
}

export type TextPart = string | DocumentReference;

/** Splits text into plain runs and document references, in order. */
export function splitReferences(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(DOCUMENT_REFERENCE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(match[2] ? { document: match[1] as string, paragraph: Number(match[2]) } : { document: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Plain text with references written out through `name` (for titles, CSV and exports). */
export function resolveReferences(text: string, name: (reference: DocumentReference) => string): string {
  return splitReferences(text)
    .map((part) => (typeof part === "string" ? part : name(part)))
    .join("");
}

/** The documents a text refers to. */
export function referencedDocuments(text: string): string[] {
  return [...text.matchAll(DOCUMENT_REFERENCE)].map((match) => match[1] as string);
}

/**
 * Document ids named bare (outside `[[…]]`), which students would see as meaningless codes.
 * `ids` are the ids that could be meant; a year like 2022 is not one of them.
 */
export function bareDocumentIds(text: string, ids: Iterable<string>): string[] {
  const outside = text.replace(DOCUMENT_REFERENCE, " ");
  return [...ids].filter((id) => new RegExp(`(^|[^A-Za-z0-9-])${id.replace(/[-]/g, "\\-")}($|[^A-Za-z0-9-])`).test(outside));
}
