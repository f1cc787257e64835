import { gradeResponse } from "../../quiz/grading.ts";
import { type ChoiceQuestion, isChoiceQuestion, isScored, type Question, type QuestionSet } from "../schema.ts";
import { ABOUT_OTHER_OPTIONS, absoluteWords, type NameReference, visibleLength } from "./words.ts";

/**
 * What a student who never reads the documents would score, set by set. The cue-only student
 * picks the longest option (single choice and claim judgements), answers every true/false
 * statement with the set's more frequent key, and ticks the two longest options (multiple
 * select) or the two longest sentences (evidence). Ties count fractionally: with k options
 * tied for longest, the expected score is the mean over the k. Short answer, numerical and
 * matching have no cue strategy and score 0; essays and descriptions count nowhere.
 */
export interface SetStats {
  /** Scored questions. */
  scored: number;
  /** Expected points of the cue-only student, out of `scored`. */
  cuePoints: number;
  /** Expected points of a guesser making the same number of picks at random (0 for typed answers). */
  chancePoints: number;
  /** Single-choice questions, and how many are keyed on the longest option (fractional for ties). */
  single: { count: number; longestKeyed: number };
  trueFalse: { count: number; keyedTrue: number };
  /** Questions shown in file order with one key: how many have it at position 1, 2, 3… */
  fixedOrder: { count: number; keyPositions: number[] };
  /** Options of single-choice and multiple-select questions, and how many carry an absolute word. */
  absolutes: { keys: number; withAbsolute: number; distractors: number; distractorsWithAbsolute: number };
}

export function emptyStats(): SetStats {
  return {
    scored: 0,
    cuePoints: 0,
    chancePoints: 0,
    single: { count: 0, longestKeyed: 0 },
    trueFalse: { count: 0, keyedTrue: 0 },
    fixedOrder: { count: 0, keyPositions: [] },
    absolutes: { keys: 0, withAbsolute: 0, distractors: 0, distractorsWithAbsolute: 0 },
  };
}

/** The share as a whole percentage, or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((100 * part) / whole);
}

export function isKeyedTrue(question: Question): boolean {
  return question.type === "true_false" && question.options.find((o) => o.id === question.answer[0])?.text.toLowerCase() === "true";
}

/** Options shown in the file's order: a fixed verdict scale, reading order, or `shuffle: false`. */
export function isFixedOrder(question: ChoiceQuestion): boolean {
  if (question.type === "evidence") return true;
  if (question.type === "true_false") return false; // always True first: the true share covers it
  return !question.shuffle;
}

/** How many options the cue strategy picks: one, or two on multiple select and evidence. */
function picksFor(question: ChoiceQuestion): number {
  return question.type === "multiple" || question.type === "evidence" ? 2 : 1;
}

function scoreOf(question: ChoiceQuestion, ids: string[]): number {
  return gradeResponse(question, ids).score ?? 0;
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Expected score of picking the `picks` longest options, ties broken at random. */
export function longestPickScore(question: ChoiceQuestion, name?: NameReference, picks = picksFor(question)): number {
  const lengths = question.options.map((o) => visibleLength(o.text, question.markup, name));
  const take = Math.min(picks, lengths.length);
  const cut = [...lengths].sort((a, b) => b - a)[take - 1] ?? 0;
  const sure = question.options.filter((_, i) => (lengths[i] ?? 0) > cut).map((o) => o.id);
  const tied = question.options.filter((_, i) => lengths[i] === cut).map((o) => o.id);
  return mean(combinations(tied, take - sure.length).map((extra) => scoreOf(question, [...sure, ...extra])));
}

/** Expected score of the same number of picks made blindly. */
export function chanceScore(question: ChoiceQuestion): number {
  const picks = Math.min(picksFor(question), question.options.length);
  return mean(
    combinations(
      question.options.map((o) => o.id),
      picks,
    ).map((ids) => scoreOf(question, ids)),
  );
}

export function setStats(set: Pick<QuestionSet, "questions">, name?: NameReference): SetStats {
  const stats = emptyStats();
  for (const question of set.questions) {
    if (!isScored(question)) continue;
    stats.scored++;
    if (!isChoiceQuestion(question)) continue; // typed answers: no cue, no chance
    stats.chancePoints += chanceScore(question);
    if (question.type === "true_false") {
      stats.trueFalse.count++;
      if (isKeyedTrue(question)) stats.trueFalse.keyedTrue++;
      continue;
    }
    const longest = longestPickScore(question, name);
    stats.cuePoints += longest;
    if (question.type === "single") {
      stats.single.count++;
      stats.single.longestKeyed += longest;
    }
    if (question.type === "single" || question.type === "multiple")
      for (const option of question.options) {
        const absolute = absoluteWords(option.text.replace(ABOUT_OTHER_OPTIONS, " "), question.markup).length > 0;
        if (question.answer.includes(option.id)) {
          stats.absolutes.keys++;
          if (absolute) stats.absolutes.withAbsolute++;
        } else {
          stats.absolutes.distractors++;
          if (absolute) stats.absolutes.distractorsWithAbsolute++;
        }
      }
    if (isFixedOrder(question) && question.answer.length === 1) {
      const position = question.options.findIndex((o) => o.id === question.answer[0]);
      stats.fixedOrder.count++;
      stats.fixedOrder.keyPositions[position] = (stats.fixedOrder.keyPositions[position] ?? 0) + 1;
    }
  }
  // The cue-only student answers every statement with the set's majority key (a tie: either).
  const { count, keyedTrue } = stats.trueFalse;
  stats.cuePoints += Math.max(keyedTrue, count - keyedTrue);
  return stats;
}

/** Library totals: each set's cue-only points (its own true/false majority) added up. */
export function addStats(total: SetStats, stats: SetStats): SetStats {
  const keyPositions = [...total.fixedOrder.keyPositions];
  stats.fixedOrder.keyPositions.forEach((n, i) => {
    keyPositions[i] = (keyPositions[i] ?? 0) + (n ?? 0);
  });
  return {
    scored: total.scored + stats.scored,
    cuePoints: total.cuePoints + stats.cuePoints,
    chancePoints: total.chancePoints + stats.chancePoints,
    single: { count: total.single.count + stats.single.count, longestKeyed: total.single.longestKeyed + stats.single.longestKeyed },
    trueFalse: { count: total.trueFalse.count + stats.trueFalse.count, keyedTrue: total.trueFalse.keyedTrue + stats.trueFalse.keyedTrue },
    fixedOrder: { count: total.fixedOrder.count + stats.fixedOrder.count, keyPositions },
    absolutes: {
      keys: total.absolutes.keys + stats.absolutes.keys,
      withAbsolute: total.absolutes.withAbsolute + stats.absolutes.withAbsolute,
      distractors: total.absolutes.distractors + stats.absolutes.distractors,
      distractorsWithAbsolute: total.absolutes.distractorsWithAbsolute + stats.absolutes.distractorsWithAbsolute,
    },
  };
}
