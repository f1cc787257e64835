import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { answer, joinedStudent, managedClass } from "../support/managed-class.ts";
import { textOf } from "../support/student.ts";

const HOUR = 3_600_000;
/** A datetime-local value (UTC, to the minute) `ms` from now. */
const utcMinute = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
const rulesOf = (classId: string) =>
  env.DB.prepare("SELECT due_at, max_attempts FROM class_sets WHERE class_id = ?")
    .bind(classId)
    .first<{ due_at: number | null; max_attempts: number | null }>();

describe("per-assignment deadline and attempt limit", () => {
  it("refuses bad deadlines and limits field by field, writing nothing", async () => {
    const { browser, classId, slug } = await managedClass();
    const month = await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: "2026-13-01T09:00", maxAttempts: "" });
    expect(month.status).toBe(400);
    expect(textOf(await month.text())).toContain("dueAt");
    const zero = await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: "", maxAttempts: "0" });
    expect(zero.status).toBe(400);
    expect(textOf(await zero.text())).toContain("The attempt limit is a whole number from 1 to 99.");
    expect(await rulesOf(classId)).toEqual({ due_at: null, max_attempts: null });

    expect((await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: "2030-06-01T09:30", maxAttempts: "2" })).status).toBe(303);
    expect(await rulesOf(classId)).toEqual({ due_at: Date.UTC(2030, 5, 1, 9, 30), max_attempts: 2 });
    await browser.get(`/teach/classes/${classId}`);
    expect(browser.lastHtml).toContain('value="2030-06-01T09:30"');
  });

  it("after the deadline refuses new attempts (and retries) with a clear message; an attempt started before it is finished and its late answers are marked", async () => {
    const { browser, classId, slug, publicSlug, joinCode } = await managedClass();
    const early = await joinedStudent(joinCode, unique("Early"));
    const attemptId = await early.student.startAttempt(publicSlug);
    await answer(early.student, attemptId, 1, "b"); // wrong, so a retry would have something to retry
    // The attempt and its first answer happened two hours ago; the deadline was an hour ago.
    await env.DB.prepare("UPDATE attempts SET started_at = ? WHERE id = ?")
      .bind(Date.now() - 2 * HOUR, attemptId)
      .run();
    await env.DB.prepare("UPDATE responses SET answered_at = ? WHERE attempt_id = ?")
      .bind(Date.now() - 2 * HOUR, attemptId)
      .run();
    expect((await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: utcMinute(-HOUR), maxAttempts: "" })).status).toBe(303);

    // A new start resumes the unfinished attempt; its next answer is recorded, and it is late.
    await early.student.get(`/sets/${publicSlug}`);
    const resumed = await early.student.post(`/sets/${publicSlug}/attempts`);
    expect(resumed.headers.get("Location")).toBe(`/attempts/${attemptId}`);
    expect((await answer(early.student, attemptId, 2, "no")).status).toBe(303);
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(2);

    // Finished now, so nothing to resume: a new attempt, or a retry, is refused and nothing is written.
    await early.student.get(`/sets/${publicSlug}`);
    const refused = await early.student.post(`/sets/${publicSlug}/attempts`);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain("The deadline for this quiz in your class was");
    await early.student.get(`/attempts/${attemptId}/summary`);
    const retry = await early.student.post(`/attempts/${attemptId}/retry`);
    expect(retry.status).toBe(409);
    expect(textOf(await retry.text())).toContain("no new attempt can start");

    const late = await joinedStudent(joinCode, unique("Late"));
    await late.student.get(`/sets/${publicSlug}`);
    const lateStart = await late.student.post(`/sets/${publicSlug}/attempts`);
    expect(lateStart.status).toBe(409);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE class_id = ?", classId)).toBe(1);

    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(textOf(browser.lastHtml)).toMatch(/Early-\S+ late: 1 answer after the deadline 1 1 of 2 \(50%\)/);

    // Moving the deadline into the future opens the set again.
    expect((await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: utcMinute(HOUR), maxAttempts: "" })).status).toBe(303);
    await late.student.get(`/sets/${publicSlug}`);
    expect((await late.student.post(`/sets/${publicSlug}/attempts`)).status).toBe(303);
  });

  it("the class's attempt limit refuses starts and retries beyond it; clearing it lets the student start again", async () => {
    const { browser, classId, slug, publicSlug, joinCode } = await managedClass();
    expect((await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: "", maxAttempts: "1" })).status).toBe(303);
    const { student, studentId } = await joinedStudent(joinCode, unique("Once"));
    const attemptId = await student.startAttempt(publicSlug);
    await answer(student, attemptId, 1, "b");
    await answer(student, attemptId, 2, "no");

    await student.get(`/sets/${publicSlug}`);
    const second = await student.post(`/sets/${publicSlug}/attempts`);
    expect(second.status).toBe(409);
    expect(textOf(await second.text())).toContain("You have already used the one attempt this quiz allows.");
    await student.get(`/attempts/${attemptId}/summary`);
    expect((await student.post(`/attempts/${attemptId}/retry`)).status).toBe(409);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ?", studentId)).toBe(1);

    expect((await browser.post(`/teach/classes/${classId}/sets/${slug}/rules`, { dueAt: "", maxAttempts: "" })).status).toBe(303);
    await student.get(`/sets/${publicSlug}`);
    expect((await student.post(`/sets/${publicSlug}/attempts`)).status).toBe(303);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ?", studentId)).toBe(2);
  });
});
