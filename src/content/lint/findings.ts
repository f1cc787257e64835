/**
 * What the lint reports. The same finding is an error in the built-in library and a warning
 * for a teacher's upload; `rule` lets callers (and tests) tell findings apart.
 */
export type LintRule =
  // one question
  | "longest-key"
  | "echoes-prompt"
  | "about-other-options"
  | "absolutes-in-distractors"
  | "duplicate-options"
  | "selects-every-option"
  | "missing-feedback"
  | "missing-explanation"
  // documents named in text
  | "bare-document-id"
  | "unlisted-reference"
  | "missing-paragraph"
  | "evidence-not-shown"
  // one set, or the library
  | "cue-only-score"
  | "longest-key-share"
  | "true-share"
  | "key-position"
  | "absolutes-balance"
  // parallel forms of one check
  | "form-mode"
  | "form-size"
  | "form-claims"
  | "form-lonely"
  | "form-mix"
  | "form-option-length"
  | "form-shared-quote";

export interface LintFinding {
  rule: LintRule;
  /** Where in the set file: ["questions", 2, "options"]; empty for the whole set. */
  path: (string | number)[];
  /** Plain words for a teacher: what is wrong, why it matters, how to fix it. */
  message: string;
}

/** "Question 3" for questions[2], as the preview numbers them. */
export function questionName(index: number): string {
  return `Question ${index + 1}`;
}

export function quoteList(items: readonly string[], limit = 4): string {
  const shown = items.slice(0, limit).map((item) => `"${item}"`);
  return items.length > limit ? `${shown.join(", ")}…` : shown.join(", ");
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
