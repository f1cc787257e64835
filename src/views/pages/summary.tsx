import type { AttemptReview } from "../../db/queries/attempts.ts";
import type { DocumentLabel } from "../../db/queries/documents.ts";
import { percent, type SkillScore } from "../../quiz/scoring.ts";
import { Citation } from "../components/citation.tsx";
import { CsrfField } from "../components/csrf.tsx";

export function SummaryPage({
  review,
  skills,
  documents,
  csrfToken,
}: {
  review: AttemptReview;
  skills: SkillScore[];
  documents: Map<string, DocumentLabel>;
  csrfToken: string;
}) {
  const { attempt, set } = review;
  return (
    <>
      <p class="meta">{set.title}</p>
      <h1>Your score</h1>
      <p class="score">
        {attempt.correctCount} of {attempt.questionCount} ({percent(attempt.correctCount, attempt.questionCount)}%)
      </p>
      <p class="meta">Version {set.version} of this quiz.</p>
      <div class="actions">
        {set.published ? (
          <form method="post" action={`/sets/${set.slug}/attempts`}>
            <CsrfField token={csrfToken} />
            <button type="submit">Try again</button>
          </form>
        ) : null}
        <a class="button secondary" href="/">
          All quizzes
        </a>
      </div>
      <h2>By skill</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Correct</th>
            </tr>
          </thead>
          <tbody>
            {skills.map((s) => (
              <tr>
                <th scope="row">{s.label}</th>
                <td>
                  {s.correct} of {s.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Review</h2>
      <ol class="review">
        {review.items.map(({ question, response }) => {
          const chosen = question.options.filter((o) => response?.chosen.includes(o.id)).map((o) => o.text);
          const correct = question.options.filter((o) => question.answer.includes(o.id)).map((o) => o.text);
          return (
            <li>
              <h3>{question.prompt}</h3>
              <p>
                {response?.isCorrect ? <span class="badge ok">✓ correct</span> : <span class="badge bad">✗ not correct</span>} Your answer:{" "}
                {chosen.join("; ") || "none"}
              </p>
              {response?.isCorrect ? null : <p>Correct answer: {correct.join("; ")}</p>}
              <p>{question.explanation}</p>
              {question.sources.slice(0, 1).map((source) => (
                <Citation source={source} label={documents.get(source.document)} />
              ))}
            </li>
          );
        })}
      </ol>
    </>
  );
}
