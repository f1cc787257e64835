import { describe, expect, it } from "vitest";
import { calibrationOf, judgeLevel, type RatedResponse } from "../../src/quiz/calibration.ts";
import { cbmBonus, cbmMark, summariseCbm } from "../../src/quiz/cbm.ts";

describe("calibration", () => {
  it("reports accuracy by level, overconfidence and the Brier score, worked by hand", () => {
    // Certain (0.9) twice: right and wrong. Guessing (0.5) twice: right and right. Fairly sure (0.7333): half marks.
    const responses: RatedResponse[] = [
      { confidence: 3, score: 1 },
      { confidence: 3, score: 0 },
      { confidence: 1, score: 1 },
      { confidence: 1, score: 1 },
      { confidence: 2, score: 0.5 },
    ];
    const result = calibrationOf(responses);
    // Accuracy (1 + 0 + 1 + 1 + 0.5) / 5 = 0.7; stated (0.9 + 0.9 + 0.5 + 0.5 + 0.7333) / 5 = 0.70667.
    expect(result?.accuracy).toBeCloseTo(0.7, 12);
    expect(result?.confidence).toBeCloseTo(0.706667, 5);
    expect(result?.overconfidence).toBeCloseTo(0.006667, 5);
    // Brier: (0.01 + 0.81 + 0.25 + 0.25 + 0.2333²) / 5 = (1.32 + 0.054444) / 5 = 0.274889.
    expect(result?.brier).toBeCloseTo(0.274889, 5);
    expect(result?.levels.map((l) => [l.label, l.responses, l.accuracy])).toEqual([
      ["Guessing", 2, 1],
      ["Fairly sure", 1, 0.5],
      ["Certain", 2, 0.5],
    ]);
    // Right every time when guessing: above C1's window (0–67%), (1 − 0.667)² × 2 = 0.22 ≤ 0.5, so "a bit".
    expect(result?.levels.map((l) => l.judgement)).toEqual(["slightly-underconfident", "slightly-overconfident", "slightly-overconfident"]);
  });

  it("follows Moodle's significance rule for over- and under-confidence", () => {
    // Certain and right 40% of 10 times: (0.4 − 0.8)² × 10 = 1.6 > 0.5.
    expect(judgeLevel(0.4, 10, [0.8, 1])).toBe("overconfident");
    expect(judgeLevel(0.7, 10, [0.8, 1])).toBe("slightly-overconfident");
    expect(judgeLevel(0.8, 1, [0.8, 1])).toBe("ok");
    expect(judgeLevel(1, 20, [0, 2 / 3])).toBe("underconfident");
  });

  it("is a perfect 0 Brier score only when certainty matches the outcome, and undefined without ratings", () => {
    expect(calibrationOf([])).toBeUndefined();
    // Always certain and always wrong: (0.9 − 0)² = 0.81, overconfidence 0.9.
    const wrong = calibrationOf([
      { confidence: 3, score: 0 },
      { confidence: 3, score: 0 },
    ]);
    expect(wrong?.brier).toBeCloseTo(0.81, 12);
    expect(wrong?.overconfidence).toBeCloseTo(0.9, 12);
    expect(wrong?.levels[2]?.judgement).toBe("overconfident");
  });
});

describe("certainty-based marking (Moodle qbehaviour_deferredcbm)", () => {
  it("marks 1/2/3 if right and 0/−2/−6 if wrong, scaling partial credit (Moodle's own test cases)", () => {
    // question/behaviour/deferredcbm/tests/question_cbm_test.php
    const cases: [number, 1 | 2 | 3, number][] = [
      [1, 1, 1],
      [1, 2, 2],
      [1, 3, 3],
      [0, 1, 0],
      [0, 2, -2],
      [0, 3, -6],
      [0.5, 1, 0.5],
      [0.5, 2, 1],
      [0.5, 3, 1.5],
      [-0.25, 1, 0],
      [-0.25, 2, -2],
      [-0.25, 3, -6],
    ];
    for (const [fraction, certainty, mark] of cases) expect(cbmMark(fraction, certainty)).toBeCloseTo(mark, 7);
    // No certainty counts as C1.
    expect(cbmMark(1, null)).toBe(1);
  });

  it("computes the bonus against the best fixed certainty for that accuracy", () => {
    // Accuracy 0.9: C1 → 0.9, C2 → 1.8 − 0.2 = 1.6, C3 → 2.7 − 0.6 = 2.1 (best). Average CBM 2.5 → bonus 0.1 × 0.4.
    expect(cbmBonus(2.5, 0.9)).toBeCloseTo(0.04, 12);
    // Accuracy 0.5: C1 0.5, C2 0, C3 −1.5 → expected 0.5.
    expect(cbmBonus(0.5, 0.5)).toBeCloseTo(0, 12);
  });

  it("summarises an attempt as Moodle reports it: average CBM mark, accuracy, bonus and the C1-relative grade", () => {
    const summary = summariseCbm([
      { score: 1, confidence: 3 },
      { score: 1, confidence: 2 },
      { score: 0, confidence: 3 },
      { score: 1, confidence: 1 },
    ]);
    // CBM marks 3 + 2 − 6 + 1 = 0; average 0; accuracy 0.75.
    // Expected for 0.75: max(0.75, 1.5 − 0.5 = 1, 2.25 − 1.5 = 0.75) = 1; bonus 0.1 × (0 − 1) = −0.1.
    expect(summary?.whole).toMatchObject({ questions: 4, totalCbm: 0, averageCbm: 0, accuracy: 0.75, gradePercent: 0 });
    expect(summary?.whole.bonus).toBeCloseTo(-0.1, 12);
    expect(summary?.whole.accuracyAndBonus).toBeCloseTo(0.65, 12);
    expect(summary?.answeredOnly).toBeNull();
  });

  it("adds figures for the answered questions alone when some are unanswered", () => {
    const summary = summariseCbm([
      { score: 1, confidence: 3 },
      { score: null, confidence: null },
    ]);
    expect(summary?.whole).toMatchObject({ questions: 2, totalCbm: 3, averageCbm: 1.5, accuracy: 0.5, gradePercent: 150 });
    expect(summary?.answeredOnly).toMatchObject({ questions: 1, averageCbm: 3, accuracy: 1, gradePercent: 300 });
    expect(summariseCbm([])).toBeUndefined();
  });
});
