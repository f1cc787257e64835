import { locateQuote, paragraphsOf } from "./text.ts";

export interface ReaderParagraph {
  number: number;
  /** Stable while the document text is unchanged: `p-3` is always the third paragraph. */
  anchor: string;
  segments: { text: string; marked: boolean }[];
}

/**
 * Splits a document into numbered paragraphs and marks the passage matching `quote`.
 * A passage may run across paragraphs; each part is marked where it falls.
 */
export function highlightPassage(body: string, quote: string | undefined): { paragraphs: ReaderParagraph[]; found: boolean } {
  const range = quote ? locateQuote(body, quote) : null;
  const paragraphs = paragraphsOf(body).map(({ text, start }, index): ReaderParagraph => {
    const end = start + text.length;
    const number = index + 1;
    if (!range || range.end <= start || range.start >= end) return { number, anchor: `p-${number}`, segments: [{ text, marked: false }] };
    const from = Math.max(range.start, start) - start;
    const to = Math.min(range.end, end) - start;
    const segments = [
      { text: text.slice(0, from), marked: false },
      { text: text.slice(from, to), marked: true },
      { text: text.slice(to), marked: false },
    ].filter((segment) => segment.text.length > 0);
    return { number, anchor: `p-${number}`, segments };
  });
  return { paragraphs, found: range !== null };
}

/** The paragraph (1-based, as the reader numbers them) where a quote starts; undefined if absent. */
export function paragraphOfQuote(body: string, quote: string): number | undefined {
  const range = locateQuote(body, quote);
  if (!range) return undefined;
  const paragraphs = paragraphsOf(body);
  let number: number | undefined;
  paragraphs.forEach(({ start }, index) => {
    if (start <= range.start) number = index + 1;
  });
  return number;
}
