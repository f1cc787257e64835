import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/content/library.ts";
import { LibraryConflictError, planLibrarySync } from "../../src/db/library-sync.ts";
import { documentFile, questionSet, setFile } from "../support/content.ts";
import { readLibraryState } from "../support/d1.ts";
import { publish, storedSet, uploadSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { readerId, signedInTeacher } from "../support/teacher-browser.ts";

/** A teacher with a document `id` saying `text`, and a published set `slug` quoting it. */
async function teacherWith(id: string, slug: string, text: string) {
  const { teacher, browser } = await signedInTeacher();
  await browser.get("/teach/documents");
  const added = await browser.post("/teach/documents", { id, title: `Newsletter of ${teacher.displayName}`, text });
  expect(added.status, await added.clone().text()).toBe(303);
  const set = questionSet(id, { title: `Set about: ${text}` });
  const question = set.questions[0];
  if (question) question.sources = [{ document: id, quote: text }];
  const created = await uploadSet(browser, slug, JSON.stringify(set));
  expect(created.status, textOf(await created.clone().text()).slice(0, 500)).toBe(303);
  await publish(browser, slug);
  return { teacher, browser, publicSlug: (await storedSet(teacher.id, slug))?.public_slug ?? "", readerId: await readerId(browser, id) };
}

describe("slugs and document ids belong to each teacher", () => {
  it("lets two teachers use the same set slug and document id; students reach each by its own address", async () => {
    const slug = unique("pool");
    const id = unique("newsletter");
    const a = await teacherWith(id, slug, "The pool reopens in May.");
    const b = await teacherWith(id, slug, "The pool stays closed all summer.");
    expect(a.publicSlug).not.toBe(b.publicSlug);
    expect(a.readerId).not.toBe(b.readerId);
    for (const [owner, text] of [
      [a, "The pool reopens in May."],
      [b, "The pool stays closed all summer."],
    ] as const) {
      const student = new StudentBrowser();
      await student.get(`/sets/${owner.publicSlug}`);
      expect(textOf(student.lastHtml)).toContain(`Set about: ${text}`);
      // The set's source links open its owner's document.
      expect(student.lastHtml).toContain(`href="/documents/${owner.readerId}"`);
      await student.get(`/documents/${owner.readerId}`);
      expect(textOf(student.lastHtml)).toContain(text);
      // Each teacher's pages show their own set and document under the shared names.
      await owner.browser.get(`/teach/sets/${slug}`);
      expect(textOf(owner.browser.lastHtml)).toContain(`Set about: ${text}`);
    }
    // The teacher's slug is not a student address.
    expect((await new StudentBrowser().get(`/sets/${slug}`)).status).toBe(404);
  });

  it("answers a new teacher the same whether or not another teacher uses the slug or id, so a 409 reveals nothing", async () => {
    const taken = { slug: unique("taken"), id: unique("taken-doc") };
    await teacherWith(taken.id, taken.slug, "The pool reopens in May.");
    const newcomer = await signedInTeacher();
    await newcomer.browser.get("/teach/documents");
    const statuses = async (slug: string, id: string) => {
      await newcomer.browser.get("/teach/documents");
      const document = await newcomer.browser.post("/teach/documents", { id, title: "Mine", text: "The pool reopens in May." });
      const set = await uploadSet(
        newcomer.browser,
        slug,
        JSON.stringify(questionSet(id, { title: "Mine" })).replace(/The mayor said the bridge would reopen on Monday\./g, "The pool reopens in May."),
      );
      return [document.status, set.status];
    };
    expect(await statuses(taken.slug, taken.id)).toEqual(await statuses(unique("free"), unique("free-doc")));
    // Only the teacher's own names and the built-in ones are refused, and the message says which.
    const own = await newcomer.browser.post("/teach/documents", { id: taken.id, title: "Again", text: "Text." });
    expect(own.status).toBe(409);
    expect(textOf(await own.text())).toContain(`You already have a document with the id "${taken.id}"`);
    const builtIn = await newcomer.browser.post("/teach/documents", { id: "002", title: "Again", text: "Text." });
    expect(builtIn.status).toBe(409);
    expect(textOf(await builtIn.text())).toContain('"002" is the id of a built-in document');
  });

  it("keeps the built-in library from taking a name any teacher uses, their own or their students' address", async () => {
    const slug = unique("lib-clash");
    const id = unique("lib-doc");
    const owner = await teacherWith(id, slug, "The pool reopens in May.");
    const state = await readLibraryState(env.DB);
    const clashes: [string, string][] = [
      [id, unique("fresh")],
      [owner.readerId, unique("fresh")],
      [unique("fresh-doc"), slug],
      [unique("fresh-doc"), owner.publicSlug],
    ];
    for (const [docId, setSlug] of clashes) {
      const library = loadLibrary([documentFile(docId, "The mayor said the bridge would reopen on Monday."), setFile(setSlug, questionSet(docId))]);
      await expect(planLibrarySync(library, state)).rejects.toThrow(LibraryConflictError);
    }
  });
});
