import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { findAttemptQuestion, findAttemptReview } from "../../src/db/queries/attempts.ts";
import { loadEditable } from "../../src/db/queries/drafts.ts";
import { findPublishedSet } from "../../src/db/queries/sets.ts";
import { findSetForTeacher } from "../../src/db/queries/teacher-sets.ts";

const db = env.MIGRATION_DB;
const name = (migration: { name: string }) => migration.name;
const upTo = (prefix: string) => env.TEST_MIGRATIONS.filter((m) => name(m) < prefix);

describe("migration 0003: question types and shuffled attempts", () => {
  it("keeps attempts that started before it working: content moves into one column, file order stays", async () => {
    await applyD1Migrations(db, upTo("0003"));
    const options = [
      { id: "a", text: "The mayor", feedback: "Right." },
      { id: "b", text: "Engineers", feedback: "No." },
    ];
    await db.batch([
      db.prepare(
        "INSERT INTO documents (id, title, outlet, byline, date, kind, provenance, body, content_hash) VALUES ('old-doc', 'Old title', 'o', 'b', 'd', 'k', '[]', 'One.\nTwo.', 'h')",
      ),
      db.prepare("INSERT INTO question_sets (slug) VALUES ('old-set')"),
      db.prepare(
        "INSERT INTO set_versions (set_id, version, content_hash, title, summary, skills, document_ids, diagnostic, question_count) SELECT id, 1, 'h', 'Old set', 's', '[\"attribution\"]', '[\"old-doc\"]', 1, 2 FROM question_sets WHERE slug = 'old-set'",
      ),
      ...[1, 2].map((position) =>
        db
          .prepare(
            "INSERT INTO questions (set_version_id, position, key, type, skill, difficulty, prompt, context, passages, options, answer, explanation, sources) SELECT id, ?, ?, 'single', 'attribution', 'easy', ?, ?, '[]', ?, '[\"a\"]', 'Because.', '[{\"document\":\"old-doc\",\"quote\":\"One.\"}]' FROM set_versions",
          )
          .bind(position, `q${position}`, `Prompt ${position}?`, position === 1 ? "Some context." : null, JSON.stringify(options)),
      ),
      db.prepare("INSERT INTO students (id) VALUES ('student-1')"),
      db.prepare(
        "INSERT INTO attempts (id, student_id, set_version_id, question_count, answered_count, correct_count) SELECT 'attempt-1', 'student-1', id, 2, 1, 1 FROM set_versions",
      ),
      db.prepare("INSERT INTO responses (attempt_id, question_id, chosen, is_correct) SELECT 'attempt-1', id, '[\"a\"]', 1 FROM questions WHERE position = 1"),
    ]);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const { db: orm } = createDb(db);
    const first = await findAttemptQuestion(orm, { attemptId: "attempt-1", studentId: "student-1", number: 1 });
    expect(first?.question.content).toEqual({
      id: "q1",
      type: "single",
      skill: "attribution",
      difficulty: "easy",
      prompt: "Prompt 1?",
      context: "Some context.",
      passages: [],
      options,
      answer: ["a"],
      explanation: "Because.",
      sources: [{ document: "old-doc", quote: "One." }],
      markup: "text",
      shuffle: true,
    });
    expect(first?.optionOrder).toBeUndefined();
    expect(first?.response).toEqual({ chosen: ["a"], isCorrect: true, score: 1, confidence: null });
    const second = await findAttemptQuestion(orm, { attemptId: "attempt-1", studentId: "student-1", number: 2 });
    expect(second?.question.content.prompt).toBe("Prompt 2?");
    expect("context" in (second?.question.content ?? {})).toBe(false);

    const review = await findAttemptReview(orm, { attemptId: "attempt-1", studentId: "student-1" });
    expect(review?.attempt).toMatchObject({ score: 1, scoredCount: 2, mode: "practice", questionOrder: null });
    expect(review?.items.map((item) => item.number)).toEqual([1, 2]);
    // The old "diagnostic" flag gave feedback after every answer: those versions stay practice.
    expect(review?.set.settings.mode).toBe("practice");
    expect(await db.prepare("SELECT label FROM documents WHERE id = 'old-doc'").first("label")).toBe("Old title");
  });
});

describe("migration 0005: drafts as JSON, public slugs, per-teacher document ids", () => {
  it("turns an unpublished draft version into the draft JSON, keeps every address, and leaves attempts on their versions", async () => {
    const fresh = env.MIGRATION_DB;
    // The 0003 test left this database migrated; start again from nothing.
    const tables = await fresh
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'")
      .all<{ name: string }>();
    await fresh.batch([fresh.prepare("PRAGMA defer_foreign_keys = ON"), ...tables.results.map((t) => fresh.prepare(`DROP TABLE IF EXISTS "${t.name}"`))]);
    await applyD1Migrations(fresh, upTo("0005"));
    const question = (id: string, prompt: string) =>
      JSON.stringify({
        id,
        type: "single",
        skill: "attribution",
        difficulty: "easy",
        prompt,
        passages: [],
        options: [
          { id: "a", text: "Yes" },
          { id: "b", text: "No" },
        ],
        answer: ["a"],
        sources: [{ document: "old-doc", quote: "One." }],
        markup: "text",
        shuffle: true,
      });
    const version = (n: number, title: string) =>
      fresh
        .prepare(
          `INSERT INTO set_versions (set_id, version, content_hash, title, summary, skills, document_ids, settings, question_count)
           SELECT id, ?, 'h', ?, 'Summary.', '["attribution"]', '["old-doc"]', '{"mode":"check","shuffleQuestions":true,"confidence":false,"certaintyMarking":false,"attempts":2}', 2 FROM question_sets WHERE slug = 'old-set'`,
        )
        .bind(n, title);
    const questionRow = (n: number, position: number, key: string, prompt: string) =>
      fresh
        .prepare(
          "INSERT INTO questions (set_version_id, position, key, type, skill, difficulty, content) SELECT v.id, ?, ?, 'single', 'attribution', 'easy', ? FROM set_versions v WHERE v.version = ?",
        )
        .bind(position, key, question(key, prompt), n);
    await fresh.batch([
      fresh.prepare("INSERT INTO teachers (id, email, display_name, password_hash) VALUES ('t1', 't1@example.org', 'T', 'x')"),
      fresh.prepare(
        "INSERT INTO documents (id, title, outlet, byline, date, kind, provenance, body, content_hash, owner_id, label) VALUES ('old-doc', 'Old', 'o', 'b', 'd', 'k', '[]', 'One.', 'h', 't1', 'Old')",
      ),
      fresh.prepare("INSERT INTO question_sets (slug, owner_id, published) VALUES ('old-set', 't1', 1)"),
      version(1, "Published title"),
      questionRow(1, 1, "q1", "Published prompt?"),
      questionRow(1, 2, "q2", "Second?"),
      version(2, "Draft title"),
      questionRow(2, 1, "q2", "Second, moved first?"),
      questionRow(2, 2, "q1", "Draft prompt?"),
      fresh.prepare(
        "UPDATE question_sets SET current_version_id = (SELECT id FROM set_versions WHERE version = 1), draft_version_id = (SELECT id FROM set_versions WHERE version = 2)",
      ),
      fresh.prepare(`UPDATE set_versions SET import_notes = '[{"line":3,"question":"q9","outcome":"left out","message":"An essay."}]' WHERE version = 2`),
      fresh.prepare("INSERT INTO students (id) VALUES ('s1')"),
      fresh.prepare("INSERT INTO attempts (id, student_id, set_version_id, question_count) SELECT 'a1', 's1', id, 2 FROM set_versions WHERE version = 1"),
    ]);

    await applyD1Migrations(fresh, env.TEST_MIGRATIONS);

    const { db: orm } = createDb(fresh);
    const set = await findSetForTeacher(orm, "t1", "old-set");
    expect(set).toMatchObject({
      publicSlug: "old-set",
      current: { version: 1, title: "Published title" },
      draft: { version: 2, title: "Draft title", questionCount: 2 },
    });
    const editable = set ? await loadEditable(orm, set) : undefined;
    expect(editable?.isDraft).toBe(true);
    expect(editable?.content).toMatchObject({
      title: "Draft title",
      summary: "Summary.",
      skills: ["attribution"],
      sources: "required",
      mode: "check",
      shuffleQuestions: true,
      attempts: 2,
      documents: ["old-doc"],
      questions: [
        { id: "q2", prompt: "Second, moved first?" },
        { id: "q1", prompt: "Draft prompt?" },
      ],
    });
    // What the draft's import left out stays with the draft.
    expect(await fresh.prepare("SELECT draft_import_notes FROM question_sets").first("draft_import_notes")).toBe(
      '[{"line":3,"question":"q9","outcome":"left out","message":"An essay."}]',
    );
    // The draft's version row is gone; the published one and its attempt stay.
    expect(await fresh.prepare("SELECT version FROM set_versions ORDER BY version").all()).toMatchObject({ results: [{ version: 1 }] });
    expect(await fresh.prepare("SELECT count(*) AS n FROM questions").first("n")).toBe(2);
    expect(await fresh.prepare("SELECT set_version_id FROM attempts WHERE id = 'a1'").first("set_version_id")).toBe(set?.current?.id);
    // Old addresses still work: the set by its slug, the document by its id.
    expect(await findPublishedSet(orm, "old-set")).toMatchObject({ title: "Published title" });
    expect(await fresh.prepare("SELECT public_id, owner_id FROM documents WHERE id = 'old-doc'").first()).toEqual({ public_id: "old-doc", owner_id: "t1" });
  });
});
