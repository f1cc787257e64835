import type { findClassForTeacher, listClasses } from "../../../db/queries/classes.ts";
import type { listSetsForTeacher } from "../../../db/queries/teacher-sets.ts";
import { CsrfField } from "../../components/csrf.tsx";
import { FormErrors } from "../../components/form-errors.tsx";

export function ClassesPage({ classes, csrfToken, error }: { classes: Awaited<ReturnType<typeof listClasses>>; csrfToken: string; error?: string }) {
  return (
    <>
      <h1>Classes</h1>
      {classes.length > 0 ? (
        <ul>
          {classes.map((c) => (
            <li>
              <a href={`/teach/classes/${c.id}`}>{c.name}</a> · code <strong>{c.joinCode}</strong> · {c.members} student{c.members === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      ) : (
        <p>No classes yet.</p>
      )}
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
}: {
  klass: NonNullable<Awaited<ReturnType<typeof findClassForTeacher>>>;
  joinUrl: string;
  assignable: Awaited<ReturnType<typeof listSetsForTeacher>>;
  csrfToken: string;
}) {
  const assigned = new Set(klass.assigned.map((a) => a.slug));
  const options = assignable.filter((s) => s.published && !assigned.has(s.slug));
  return (
    <>
      <p class="meta">
        <a href="/teach/classes">Classes</a>
      </p>
      <h1>{klass.name}</h1>
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
            </li>
          ))}
        </ul>
      )}
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
          {klass.members.map((m) => (
            <li>{m.displayName}</li>
          ))}
        </ul>
      )}
    </>
  );
}
