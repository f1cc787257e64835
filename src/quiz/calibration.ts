import { CONFIDENCE_LEVELS, type ConfidenceLevel, confidenceLevel } from "./confidence.ts";

/**
 * Calibration: does "certain" mean right more often than "guessing"? From the scored, answered
 * items where the student said how sure they were. Accuracy is the mean score (partial credit
 * counts). Each level is read as a stated probability (src/quiz/confidence.ts): overconfidence is
 * the mean stated probability minus accuracy, and the Brier score the mean squared gap between
 * stated probability and score (0 is perfect; always saying "certain" and being right half the
 * time scores 0.41).
 */

export interface RatedResponse {
  confidence: ConfidenceLevel;
  /** 0 to 1. */
  score: number;
}

/** Moodle's CBM verdict for one level: accuracy against the range where that level pays best. */
export type Judgement = "ok" | "slightly-overconfident" | "overconfident" | "slightly-underconfident" | "underconfident";

export interface LevelCalibration {
  level: ConfidenceLevel;
  label: string;
  responses: number;
  /** Mean score at this level; null when the level was never chosen. */
  accuracy: number | null;
  optimal: readonly [number, number];
  judgement: Judgement | null;
}

export interface Calibration {
  responses: number;
  accuracy: number;
  /** Mean stated probability. */
  confidence: number;
  /** Confidence minus accuracy: above 0 over-confident, below 0 under-confident. */
  overconfidence: number;
  brier: number;
  levels: LevelCalibration[];
}

// Moodle's tolerance when comparing an accuracy with the window's edges.
const EDGE = 0.0000005;

/**
 * As qbehaviour_deferredcbm's summary judges each level: outside the optimal window is over- or
 * under-confident, "slightly" unless (gap² × responses) > 0.5, Moodle's rough significance test.
 */
export function judgeLevel(accuracy: number, responses: number, [low, high]: readonly [number, number]): Judgement {
  if (accuracy < low - EDGE) return (accuracy - low) ** 2 * responses > 0.5 ? "overconfident" : "slightly-overconfident";
  if (accuracy > high + EDGE) return (accuracy - high) ** 2 * responses > 0.5 ? "underconfident" : "slightly-underconfident";
  return "ok";
}

export const JUDGEMENT_WORDS: Record<Judgement, string> = {
  ok: "about right",
  "slightly-overconfident": "a bit over-confident",
  overconfident: "over-confident",
  "slightly-underconfident": "a bit under-confident",
  underconfident: "under-confident",
};

/** Undefined when no answer carries a confidence level. */
export function calibrationOf(responses: readonly RatedResponse[]): Calibration | undefined {
  if (responses.length === 0) return undefined;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const stated = responses.map((r) => confidenceLevel(r.confidence).probability);
  const accuracy = mean(responses.map((r) => r.score));
  const confidence = mean(stated);
  return {
    responses: responses.length,
    accuracy,
    confidence,
    overconfidence: confidence - accuracy,
    brier: mean(responses.map((r, i) => ((stated[i] as number) - r.score) ** 2)),
    levels: CONFIDENCE_LEVELS.map((level) => {
      const at = responses.filter((r) => r.confidence === level.value);
      const levelAccuracy = at.length === 0 ? null : mean(at.map((r) => r.score));
      return {
        level: level.value,
        label: level.label,
        responses: at.length,
        accuracy: levelAccuracy,
        optimal: level.optimal,
        judgement: levelAccuracy === null ? null : judgeLevel(levelAccuracy, at.length, level.optimal),
      };
    }),
  };
}
