import type { AttemptReview } from "../../db/queries/attempts.ts";
import type { AttemptReport } from "../../quiz/attempt-report.ts";
import { formatScore, percent, type SkillScore } from "../../quiz/scoring.ts";
import { AnswerReview, verdictText } from "../components/answer-review.tsx";
import { Citation } from "../components/citation.tsx";
import { CbmReport, ConfidenceReport } from "../components/confidence-report.tsx";
import { CsrfField } from "../components/csrf.tsx";
import { DiscernmentReport } from "../components/discernment-report.tsx";
import { type DocumentLabels, RichBlock, RichText } from "../components/rich-text.tsx";

export function SummaryPage({
  review,
  skills,
  report,
  documents,
  csrfToken,
}: {
  review: AttemptReview;
  skills: SkillScore[];
  report: AttemptReport;
  documents: DocumentLabels;
  csrfToken: string;
}) {
  const { attempt, set } = review;
  return (
    <>
      <p class="meta">{set.title}</p>
      <h1>{attempt.mode === "check" ? "Your check results" : "Your score"}</h1>
      <p class="score">
        {formatScore(attempt.score)} of {attempt.scoredCount} ({percent(attempt.score, attempt.scoredCount)}%)
      </p>
      <div class="actions">
        {set.published && attempt.mode === "practice" ? (
          <form method="post" action={`/sets/${set.slug}/attempts`}>
            <CsrfField token={csrfToken} />
            <button type="submit">Try again</button>
          </form>
        ) : null}
        <a class="button secondary" href="/">
          All quizzes
        </a>
      </div>
      {report.discernment ? <DiscernmentReport scores={report.discernment} /> : null}
      {report.calibration ? <ConfidenceReport calibration={report.calibration} /> : null}
      {report.cbm ? <CbmReport cbm={report.cbm} /> : null}
      <h2>By skill</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Marks</th>
            </tr>
          </thead>
          <tbody>
            {skills.map((s) => (
              <tr>
                <th scope="row">{s.label}</th>
                <td>
                  {formatScore(s.score)} of {s.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Review</h2>
      <ol class="review">
        {review.items.map(({ number, question, response }) => {
          const content = question.content;
          return (
            <li id={`q-${number}`}>
              <h3>
                <RichText text={content.prompt} markup={content.markup} documents={documents} />
              </h3>
              {response ? <p class="verdict">{verdictText({ isCorrect: response.isCorrect, score: response.score })}</p> : <p>Not answered.</p>}
              {response ? (
                <AnswerReview
                  question={content}
                  response={{ chosen: response.chosen, isCorrect: response.isCorrect, score: response.score }}
                  optionOrder={attempt.optionOrders?.[content.id]}
                  documents={documents}
                />
              ) : null}
              {content.explanation ? <RichBlock text={content.explanation} markup={content.markup} documents={documents} links /> : null}
              {content.sources.map((source) => (
                <Citation source={source} label={documents.get(source.document)} />
              ))}
            </li>
          );
        })}
      </ol>
    </>
  );
}
