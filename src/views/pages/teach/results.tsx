import { formatScore } from "../../../quiz/scoring.ts";
import type { ClassResults, Score } from "../../../teach/results.ts";
import { weakDistractors } from "../../../teach/results.ts";

const pct = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);
const signed = (value: number | null) => (value === null ? "–" : value.toFixed(2));
const marks = (score: Score) => `${formatScore(score.marks)} of ${score.total} (${score.percent}%)`;
const duration = (ms: number | null) => (ms === null ? "–" : `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`);

export function ResultsPage({
  classId,
  className,
  slug,
  title,
  version,
  results,
  filter = {},
  search = "",
}: {
  classId: string;
  className: string;
  slug: string;
  title: string;
  version: number;
  results: ClassResults;
  /** The date filter as given, and as a query string for links. */
  filter?: { from?: string; to?: string };
  search?: string;
}) {
  const base = `/teach/classes/${classId}/results/${slug}`;
  return (
    <>
      <p class="meta">
        <a href={`/teach/classes/${classId}`}>{className}</a>
      </p>
      <h1>Results: {title}</h1>
      <p class="meta">
        Item statistics use each student's first finished attempt. Questions are those of the current version ({version}); earlier versions count by question
        id.
      </p>
      <form method="get" action={base} class="filters">
        <label for="filter-from">Attempts started from (UTC day)</label>
        <input type="date" id="filter-from" name="from" value={filter.from ?? ""} />
        <label for="filter-to">to (included)</label>
        <input type="date" id="filter-to" name="to" value={filter.to ?? ""} />
        <button type="submit" class="secondary">
          Filter
        </button>
        {search ? <a href={base}>Show all dates</a> : null}
      </form>
      <p>
        <a class="button secondary" href={`${base}.csv${search}`} download>
          Download CSV
        </a>{" "}
        <a class="button secondary" href={`${base}/answers.csv${search}`} download>
          Download every answer (CSV, one row per student and question)
        </a>
      </p>
      <h2>Students</h2>
      {results.students.length === 0 ? (
        <p>No attempts yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Attempts</th>
                <th scope="col">First score</th>
                <th scope="col">Best score</th>
                <th scope="col">Time taken</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {results.students.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/students/${s.studentId}${search}`}>{s.name}</a>
                    {s.lateAnswers > 0 ? (
                      <span class="badge bad">{`late: ${s.lateAnswers} answer${s.lateAnswers === 1 ? "" : "s"} after the deadline`}</span>
                    ) : null}
                  </th>
                  <td>{s.attempts}</td>
                  <td>{s.firstScore ? marks(s.firstScore) : "not finished"}</td>
                  <td>{s.bestScore ? marks(s.bestScore) : "–"}</td>
                  <td>{duration(s.timeTakenMs)}</td>
                  <td>{s.version ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>By skill</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Questions</th>
              <th scope="col">Class average</th>
            </tr>
          </thead>
          <tbody>
            {results.skills.map((s) => (
              <tr>
                <th scope="row">{s.label}</th>
                <td>{s.questions}</td>
                <td>{pct(s.average)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Item analysis</h2>
      <p class="meta">
        Facility is the average mark (partial credit counts). Discrimination compares the top and bottom 27% of scorers: near 0 or negative means the question
        does not separate stronger from weaker readers. A distractor nobody chose is flagged as weak.
      </p>
      {results.questions.map((q) => {
        const weak = new Set(weakDistractors(q).map((o) => o.id));
        return (
          <section aria-labelledby={`item-${q.position}`}>
            <h3 id={`item-${q.position}`}>
              {q.position}. {q.prompt}
            </h3>
            <p>
              <a href={`${base}/questions/${q.key}${search}`}>Who chose what on question {q.position}</a>
            </p>
            <p>
              Answered by {q.answered} · facility {pct(q.facility)} · discrimination {signed(q.discrimination)}
            </p>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Option</th>
                    <th scope="col">Chosen by</th>
                  </tr>
                </thead>
                <tbody>
                  {q.options.map((o) => (
                    <tr>
                      <th scope="row">
                        {o.text}
                        {o.correct ? <span class="badge ok">correct</span> : null}
                        {weak.has(o.id) ? <span class="badge bad">weak distractor</span> : null}
                      </th>
                      <td>{o.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
