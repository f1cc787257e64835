import type { ConfidenceLevel } from "./confidence.ts";

/**
 * Certainty-based marking exactly as Moodle's qbehaviour_deferredcbm defines it
 * (question/engine/lib.php `question_cbm`, behaviourtype.php `summarise_usage`):
 *
 *   certainty      C1   C2   C3
 *   mark if right   1    2    3    (× the fraction, for partial credit)
 *   mark if wrong   0   −2   −6    (any fraction at or below 0)
 *
 * A question answered without a certainty counts as C1. Over an attempt Moodle reports, per
 * question of weight 1: the average CBM mark (total CBM mark ÷ questions), accuracy (total raw
 * score ÷ questions, ignoring certainty), the CBM bonus 0.1 × (average CBM mark − the best
 * average a student of that accuracy could expect from one fixed certainty), and accuracy + bonus.
 * The grade is shown relative to all correct at C1, so it can reach 300%.
 */

const RIGHT: Record<ConfidenceLevel, number> = { 1: 1, 2: 2, 3: 3 };
const WRONG: Record<ConfidenceLevel, number> = { 1: 0, 2: -2, 3: -6 };
// Moodle treats a fraction this close to 0 as wrong.
const MARK_TOLERANCE = 0.00000005;

/** Moodle's `question_cbm::adjust_fraction`: the CBM mark of one question (weight 1). */
export function cbmMark(fraction: number, certainty: ConfidenceLevel | null): number {
  const level = certainty ?? 1;
  return fraction <= MARK_TOLERANCE ? WRONG[level] : RIGHT[level] * fraction;
}

/** Moodle's `calculate_bonus`. */
export function cbmBonus(averageCbm: number, accuracy: number): number {
  const expected = Math.max(...([1, 2, 3] as const).map((c) => accuracy * cbmMark(1, c) + (1 - accuracy) * cbmMark(0, c)));
  return 0.1 * (averageCbm - expected);
}

export interface CbmItem {
  /** Raw score 0..1; null when the question was not answered. */
  score: number | null;
  confidence: ConfidenceLevel | null;
}

export interface CbmFigures {
  questions: number;
  totalCbm: number;
  /** Total CBM mark ÷ questions: −6 to 3. */
  averageCbm: number;
  accuracy: number;
  bonus: number;
  accuracyAndBonus: number;
  /** Moodle's grade: total CBM mark relative to all correct at C1 (up to 300%). */
  gradePercent: number;
}

export interface CbmSummary {
  whole: CbmFigures;
  /** Moodle adds the figures for the answered questions alone when some were left unanswered. */
  answeredOnly: CbmFigures | null;
}

function figures(items: readonly CbmItem[]): CbmFigures {
  const totalCbm = items.reduce((sum, item) => sum + (item.score === null ? 0 : cbmMark(item.score, item.confidence)), 0);
  const raw = items.reduce((sum, item) => sum + (item.score ?? 0), 0);
  const averageCbm = totalCbm / items.length;
  const accuracy = raw / items.length;
  const bonus = cbmBonus(averageCbm, accuracy);
  return { questions: items.length, totalCbm, averageCbm, accuracy, bonus, accuracyAndBonus: accuracy + bonus, gradePercent: averageCbm * 100 };
}

/** Undefined when there are no scored questions. */
export function summariseCbm(items: readonly CbmItem[]): CbmSummary | undefined {
  if (items.length === 0) return undefined;
  const answered = items.filter((item) => item.score !== null);
  return {
    whole: figures(items),
    answeredOnly: answered.length > 0 && answered.length < items.length ? figures(answered) : null,
  };
}
