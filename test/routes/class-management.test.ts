import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { answer, joinedStudent, managedClass } from "../support/managed-class.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";

const className = (id: string) => env.DB.prepare("SELECT name FROM classes WHERE id = ?").bind(id).first<string>("name");

describe("class management", () => {
  it("renames a class, and refuses an empty name or another teacher's class, writing nothing", async () => {
    const { browser, classId } = await managedClass("Year 9 news");
    const renamed = await browser.post(`/teach/classes/${classId}/name`, { name: "  Year 9 media  " });
    expect(renamed.status).toBe(303);
    await browser.follow(renamed);
    expect(textOf(browser.lastHtml)).toContain("Year 9 media");
    expect(await className(classId)).toBe("Year 9 media");

    const empty = await browser.post(`/teach/classes/${classId}/name`, { name: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain("Give the class a name.");
    expect(await className(classId)).toBe("Year 9 media");

    const other = await signedInTeacher("Ms Other");
    await other.browser.get("/teach/classes");
    expect((await other.browser.post(`/teach/classes/${classId}/name`, { name: "Mine now" })).status).toBe(404);
    expect((await other.browser.post(`/teach/classes/${classId}/archive`, { archived: "1" })).status).toBe(404);
    expect(await className(classId)).toBe("Year 9 media");
  });

  it("archives a class: off the active lists, joins refused, results kept; unarchiving lets students join again", async () => {
    const { browser, classId, joinCode, slug, publicSlug } = await managedClass(unique("Archive me"));
    const name = await className(classId);
    const { student } = await joinedStudent(joinCode, "Ada");
    const attemptId = await student.startAttempt(publicSlug);
    await answer(student, attemptId, 1, "a");
    await answer(student, attemptId, 2, "yes");

    const bad = await browser.post(`/teach/classes/${classId}/archive`, { archived: "maybe" });
    expect(bad.status).toBe(400);
    expect(await env.DB.prepare("SELECT archived_at FROM classes WHERE id = ?").bind(classId).first("archived_at")).toBeNull();

    expect((await browser.post(`/teach/classes/${classId}/archive`, { archived: "1" })).status).toBe(303);
    await browser.get("/teach");
    expect(browser.lastHtml).not.toContain(`/teach/classes/${classId}"`);
    await browser.get("/teach/classes");
    const archivedList = /id="archived-classes">([\s\S]*?)<\/ul>/.exec(browser.lastHtml)?.[1] ?? "";
    expect(archivedList).toContain(name);
    await browser.get(`/teach/classes/${classId}`);
    expect(textOf(browser.lastHtml)).toContain("This class is archived");

    const late = new StudentBrowser();
    await late.get("/join");
    const refused = await late.post("/join", { code: joinCode, displayName: "Late Larry" });
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain("This class is archived and takes no new students.");
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_members WHERE class_id = ?", classId)).toBe(1);
    await late.get(`/join/${joinCode}`);
    expect(textOf(late.lastHtml)).toContain("That link has no valid class code.");

    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(textOf(browser.lastHtml)).toContain("Ada 1 1 of 2 (50%)");

    expect((await browser.post(`/teach/classes/${classId}/archive`, { archived: "0" })).status).toBe(303);
    await browser.get("/teach");
    expect(browser.lastHtml).toContain(`/teach/classes/${classId}"`);
    await late.get("/join");
    expect((await late.post("/join", { code: joinCode, displayName: "Late Larry" })).status).toBe(303);
  });

  it("unassigns a set: students of the class no longer see it; an unassigned slug is not found and changes nothing", async () => {
    const { browser, classId, joinCode, slug, publicSlug } = await managedClass();
    const { student } = await joinedStudent(joinCode, "Bo");
    await student.get("/");
    expect(student.lastHtml).toContain(`/sets/${publicSlug}"`);

    expect((await browser.post(`/teach/classes/${classId}/sets/not-assigned-here/unassign`)).status).toBe(404);
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_sets WHERE class_id = ?", classId)).toBe(1);

    const done = await browser.post(`/teach/classes/${classId}/sets/${slug}/unassign`);
    expect(done.status).toBe(303);
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_sets WHERE class_id = ?", classId)).toBe(0);
    await browser.follow(done);
    expect(textOf(browser.lastHtml)).toContain("Nothing assigned yet.");
    await student.get("/");
    expect(student.lastHtml).not.toContain(`/sets/${publicSlug}"`);
  });

  it("removes a student keeping their attempts (still in the results) and says so", async () => {
    const { browser, classId, joinCode, slug, publicSlug } = await managedClass();
    const { student, studentId } = await joinedStudent(joinCode, unique("Cal"));
    const name = (await env.DB.prepare("SELECT display_name FROM class_members WHERE student_id = ?").bind(studentId).first<string>("display_name")) ?? "";
    const attemptId = await student.startAttempt(publicSlug);
    await answer(student, attemptId, 1, "a");
    await answer(student, attemptId, 2, "yes");

    const bad = await browser.post(`/teach/classes/${classId}/members/${studentId}/remove`, { attempts: "shred" });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("Choose whether to keep or delete their attempts.");
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_members WHERE class_id = ?", classId)).toBe(1);

    const removed = await browser.post(`/teach/classes/${classId}/members/${studentId}/remove`, { attempts: "keep" });
    expect(removed.status).toBe(303);
    await browser.follow(removed);
    expect(textOf(browser.lastHtml)).toContain(`Removed ${name} from the class. Kept their 1 attempt in this class: they stay in the results.`);
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_members WHERE class_id = ?", classId)).toBe(0);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ? AND class_id = ?", studentId, classId)).toBe(1);
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(2);
    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(textOf(browser.lastHtml)).toContain(`${name} 1 1 of 2 (50%)`);
    expect((await browser.post(`/teach/classes/${classId}/members/${studentId}/remove`, { attempts: "keep" })).status).toBe(404);
  });

  it("removes a student deleting their attempts in that class only, with their answers, and says so", async () => {
    const { browser, classId, joinCode, slug, publicSlug } = await managedClass();
    const { student, studentId } = await joinedStudent(joinCode, unique("Dee"));
    const keeper = await joinedStudent(joinCode, unique("Eve"));
    for (const who of [student, keeper.student]) {
      const attemptId = await who.startAttempt(publicSlug);
      await answer(who, attemptId, 1, "a");
      await answer(who, attemptId, 2, "no");
    }
    // An attempt outside the class (a built-in set) is not the class's to delete.
    const own = await student.startAttempt("who-says-so");
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ?", studentId)).toBe(2);

    const removed = await browser.post(`/teach/classes/${classId}/members/${studentId}/remove`, { attempts: "delete" });
    await browser.follow(removed);
    expect(textOf(browser.lastHtml)).toMatch(/Removed Dee-\S+ from the class and deleted their 1 attempt in this class with every answer\./);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ? AND class_id = ?", studentId, classId)).toBe(0);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE id = ?", own)).toBe(1);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE student_id = ? AND class_id = ?", keeper.studentId, classId)).toBe(1);
    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    const text = textOf(browser.lastHtml);
    expect(text).not.toContain("Dee-");
    expect(text).toMatch(/Eve-\S+ 1 2 of 2 \(100%\)/);
  });
});
