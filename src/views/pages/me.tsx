import type { listStudentAttempts } from "../../db/queries/attempts.ts";
import { formatScore, percent } from "../../quiz/scoring.ts";
import { CsrfField } from "../components/csrf.tsx";

type StudentAttempts = Awaited<ReturnType<typeof listStudentAttempts>>;

export function MePage({ data, csrfToken, saved }: { data: StudentAttempts; csrfToken: string; saved: boolean }) {
  return (
    <>
      <h1>My attempts</h1>
      <p>You do not need an account. This browser keeps an anonymous id in a cookie, so your attempts are listed here on this device only.</p>
      <form method="post" action="/me">
        <CsrfField token={csrfToken} />
        <label for="display-name">Display name (optional)</label>
        <input type="text" id="display-name" name="displayName" maxlength={40} value={data.displayName ?? ""} autocomplete="nickname" />
        <button type="submit">Save name</button>
        {saved ? (
          <p role="status" class="meta">
            Saved.
          </p>
        ) : null}
      </form>
      <h2>Attempts on this device</h2>
      {data.attempts.length === 0 ? (
        <p>
          None yet. <a href="/">Pick a quiz</a> to start.
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Quiz</th>
                <th scope="col">Started</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts.map((a) => (
                <tr>
                  <th scope="row">
                    {a.title}
                    {a.retryOf ? <span class="muted"> (retry of missed questions)</span> : null}
                  </th>
                  <td>
                    <time datetime={a.startedAt.toISOString()}>{a.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                  </td>
                  <td>
                    {a.finishedAt ? (
                      <a href={`/attempts/${a.id}`}>
                        {formatScore(a.score)} of {a.scoredCount} ({percent(a.score, a.scoredCount)}%)
                      </a>
                    ) : (
                      <a href={`/attempts/${a.id}/questions/${a.answeredCount + 1}`}>
                        In progress: continue ({a.answeredCount} of {a.questionCount} answered)
                      </a>
                    )}
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
