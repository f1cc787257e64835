import { isScored } from "../content/question-kinds.ts";
import type { Question } from "../content/schema.ts";
import { type Calibration, calibrationOf } from "./calibration.ts";
import { type CbmSummary, summariseCbm } from "./cbm.ts";
import { isConfidenceLevel } from "./confidence.ts";
import { type ClaimJudgement, claimJudgement, type DiscernmentScores, discernmentScores } from "./discernment.ts";
import type { ResponseValue } from "./response-value.ts";

/** One item of a finished attempt, as the summary page and the teacher's reports read it. */
export interface ReportItem {
  question: { content: Question };
  response: { chosen: ResponseValue; score: number | null; confidence: number | null } | null;
}

export interface AttemptReport {
  /** Check attempts with claims of both kinds. */
  discernment?: DiscernmentScores;
  /** Sets that ask "How sure are you?". */
  calibration?: Calibration;
  /** Sets with certainty-based marking. */
  cbm?: CbmSummary;
}

const scored = (item: ReportItem) => isScored(item.question.content);

export function claimJudgements(items: readonly ReportItem[]): ClaimJudgement[] {
  return items.map((item) => claimJudgement(item.question.content, item.response?.chosen)).filter((j) => j !== undefined);
}

/** Discernment, calibration and CBM figures for one attempt, from its items alone: no extra reads. */
export function attemptReport(
  items: readonly ReportItem[],
  options: { mode: "practice" | "check"; confidence: boolean; certaintyMarking: boolean },
): AttemptReport {
  const report: AttemptReport = {};
  if (options.mode === "check") report.discernment = discernmentScores(claimJudgements(items));
  const scoredItems = items.filter(scored);
  if (options.confidence) {
    report.calibration = calibrationOf(
      scoredItems.flatMap(({ response }) =>
        response && response.score !== null && isConfidenceLevel(response.confidence) ? [{ confidence: response.confidence, score: response.score }] : [],
      ),
    );
  }
  if (options.confidence && options.certaintyMarking) {
    report.cbm = summariseCbm(
      scoredItems.map(({ response }) => ({
        score: response?.score ?? null,
        confidence: isConfidenceLevel(response?.confidence) ? response.confidence : null,
      })),
    );
  }
  return report;
}
