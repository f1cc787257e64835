import type { ClassAnswersData } from "../../../db/queries/class-answers.ts";
import { formatScore } from "../../../quiz/scoring.ts";
import type { AttemptDetail, QuestionBreakdown } from "../../../teach/answer-results.ts";

const duration = (ms: number | null) =>
  ms === null ? "–" : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const verdict = (isCorrect: boolean, score: number | null) =>
  score === null ? "not scored" : isCorrect ? "correct" : score > 0 ? `partly (${Math.round(score * 100)}%)` : "wrong";

function Trail({ classId, className, slug, title }: { classId: string; className: string; slug: string; title: string }) {
  return (
    <p class="meta">
      <a href={`/teach/classes/${classId}`}>{className}</a> · <a href={`/teach/classes/${classId}/results/${slug}`}>Results: {title}</a>
    </p>
  );
}

/** One student on one assignment: every attempt and every answer, with the time each took. */
export function StudentAnswersPage(props: { classId: string; className: string; slug: string; title: string; name: string; attempts: AttemptDetail[] }) {
  return (
    <>
      <Trail {...props} />
      <h1>
        {props.name}: {props.title}
      </h1>
      {props.attempts.map((attempt, index) => (
        <section aria-labelledby={`attempt-${index + 1}`}>
          <h2 id={`attempt-${index + 1}`}>
            Attempt {index + 1}, started {when(attempt.startedAt)}
          </h2>
          <p>
            {attempt.finishedAt ? `Finished: ${formatScore(attempt.marks)} of ${attempt.total} in ${duration(attempt.timeTakenMs)}` : "Not finished"} · version{" "}
            {attempt.setVersion}
          </p>
          {attempt.answers.length === 0 ? (
            <p>No answers yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col">Answer</th>
                    <th scope="col">Result</th>
                    <th scope="col">Time taken</th>
                  </tr>
                </thead>
                <tbody>
                  {attempt.answers.map((a) => (
                    <tr>
                      <th scope="row">
                        {a.position}. {a.prompt}
                      </th>
                      <td>{a.answer}</td>
                      <td>
                        {verdict(a.isCorrect, a.score)}
                        {a.late ? <span class="badge bad">late</span> : null}
                      </td>
                      <td>{duration(a.timeTakenMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

/** One question: who chose each option, and every student's answer. */
export function QuestionAnswersPage(props: {
  classId: string;
  className: string;
  slug: string;
  title: string;
  question: ClassAnswersData["questions"][number];
  breakdown: QuestionBreakdown;
}) {
  const { question, breakdown } = props;
  return (
    <>
      <Trail {...props} />
      <h1>
        Question {question.position}: {question.content.markup === "html" ? question.key : question.content.prompt}
      </h1>
      <p class="meta">From each student's first finished attempt (or their first, if none is finished).</p>
      {breakdown.options.length > 0 ? (
        <>
          <h2>Who chose what</h2>
          <ul id="who-chose">
            {breakdown.options.map((o) => (
              <li>
                <strong>{o.text}</strong>
                {o.correct ? <span class="badge ok">correct</span> : null}: {o.students.length === 0 ? "nobody" : o.students.join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Answers</h2>
      {breakdown.answers.length === 0 ? (
        <p>No attempts yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Answer</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.answers.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`/teach/classes/${props.classId}/results/${props.slug}/students/${a.studentId}`}>{a.studentName}</a>
                  </th>
                  <td>{a.answer ?? "not answered"}</td>
                  <td>
                    {a.isCorrect === null ? "–" : a.isCorrect ? "correct" : "wrong"}
                    {a.late ? <span class="badge bad">late</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
