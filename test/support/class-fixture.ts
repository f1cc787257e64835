/**
 * A class for the teacher's results page, written straight into D1: students who have each
 * finished one attempt on every set assigned to the class, with answers drawn per student ability
 * so scores spread as a real class's do. Used by the workerd test of results at scale
 * (test/routes/results-at-scale.test.ts) and by `npm run bench`, so it takes any D1-like client.
 */
export interface SeedStatement {
  bind(...values: unknown[]): SeedStatement;
  run(): Promise<unknown>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}
export interface SeedDb {
  prepare(query: string): SeedStatement;
  batch(statements: SeedStatement[]): Promise<unknown>;
}

const literal = (value: string | number | null): string =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;

async function insertRows(db: SeedDb, table: string, columns: string[], rows: (string | number | null)[][]): Promise<void> {
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const values = rows.slice(i, i + 400).map((row) => `(${row.map(literal).join(", ")})`);
    statements.push(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`);
  }
  for (let i = 0; i < statements.length; i += 20) await db.batch(statements.slice(i, i + 20).map((sql) => db.prepare(sql)));
}

interface SeedQuestion {
  id: number;
  options: string[];
  answer: string[];
}

/** A small deterministic generator, so every run seeds the same class. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedClass(db: SeedDb, input: { teacherId: string; name: string; joinCode: string; students: number; slugs: string[] }): Promise<string> {
  const classId = crypto.randomUUID();
  await db
    .prepare("INSERT INTO classes (id, teacher_id, name, join_code) VALUES (?, ?, ?, ?)")
    .bind(classId, input.teacherId, input.name, input.joinCode)
    .run();
  const placeholders = input.slugs.map(() => "?").join(", ");
  const { results: versions } = await db
    .prepare(
      `SELECT s.id AS setId, v.id AS versionId, v.settings AS settings FROM question_sets s JOIN set_versions v ON v.id = s.current_version_id WHERE s.slug IN (${placeholders})`,
    )
    .bind(...input.slugs)
    .all<{ setId: number; versionId: number; settings: string }>();
  if (versions.length !== input.slugs.length) throw new Error(`expected ${input.slugs.length} sets, found ${versions.length}`);
  const questionsByVersion = new Map<number, SeedQuestion[]>();
  for (const { versionId } of versions) {
    const { results } = await db
      .prepare("SELECT id, content FROM questions WHERE set_version_id = ? ORDER BY position")
      .bind(versionId)
      .all<{ id: number; content: string }>();
    questionsByVersion.set(
      versionId,
      results.map((row) => {
        const content = JSON.parse(row.content) as { options?: { id: string }[]; answer?: string | string[] };
        const answer = content.answer === undefined ? [] : Array.isArray(content.answer) ? content.answer : [content.answer];
        return { id: row.id, options: (content.options ?? []).map((o) => o.id), answer };
      }),
    );
  }

  const random = generator(input.students);
  const students: (string | number | null)[][] = [];
  const members: (string | number | null)[][] = [];
  const attempts: (string | number | null)[][] = [];
  const responses: (string | number | null)[][] = [];
  const started = Date.now() - 7 * 24 * 3600 * 1000;
  for (let s = 0; s < input.students; s++) {
    const studentId = crypto.randomUUID();
    const name = `Student ${String(s + 1).padStart(3, "0")}`;
    students.push([studentId, name]);
    members.push([classId, studentId, name]);
    const ability = 0.3 + 0.6 * random();
    for (const { versionId, settings } of versions) {
      const attemptId = crypto.randomUUID();
      const questions = questionsByVersion.get(versionId) ?? [];
      let correct = 0;
      for (const question of questions) {
        const right = random() < ability && question.answer.length > 0;
        const wrong = question.options.filter((id) => !question.answer.includes(id));
        const chosen = right || wrong.length === 0 ? question.answer : [wrong[Math.floor(random() * wrong.length)] as string];
        if (right) correct++;
        responses.push([attemptId, question.id, JSON.stringify(chosen), right ? 1 : 0, right ? 1 : 0]);
      }
      const begin = started + Math.floor(random() * 3600_000);
      const mode = (JSON.parse(settings) as { mode?: string }).mode === "check" ? "check" : "practice";
      attempts.push([
        attemptId,
        studentId,
        versionId,
        classId,
        questions.length,
        questions.length,
        questions.length,
        correct,
        correct,
        mode,
        begin,
        begin + 600_000,
      ]);
    }
  }
  await insertRows(db, "students", ["id", "display_name"], students);
  await insertRows(db, "class_members", ["class_id", "student_id", "display_name"], members);
  await insertRows(
    db,
    "class_sets",
    ["class_id", "set_id"],
    versions.map((v) => [classId, v.setId]),
  );
  await insertRows(
    db,
    "attempts",
    [
      "id",
      "student_id",
      "set_version_id",
      "class_id",
      "question_count",
      "scored_count",
      "answered_count",
      "correct_count",
      "score",
      "mode",
      "started_at",
      "finished_at",
    ],
    attempts,
  );
  await insertRows(db, "responses", ["attempt_id", "question_id", "chosen", "is_correct", "score"], responses);
  return classId;
}
