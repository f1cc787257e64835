import { describe, expect, it } from "vitest";
import { type Question, type QuestionInput, question as questionSchema } from "../../src/content/schema.ts";
import {
  acceptanceSentence,
  type ClaimJudgement,
  claimJudgement,
  correctedRate,
  discernmentScores,
  discernmentSentence,
  leanSentence,
} from "../../src/quiz/discernment.ts";
import { inverseNormalCdf } from "../../src/quiz/normal.ts";

describe("inverse standard normal CDF (Acklam)", () => {
  it("matches published quantiles to better than 1e-8 in the centre and both tails", () => {
    // Quantiles from standard tables (R's qnorm), to 10 significant figures.
    const table: [number, number][] = [
      [0.5, 0],
      [0.8413447461, 1],
      [0.9, 1.281551566],
      [0.975, 1.959963985],
      [0.01, -2.326347874],
      [0.999, 3.090232306],
      [1e-10, -6.361340902],
    ];
    for (const [p, z] of table) expect(inverseNormalCdf(p)).toBeCloseTo(z, 8);
  });

  it("is symmetric and increasing across the region boundaries", () => {
    for (const p of [0.001, 0.02425, 0.0243, 0.3, 0.49]) expect(inverseNormalCdf(p)).toBeCloseTo(-inverseNormalCdf(1 - p), 9);
    const ps = [1e-6, 0.02, 0.02425, 0.0243, 0.5, 0.97575, 0.98, 1 - 1e-6];
    const zs = ps.map(inverseNormalCdf);
    for (let i = 1; i < zs.length; i++) expect(zs[i]).toBeGreaterThan(zs[i - 1] as number);
  });

  it("refuses probabilities of 0, 1 and outside", () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => inverseNormalCdf(p)).toThrow(RangeError);
  });
});

/** `supported` claims then `unsupported` ones; `accepted[i]` says whether the student accepted claim i. */
function judgements(supported: boolean[], unsupported: boolean[]): ClaimJudgement[] {
  return [...supported.map((accepted) => ({ supported: true, accepted })), ...unsupported.map((accepted) => ({ supported: false, accepted }))];
}
const repeat = (value: boolean, n: number) => Array.from({ length: n }, () => value);

describe("discernment and scepticism, worked by hand (4 supported and 4 unsupported claims)", () => {
  // With 4 claims of each kind the log-linear rates are (k + 0.5) / 5: 0.1, 0.3, 0.5, 0.7 or 0.9.
  // z(0.9) = 1.2816 and z(0.1) = −1.2816.

  it("all correct: H = 4.5/5 = 0.9, F = 0.5/5 = 0.1, d′ = 1.2816 + 1.2816 = 2.563, c = 0", () => {
    const scores = discernmentScores(judgements(repeat(true, 4), repeat(false, 4)));
    expect(scores?.hitRate).toBeCloseTo(0.9, 12);
    expect(scores?.falseAlarmRate).toBeCloseTo(0.1, 12);
    expect(scores?.discernment).toBeCloseTo(2.5631, 4);
    expect(scores?.scepticism).toBeCloseTo(0, 12);
    expect(scores).toMatchObject({ supportedAccepted: 4, unsupportedRejected: 4, distrustNaivety: 0 });
  });

  it('all "not supported": H = F = 0.1, so d′ = 0 and c = −(−1.2816 − 1.2816)/2 = +1.2816: strongly doubting, not a good grade', () => {
    const scores = discernmentScores(judgements(repeat(false, 4), repeat(false, 4)));
    expect(scores?.discernment).toBeCloseTo(0, 12);
    expect(scores?.scepticism).toBeCloseTo(1.2816, 4);
    // Accepted 0 claims where 4 were supported: 4 towards distrust.
    expect(scores).toMatchObject({ supportedAccepted: 0, unsupportedRejected: 4, distrustNaivety: -4 });
    expect(leanSentence(scores?.scepticism ?? 0)).toBe("You lean strongly towards doubting.");
    expect(discernmentSentence(scores?.discernment ?? 1)).toContain("did not yet tell supported and unsupported claims apart");
  });

  it('all "supported": H = F = 0.9, so d′ = 0 and c = −1.2816: strongly trusting', () => {
    const scores = discernmentScores(judgements(repeat(true, 4), repeat(true, 4)));
    expect(scores?.discernment).toBeCloseTo(0, 12);
    expect(scores?.scepticism).toBeCloseTo(-1.2816, 4);
    expect(scores).toMatchObject({ supportedAccepted: 4, unsupportedRejected: 0, distrustNaivety: 4 });
    expect(leanSentence(scores?.scepticism ?? 0)).toBe("You lean strongly towards trusting.");
  });

  it("mixed: 3 of 4 supported accepted, 2 of 4 unsupported accepted: H = 3.5/5 = 0.7, F = 2.5/5 = 0.5", () => {
    // z(0.7) = 0.5244, z(0.5) = 0: d′ = 0.5244, c = −(0.5244 + 0)/2 = −0.2622.
    const scores = discernmentScores(judgements([true, true, true, false], [true, true, false, false]));
    expect(scores?.discernment).toBeCloseTo(0.5244, 4);
    expect(scores?.scepticism).toBeCloseTo(-0.2622, 4);
    expect(scores).toMatchObject({ supportedAccepted: 3, unsupportedRejected: 2, distrustNaivety: 1 });
    expect(leanSentence(scores?.scepticism ?? 0)).toBe("You lean slightly towards trusting.");
  });
});

describe("forms with unequal numbers of each kind (the library's: 4 supported and 5 unsupported claims)", () => {
  it('all "not supported": d′ is 0 exactly, not the 0.10 the correction alone gives; c = −(z(0.5/5) + z(0.5/6))/2 = +1.3323', () => {
    // H = 0.5/5 = 0.1 (z = −1.2816), F = 0.5/6 = 0.0833 (z = −1.3830): z(H) − z(F) would be 0.1014.
    const scores = discernmentScores(judgements(repeat(false, 4), repeat(false, 5)));
    expect(scores?.discernment).toBe(0);
    expect(scores?.scepticism).toBeCloseTo(1.3323, 4);
    expect(scores).toMatchObject({ supportedAccepted: 0, unsupportedRejected: 5, distrustNaivety: -4 });
  });

  it('all "supported": d′ is 0 exactly, and c = −(z(4.5/5) + z(5.5/6))/2 = −1.3323', () => {
    const scores = discernmentScores(judgements(repeat(true, 4), repeat(true, 5)));
    expect(scores?.discernment).toBe(0);
    expect(scores?.scepticism).toBeCloseTo(-1.3323, 4);
  });

  it("keeps the corrected d′ whenever the raw rates differ, even slightly: 1 of 4 against 1 of 5", () => {
    // H = 1.5/5 = 0.3 (z = −0.5244), F = 1.5/6 = 0.25 (z = −0.6745): d′ = 0.1501.
    const scores = discernmentScores(judgements([true, false, false, false], [true, ...repeat(false, 4)]));
    expect(scores?.discernment).toBeCloseTo(0.1501, 4);
  });
});

describe("the student's sentences", () => {
  it("6 and 6 claims: accepting 4 supported and rejecting 5 unsupported leans slightly towards doubting", () => {
    // H = 4.5/7 = 0.6429 (z = 0.3661), F = 1.5/7 = 0.2143 (z = −0.7916): d′ = 1.1577, c = 0.2128.
    const scores = discernmentScores(judgements([...repeat(true, 4), false, false], [true, ...repeat(false, 5)]));
    if (!scores) throw new Error("no scores");
    expect(scores.discernment).toBeCloseTo(1.1577, 4);
    expect(scores.scepticism).toBeCloseTo(0.2128, 4);
    expect(acceptanceSentence(scores)).toBe("You accepted 4 of 6 supported claims and rejected 5 of 6 unsupported ones.");
    expect(leanSentence(scores.scepticism)).toBe("You lean slightly towards doubting.");
    expect(discernmentSentence(scores.discernment)).toBe("You told supported and unsupported claims apart well.");
  });

  it("the mirror case (5 of 6 accepted, 4 of 6 rejected) leans slightly towards trusting", () => {
    const scores = discernmentScores(judgements([...repeat(true, 5), false], [true, true, ...repeat(false, 4)]));
    expect(scores?.scepticism).toBeCloseTo(-0.2128, 4);
    expect(leanSentence(scores?.scepticism ?? 0)).toBe("You lean slightly towards trusting.");
  });

  it("calls a near-zero c neither, and a c past 0.5 a plain lean", () => {
    expect(leanSentence(0.1)).toBe("You lean neither towards doubting nor towards trusting.");
    expect(leanSentence(0.7)).toBe("You lean towards doubting.");
    expect(discernmentSentence(-0.5)).toBe("You accepted unsupported claims more often than supported ones.");
  });
});

describe("what counts", () => {
  it("needs at least one claim of each kind", () => {
    expect(discernmentScores([])).toBeUndefined();
    expect(discernmentScores(judgements([true, true], []))).toBeUndefined();
    expect(discernmentScores(judgements([], [false]))).toBeUndefined();
  });

  it("applies the log-linear correction", () => {
    expect(correctedRate(0, 4)).toBe(0.1);
    expect(correctedRate(6, 6)).toBeCloseTo(6.5 / 7, 12);
  });

  function claim(options: { id: string; supports: boolean }[], answer: string): Question {
    const input = {
      id: "c",
      type: "claim",
      skill: "verification",
      difficulty: "easy",
      prompt: "What do the texts do with this claim?",
      claim: "The bridge reopens on Monday.",
      options: options.map((o) => ({ ...o, text: `Option ${o.id}` })),
      answer,
    } as QuestionInput;
    const parsed = questionSchema.safeParse(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    return parsed.data;
  }

  it("reads a claim item's judgement from the supports flags of the key and of the chosen option", () => {
    const scale = [
      { id: "s", supports: true },
      { id: "c", supports: false },
      { id: "n", supports: false },
    ];
    const unsupported = claim(scale, "c");
    expect(claimJudgement(unsupported, ["s"])).toEqual({ supported: false, accepted: true });
    expect(claimJudgement(unsupported, ["n"])).toEqual({ supported: false, accepted: false });
    const supported = claim(scale, "s");
    expect(claimJudgement(supported, ["s"])).toEqual({ supported: true, accepted: true });
    expect(claimJudgement(supported, [])).toBeUndefined();
    expect(claimJudgement(supported, null)).toBeUndefined();
    expect(claimJudgement(supported, { text: "s" })).toBeUndefined();
  });
});
