import type { QuestionSetInput } from "../../src/content/schema.ts";
import type { StudentBrowser } from "./student.ts";

/** A document with one sentence per claim, so every claim item can cite its own source. */
export const CHECK_BODY = [
  "The council confirmed the bridge will reopen on Monday.",
  "A spokesman said repairs cost two million pounds.",
  "Inspectors have not yet visited the east span.",
  "Residents were told the ferry will keep running until June.",
  "The mayor claimed traffic fell by a third during the closure.",
  "Photographs checked by the newspaper show new railings.",
  "An engineer who asked not to be named said the cracks were old.",
  "The report does not say who paid for the survey.",
].join("\n");

/** The three-point verdict scale of the library's claim items. */
const SCALE = [
  { id: "s", text: "Supported: the text states it or reports a check", supports: true },
  { id: "c", text: "Only claimed: the text gives it as someone's word", supports: false },
  { id: "n", text: "Not supported: the texts do not say this", supports: false },
];

/** Whether claim i (0-based) is supported; its key is "s" if so, otherwise "c" or "n" in turn. */
export const CLAIM_SUPPORTED = [true, false, true, false, true, false, true, false];
export const claimKey = (i: number) => (CLAIM_SUPPORTED[i] ? "s" : i % 4 === 1 ? "c" : "n");

/**
 * A check with eight claim items (four supported, four not) and one single-choice item. Every
 * piece of feedback, every explanation and every source quote carries a marker ("FEEDBACK-",
 * "EXPLAIN-", the source sentences) so a test can prove none of it reaches a page early.
 */
export function claimCheck(docId: string, extra: Partial<QuestionSetInput> = {}): QuestionSetInput {
  const sentences = CHECK_BODY.split("\n");
  return {
    title: "Claims check",
    summary: "Eight claims to judge against the text.",
    skills: ["verification", "attribution"],
    documents: [docId],
    mode: "check",
    ...extra,
    questions: [
      ...CLAIM_SUPPORTED.map((_, i) => ({
        id: `claim-${i + 1}`,
        type: "claim" as const,
        skill: "verification" as const,
        difficulty: "medium" as const,
        prompt: "What do the texts do with this claim?",
        claim: `Claim number ${i + 1} about the bridge.`,
        options: SCALE.map((o) => ({ ...o, feedback: `FEEDBACK-${i + 1}-${o.id}` })),
        answer: claimKey(i),
        explanation: `EXPLAIN-${i + 1}`,
        sources: [{ document: docId, quote: sentences[i] as string }],
      })),
      {
        id: "who-said",
        type: "single" as const,
        skill: "attribution" as const,
        difficulty: "easy" as const,
        prompt: "Who gave the cost of the repairs?",
        options: [
          { id: "a", text: "A spokesman", feedback: "FEEDBACK-single-a" },
          { id: "b", text: "The mayor", feedback: "FEEDBACK-single-b" },
        ],
        answer: "a",
        explanation: "EXPLAIN-single",
        sources: [{ document: docId, quote: sentences[1] as string }],
      },
    ],
  };
}

/** Markers that must not appear on any page of a check before its end. */
export const LEAK_MARKERS = ["FEEDBACK-", "EXPLAIN-", ...CHECK_BODY.split("\n")];

/** The claim number (1-based) shown on a question page, or null for the single-choice item. */
export function claimNumberOn(html: string): number | null {
  const match = /Claim number (\d+) about the bridge/.exec(html);
  return match ? Number(match[1]) : null;
}

export type Strategy = "key" | "all-not-supported" | "all-supported" | ((claim: number) => string);

/** The option a student following `strategy` picks for claim `claim` (1-based). */
export function choiceFor(strategy: Strategy, claim: number): string {
  if (strategy === "key") return claimKey(claim - 1);
  if (strategy === "all-not-supported") return "n";
  if (strategy === "all-supported") return "s";
  return strategy(claim);
}

/**
 * Answers every question of a check attempt in order, with `strategy` for claim items and the
 * key for the single-choice one, calling `inspect` on every page the student sees before the end.
 */
export async function answerCheck(
  browser: StudentBrowser,
  attemptId: string,
  strategy: Strategy,
  options: { confidence?: (n: number) => string; inspect?: (html: string, where: string) => void } = {},
): Promise<void> {
  for (let n = 1; n <= CLAIM_SUPPORTED.length + 1; n++) {
    const where = `/attempts/${attemptId}/questions/${n}`;
    const page = await browser.get(where);
    if (page.status !== 200) throw new Error(`${where} answered ${page.status}`);
    options.inspect?.(browser.lastHtml, where);
    const claim = claimNumberOn(browser.lastHtml);
    const fields: Record<string, string> = { choice: claim === null ? "a" : choiceFor(strategy, claim) };
    if (options.confidence) fields.confidence = options.confidence(n);
    const answered = await browser.post(where, fields);
    if (answered.status !== 303) throw new Error(`answering ${where} answered ${answered.status}`);
    // The last answer leads to the results; every earlier one to an acknowledgement.
    if (answered.headers.get("Location") === `/attempts/${attemptId}`) break;
    const next = await browser.follow(answered);
    if (next.status !== 200) throw new Error(`after answering ${where}: ${next.status}`);
    options.inspect?.(browser.lastHtml, `${where} (after answering)`);
  }
}
