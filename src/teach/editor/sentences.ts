import { paragraphsOf } from "../../content/text.ts";

/**
 * Picking a quote from a document. The teacher chooses sentences or whole paragraphs (without
 * JavaScript) or selects text (with it, sent as offsets); either way the quote is cut from the
 * document's own text, so it is verbatim by construction.
 */

export interface Sentence {
  /** `3.2`: paragraph 3, sentence 2 (both 1-based), as the form sends it. */
  key: string;
  start: number;
  end: number;
  text: string;
}

export interface PickerParagraph {
  number: number;
  sentences: Sentence[];
}

/** A sentence ends at . ! or ? (with any closing quotes or brackets) before a space. */
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s+\S)/g;

export function pickerParagraphs(body: string): PickerParagraph[] {
  return paragraphsOf(body).map((paragraph, p) => {
    const sentences: Sentence[] = [];
    let from = 0;
    const cut = (to: number) => {
      const raw = paragraph.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text) {
        const start = paragraph.start + from + lead;
        sentences.push({ key: `${p + 1}.${sentences.length + 1}`, start, end: start + text.length, text });
      }
      from = to;
    };
    for (const match of paragraph.text.matchAll(SENTENCE_END)) cut(match.index + match[0].length);
    cut(paragraph.text.length);
    return { number: p + 1, sentences };
  });
}

export const MAX_QUOTE = 1200;

export type Picked = { ok: true; quote: string } | { ok: false; message: string };

/**
 * The quote made of the chosen sentences and paragraphs: from the first to the last, which must
 * follow one another in the document with none left out between them.
 */
export function quoteFromChoices(body: string, chosenSentences: readonly string[], chosenParagraphs: readonly string[]): Picked {
  const all = pickerParagraphs(body).flatMap((p) => p.sentences.map((s) => ({ ...s, paragraph: String(p.number) })));
  const picked = all.map((s) => chosenSentences.includes(s.key) || chosenParagraphs.includes(s.paragraph));
  const first = picked.indexOf(true);
  const last = picked.lastIndexOf(true);
  if (first < 0) return { ok: false, message: "choose at least one sentence or paragraph, or select the text" };
  if (picked.slice(first, last + 1).includes(false))
    return { ok: false, message: "choose sentences that follow one another, with none left out between them (or add them one quote at a time)" };
  return quoteFromOffsets(body, (all[first] as Sentence).start, (all[last] as Sentence).end);
}

/** The quote between two offsets of the text, widened to whole words. */
export function quoteFromOffsets(body: string, start: number, end: number): Picked {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || end <= start)
    return { ok: false, message: "that selection is not in this document: select the text again" };
  const word = /[\p{L}\p{N}'’-]/u;
  let from = start;
  let to = end;
  while (from > 0 && word.test(body[from - 1] as string) && word.test(body[from] as string)) from--;
  while (to < body.length && word.test(body[to] as string) && word.test(body[to - 1] as string)) to++;
  const quote = body.slice(from, to).trim();
  if (!quote) return { ok: false, message: "the selection is empty: select some words" };
  if (quote.length > MAX_QUOTE) return { ok: false, message: `a quote may be at most ${MAX_QUOTE} characters; this one has ${quote.length}` };
  return { ok: true, quote };
}
