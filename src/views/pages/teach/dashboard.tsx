import type { listClasses } from "../../../db/queries/classes.ts";
import type { listSetsForTeacher } from "../../../db/queries/teacher-sets.ts";
import { SetsTable } from "./sets.tsx";

export function DashboardPage({
  name,
  sets,
  classes,
}: {
  name: string;
  sets: Awaited<ReturnType<typeof listSetsForTeacher>>;
  classes: Awaited<ReturnType<typeof listClasses>>;
}) {
  const own = sets.filter((s) => !s.builtIn && !s.archived);
  const archived = sets.filter((s) => s.archived);
  // Archived classes are listed on the Classes page only.
  const activeClasses = classes.filter((c) => c.archivedAt === null);
  return (
    <>
      <h1>Hello, {name}</h1>
      <h2>Your classes</h2>
      {activeClasses.length === 0 ? (
        <p>
          No classes yet. <a href="/teach/classes">Create a class</a> to get a join code.
        </p>
      ) : (
        <ul>
          {activeClasses.map((c) => (
            <li>
              <a href={`/teach/classes/${c.id}`}>{c.name}</a> · code <strong>{c.joinCode}</strong> · {c.members} student{c.members === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      )}
      <h2>Your question sets</h2>
      {own.length === 0 ? (
        <p>
          None yet. <a href="/teach/sets/new">Add a set</a>: write one in the browser, or upload one in the Sourcewise format, GIFT or Aiken.
        </p>
      ) : (
        <SetsTable sets={own} />
      )}
      {archived.length > 0 ? (
        <>
          <h2>Archived sets</h2>
          <p>Hidden from students and from class assignment; their results are kept. Open one to unarchive it.</p>
          <SetsTable sets={archived} />
        </>
      ) : null}
      <h2>Built-in library</h2>
      <p>Read-only sets built from the five source documents. Assign any of them to a class, or open one and duplicate it to make your own version.</p>
      <SetsTable sets={sets.filter((s) => s.builtIn)} />
    </>
  );
}
