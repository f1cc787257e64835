import type { findClassForTeacher, listClasses } from "../../../db/queries/classes.ts";
import type { listSetsForTeacher } from "../../../db/queries/teacher-sets.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

export function ClassesPage({ classes, csrfToken, error }: { classes: Awaited<ReturnType<typeof listClasses>>; csrfToken: string; error?: string }) {
  const active = classes.filter((c) => c.archivedAt === null);
  const archived = classes.filter((c) => c.archivedAt !== null);
  return (
    <>
      <h1>Classes</h1>
      {active.length > 0 ? (
        <ul>
          {active.map((c) => (
            <li>
              <a href={`/teach/classes/${c.id}`}>{c.name}</a> · code <strong>{c.joinCode}</strong> · {c.members} student{c.members === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      ) : (
        <p>No active classes.</p>
      )}
      {archived.length > 0 ? (
        <>
          <h2>Archived classes</h2>
          <p class="meta">Archived classes take no new students; their results are kept.</p>
          <ul id="archived-classes">
            {archived.map((c) => (
              <li>
                <a href={`/teach/classes/${c.id}`}>{c.name}</a> · {c.members} student{c.members === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Create a class</h2>
      <FormErrors message={error} />
      <form method="post" action="/teach/classes">
        <CsrfField token={csrfToken} />
        <label for="class-name">Class name</label>
        <input type="text" id="class-name" name="name" required maxlength={80} />
        <button type="submit">Create class</button>
      </form>
    </>
  );
}

export function ClassPage({
  klass,
  joinUrl,
  assignable,
  csrfToken,
  notice,
}: {
  klass: NonNullable<Awaited<ReturnType<typeof findClassForTeacher>>>;
  joinUrl: string;
  assignable: Awaited<ReturnType<typeof listSetsForTeacher>>;
  csrfToken: string;
  notice?: string;
}) {
  const assigned = new Set(klass.assigned.map((a) => a.slug));
  const options = assignable.filter((s) => s.published && !assigned.has(s.slug));
  return (
    <>
      <p class="meta">
        <a href="/teach/classes">Classes</a>
      </p>
      <h1>{klass.name}</h1>
      {notice ? (
        <p role="status" class="result ok" id="notice">
          {notice}
        </p>
      ) : null}
      {klass.archivedAt ? (
        <p class="result" id="archived">
          This class is archived: it is off your active list and takes no new students. Its results are kept.
        </p>
      ) : null}
      <section aria-labelledby="join-heading" class="result ok">
        <h2 id="join-heading">How students join</h2>
        <p>
          Join code:{" "}
          <strong class="score" id="join-code">
            {klass.joinCode}
          </strong>
        </p>
        <p>
          Or send this link: <a href={joinUrl}>{joinUrl}</a>
        </p>
        <p class="meta">Students join with the code and a display name only: no email, no password.</p>
      </section>
      <h2>Assigned sets</h2>
      {klass.assigned.length === 0 ? (
        <p>Nothing assigned yet.</p>
      ) : (
        <ul>
          {klass.assigned.map((a) => (
            <li>
              {a.title ?? a.slug}
              {a.published ? "" : " (unpublished)"} · <a href={`/teach/classes/${klass.id}/results/${a.slug}`}>results</a>
              <AssignmentRules classId={klass.id} assignment={a} csrfToken={csrfToken} />
              <form method="post" action={`/teach/classes/${klass.id}/sets/${a.slug}/unassign`} class="inline">
                <CsrfField token={csrfToken} />
                <button type="submit" class="secondary">
                  Unassign {a.title ?? a.slug}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {klass.assigned.length > 0 ? (
        <form method="get" action={`/teach/classes/${klass.id}/results`} class="filters">
          <label for="results-set">Results for</label>
          <select id="results-set" name="set">
            {klass.assigned.map((a) => (
              <option value={a.slug}>{a.title ?? a.slug}</option>
            ))}
          </select>
          <label for="results-from">attempts started from (UTC day, optional)</label>
          <input type="date" id="results-from" name="from" />
          <label for="results-to">to (included, optional)</label>
          <input type="date" id="results-to" name="to" />
          <button type="submit" class="secondary">
            Show results
          </button>
        </form>
      ) : null}
      {options.length > 0 ? (
        <form method="post" action={`/teach/classes/${klass.id}/sets`}>
          <CsrfField token={csrfToken} />
          <label for="assign-set">Assign a published set</label>
          <select id="assign-set" name="slug">
            {options.map((s) => (
              <option value={s.slug}>
                {s.current?.title ?? s.slug}
                {s.builtIn ? " (built-in)" : ""}
              </option>
            ))}
          </select>
          <button type="submit">Assign</button>
        </form>
      ) : null}
      <h2>Students ({klass.members.length})</h2>
      {klass.members.length === 0 ? (
        <p>No one has joined yet.</p>
      ) : (
        <ul>
          {klass.members.map((m, index) => (
            <li>
              {m.displayName}
              <form method="post" action={`/teach/classes/${klass.id}/members/${m.studentId}/remove`} class="inline">
                <CsrfField token={csrfToken} />
                <fieldset>
                  <legend>Remove {m.displayName}</legend>
                  <label>
                    <input type="radio" name="attempts" value="keep" checked id={`keep-${index}`} /> keep their attempts in the results
                  </label>
                  <label>
                    <input type="radio" name="attempts" value="delete" /> delete their attempts
                  </label>
                  <button type="submit" class="secondary">
                    Remove
                  </button>
                </fieldset>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Manage the class</h2>
      <form method="post" action={`/teach/classes/${klass.id}/name`}>
        <CsrfField token={csrfToken} />
        <label for="rename-class">Class name</label>
        <input type="text" id="rename-class" name="name" required maxlength={80} value={klass.name} />
        <button type="submit">Rename</button>
      </form>
      <form method="post" action={`/teach/classes/${klass.id}/archive`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="archived" value={klass.archivedAt ? "0" : "1"} />
        <button type="submit" class="secondary">
          {klass.archivedAt ? "Unarchive the class" : "Archive the class"}
        </button>
      </form>
    </>
  );
}

/** `2026-12-03T15:00` for a datetime-local field, in UTC as the label says. */
const utcField = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

function AssignmentRules({
  classId,
  assignment,
  csrfToken,
}: {
  classId: string;
  assignment: NonNullable<Awaited<ReturnType<typeof findClassForTeacher>>>["assigned"][number];
  csrfToken: string;
}) {
  const id = `${assignment.slug}-rules`;
  return (
    <form method="post" action={`/teach/classes/${classId}/sets/${assignment.slug}/rules`}>
      <CsrfField token={csrfToken} />
      <label for={`${id}-due`}>Deadline (UTC, optional)</label>
      <input type="datetime-local" id={`${id}-due`} name="dueAt" value={utcField(assignment.dueAt)} />
      <label for={`${id}-max`}>Attempts allowed (optional)</label>
      <input type="number" id={`${id}-max`} name="maxAttempts" min={1} max={99} value={assignment.maxAttempts === null ? "" : String(assignment.maxAttempts)} />
      <button type="submit" class="secondary">
        Save deadline and limit
      </button>
    </form>
  );
}
