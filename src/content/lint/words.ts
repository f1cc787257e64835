import { type DocumentReference, resolveReferences } from "../references.ts";
import type { Question } from "../schema.ts";

/** How a reference reads on the page; "Report B" stands in when the label is not known. */
export type NameReference = (reference: DocumentReference) => string;
export const TYPICAL_NAME: NameReference = (ref) => (ref.paragraph ? `Report B, paragraph ${ref.paragraph}` : "Report B");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The text as a student reads it: tags dropped (html questions), references named, spaces collapsed. */
export function visibleText(text: string, markup: Question["markup"] = "text", name: NameReference = TYPICAL_NAME): string {
  const plain = markup === "html" ? text.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, entity: string) => ENTITIES[entity] ?? "") : text;
  return resolveReferences(plain, name).replace(/\s+/g, " ").trim();
}

/** The length students compare at a glance: visible characters. */
export function visibleLength(text: string, markup: Question["markup"] = "text", name?: NameReference): number {
  return visibleText(text, markup, name).length;
}

// Function words carry no cue: an option "repeats the prompt" only through the words that mean something.
const STOPWORDS = new Set(
  (
    "a an the and or but nor if then than that this these those there here of in on at to for from by with without about as into onto " +
    "over under after before between through during against among is are was were be been being am do does did done has have had " +
    "it its it's he she they them their his her him we us our you your i me my what which who whom whose when where why how " +
    "not no so too very can could may might must shall should will would also just both either neither each any some such own same " +
    "other another more most less least up down out off again once s t " +
    // The task's own vocabulary: every option talks about texts and what they say.
    "text document report article passage paragraph say said write written according"
  ).split(" "),
);

/** Lower-cased words, with a plural or possessive "s" dropped so "claims" meets "claim". */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map((word) => {
    const bare = word.replace(/['’]s$/, "");
    return bare.length > 3 && bare.endsWith("s") && !bare.endsWith("ss") ? bare.slice(0, -1) : bare;
  });
}

/** The distinct content words of a text, references left out (they are names, not wording). */
export function contentWords(text: string, markup: Question["markup"] = "text"): Set<string> {
  return new Set(words(visibleText(text, markup, () => " ")).filter((word) => !STOPWORDS.has(word)));
}

/**
 * Absolute words: the "specific determiners" of the item-writing literature (Haladyna, Downing
 * and Rodriguez 2002), which make a statement universal or certain. Test-wise students rule
 * out options that carry them. Verbs of verification ("proves", "confirms") are left out on
 * purpose: in media literacy they are the content under test (the dropped hedge), and the
 * guidance recommends exactly those distractors.
 */
export const ABSOLUTE_WORDS = [
  "always",
  "never",
  "only",
  "all",
  "none",
  "every",
  "everyone",
  "everybody",
  "everything",
  "nobody",
  "nothing",
  "entirely",
  "completely",
  "totally",
  "absolutely",
  "certainly",
  "definitely",
  "undoubtedly",
  "impossible",
] as const;
const ABSOLUTES = new Set<string>(ABSOLUTE_WORDS);

export function absoluteWords(text: string, markup: Question["markup"] = "text"): string[] {
  const found = (
    visibleText(text, markup, () => " ")
      .toLowerCase()
      .match(/[\p{L}]+/gu) ?? []
  ).filter((word) => ABSOLUTES.has(word));
  return [...new Set(found)];
}

/** Two options that differ only in case, punctuation, spacing or articles say the same thing. */
export function sameAnswerKey(text: string, markup: Question["markup"] = "text"): string {
  // References keep their ids: "[[003]]" and "[[004]]" are different documents, whatever their labels.
  return (
    visibleText(text, markup, (ref) => ` ${ref.document} ${ref.paragraph ?? ""} `)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((word) => !["a", "an", "the"].includes(word))
    .join(" ");
}

/** "All of the above" and "none of the above" (or "of these"): answers about the other options. */
export const ABOUT_OTHER_OPTIONS = /\b(all|none) of (the above|these|the others)\b/i;
