import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { findAttemptQuestion, findAttemptReview } from "../../src/db/queries/attempts.ts";

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
