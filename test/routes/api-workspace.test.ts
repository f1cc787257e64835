import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createDb } from "../../src/db/client.ts";
import { createApiToken } from "../../src/db/queries/teachers.ts";
import { FIXTURE_BODY, questionSet } from "../support/content.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser } from "../support/student.ts";
import { type ApiTeacher, apiRequest, createTeacherWithToken } from "../support/teachers.ts";

/** The API routes that cover the teacher area: classes, assignments, results, one question, set lifecycle. */

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field and checked by the assertions
type Json = Record<string, any>;
type ErrorBody = { error: string; details: { path?: string; message: string }[] };

async function call(owner: ApiTeacher | string, method: string, path: string, json?: unknown): Promise<Response> {
  return apiRequest(method, path, { token: typeof owner === "string" ? owner : owner.token, json });
}

async function ok<T = Json>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

async function refused(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toEqual(expect.any(String));
  expect(Array.isArray(body.details)).toBe(true);
  return body;
}

/** Every row these routes could touch, so a refused request can be shown to change nothing. */
async function snapshot(): Promise<string> {
  const tables = ["question_sets", "set_versions", "questions", "classes", "class_sets", "class_members", "attempts"];
  const rows = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table} ORDER BY rowid`)));
  return JSON.stringify(rows.map((result) => result.results));
}

/** A teacher with a document and a published set quoting it. */
async function teacherWithSet() {
  const owner = await createTeacherWithToken();
  const documentId = unique("doc");
  await ok(await call(owner, "POST", "/api/documents", { id: documentId, title: "Bridge", text: FIXTURE_BODY }), 201);
  const slug = unique("set");
  await ok(await call(owner, "POST", "/api/sets", { slug, content: stringify(questionSet(documentId)) }), 201);
  const published = await ok(await call(owner, "POST", `/api/sets/${slug}/publish`));
  return { owner, documentId, slug, publicSlug: published.publicSlug as string };
}

describe("classes through the API", () => {
  it("creates, lists and reads a class; assigns and unassigns a set; answers results as JSON and CSV", async () => {
    const { owner, slug, publicSlug } = await teacherWithSet();
    const created = await ok(await call(owner, "POST", "/api/classes", { name: "  Year 9 media " }), 201);
    expect(created).toMatchObject({ name: "Year 9 media", members: [], assigned: [] });
    expect(created.joinCode).toMatch(/^[A-Z0-9]+$/);
    const listed = await ok(await call(owner, "GET", "/api/classes"));
    expect(listed.classes).toEqual([
      { id: created.id, name: "Year 9 media", joinCode: created.joinCode, members: 0, createdAt: created.createdAt, archivedAt: null },
    ]);

    const assigned = await ok(await call(owner, "POST", `/api/classes/${created.id}/sets`, { slug }), 201);
    expect(assigned.assigned).toEqual([{ slug, title: "Fixture set", published: true }]);

    const student = new StudentBrowser();
    await student.get(`/join/${created.joinCode}`);
    await student.post("/join", { code: created.joinCode, displayName: "Ada" });
    const attemptId = await student.startAttempt(publicSlug);
    await student.get(`/attempts/${attemptId}/questions/1`);
    await student.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });

    const read = await ok(await call(owner, "GET", `/api/classes/${created.id}`));
    expect(read.members).toEqual([{ studentId: expect.any(String), displayName: "Ada", joinedAt: expect.any(String) }]);
    const results = await ok(await call(owner, "GET", `/api/classes/${created.id}/results/${slug}`));
    expect(results).toMatchObject({ className: "Year 9 media", title: "Fixture set", version: 1 });
    expect(results.students).toEqual([
      expect.objectContaining({ name: "Ada", attempts: 1, finishedAttempts: 1, firstScore: { marks: 1, total: 1, percent: 100 } }),
    ]);
    expect(results.questions[0]).toMatchObject({ key: "who-said-it", answered: 1, facility: 1 });
    const csv = await call(owner, "GET", `/api/classes/${created.id}/results/${slug}/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("Content-Disposition")).toContain(`${slug}-results.csv`);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^Student,Attempts,First score/);
    expect(lines[1]).toMatch(/^Ada,1,1 of 1,100,/);

    expect((await call(owner, "DELETE", `/api/classes/${created.id}/sets/${slug}`)).status).toBe(204);
    expect((await ok(await call(owner, "GET", `/api/classes/${created.id}`))).assigned).toEqual([]);
    await refused(await call(owner, "DELETE", `/api/classes/${created.id}/sets/${slug}`), 404);
    // The attempt stays: unassigning takes the set off the class, not the student's work.
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE id = ?").bind(attemptId).first<{ n: number }>();
    expect(kept?.n).toBe(1);
  });

  it("refuses another teacher's class with 404, bad input with field errors, and writes nothing", async () => {
    const { owner, slug } = await teacherWithSet();
    const other = await createTeacherWithToken("other");
    const klass = await ok(await call(owner, "POST", "/api/classes", { name: "Mine" }), 201);
    await ok(await call(owner, "POST", `/api/classes/${klass.id}/sets`, { slug }), 201);
    const before = await snapshot();
    for (const [method, path, body] of [
      ["GET", `/api/classes/${klass.id}`],
      ["POST", `/api/classes/${klass.id}/sets`, { slug }],
      ["DELETE", `/api/classes/${klass.id}/sets/${slug}`],
      ["GET", `/api/classes/${klass.id}/results/${slug}`],
      ["GET", `/api/classes/${klass.id}/results/${slug}/csv`],
      ["GET", "/api/classes/not-a-uuid"],
    ] as const)
      await refused(await call(other, method, path, body), 404);
    // Another teacher's set cannot be assigned to one's own class either.
    const theirs = await ok(await call(other, "POST", "/api/classes", { name: "Theirs" }), 201);
    const afterCreate = await snapshot();
    await refused(await call(other, "POST", `/api/classes/${theirs.id}/sets`, { slug }), 404);
    expect((await refused(await call(owner, "POST", "/api/classes", { name: " " }), 400)).details).toEqual([
      { path: "name", message: "Give the class a name." },
    ]);
    expect((await refused(await call(owner, "POST", "/api/classes", { name: "X", code: "ABC" }), 400)).details).toContainEqual({
      path: "code",
      message: "unknown field",
    });
    expect((await refused(await call(owner, "POST", `/api/classes/${klass.id}/sets`, { slug: "Not A Slug" }), 400)).details[0]?.path).toBe("slug");
    expect(await snapshot()).toBe(afterCreate);
    expect(afterCreate).not.toBe(before); // the one write above (their own class) did land
  });
});

describe("one question through the API", () => {
  it("reads, replaces (with the editor's checks) and deletes one question of the draft; publishing makes one new version", async () => {
    const { owner, documentId, slug } = await teacherWithSet();
    const read = await ok(await call(owner, "GET", `/api/sets/${slug}/questions/who-said-it`));
    expect(read).toMatchObject({ position: 1, question: { id: "who-said-it", type: "single", answer: ["a"] } });
    const question = { ...read.question, prompt: "Who said the bridge would reopen on Monday?" };

    const saved = await ok(await call(owner, "PUT", `/api/sets/${slug}/questions/who-said-it?revision=${read.revision}`, question));
    expect(saved.question.prompt).toBe("Who said the bridge would reopen on Monday?");
    expect(saved.revision).toBeGreaterThan(read.revision);
    // The revision read before the save is now stale: a second client is told, and nothing is written.
    const before = await snapshot();
    await refused(await call(owner, "PUT", `/api/sets/${slug}/questions/who-said-it?revision=${read.revision}`, question), 409);
    // The quote check of an upload: a quote not in the document, with its field path.
    const misquoted = { ...question, sources: [{ document: documentId, quote: "The mayor promised a new bridge." }] };
    const quoteError = await refused(await call(owner, "PUT", `/api/sets/${slug}/questions/who-said-it`, misquoted), 400);
    expect(quoteError.details).toEqual([{ path: "sources[0].quote", message: expect.stringContaining("not found in document") }]);
    const schemaError = await refused(await call(owner, "PUT", `/api/sets/${slug}/questions/who-said-it`, { ...question, answer: "z", colour: "red" }), 400);
    expect(schemaError.details.map((d) => d.path)).toEqual(expect.arrayContaining(["colour"]));
    const renamed = await refused(await call(owner, "PUT", `/api/sets/${slug}/questions/who-said-it`, { ...question, id: "renamed" }), 400);
    expect(renamed.details).toEqual([{ path: "id", message: 'expected "who-said-it"' }]);
    await refused(await call(owner, "PUT", `/api/sets/${slug}/questions/no-such-question`, { ...question, id: "no-such-question" }), 404);
    expect(await snapshot()).toBe(before);

    const published = await ok(await call(owner, "POST", `/api/sets/${slug}/publish`));
    expect(published.current).toMatchObject({ version: 2 });
    const detail = await ok(await call(owner, "GET", `/api/sets/${slug}`));
    expect(detail.questions.current[0].prompt).toBe("Who said the bridge would reopen on Monday?");

    // Deleting the only question leaves a draft that cannot be published (a set needs a question).
    expect((await call(owner, "DELETE", `/api/sets/${slug}/questions/who-said-it`)).status).toBe(204);
    await refused(await call(owner, "GET", `/api/sets/${slug}/questions/who-said-it`), 404);
    await refused(await call(owner, "DELETE", `/api/sets/${slug}/questions/who-said-it`), 404);
  });

  it("refuses another teacher's set with 404 and a built-in set's edit with 403, writing nothing", async () => {
    const { owner, slug } = await teacherWithSet();
    const other = await createTeacherWithToken("other");
    const { question } = await ok(await call(owner, "GET", `/api/sets/${slug}/questions/who-said-it`));
    const builtIn = await ok(await call(owner, "GET", "/api/sets/who-says-so"));
    const builtInQuestion = builtIn.questions.current[0];
    const { position: _position, ...builtInContent } = builtInQuestion;
    // Reading a built-in question is fine; changing it is not.
    expect((await ok(await call(owner, "GET", `/api/sets/who-says-so/questions/${builtInQuestion.id}`))).question.id).toBe(builtInQuestion.id);
    const before = await snapshot();
    await refused(await call(other, "GET", `/api/sets/${slug}/questions/who-said-it`), 404);
    await refused(await call(other, "PUT", `/api/sets/${slug}/questions/who-said-it`, question), 404);
    await refused(await call(other, "DELETE", `/api/sets/${slug}/questions/who-said-it`), 404);
    const forbidden = await refused(await call(owner, "PUT", `/api/sets/who-says-so/questions/${builtInQuestion.id}`, builtInContent), 403);
    expect(forbidden.error).toContain("Duplicate");
    await refused(await call(owner, "DELETE", `/api/sets/who-says-so/questions/${builtInQuestion.id}`), 403);
    expect(await snapshot()).toBe(before);
  });
});

describe("set lifecycle through the API", () => {
  it("archives, unarchives, duplicates (a built-in set too) and deletes; delete is refused while results exist", async () => {
    const { owner, slug, publicSlug } = await teacherWithSet();
    expect((await ok(await call(owner, "POST", `/api/sets/${slug}/archive`))).status).toBe("archived");
    expect((await new StudentBrowser().get(`/sets/${publicSlug}`)).status).toBe(404);
    expect((await ok(await call(owner, "POST", `/api/sets/${slug}/unarchive`))).status).toBe("unpublished");

    const copySlug = unique("copy");
    const copy = await call(owner, "POST", `/api/sets/${slug}/duplicate`, { slug: copySlug });
    expect(copy.headers.get("Location")).toBe(`/api/sets/${copySlug}`);
    expect(await ok(copy, 201)).toMatchObject({ slug: copySlug, builtIn: false, status: "draft", title: "Fixture set (copy)", current: null });
    const libraryCopy = unique("library");
    expect(await ok(await call(owner, "POST", "/api/sets/who-says-so/duplicate", { slug: libraryCopy, title: "My who says so" }), 201)).toMatchObject({
      slug: libraryCopy,
      builtIn: false,
      title: "My who says so",
    });
    await refused(await call(owner, "POST", `/api/sets/${slug}/duplicate`, { slug: copySlug }), 409);

    expect((await call(owner, "DELETE", `/api/sets/${copySlug}`)).status).toBe(204);
    await refused(await call(owner, "GET", `/api/sets/${copySlug}`), 404);

    // With a student's attempt, delete is refused (archive instead) and nothing goes.
    await ok(await call(owner, "POST", `/api/sets/${slug}/publish`));
    const student = new StudentBrowser();
    await student.startAttempt(publicSlug);
    const before = await snapshot();
    expect((await refused(await call(owner, "DELETE", `/api/sets/${slug}`), 409)).error).toContain("Archive it instead");
    expect(await snapshot()).toBe(before);
  });

  it("refuses another teacher's set with 404 and a built-in set with 403, and bad bodies with field paths, writing nothing", async () => {
    const { owner, slug } = await teacherWithSet();
    const other = await createTeacherWithToken("other");
    const before = await snapshot();
    for (const [method, path, body] of [
      ["POST", `/api/sets/${slug}/archive`],
      ["POST", `/api/sets/${slug}/unarchive`],
      ["POST", `/api/sets/${slug}/duplicate`, { slug: unique("steal") }],
      ["DELETE", `/api/sets/${slug}`],
    ] as const)
      await refused(await call(other, method, path, body), 404);
    for (const [method, path] of [
      ["POST", "/api/sets/who-says-so/archive"],
      ["POST", "/api/sets/who-says-so/unarchive"],
      ["DELETE", "/api/sets/who-says-so"],
    ] as const)
      await refused(await call(owner, method, path), 403);
    const bad = await refused(await call(owner, "POST", `/api/sets/${slug}/duplicate`, { slug: "Bad Slug", title: "x".repeat(141), extra: 1 }), 400);
    expect(bad.details.map((d) => d.path).sort()).toEqual(["extra", "slug", "title"]);
    expect(await snapshot()).toBe(before);
  });
});

describe("read-only tokens on the new routes", () => {
  it("may read classes, results and questions, and are refused every write with 403, writing nothing", async () => {
    const { owner, slug } = await teacherWithSet();
    const klass = await ok(await call(owner, "POST", "/api/classes", { name: "Read me" }), 201);
    await ok(await call(owner, "POST", `/api/classes/${klass.id}/sets`, { slug }), 201);
    const { db } = createDb(env.DB);
    const { token } = await createApiToken(db, owner.teacher.id, "reader", { scope: "read" });
    for (const path of ["/api/classes", `/api/classes/${klass.id}`, `/api/classes/${klass.id}/results/${slug}`, `/api/sets/${slug}/questions/who-said-it`])
      expect((await call(token, "GET", path)).status, path).toBe(200);
    const { question } = await ok(await call(owner, "GET", `/api/sets/${slug}/questions/who-said-it`));
    const before = await snapshot();
    for (const [method, path, body] of [
      ["POST", "/api/classes", { name: "New" }],
      ["POST", `/api/classes/${klass.id}/sets`, { slug }],
      ["DELETE", `/api/classes/${klass.id}/sets/${slug}`],
      ["PUT", `/api/sets/${slug}/questions/who-said-it`, question],
      ["DELETE", `/api/sets/${slug}/questions/who-said-it`],
      ["POST", `/api/sets/${slug}/archive`],
      ["POST", `/api/sets/${slug}/unarchive`],
      ["POST", `/api/sets/${slug}/duplicate`, { slug: unique("copy") }],
      ["DELETE", `/api/sets/${slug}`],
    ] as const)
      expect((await refused(await call(token, method, path, body), 403)).error, `${method} ${path}`).toContain("read-only");
    expect(await snapshot()).toBe(before);
  });
});
