/**
 * Quote matching. A source quote must appear verbatim in its document once whitespace
 * (including non-breaking and thin spaces) and quote-mark styles are normalised.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

function normaliseChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  return ch;
}

/** Normalised text plus, for every normalised character, the offset of its source character. */
export interface NormalisedText {
  text: string;
  offsets: number[];
}

export function normaliseWithOffsets(source: string): NormalisedText {
  let text = "";
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (WHITESPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += " ";
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += normaliseChar(ch);
    offsets.push(i);
  }
  return { text, offsets };
}

export function normalise(source: string): string {
  return normaliseWithOffsets(source).text;
}

/** A document prepared once for many quote lookups: normalised text and words. */
export interface PreparedDocument {
  normalised: NormalisedText;
  /** The document's words as written, for showing a passage. */
  words: string[];
  /** The same words normalised and lower-cased, for comparing. */
  keys: string[];
}

export function prepareDocument(body: string): PreparedDocument {
  const normalised = normaliseWithOffsets(body);
  const words = body.split(/\s+/).filter(Boolean);
  return { normalised, words, keys: words.map((word) => normalise(word).toLowerCase()) };
}

/** Where a quote sits in the original document text, as [start, end) offsets; null if absent. */
export function locateQuote(document: string | PreparedDocument, quote: string): { start: number; end: number } | null {
  const needle = normalise(quote);
  if (needle.length === 0) return null;
  const haystack = typeof document === "string" ? normaliseWithOffsets(document) : document.normalised;
  const at = haystack.text.indexOf(needle);
  if (at < 0) return null;
  const start = haystack.offsets[at] as number;
  const end = (haystack.offsets[at + needle.length - 1] as number) + 1;
  return { start, end };
}

/**
 * The document passage that shares most words with a quote that was not found, for error
 * messages. A sliding window keeps this linear in the document's length.
 */
export function closestPassage(document: string | PreparedDocument, quote: string, maxLength = 90): string {
  const { words, keys } = typeof document === "string" ? prepareDocument(document) : document;
  const wanted = normalise(quote).toLowerCase().split(" ").filter(Boolean);
  if (words.length === 0 || wanted.length === 0) return "";
  const wantedSet = new Set(wanted);
  const width = Math.min(wanted.length, words.length);
  const hit = (i: number) => (wantedSet.has(keys[i] as string) ? 1 : 0);
  let inWindow = 0;
  for (let j = 0; j < width; j++) inWindow += hit(j);
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i + width <= words.length; i++) {
    if (i > 0) inWindow += hit(i + width - 1) - hit(i - 1);
    // Prefer windows that start with the quote's first word, so the hint lines up.
    const score = inWindow + (keys[i] === wanted[0] ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const passage = words.slice(best, best + width).join(" ");
  return passage.length > maxLength ? `${passage.slice(0, maxLength - 1)}…` : passage;
}

/** A document body split into the paragraphs the reader shows; blank lines separate nothing extra. */
export function paragraphsOf(body: string): { text: string; start: number }[] {
  const paragraphs: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of body.split("\n")) {
    const trimmed = line.trimEnd();
    if (trimmed.trim().length > 0) paragraphs.push({ text: trimmed, start: offset });
    offset += line.length + 1;
  }
  return paragraphs;
}
