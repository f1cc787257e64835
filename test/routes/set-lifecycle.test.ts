import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { publish, simpleYaml, storedSet, uploadSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher, studentSlug } from "../support/teacher-browser.ts";

/** A published set of a new teacher's, assigned to their class, optionally with one student's attempt. */
async function setWithClass(withAttempt: boolean) {
  const { teacher, browser } = await signedInTeacher();
  const slug = unique("lifecycle");
  await uploadSet(browser, slug, simpleYaml("Lifecycle set"));
  await publish(browser, slug);
  await browser.get("/teach/classes");
  const created = await browser.post("/teach/classes", { name: "Media 9" });
  const classId = /\/teach\/classes\/([0-9a-f-]{36})$/.exec(created.headers.get("Location") ?? "")?.[1] ?? "";
  await browser.get(`/teach/classes/${classId}`);
  const joinCode = /id="join-code">([A-Z0-9]+)</.exec(browser.lastHtml)?.[1] ?? "";
  await browser.post(`/teach/classes/${classId}/sets`, { slug });
  const address = await studentSlug(browser, slug);
  const student = new StudentBrowser();
  let attemptId = "";
  if (withAttempt) {
    await student.get(`/join/${joinCode}`);
    await student.post("/join", { code: joinCode, displayName: "Ada" });
    attemptId = await student.startAttempt(address);
    await student.get(`/attempts/${attemptId}/questions/1`);
    await student.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
  }
  return { teacher, browser, slug, address, classId, student, attemptId };
}

const rows = (setId: number) =>
  Promise.all([
    count(env.DB, "SELECT count(*) AS n FROM set_versions WHERE set_id = ?", setId),
    count(env.DB, "SELECT count(*) AS n FROM questions q JOIN set_versions v ON v.id = q.set_version_id WHERE v.set_id = ?", setId),
    count(env.DB, "SELECT count(*) AS n FROM attempts a JOIN set_versions v ON v.id = a.set_version_id WHERE v.set_id = ?", setId),
    count(env.DB, "SELECT count(*) AS n FROM class_sets WHERE set_id = ?", setId),
  ]);

describe("archiving", () => {
  it("hides the set from students and class assignment, keeps its attempts and results, and unarchives it unpublished", async () => {
    const { teacher, browser, slug, address, classId, student, attemptId } = await setWithClass(true);
    const setId = (await storedSet(teacher.id, slug))?.id ?? 0;
    const before = await rows(setId);
    await browser.get(`/teach/sets/${slug}`);
    expect((await browser.post(`/teach/sets/${slug}/archive`)).status).toBe(303);
    expect(await rows(setId)).toEqual(before);

    expect((await new StudentBrowser().get(`/sets/${address}`)).status).toBe(404);
    await student.get("/");
    expect(student.lastHtml).not.toContain(`/sets/${address}"`);
    expect((await student.get(`/attempts/${attemptId}`)).status).toBe(200); // the finished attempt's summary stays
    await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(textOf(browser.lastHtml)).toContain("Ada");
    await browser.get("/teach");
    expect(textOf(browser.lastHtml)).toMatch(/Archived sets .*Lifecycle set archived/);
    await browser.get(`/teach/sets/${slug}`);
    expect(textOf(browser.lastHtml)).toContain("This set is archived");
    expect((await browser.post(`/teach/sets/${slug}/publish`)).status).toBe(400);

    expect((await browser.post(`/teach/sets/${slug}/unarchive`)).status).toBe(303);
    expect(await storedSet(teacher.id, slug)).toMatchObject({ archived_at: null, published: 0 });
    await publish(browser, slug);
    expect((await new StudentBrowser().get(`/sets/${address}`)).status).toBe(200);
    expect(await rows(setId)).toEqual(before);
  });
});

describe("deleting", () => {
  it("refuses while the set has results, offers archiving instead, and deletes nothing", async () => {
    const { teacher, browser, slug } = await setWithClass(true);
    const setId = (await storedSet(teacher.id, slug))?.id ?? 0;
    const before = await rows(setId);
    await browser.get(`/teach/sets/${slug}/delete`);
    const question = textOf(browser.lastHtml);
    expect(question).toContain("Students have made 1 attempt on this set, so it cannot be deleted");
    expect(browser.lastHtml).toContain(`action="/teach/sets/${slug}/archive"`);
    expect(browser.lastHtml).not.toContain(`action="/teach/sets/${slug}/delete"`);
    const refused = await browser.post(`/teach/sets/${slug}/delete`);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain("Archive it instead");
    expect(await rows(setId)).toEqual(before);
    expect(await storedSet(teacher.id, slug)).toBeDefined();
    // Confirming "Archive instead" archives it.
    expect((await browser.post(`/teach/sets/${slug}/archive`)).status).toBe(303);
    expect((await storedSet(teacher.id, slug))?.archived_at).not.toBeNull();
  });

  it("deletes a set nobody attempted: its versions, questions, class assignments and the set; the slug is free again", async () => {
    const { teacher, browser, slug, address } = await setWithClass(false);
    const setId = (await storedSet(teacher.id, slug))?.id ?? 0;
    expect(await rows(setId)).toEqual([1, 1, 0, 1]);
    await browser.get(`/teach/sets/${slug}/delete`);
    expect(textOf(browser.lastHtml)).toContain("Nobody has attempted this set.");
    const deleted = await browser.post(`/teach/sets/${slug}/delete`);
    expect(deleted.headers.get("Location")).toBe("/teach?deleted=1");
    expect(await rows(setId)).toEqual([0, 0, 0, 0]);
    expect(await storedSet(teacher.id, slug)).toBeUndefined();
    expect((await new StudentBrowser().get(`/sets/${address}`)).status).toBe(404);
    expect((await uploadSet(browser, slug, simpleYaml())).status).toBe(303);
  });
});

describe("duplicating", () => {
  it("copies a built-in set into an editable draft of the teacher's own, leaving the original as it was", async () => {
    const { teacher, browser } = await signedInTeacher();
    const copy = unique("my-who-says-so");
    const original = await env.DB.prepare(
      "SELECT current_version_id, draft_revision FROM question_sets WHERE slug = 'who-says-so' AND owner_id IS NULL",
    ).first();
    await browser.get("/teach/sets/who-says-so");
    expect(textOf(browser.lastHtml)).toContain("Duplicate this set");
    const duplicated = await browser.post("/teach/sets/who-says-so/duplicate", { slug: copy, title: "" });
    expect(duplicated.headers.get("Location")).toBe(`/teach/sets/${copy}/edit`);
    const stored = await storedSet(teacher.id, copy);
    expect(stored).toMatchObject({ versions: 0, published: 0 });
    expect(stored?.draft?.title).toBe("Who says so? Reading a breaking story (copy)");
    expect(stored?.draft?.questions.length).toBeGreaterThan(5);
    expect(
      await env.DB.prepare("SELECT current_version_id, draft_revision FROM question_sets WHERE slug = 'who-says-so' AND owner_id IS NULL").first(),
    ).toEqual(original);
    // The copy is the teacher's to edit and publish.
    expect((await publish(browser, copy)).status).toBe(303);
    expect(await storedSet(teacher.id, copy)).toMatchObject({ versions: 1, published: 1 });
  });

  it("copies the teacher's own set with its unpublished changes, and refuses a slug they already use", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("original");
    await uploadSet(browser, slug, simpleYaml("Published title"));
    await publish(browser, slug);
    await browser.get(`/teach/sets/${slug}`);
    await browser.postMultipart(`/teach/sets/${slug}/versions`, { format: "sourcewise", content: simpleYaml("Draft title") });
    const copy = unique("copy");
    await browser.get(`/teach/sets/${slug}`);
    expect((await browser.post(`/teach/sets/${slug}/duplicate`, { slug: copy, title: "" })).status).toBe(303);
    expect((await storedSet(teacher.id, copy))?.draft?.title).toBe("Draft title (copy)");
    await browser.get(`/teach/sets/${slug}`);
    const named = unique("named-copy");
    expect((await browser.post(`/teach/sets/${slug}/duplicate`, { slug: named, title: "My copy" })).status).toBe(303);
    expect((await storedSet(teacher.id, named))?.draft?.title).toBe("My copy");

    await browser.get(`/teach/sets/${slug}`);
    const taken = await browser.post(`/teach/sets/${slug}/duplicate`, { slug: copy, title: "Again" });
    expect(taken.status).toBe(409);
    const page = await taken.text();
    expect(textOf(page)).toContain(`You already have a set called "${copy}"`);
    expect(page).toContain(`value="${copy}"`);
    const invalid = await browser.post(`/teach/sets/${slug}/duplicate`, { slug: "Not A Slug", title: "" });
    expect(invalid.status).toBe(400);
    expect(textOf(await invalid.text())).toContain("must be lower-case letters, digits and hyphens");
    expect(await count(env.DB, "SELECT count(*) AS n FROM question_sets WHERE owner_id = ?", teacher.id)).toBe(3);
  });
});
