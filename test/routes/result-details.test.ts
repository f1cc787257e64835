import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { unique } from "../support/fixtures.ts";
import { answer, joinedStudent, managedClass } from "../support/managed-class.ts";
import { type StudentBrowser, textOf } from "../support/student.ts";

/**
 * A hand-checked class on the two-question set (1: "a" is right; 2: "no" is right), with every
 * time set by hand:
 * - Ana, attempt 1 (1 Feb 10:00): a after 30 s, yes after 45 s more: 1 of 2 in 75 s. Attempt 2 (2 Feb): a, no: 2 of 2.
 * - Ben (10 Jan 09:00): b after 40 s, no after 60 s more: 1 of 2 in 100 s.
 * - Cy (1 Feb 11:00): a after 10 s, then nothing (unfinished).
 */
const at = (iso: string) => Date.parse(iso);

async function timeAttempt(attemptId: string, started: string, answers: Record<string, string>, finished: string | null) {
  await env.DB.prepare("UPDATE attempts SET started_at = ?, finished_at = ? WHERE id = ?")
    .bind(at(started), finished ? at(finished) : null, attemptId)
    .run();
  for (const [key, when] of Object.entries(answers))
    await env.DB.prepare("UPDATE responses SET answered_at = ? WHERE attempt_id = ? AND question_id IN (SELECT id FROM questions WHERE key = ?)")
      .bind(at(when), attemptId, key)
      .run();
}

async function sit(student: StudentBrowser, publicSlug: string, choices: string[]) {
  const attemptId = await student.startAttempt(publicSlug);
  for (const [index, choice] of choices.entries()) await answer(student, attemptId, index + 1, choice);
  return attemptId;
}

let fixture: Awaited<ReturnType<typeof managedClass>> & { names: { ana: string; ben: string; cy: string }; anaId: string };

beforeAll(async () => {
  const made = await managedClass();
  const names = { ana: unique("Ana"), ben: unique("Ben"), cy: unique("Cy") };
  const ana = await joinedStudent(made.joinCode, names.ana);
  const ben = await joinedStudent(made.joinCode, names.ben);
  const cy = await joinedStudent(made.joinCode, names.cy);
  const ana1 = await sit(ana.student, made.publicSlug, ["a", "yes"]);
  const ana2 = await sit(ana.student, made.publicSlug, ["a", "no"]);
  const ben1 = await sit(ben.student, made.publicSlug, ["b", "no"]);
  const cy1 = await sit(cy.student, made.publicSlug, ["a"]);
  await timeAttempt(ana1, "2026-02-01T10:00:00Z", { "who-said-it": "2026-02-01T10:00:30Z", named: "2026-02-01T10:01:15Z" }, "2026-02-01T10:01:15Z");
  await timeAttempt(ana2, "2026-02-02T10:00:00Z", { "who-said-it": "2026-02-02T10:00:20Z", named: "2026-02-02T10:00:50Z" }, "2026-02-02T10:00:50Z");
  await timeAttempt(ben1, "2026-01-10T09:00:00Z", { "who-said-it": "2026-01-10T09:00:40Z", named: "2026-01-10T09:01:40Z" }, "2026-01-10T09:01:40Z");
  await timeAttempt(cy1, "2026-02-01T11:00:00Z", { "who-said-it": "2026-02-01T11:00:10Z" }, null);
  fixture = { ...made, names, anaId: ana.studentId };
});

describe("results you can act on (hand-checked class)", () => {
  it("a student's page lists every attempt and every answer with the time each took", async () => {
    const { browser, classId, slug, names, anaId } = fixture;
    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(browser.lastHtml.match(/href="[^"]*students[^"]*"/g)).toContain(`href="/teach/classes/${classId}/results/${slug}/students/${anaId}"`);
    const page = await browser.get(`/teach/classes/${classId}/results/${slug}/students/${anaId}`);
    expect(page.status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(text).toContain(`${names.ana}: Two questions`);
    expect(text).toContain("Attempt 1, started 2026-02-01 10:00 UTC Finished: 1 of 2 in 1 min 15 s · version 1");
    expect(text).toContain("1. Who said the agency was behind the attack? An unnamed SBU official correct 30 s");
    expect(text).toContain("2. Is the official named? Yes wrong 45 s");
    expect(text).toContain("Attempt 2, started 2026-02-02 10:00 UTC Finished: 2 of 2 in 50 s");
    expect(text).toContain("2. Is the official named? No correct 30 s");
    expect((await browser.get(`/teach/classes/${classId}/results/${slug}/students/nobody-in-this-class`)).status).toBe(404);
  });

  it("a question's page says who chose what, from each student's counted attempt", async () => {
    const { browser, classId, slug, names } = fixture;
    const first = await browser.get(`/teach/classes/${classId}/results/${slug}/questions/who-said-it`);
    expect(first.status).toBe(200);
    const chose = textOf(/id="who-chose">([\s\S]*?)<\/ul>/.exec(browser.lastHtml)?.[1] ?? "");
    expect(chose).toBe(`An unnamed SBU official correct : ${names.ana}, ${names.cy} Matthew Miller : ${names.ben}`);
    await browser.get(`/teach/classes/${classId}/results/${slug}/questions/named`);
    expect(textOf(/id="who-chose">([\s\S]*?)<\/ul>/.exec(browser.lastHtml)?.[1] ?? "")).toBe(`Yes : ${names.ana} No correct : ${names.ben}`);
    expect(textOf(browser.lastHtml)).toContain(`${names.cy} not answered`);
    expect((await browser.get(`/teach/classes/${classId}/results/${slug}/questions/no-such-question`)).status).toBe(404);
  });

  it("exports every answer in long format: one row per student and question, neutralised", async () => {
    const { browser, classId, slug, names } = fixture;
    const csv = await browser.get(`/teach/classes/${classId}/results/${slug}/answers.csv`);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-answers.csv"`);
    const prompt1 = "Who said the agency was behind the attack?";
    const prompt2 = "Is the official named?";
    expect((await csv.text()).split("\r\n")).toEqual([
      "Student,Attempt started (UTC),Finished,Version,Question,Question id,Prompt,Answer,Correct,Score,Time taken (seconds),Late,Answered at (UTC)",
      `${names.ana},2026-02-01T10:00:00.000Z,yes,1,1,who-said-it,${prompt1},An unnamed SBU official,yes,1,30,no,2026-02-01T10:00:30.000Z`,
      `${names.ana},2026-02-01T10:00:00.000Z,yes,1,2,named,${prompt2},Yes,no,0,45,no,2026-02-01T10:01:15.000Z`,
      `${names.ben},2026-01-10T09:00:00.000Z,yes,1,1,who-said-it,${prompt1},Matthew Miller,no,0,40,no,2026-01-10T09:00:40.000Z`,
      `${names.ben},2026-01-10T09:00:00.000Z,yes,1,2,named,${prompt2},No,yes,1,60,no,2026-01-10T09:01:40.000Z`,
      `${names.cy},2026-02-01T11:00:00.000Z,no,1,1,who-said-it,${prompt1},An unnamed SBU official,yes,1,10,no,2026-02-01T11:00:10.000Z`,
      `${names.cy},2026-02-01T11:00:00.000Z,no,1,2,named,${prompt2},,,,,,`,
      "",
    ]);
  });

  it("filters by date (and by assignment from the class page); a bad date is refused", async () => {
    const { browser, classId, slug, names } = fixture;
    const picked = await browser.get(`/teach/classes/${classId}/results?set=${slug}&from=2026-02-01&to=2026-02-01`);
    expect(picked.status).toBe(303);
    expect(picked.headers.get("Location")).toBe(`/teach/classes/${classId}/results/${slug}?from=2026-02-01&to=2026-02-01`);
    await browser.follow(picked);
    const text = textOf(browser.lastHtml);
    expect(text).toContain(`${names.ana} 1 1 of 2 (50%)`);
    expect(text).toContain(names.cy);
    expect(text).not.toContain(names.ben);
    expect(browser.lastHtml).toContain(`/answers.csv?from=2026-02-01&amp;to=2026-02-01`);
    const csv = await browser.get(`/teach/classes/${classId}/results/${slug}/answers.csv?from=2026-02-01&to=2026-02-01`);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows).toHaveLength(5);
    expect(rows.some((row) => row.startsWith(names.ben))).toBe(false);
    await browser.get(`/teach/classes/${classId}/results/${slug}?from=2026-01-01&to=2026-01-31`);
    expect(textOf(browser.lastHtml)).toContain(`${names.ben} 1 1 of 2 (50%)`);
    expect(textOf(browser.lastHtml)).not.toContain(names.ana);

    const badMonth = await browser.get(`/teach/classes/${classId}/results/${slug}?from=2026-13-01`);
    expect(badMonth.status).toBe(400);
    const backwards = await browser.get(`/teach/classes/${classId}/results/${slug}?from=2026-02-02&to=2026-02-01`);
    expect(backwards.status).toBe(400);
    expect(textOf(await backwards.text())).toContain("The last day comes before the first.");
  });

  it("another teacher sees none of it", async () => {
    const { classId, slug, anaId } = fixture;
    const other = await managedClass("Not theirs");
    for (const path of [`students/${anaId}`, "questions/who-said-it", "answers.csv"])
      expect((await other.browser.get(`/teach/classes/${classId}/results/${slug}/${path}`)).status).toBe(404);
  });
});
