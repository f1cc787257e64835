import type { Calibration } from "../../quiz/calibration.ts";
import { JUDGEMENT_WORDS } from "../../quiz/calibration.ts";
import type { CbmSummary } from "../../quiz/cbm.ts";

const pct = (value: number | null, digits = 0) => (value === null ? "–" : `${(value * 100).toFixed(digits)}%`);
const range = ([low, high]: readonly [number, number]) => `${Math.round(low * 100)}–${Math.round(high * 100)}%`;

/** Accuracy by "How sure are you?" level, judged against the range where each level pays best. */
export function ConfidenceReport({ calibration }: { calibration: Calibration }) {
  return (
    <section aria-labelledby="confidence-heading" class="report">
      <h2 id="confidence-heading">How sure you were</h2>
      <div class="table-wrap">
        <table>
          <caption>Your answers by how sure you said you were</caption>
          <thead>
            <tr>
              <th scope="col">You said</th>
              <th scope="col">Answers</th>
              <th scope="col">Right</th>
              <th scope="col">Fits if right</th>
              <th scope="col">So you were</th>
            </tr>
          </thead>
          <tbody>
            {calibration.levels.map((level) => (
              <tr>
                <th scope="row">{level.label}</th>
                <td>{level.responses}</td>
                <td>{pct(level.accuracy)}</td>
                <td>{range(level.optimal)}</td>
                <td>{level.judgement ? JUDGEMENT_WORDS[level.judgement] : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Moodle's CBM summary for the attempt: average CBM mark, accuracy, bonus and the C1-relative grade. */
export function CbmReport({ cbm }: { cbm: CbmSummary }) {
  const { whole } = cbm;
  return (
    <section aria-labelledby="cbm-heading" class="report">
      <h2 id="cbm-heading">Certainty-based marks</h2>
      <p>
        Each answer scores 1, 2 or 3 if right (guessing, fairly sure, certain) and 0, −2 or −6 if wrong, as Moodle marks it. Saying "certain" only pays when you
        are right more than 80% of the time.
      </p>
      <dl class="meta-list">
        <dt>Certainty-based mark</dt>
        <dd>
          {round(whole.totalCbm)} of {whole.questions * 3} ({Math.round(whole.gradePercent)}% of all right while guessing; the most is 300%)
        </dd>
        <dt>Average mark per question</dt>
        <dd>{whole.averageCbm.toFixed(2)}</dd>
        <dt>Accuracy</dt>
        <dd>{pct(whole.accuracy, 1)}</dd>
        <dt>Certainty bonus</dt>
        <dd>{pct(whole.bonus, 1)}</dd>
        <dt>Accuracy + bonus</dt>
        <dd>{pct(whole.accuracyAndBonus, 1)}</dd>
      </dl>
    </section>
  );
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
