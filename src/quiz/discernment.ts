import type { Question } from "../content/schema.ts";
import { inverseNormalCdf } from "./normal.ts";
import type { ResponseValue } from "./response-value.ts";

/**
 * Scores that separate discernment from scepticism, from the claim-judgement items of one
 * attempt. A claim is "supported" when its key option judges it supported (`supports: true`);
 * the student "accepted" it when the option they chose has `supports: true`.
 *
 * Signal detection (Macmillan & Creelman): hit rate H = supported claims accepted, false-alarm
 * rate F = unsupported claims accepted, both with the log-linear correction (Hautus 1995: add
 * 0.5 to each count and 1 to each total) so that rates of 0 and 1 still have a z.
 * Discernment d′ = z(H) − z(F); scepticism c = −(z(H) + z(F)) / 2 (positive: leans to doubting).
 * When the raw rates are equal (say every claim judged "not supported"), the judgements did not
 * depend on the claim at all, and d′ is 0 exactly: with unequal numbers of each kind (4 and 5)
 * the correction alone would otherwise give such a student a small d′ (0.10).
 *
 * MIST-style plain scores (Maertens et al. 2024): real-claim detection (supported claims
 * accepted), false-claim detection (unsupported claims rejected) and the distrust–naïvety count:
 * claims accepted minus supported claims (negative: distrust, positive: naïvety).
 */

export interface ClaimJudgement {
  /** The texts support the claim (its key option has `supports: true`). */
  supported: boolean;
  /** The student judged it supported (their option has `supports: true`). */
  accepted: boolean;
}

export interface DiscernmentScores {
  supportedClaims: number;
  unsupportedClaims: number;
  /** Supported claims judged supported (hits): real-claim detection. */
  supportedAccepted: number;
  /** Unsupported claims judged not supported (correct rejections): false-claim detection. */
  unsupportedRejected: number;
  /** Log-linear corrected rates. */
  hitRate: number;
  falseAlarmRate: number;
  /** d′: 0 is chance (or doubting everything); higher tells the two kinds apart better. */
  discernment: number;
  /** c: positive leans to doubting ("not supported"), negative to trusting. */
  scepticism: number;
  /** Claims accepted minus supported claims: below 0 distrust, above 0 naïvety (MIST's D/N). */
  distrustNaivety: number;
}

// The schema types claim options loosely (a union with plain options): read the flag defensively.
const judgesSupported = (option: object): boolean => "supports" in option && option.supports === true;

/** The judgement in one claim item's response, or undefined for other items and unanswered ones. */
export function claimJudgement(question: Question, chosen: ResponseValue | null | undefined): ClaimJudgement | undefined {
  if (question.type !== "claim" || !Array.isArray(chosen) || chosen.length === 0) return undefined;
  const key = question.options.find((o) => question.answer.includes(o.id));
  const picked = question.options.find((o) => o.id === chosen[0]);
  if (!key || !picked) return undefined;
  return { supported: judgesSupported(key), accepted: judgesSupported(picked) };
}

/** Log-linear correction: (count + 0.5) / (total + 1). */
export function correctedRate(count: number, total: number): number {
  return (count + 0.5) / (total + 1);
}

/** Undefined unless there is at least one supported and one unsupported claim: d′ needs both. */
export function discernmentScores(judgements: readonly ClaimJudgement[]): DiscernmentScores | undefined {
  const supported = judgements.filter((j) => j.supported);
  const unsupported = judgements.filter((j) => !j.supported);
  if (supported.length === 0 || unsupported.length === 0) return undefined;
  const hits = supported.filter((j) => j.accepted).length;
  const falseAlarms = unsupported.filter((j) => j.accepted).length;
  const hitRate = correctedRate(hits, supported.length);
  const falseAlarmRate = correctedRate(falseAlarms, unsupported.length);
  const zHit = inverseNormalCdf(hitRate);
  const zFalseAlarm = inverseNormalCdf(falseAlarmRate);
  return {
    supportedClaims: supported.length,
    unsupportedClaims: unsupported.length,
    supportedAccepted: hits,
    unsupportedRejected: unsupported.length - falseAlarms,
    hitRate,
    falseAlarmRate,
    // Cross-multiplied, so 2 of 4 against 2.5 of 5 compares exactly; + 0 turns −0 into 0.
    discernment: hits * unsupported.length === falseAlarms * supported.length ? 0 : zHit - zFalseAlarm + 0,
    // −(z(H) + z(F)) / 2, written so that 0 comes out as 0, not −0.
    scepticism: (-zHit - zFalseAlarm) / 2 + 0,
    distrustNaivety: hits + falseAlarms - supported.length,
  };
}

export type Lean = "doubting" | "trusting" | "neither";

/** How strongly c leans, in words a student can read. Cut-offs are in c's own units. */
export function leanOf(scepticism: number): { lean: Lean; strength: "" | "slightly" | "strongly" } {
  const size = Math.abs(scepticism);
  if (size < 0.15) return { lean: "neither", strength: "" };
  const lean = scepticism > 0 ? "doubting" : "trusting";
  return { lean, strength: size < 0.5 ? "slightly" : size >= 1 ? "strongly" : "" };
}

/** "You lean slightly towards doubting." */
export function leanSentence(scepticism: number): string {
  const { lean, strength } = leanOf(scepticism);
  if (lean === "neither") return "You lean neither towards doubting nor towards trusting.";
  return `You lean ${strength ? `${strength} ` : ""}towards ${lean}.`;
}

/** "You accepted 5 of 6 supported claims and rejected 4 of 6 unsupported ones." */
export function acceptanceSentence(scores: DiscernmentScores): string {
  return `You accepted ${scores.supportedAccepted} of ${scores.supportedClaims} supported claim${scores.supportedClaims === 1 ? "" : "s"} and rejected ${scores.unsupportedRejected} of ${scores.unsupportedClaims} unsupported one${scores.unsupportedClaims === 1 ? "" : "s"}.`;
}

/** What d′ says in plain words. Cut-offs: 0.5 (a little better than chance) and 1.5 (clearly). */
export function discernmentSentence(discernment: number): string {
  if (discernment <= -0.25) return "You accepted unsupported claims more often than supported ones.";
  if (discernment < 0.25) return "You did not yet tell supported and unsupported claims apart: that is what doubting (or trusting) everything would score.";
  if (discernment < 1) return "You told supported and unsupported claims apart a little better than chance.";
  if (discernment < 1.75) return "You told supported and unsupported claims apart well.";
  return "You told supported and unsupported claims apart very well.";
}
