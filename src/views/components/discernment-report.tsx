import { acceptanceSentence, type DiscernmentScores, discernmentSentence, leanOf, leanSentence } from "../../quiz/discernment.ts";
import { LeanScale, ProportionBars } from "./charts.tsx";

export const signedNumber = (value: number, digits = 2) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(digits)}`;

/** "−4: you accepted 4 fewer claims than the texts support (distrust)". */
export function distrustNaivetyText(count: number): string {
  if (count === 0) return "0: you accepted as many claims as the texts support";
  const n = Math.abs(count);
  return count < 0
    ? `−${n}: you accepted ${n} fewer claim${n === 1 ? "" : "s"} than the texts support (towards distrust)`
    : `+${n}: you accepted ${n} more claim${n === 1 ? "" : "s"} than the texts support (towards naïvety)`;
}

function leanWords(scepticism: number): string {
  const { lean, strength } = leanOf(scepticism);
  return lean === "neither" ? "no lean" : `${strength ? `${strength} ` : ""}towards ${lean}`;
}

/**
 * The end of a check: how well the student told supported claims from unsupported ones
 * (discernment) apart from how much they doubt (scepticism), in words, a small picture and a table.
 */
export function DiscernmentReport({ scores }: { scores: DiscernmentScores }) {
  return (
    <section aria-labelledby="discernment-heading" class="report">
      <h2 id="discernment-heading">Supported or not: how you judged the claims</h2>
      <p class="lead">
        {acceptanceSentence(scores)} {leanSentence(scores.scepticism)}
      </p>
      <p>{discernmentSentence(scores.discernment)}</p>
      <div class="chart-box">
        <ProportionBars
          rows={[
            { label: "Supported claims you accepted", count: scores.supportedAccepted, total: scores.supportedClaims },
            { label: "Unsupported claims you rejected", count: scores.unsupportedRejected, total: scores.unsupportedClaims },
          ]}
        />
        <LeanScale value={scores.scepticism} limit={2} left="← trusting" right="doubting →" />
      </div>
      <div class="table-wrap">
        <table>
          <caption>Your claim scores</caption>
          <tbody>
            <tr>
              <th scope="row">Supported claims you accepted (real-claim detection)</th>
              <td>
                {scores.supportedAccepted} of {scores.supportedClaims}
              </td>
            </tr>
            <tr>
              <th scope="row">Unsupported claims you rejected (false-claim detection)</th>
              <td>
                {scores.unsupportedRejected} of {scores.unsupportedClaims}
              </td>
            </tr>
            <tr>
              <th scope="row">Discernment (d′: 0 is chance, higher is better)</th>
              <td>{scores.discernment.toFixed(2)}</td>
            </tr>
            <tr>
              <th scope="row">Lean (c: above 0 doubting, below 0 trusting)</th>
              <td>
                {signedNumber(scores.scepticism)} ({leanWords(scores.scepticism)})
              </td>
            </tr>
            <tr>
              <th scope="row">Distrust–naïvety</th>
              <td>{distrustNaivetyText(scores.distrustNaivety)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="meta">
        Doubting everything is not the same as reading well: it rejects the supported claims too, and scores 0 for discernment. Discernment counts how much more
        often you accepted supported claims than unsupported ones; the lean shows which way you tip when unsure.
      </p>
    </section>
  );
}
