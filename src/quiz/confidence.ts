/**
 * "How sure are you?" The numbers are what is stored (responses.confidence); Moodle's
 * certainty-based marking calls them C1 to C3. `probability` is the level read as a stated
 * chance of being right, for calibration: the middle of the range Moodle's CBM finds optimal
 * for that level (C1 below 67%, taken from a one-in-three guess; C2 67–80%; C3 80–100%).
 */
export const CONFIDENCE_LEVELS = [
  { value: 1, label: "Guessing", probability: 0.5, optimal: [0, 2 / 3] },
  { value: 2, label: "Fairly sure", probability: (2 / 3 + 0.8) / 2, optimal: [2 / 3, 0.8] },
  { value: 3, label: "Certain", probability: 0.9, optimal: [0.8, 1] },
] as const;

export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]["value"];

export function isConfidenceLevel(value: unknown): value is ConfidenceLevel {
  return value === 1 || value === 2 || value === 3;
}

export function confidenceLevel(value: ConfidenceLevel) {
  return CONFIDENCE_LEVELS[value - 1] as (typeof CONFIDENCE_LEVELS)[number];
}
