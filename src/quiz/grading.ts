import { isScored } from "../content/question-kinds.ts";
import type { Question, QuestionOfType } from "../content/schema.ts";
import { matchingChoices } from "./matching.ts";
import type { ResponseValue } from "./response-value.ts";

/** A graded answer: a score from 0 to 1 (null for items that count in no score) and full marks or not. */
export interface Grade {
  score: number | null;
  correct: boolean;
}

const FULL = 0.9999;

function grade(score: number): Grade {
  const clamped = Math.min(1, Math.max(0, score));
  return { score: clamped, correct: clamped >= FULL };
}

/** Grades an answer on the server, as Moodle would for the imported types. */
export function gradeResponse(question: Question, value: ResponseValue): Grade {
  if (!isScored(question)) return { score: null, correct: false };
  switch (question.type) {
    case "single":
    case "true_false":
    case "claim":
      return grade(singleChoiceScore(question, asIds(value)));
    case "multiple":
    case "evidence":
      return grade(multipleChoiceScore(question, asIds(value)));
    case "short_answer":
      return grade((shortAnswerMatch(question, asText(value))?.weight ?? 0) / 100);
    case "numerical":
      return grade((numericalMatch(question, asNumber(value))?.weight ?? 0) / 100);
    case "matching":
      return grade(matchingScore(question, asMatches(value)));
    default:
      return { score: null, correct: false };
  }
}

function asIds(value: ResponseValue): string[] {
  return Array.isArray(value) ? value : [];
}
function asText(value: ResponseValue): string {
  return !Array.isArray(value) && "text" in value ? value.text : "";
}
function asNumber(value: ResponseValue): number | null {
  return !Array.isArray(value) && "value" in value ? value.value : null;
}
function asMatches(value: ResponseValue): Record<string, string> {
  return !Array.isArray(value) && "matches" in value ? value.matches : {};
}

type Choice = QuestionOfType<"single" | "multiple" | "true_false" | "claim" | "evidence">;

/** The weight of one option in percent: the key is worth 100, others their weight or 0. */
export function optionWeight(question: Choice, optionId: string): number {
  const option = question.options.find((o) => o.id === optionId);
  if (!option) return 0;
  if (question.answer.includes(optionId)) return option.weight ?? 100;
  return option.weight ?? 0;
}

/** One option chosen: its weight; negative weights floor at zero. */
function singleChoiceScore(question: Choice, chosen: string[]): number {
  if (chosen.length !== 1) return 0;
  return Math.max(0, optionWeight(question, chosen[0] as string)) / 100;
}

/**
 * Without weights, all or nothing: exactly the correct options. With weights (Moodle's
 * multiple-answer questions), the sum of the chosen weights, penalties included, floored at 0.
 */
function multipleChoiceScore(question: Choice, chosen: string[]): number {
  const weighted = question.options.some((o) => o.weight !== undefined);
  if (!weighted) {
    const correct = new Set(question.answer);
    return chosen.length === correct.size && chosen.every((id) => correct.has(id)) ? 1 : 0;
  }
  return (
    Math.max(
      0,
      chosen.reduce((sum, id) => sum + optionWeight(question, id), 0),
    ) / 100
  );
}

/** Moodle's short-answer matching: whole answer, case-insensitive unless set, `*` matches anything. */
export function shortAnswerMatch(question: QuestionOfType<"short_answer">, typed: string) {
  const answer = normaliseAnswer(typed);
  if (answer === "") return undefined;
  const matches = question.answers.filter((accepted) => wildcardPattern(normaliseAnswer(accepted.text), question.caseSensitive).test(answer));
  return matches.sort((a, b) => b.weight - a.weight)[0];
}

function normaliseAnswer(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ");
}

function wildcardPattern(accepted: string, caseSensitive: boolean): RegExp {
  // Moodle escapes `\*` for a literal asterisk; any other `*` matches any run of characters.
  const parts = accepted.split(/(\\\*|\*)/);
  const source = parts.map((part) => (part === "*" ? "[\\s\\S]*" : part === "\\*" ? "\\*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, caseSensitive ? "u" : "iu");
}

/** The best-weighted accepted answer that the number falls within. */
export function numericalMatch(question: QuestionOfType<"numerical">, value: number | null) {
  if (value === null || !Number.isFinite(value)) return undefined;
  const within = question.answers.filter((a) => {
    if (a.value !== undefined) return Math.abs(value - a.value) <= (a.tolerance ?? 0) + 1e-9;
    return value >= (a.min as number) - 1e-9 && value <= (a.max as number) + 1e-9;
  });
  return within.sort((a, b) => b.weight - a.weight)[0];
}

/** Each pair matched correctly earns its share. */
function matchingScore(question: QuestionOfType<"matching">, matches: Record<string, string>): number {
  const choices = matchingChoices(question);
  const correct = question.pairs.filter((pair) => {
    const chosen = choices.find((c) => c.id === matches[pair.id]);
    return chosen !== undefined && chosen.text === pair.answer;
  }).length;
  return correct / question.pairs.length;
}

/** The accepted answers with full marks, for feedback ("Accepted answers: …"). */
export function fullMarkAnswers(question: QuestionOfType<"short_answer" | "numerical">): string[] {
  if (question.type === "short_answer") return question.answers.filter((a) => a.weight === 100).map((a) => a.text);
  return question.answers
    .filter((a) => a.weight === 100)
    .map((a) => (a.value !== undefined ? (a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value)) : `${a.min} to ${a.max}`));
}
