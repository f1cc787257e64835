import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createDb } from "../../src/db/client.ts";
import { startAttempt } from "../../src/db/queries/attempts.ts";
import { revokeApiToken } from "../../src/db/queries/teachers.ts";
import { MAX_UPLOAD_BYTES } from "../../src/teach/upload.ts";
import { FIXTURE_BODY, questionSet } from "../support/content.ts";
import { PRACTICE, unique } from "../support/fixtures.ts";
import { textOf } from "../support/student.ts";
import { type ApiTeacher, apiRequest, createTeacherWithToken } from "../support/teachers.ts";

type Json = Record<string, unknown>;
type ErrorBody = { error: string; details: { path?: string; line?: number; message: string }[]; requestId: string };

async function json<T = Json>(response: Response): Promise<T> {
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

async function expectError(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  const body = await json<ErrorBody>(response);
  expect(body.error).toEqual(expect.any(String));
  expect(Array.isArray(body.details)).toBe(true);
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

const GIFT = "::Hedge:: Which word hedges the claim? {=may ~is ~will}\n\n::Named:: The official was named. {F}";
const AIKEN = "Which word hedges the claim?\nA. may\nB. is\nANSWER: A\n\nWho said the bridge would reopen?\nA. The mayor\nB. An engineer\nANSWER: A";

/** A teacher's own document with the fixture text; returns its id. */
async function addDocument(owner: ApiTeacher, body = FIXTURE_BODY): Promise<string> {
  const id = unique("doc");
  const response = await apiRequest("POST", "/api/documents", { token: owner.token, json: { id, title: `Document ${id}`, text: body } });
  expect(response.status).toBe(201);
  return id;
}

/** A new draft set in the project's YAML format, quoting `docId`. */
async function addSet(owner: ApiTeacher, docId: string, slug = unique("set")): Promise<string> {
  const response = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug, content: stringify(questionSet(docId)) } });
  expect(response.status, await response.clone().text()).toBe(201);
  return slug;
}

/** Every row a write could touch, so a refused request can be shown to change nothing. */
async function snapshot(): Promise<string> {
  const tables = ["question_sets", "set_versions", "questions", "documents", "attempts"];
  const rows = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table} ORDER BY rowid`)));
  return JSON.stringify(rows.map((result) => result.results));
}

async function versionId(slug: string, version: number): Promise<number> {
  const row = await env.DB.prepare("SELECT v.id FROM set_versions v JOIN question_sets s ON s.id = v.set_id WHERE s.slug = ? AND v.version = ?")
    .bind(slug, version)
    .first<{ id: number }>();
  if (!row) throw new Error(`no version ${version} of ${slug}`);
  return row.id;
}

describe("API authentication", () => {
  it("refuses requests without a token, with an unknown one, or with a revoked one", async () => {
    const owner = await createTeacherWithToken();
    const refused: Record<string, string>[] = [{}, { Authorization: "Bearer sw_not-a-real-token" }, { Authorization: `Basic ${owner.token}` }];
    for (const headers of refused) {
      const body = await expectError(await apiRequest("GET", "/api/sets", { headers }), 401);
      expect(body.error).toContain("Authorization: Bearer");
    }
    expect((await apiRequest("GET", "/api/sets", { token: owner.token })).status).toBe(200);
    await revokeApiToken(createDb(env.DB).db, owner.teacher.id, owner.tokenId);
    await expectError(await apiRequest("GET", "/api/sets", { token: owner.token }), 401);
    await expectError(await apiRequest("GET", "/api/documents", { token: owner.token }), 401);
  });

  it("checks the token on every data route, before reading the body", async () => {
    const routes: [string, string][] = [
      ["GET", "/api/sets"],
      ["POST", "/api/sets"],
      ["GET", "/api/sets/who-says-so"],
      ["PUT", "/api/sets/who-says-so"],
      ["POST", "/api/sets/who-says-so/publish"],
      ["POST", "/api/sets/who-says-so/unpublish"],
      ["GET", "/api/documents"],
      ["POST", "/api/documents"],
      ["GET", "/api/documents/000"],
    ];
    const before = await snapshot();
    for (const [method, path] of routes) {
      const response = await apiRequest(method, path, { json: method === "GET" ? undefined : { slug: "x" } });
      await expectError(response, 401);
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const owner = await createTeacherWithToken();
    await expectError(await apiRequest("GET", "/api/nothing-here", { token: owner.token }), 404);
  });
});

describe("API: sets", () => {
  it("creates a set from the project's YAML as a draft, then publishes it", async () => {
    const owner = await createTeacherWithToken();
    const docId = await addDocument(owner);
    const slug = unique("set");
    const created = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug, format: "sourcewise", content: stringify(questionSet(docId)) } });
    expect(created.status).toBe(201);
    expect(created.headers.get("Location")).toBe(`/api/sets/${slug}`);
    expect(await json(created)).toEqual({ slug, version: 1, status: "draft", changes: ["A new set with 1 question."], warnings: [], importNotes: [] });

    const listed = await json<{ sets: Json[] }>(await apiRequest("GET", "/api/sets", { token: owner.token }));
    const mine = listed.sets.find((set) => set.slug === slug);
    expect(mine?.publicSlug).toMatch(new RegExp(`^${slug}-[a-z2-9]{6}$`));
    expect(mine).toMatchObject({ slug, builtIn: false, status: "draft", title: "Fixture set", current: null, draft: { version: 1, questionCount: 1 } });
    expect(listed.sets.some((set) => set.builtIn === true && set.slug === "who-says-so")).toBe(true);

    const published = await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token });
    expect(published.status).toBe(200);
    expect(await json(published)).toMatchObject({ slug, status: "published", current: { version: 1 }, draft: null });

    const again = await json<{ sets: Json[] }>(await apiRequest("GET", "/api/sets", { token: owner.token }));
    expect(again.sets.find((set) => set.slug === slug)).toMatchObject({ status: "published", current: { version: 1, questionCount: 1 } });

    const detail = await json(await apiRequest("GET", `/api/sets/${slug}`, { token: owner.token }));
    expect(detail).toMatchObject({
      slug,
      status: "published",
      versions: [{ version: 1, state: "current", questionCount: 1 }],
      questions: {
        current: [
          { position: 1, id: "who-said-it", answer: ["a"], sources: [{ document: docId }], options: [{ id: "a", feedback: expect.any(String) }, { id: "b" }] },
        ],
        draft: null,
      },
    });
  });

  it("imports GIFT and Aiken sets", async () => {
    const owner = await createTeacherWithToken();
    const giftSlug = unique("gift");
    const gift = await apiRequest("POST", "/api/sets", {
      token: owner.token,
      json: { slug: giftSlug, format: "gift", content: GIFT, title: "Hedges", summary: "Spot the hedge.", skill: "hedging", difficulty: "easy" },
    });
    expect(await json(gift)).toEqual({ slug: giftSlug, version: 1, status: "draft", changes: ["A new set with 2 questions."], warnings: [], importNotes: [] });
    const aikenSlug = unique("aiken");
    const aiken = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: aikenSlug, format: "aiken", content: AIKEN } });
    expect(aiken.status).toBe(201);

    const giftSet = await json(await apiRequest("GET", `/api/sets/${giftSlug}`, { token: owner.token }));
    expect(giftSet).toMatchObject({
      title: "Hedges",
      summary: "Spot the hedge.",
      draft: { version: 1, questionCount: 2, sourcesRequired: false },
      questions: {
        current: null,
        draft: [
          { id: "hedge", type: "single", skill: "hedging", difficulty: "easy", answer: ["a"] },
          { id: "named", type: "true_false", answer: ["f"] },
        ],
      },
    });
    const aikenSet = await json(await apiRequest("GET", `/api/sets/${aikenSlug}`, { token: owner.token }));
    expect(aikenSet).toMatchObject({ title: aikenSlug, draft: { questionCount: 2 }, questions: { draft: [{ skill: "evidence", difficulty: "medium" }, {}] } });
    for (const slug of [giftSlug, aikenSlug]) {
      expect(await json(await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token }))).toMatchObject({ status: "published" });
    }
  });

  it("stores an update as version 2 while attempts already started stay on version 1", async () => {
    const owner = await createTeacherWithToken();
    const docId = await addDocument(owner);
    const slug = await addSet(owner, docId);
    await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token });
    const v1 = await versionId(slug, 1);
    const attemptId = await startAttempt(createDb(env.DB).db, { studentId: crypto.randomUUID(), setVersionId: v1, settings: PRACTICE });

    const edited = questionSet(docId, { title: "Fixture set, edited" });
    const updated = await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { content: stringify(edited) } });
    expect(updated.status).toBe(200);
    expect(await json(updated)).toEqual({
      slug,
      version: 2,
      status: "draft",
      changes: ['Title: "Fixture set" became "Fixture set, edited".'],
      warnings: [],
      importNotes: [],
    });

    // Still published on version 1 until the draft is published.
    const pending = await json(await apiRequest("GET", `/api/sets/${slug}`, { token: owner.token }));
    expect(pending).toMatchObject({
      status: "published",
      title: "Fixture set, edited",
      current: { version: 1, title: "Fixture set" },
      draft: { version: 2 },
      versions: [
        { version: 2, state: "draft" },
        { version: 1, state: "current" },
      ],
    });
    expect(await json(await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token }))).toMatchObject({
      current: { version: 2, title: "Fixture set, edited" },
      draft: null,
    });
    const attempt = await env.DB.prepare("SELECT set_version_id FROM attempts WHERE id = ?").bind(attemptId).first<{ set_version_id: number }>();
    expect(attempt?.set_version_id).toBe(v1);

    // The slug may be repeated in the body, but it must match the URL.
    const same = await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { slug, content: stringify(edited) } });
    expect(await json(same)).toEqual({ slug, version: 3, status: "draft", changes: [], warnings: [], importNotes: [] });
    const before = await snapshot();
    const other = await expectError(
      await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { slug: "another-slug", content: stringify(edited) } }),
      400,
    );
    expect(other.details).toEqual([{ path: "slug", message: `expected "${slug}"` }]);
    expect(await snapshot()).toBe(before);
  });

  it("unpublishes and republishes a set", async () => {
    const owner = await createTeacherWithToken();
    const slug = await addSet(owner, await addDocument(owner));
    await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token });
    const hidden = await apiRequest("POST", `/api/sets/${slug}/unpublish`, { token: owner.token });
    expect(await json(hidden)).toMatchObject({ slug, status: "unpublished", current: { version: 1 } });
    const listed = await json<{ sets: Json[] }>(await apiRequest("GET", "/api/sets", { token: owner.token }));
    expect(listed.sets.find((set) => set.slug === slug)).toMatchObject({ status: "unpublished" });
    expect(await json(await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token }))).toMatchObject({ status: "published" });
  });

  it("refuses a slug the teacher or the library already uses with a 409; another teacher's slug is free to use", async () => {
    const owner = await createTeacherWithToken();
    const other = await createTeacherWithToken();
    const docId = await addDocument(owner);
    const slug = await addSet(owner, docId);
    const before = await snapshot();
    const mine = await expectError(await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug, content: stringify(questionSet(docId)) } }), 409);
    expect(mine.error).toContain(`You already have a set called "${slug}"`);
    expect(mine.details).toEqual([{ path: "slug", message: "already exists" }]);
    const library = await expectError(
      await apiRequest("POST", "/api/sets", { token: other.token, json: { slug: "who-says-so", format: "aiken", content: AIKEN } }),
      409,
    );
    expect(library.error).toContain('"who-says-so" is the slug of a built-in set');
    expect(await snapshot()).toBe(before);
    const theirs = await apiRequest("POST", "/api/sets", { token: other.token, json: { slug, format: "aiken", content: AIKEN } });
    expect(theirs.status).toBe(201);
  });
});

describe("API: bad input", () => {
  const cases: [string, string, number][] = [
    ["a duplicate key", "title: One\nsummary: A set.\ntitle: Two\n", 3],
    ["an alias", "title: &t One\nsummary: A set.\nskills:\n  - attribution\nquestions: *t\n", 5],
    ["a __proto__ key", "title: One\nsummary: A set.\n__proto__:\n  polluted: true\n", 3],
  ];
  for (const [what, content, line] of cases) {
    it(`names the line of ${what} in the YAML`, async () => {
      const owner = await createTeacherWithToken();
      const before = await snapshot();
      const body = await expectError(await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("bad"), content } }), 400);
      expect(body.details[0]).toMatchObject({ line, message: expect.any(String) });
      expect(await snapshot()).toBe(before);
    });
  }

  it("names the field and line of a schema problem", async () => {
    const owner = await createTeacherWithToken();
    const docId = await addDocument(owner);
    const content = stringify(questionSet(docId, { skills: ["attribution", "nonsense"] } as never));
    const body = await expectError(await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("bad"), content } }), 400);
    expect(body.details).toContainEqual(expect.objectContaining({ path: "skills[1]", line: 5 }));
  });

  it("refuses bodies over 256 KB with a 413, with or without a Content-Length", async () => {
    const owner = await createTeacherWithToken();
    const big = JSON.stringify({ slug: unique("big"), content: "x".repeat(MAX_UPLOAD_BYTES) });
    const before = await snapshot();
    const declared = await apiRequest("POST", "/api/sets", {
      token: owner.token,
      body: big,
      headers: { "Content-Type": "application/json", "Content-Length": String(big.length) },
    });
    expect((await expectError(declared, 413)).error).toContain("256 KB");

    const bytes = new TextEncoder().encode(big);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 16 * 1024) controller.enqueue(bytes.slice(offset, offset + 16 * 1024));
        controller.close();
      },
    });
    const chunked = await apiRequest("POST", "/api/documents", { token: owner.token, body: streamed, headers: { "Content-Type": "application/json" } });
    await expectError(chunked, 413);
    expect(await snapshot()).toBe(before);

    // Just under the limit is read and validated as usual.
    const small = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("ok"), format: "aiken", content: AIKEN } });
    expect(small.status).toBe(201);
  });

  it("refuses malformed JSON and other media types", async () => {
    const owner = await createTeacherWithToken();
    const malformed = await expectError(
      await apiRequest("POST", "/api/sets", { token: owner.token, body: '{"slug": "x",', headers: { "Content-Type": "application/json" } }),
      400,
    );
    expect(malformed.error).toBe("The request body is not valid JSON.");
    expect(malformed.details).toHaveLength(1);
    await expectError(await apiRequest("POST", "/api/documents", { token: owner.token, body: "", headers: { "Content-Type": "application/json" } }), 400);
    await expectError(
      await apiRequest("POST", "/api/sets", { token: owner.token, body: "slug=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      415,
    );
    const notAnObject = await expectError(await apiRequest("POST", "/api/sets", { token: owner.token, json: ["slug"] }), 400);
    expect(notAnObject.details.length).toBeGreaterThan(0);
  });

  it("refuses unknown and missing fields", async () => {
    const owner = await createTeacherWithToken();
    const before = await snapshot();
    const unknown = await expectError(
      await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("set"), format: "aiken", content: AIKEN, colour: "red" } }),
      400,
    );
    expect(unknown.details).toEqual([{ path: "colour", message: "unknown field" }]);
    const missing = await expectError(await apiRequest("POST", "/api/documents", { token: owner.token, json: { id: unique("doc") } }), 400);
    expect(missing.details.map((detail) => detail.path).sort()).toEqual(["text", "title"]);
    const wrongFormat = await expectError(
      await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: "Not A Slug", format: "docx", content: AIKEN } }),
      400,
    );
    expect(wrongFormat.details.map((detail) => detail.path).sort()).toEqual(["format", "slug"]);
    expect(await snapshot()).toBe(before);
  });
});

describe("API: documents", () => {
  it("creates, lists and reads a teacher's document", async () => {
    const owner = await createTeacherWithToken();
    const id = unique("doc");
    const created = await apiRequest("POST", "/api/documents", {
      token: owner.token,
      json: {
        id,
        title: "Council statement",
        outlet: "City council",
        url: "https://example.org/statement",
        provenance: "Copied from the council site.\nChecked.",
        text: FIXTURE_BODY,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("Location")).toBe(`/api/documents/${id}`);
    expect(await json(created)).toEqual({ id, title: "Council statement", outlet: "City council", date: "not stated", builtIn: false });

    const listed = await json<{ documents: Json[] }>(await apiRequest("GET", "/api/documents", { token: owner.token }));
    expect(listed.documents).toContainEqual({ id, title: "Council statement", outlet: "City council", date: "not stated", builtIn: false });
    expect(listed.documents.some((document) => document.id === "000" && document.builtIn === true)).toBe(true);

    const read = await json(await apiRequest("GET", `/api/documents/${id}`, { token: owner.token }));
    expect(read).toMatchObject({
      id,
      builtIn: false,
      byline: "not stated",
      url: "https://example.org/statement",
      provenance: ["Copied from the council site.", "Checked."],
      text: FIXTURE_BODY,
    });
    const builtIn = await json(await apiRequest("GET", "/api/documents/000", { token: owner.token }));
    expect(builtIn).toMatchObject({ id: "000", builtIn: true, text: expect.any(String) });

    const duplicate = await expectError(await apiRequest("POST", "/api/documents", { token: owner.token, json: { id, title: "Again", text: "Text." } }), 409);
    expect(duplicate.error).toContain(`You already have a document with the id "${id}"`);
    const builtInId = await expectError(
      await apiRequest("POST", "/api/documents", { token: owner.token, json: { id: "000", title: "Again", text: "Text." } }),
      409,
    );
    expect(builtInId.error).toContain('"000" is the id of a built-in document');
    await expectError(await apiRequest("GET", "/api/documents/no-such-document", { token: owner.token }), 404);
  });

  it("checks quotes against the teacher's own document", async () => {
    const owner = await createTeacherWithToken();
    const docId = await addDocument(owner);
    const good = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("quoted"), content: stringify(questionSet(docId)) } });
    expect(good.status).toBe(201);

    const misquoted = questionSet(docId);
    const [question] = misquoted.questions;
    if (!question) throw new Error("fixture has no question");
    question.sources = [{ document: docId, quote: "The mayor said the bridge would open on Tuesday." }];
    const before = await snapshot();
    const bad = await expectError(
      await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("misquoted"), content: stringify(misquoted) } }),
      400,
    );
    expect(bad.details).toHaveLength(1);
    expect(bad.details[0]).toMatchObject({ path: "questions[0].sources[0].quote", line: expect.any(Number) });
    expect(bad.details[0]?.message).toContain('closest passage: "The mayor said the bridge would reopen on Monday."');
    expect(await snapshot()).toBe(before);
  });
});

describe("API: ownership", () => {
  it("hides another teacher's sets and documents: 404 on every route, and nothing changes", async () => {
    const owner = await createTeacherWithToken("owner");
    const intruder = await createTeacherWithToken("intruder");
    const docId = await addDocument(owner);
    const slug = await addSet(owner, docId);
    await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token });
    await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { content: stringify(questionSet(docId, { title: "Draft" })) } });
    const before = await snapshot();

    const refused: [string, string, unknown][] = [
      ["GET", `/api/sets/${slug}`, undefined],
      ["PUT", `/api/sets/${slug}`, { format: "aiken", content: AIKEN }],
      ["PUT", `/api/sets/${slug}`, { slug, format: "aiken", content: AIKEN }],
      ["POST", `/api/sets/${slug}/publish`, undefined],
      ["POST", `/api/sets/${slug}/unpublish`, undefined],
      ["GET", `/api/documents/${docId}`, undefined],
    ];
    for (const [method, path, body] of refused) {
      const response = await apiRequest(method, path, { token: intruder.token, json: body });
      const error = await expectError(response, 404);
      expect(error.error, `${method} ${path}`).toMatch(/could not find/);
    }
    // Built-in sets are read-only for everyone: duplicate one to edit it.
    const readOnly: [string, string, unknown][] = [
      ["PUT", "/api/sets/who-says-so", { format: "aiken", content: AIKEN }],
      ["POST", "/api/sets/who-says-so/publish", undefined],
      ["POST", "/api/sets/who-says-so/unpublish", undefined],
    ];
    for (const [method, path, body] of readOnly) {
      const error = await expectError(await apiRequest(method, path, { token: intruder.token, json: body }), 403);
      expect(error.error, `${method} ${path}`).toContain("Built-in sets cannot be changed");
    }

    const sets = await json<{ sets: Json[] }>(await apiRequest("GET", "/api/sets", { token: intruder.token }));
    expect(sets.sets.some((set) => set.slug === slug)).toBe(false);
    const documents = await json<{ documents: Json[] }>(await apiRequest("GET", "/api/documents", { token: intruder.token }));
    expect(documents.documents.some((document) => document.id === docId)).toBe(false);

    // Creating cannot quote the owner's document.
    const quoting = await expectError(
      await apiRequest("POST", "/api/sets", { token: intruder.token, json: { slug: unique("copycat"), content: stringify(questionSet(docId)) } }),
      400,
    );
    expect(quoting.details).toContainEqual(expect.objectContaining({ path: "documents[0]", message: `unknown document "${docId}"` }));

    expect(await snapshot()).toBe(before);
    // The owner still sees everything as it was.
    expect(await json(await apiRequest("GET", `/api/sets/${slug}`, { token: owner.token }))).toMatchObject({
      status: "published",
      current: { version: 1 },
      draft: { version: 2, title: "Draft" },
    });
  });

  it("shows built-in sets read-only, with their answer keys as in the web preview", async () => {
    const owner = await createTeacherWithToken();
    const detail = await json<Json & { questions: { current: Json[] } }>(await apiRequest("GET", "/api/sets/who-says-so", { token: owner.token }));
    expect(detail).toMatchObject({ slug: "who-says-so", builtIn: true, status: "published" });
    expect(detail.questions.current[0]).toMatchObject({ id: "who-claimed-the-attack", answer: ["t"], explanation: expect.any(String) });
    for (const method of ["PUT", "POST"] as const) {
      const path = method === "PUT" ? "/api/sets/who-says-so" : "/api/sets/who-says-so/unpublish";
      const response = await apiRequest(method, path, { token: owner.token, json: method === "PUT" ? { content: "title: x" } : undefined });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });
});

describe("API description", () => {
  const PATHS = [
    "/api/sets",
    "/api/sets/{slug}",
    "/api/sets/{slug}/export",
    "/api/sets/{slug}/publish",
    "/api/sets/{slug}/unpublish",
    "/api/documents",
    "/api/documents/{id}",
    "/api/openapi.json",
    "/api/docs",
    "/api/sets/{slug}/archive",
    "/api/sets/{slug}/unarchive",
    "/api/sets/{slug}/duplicate",
    "/api/sets/{slug}/questions/{questionId}",
    "/api/classes",
    "/api/classes/{id}",
    "/api/classes/{id}/sets",
    "/api/classes/{id}/sets/{slug}",
    "/api/classes/{id}/results/{slug}",
    "/api/classes/{id}/results/{slug}/csv",
  ];

  it("serves an OpenAPI 3.1 document for every endpoint, without a token", async () => {
    const response = await apiRequest("GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    const document = await json<{
      openapi: string;
      paths: Record<string, Record<string, { security: unknown[]; requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
      components: { securitySchemes: Record<string, Json>; schemas: Record<string, Json & { properties?: Json; required?: string[] }> };
    }>(response);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(document.paths).sort()).toEqual([...PATHS].sort());
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item))
        expect(operation.security, path).toEqual(path.startsWith("/api/docs") || path.endsWith(".json") ? [] : [{ bearer: [] }]);
    }
    const { schemas } = document.components;
    expect(schemas.SetUpload).toMatchObject({ type: "object", additionalProperties: false, required: ["slug", "content"] });
    expect(Object.keys(schemas.SetUpload?.properties ?? {}).sort()).toEqual(["content", "difficulty", "format", "skill", "slug", "summary", "title"]);
    expect(schemas.SetUpdate?.required).toEqual(["content"]);
    expect(schemas.DocumentUpload).toMatchObject({ additionalProperties: false, required: ["id", "title", "text"] });
    expect(schemas.Error).toMatchObject({ required: ["error", "details", "requestId"] });
    expect(document.paths["/api/sets"]?.post?.requestBody?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/SetUpload" });
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const target of new Set(refs)) expect(schemas, target).toHaveProperty(target.split("/").at(-1) ?? "");
  });

  it("serves a readable page listing every endpoint, under the strict CSP", async () => {
    const response = await apiRequest("GET", "/api/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<main");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    const text = textOf(html);
    for (const path of PATHS) expect(text).toContain(path);
    for (const method of ["GET /api/sets", "POST /api/sets", "PUT /api/sets/{slug}", "POST /api/documents"]) expect(text).toContain(method);
    expect(text).toContain("curl");
    expect(text).toContain("Authorization: Bearer");
    expect(text).toContain("unknown fields are refused");
  });
});
