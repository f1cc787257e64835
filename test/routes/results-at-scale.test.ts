import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedClass } from "../support/class-fixture.ts";
import { count } from "../support/d1.ts";
import { textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";

/**
 * A teacher's results page for a whole year group: 300 students, 10 sets assigned, one finished
 * attempt each. The page reads in a fixed number of D1 round trips whatever the class size, and
 * one row per attempt (the answers gathered in SQL), so it grows with the class, not with the
 * database. `npm run bench` times the same page against a bare read.
 */
const CLASS_SIZE = 300;
const LIBRARY_SETS = ["who-says-so", "the-spun-copy", "numbers-and-words", "one-event-two-accounts", "claims-hedges-evidence"];
const JOIN_CODE_LETTERS = "ABCDEFGHJKMNPQRTUVWXYZ2346789";
const joinCode = () => Array.from({ length: 6 }, () => JOIN_CODE_LETTERS[Math.floor(Math.random() * JOIN_CODE_LETTERS.length)]).join("");

describe("teacher results at scale", () => {
  it("shows every student of a class of 300 with 10 sets, with item analysis over all of them, in 3 D1 round trips", { timeout: 60_000 }, async () => {
    const { teacher, browser } = await signedInTeacher("Ms Scale");
    const sets = await env.DB.prepare("SELECT slug FROM question_sets WHERE owner_id IS NULL ORDER BY id LIMIT 10").all<{ slug: string }>();
    const slugs = sets.results.map((s) => s.slug);
    expect(slugs.length, "the library has enough sets to assign").toBeGreaterThanOrEqual(8);
    const classId = await seedClass(env.DB, { teacherId: teacher.id, name: "Year 9, all", joinCode: joinCode(), students: CLASS_SIZE, slugs });
    // A second, small class in the same database: its results must not show the first's students.
    const small = await seedClass(env.DB, { teacherId: teacher.id, name: "Year 9, one group", joinCode: joinCode(), students: 3, slugs: LIBRARY_SETS });

    for (const slug of ["who-says-so", slugs.at(-1) as string]) {
      const page = await browser.get(`/teach/classes/${classId}/results/${slug}`);
      expect(page.status).toBe(200);
      // Teacher session, then the class and set, then questions and attempts in one batch.
      expect(Number(page.headers.get("X-D1-Round-Trips"))).toBe(3);
      const text = textOf(browser.lastHtml);
      for (const n of [1, 150, CLASS_SIZE]) expect(text).toContain(`Student ${String(n).padStart(3, "0")} 1 `);
      const questions = await count(
        env.DB,
        "SELECT count(*) AS n FROM questions q JOIN question_sets s ON s.current_version_id = q.set_version_id WHERE s.slug = ?",
        slug,
      );
      expect(text.match(new RegExp(`Answered by ${CLASS_SIZE} · facility`, "g"))?.length).toBe(questions);
    }

    // Facility comes from the gathered answers: the share of the class that got the question right.
    const question = await env.DB.prepare(
      `SELECT q.id, q.position FROM questions q JOIN question_sets s ON s.current_version_id = q.set_version_id
       WHERE s.slug = 'claims-hedges-evidence' AND q.key = 'who-verified-the-footage'`,
    ).first<{ id: number; position: number }>();
    const correct = await count(
      env.DB,
      "SELECT count(*) AS n FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.class_id = ? AND r.question_id = ? AND r.is_correct = 1",
      classId,
      question?.id,
    );
    expect(correct).toBeGreaterThan(0);
    await browser.get(`/teach/classes/${classId}/results/claims-hedges-evidence`);
    const facilities = [...textOf(browser.lastHtml).matchAll(/Answered by (\d+) · facility (\d+)%/g)].map((m) => Number(m[2]));
    expect(facilities[(question?.position ?? 0) - 1]).toBe(Math.round((correct / CLASS_SIZE) * 100));

    await browser.get(`/teach/classes/${small}/results/who-says-so`);
    expect(textOf(browser.lastHtml)).toContain("Student 003 1 ");
    expect(textOf(browser.lastHtml)).not.toContain("Student 004");
  });
});
