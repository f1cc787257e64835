import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { app } from "../../src/index.tsx";
import { app as studioApp } from "../../src/studio/index.tsx";
import { ASSETS, type AssetName, assetPath } from "../../src/views/assets.ts";
import { TEACH_ASSETS, type TeachAssetName, teachAssetPath } from "../../src/views/teach-assets.ts";
import { FIXTURE_BODY, questionSet } from "../support/content.ts";
import { publishFixtureSet, threeTypeSet, unique } from "../support/fixtures.ts";
import { ORIGIN, StudentBrowser } from "../support/student.ts";
import { readerId, signedInTeacher } from "../support/teacher-browser.ts";
import { apiRequest, createTeacherWithToken } from "../support/teachers.ts";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
const LONG_CACHE = "public, max-age=31536000, immutable";

/** Every route both Workers serve, as Hono lists them (middleware entries are ALL). */
function appRoutes(): string[] {
  const routes = [...app.routes, ...studioApp.routes];
  return [...new Set(routes.filter((route) => route.method !== "ALL").map((route) => `${route.method} ${route.path}`))].sort();
}

/**
 * Real data for every route: a student mid-attempt and after finishing, a signed-in teacher with
 * a document, a published set, a class with results, and an API token.
 */
async function fixtures() {
  const { slug } = await publishFixtureSet(threeTypeSet);
  const student = new StudentBrowser();
  const attemptId = await student.startAttempt(slug);
  await student.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
  const finished = await student.startAttempt(slug);
  for (const [position, choice] of [
    [1, "a"],
    [2, "f"],
    [3, ["a", "c"]],
  ] as const)
    await student.post(`/attempts/${finished}/questions/${position}`, { choice: [...choice] });

  const { browser: teacher } = await signedInTeacher();
  const documentId = unique("doc");
  await teacher.get("/teach/documents");
  await teacher.post("/teach/documents", { id: documentId, title: "Private memo", text: FIXTURE_BODY });
  const teacherSlug = unique("own");
  await teacher.postMultipart("/teach/sets", { slug: teacherSlug, format: "auto", content: stringify(questionSet(documentId)) });
  await teacher.post(`/teach/sets/${teacherSlug}/publish`);
  const spareSlug = unique("spare");
  await teacher.postMultipart("/teach/sets", { slug: spareSlug, format: "auto", content: stringify(questionSet(documentId)) });
  const documentAddress = await readerId(teacher, documentId);
  const created = await teacher.post("/teach/classes", { name: "Year 9" });
  const classId = /\/teach\/classes\/([0-9a-f-]{36})$/.exec(created.headers.get("Location") ?? "")?.[1] ?? "";
  await teacher.get(`/teach/classes/${classId}`);
  const joinCode = /id="join-code">([A-Z0-9]+)</.exec(teacher.lastHtml)?.[1] ?? "";
  await teacher.post(`/teach/classes/${classId}/sets`, { slug: teacherSlug });
  await teacher.get("/teach/account");
  const tokenPage = await teacher.post("/teach/tokens", { name: "walker" });
  const tokenId = /\/teach\/tokens\/([0-9a-f-]{36})\/revoke/.exec(await tokenPage.text())?.[1] ?? "";

  const api = await createTeacherWithToken("walker");
  const apiDocument = unique("doc");
  await apiRequest("POST", "/api/documents", { token: api.token, json: { id: apiDocument, title: "API document", text: FIXTURE_BODY } });
  const apiSlug = unique("api");
  await apiRequest("POST", "/api/sets", { token: api.token, json: { slug: apiSlug, content: stringify(questionSet(apiDocument)) } });
  await apiRequest("POST", `/api/sets/${apiSlug}/publish`, { token: api.token });
  const apiClass = (await (await apiRequest("POST", "/api/classes", { token: api.token, json: { name: "API class" } })).json()) as { id: string };
  await apiRequest("POST", `/api/classes/${apiClass.id}/sets`, { token: api.token, json: { slug: apiSlug } });

  return {
    slug,
    student,
    attemptId,
    finished,
    teacher,
    documentId,
    documentAddress,
    teacherSlug,
    spareSlug,
    classId,
    joinCode,
    tokenId,
    api,
    apiDocument,
    apiSlug,
    apiClassId: apiClass.id,
  };
}

type Fixtures = Awaited<ReturnType<typeof fixtures>>;

/** A fresh reset link's token, issued from the teacher's Account page. */
async function resetLink(f: Fixtures): Promise<string> {
  await f.teacher.get("/teach/account");
  const page = await f.teacher.post("/teach/password-resets", { email: "colleague@example.org" });
  return /\/teach\/reset\/(swr_[\w-]+)/.exec(await page.text())?.[1] ?? "";
}

/** For each route, the requests that exercise it; GETs of pages are expected to succeed (200). */
const walk: Record<string, (f: Fixtures) => Promise<{ response: Response; ok?: boolean }[]>> = {
  "GET /assets/:fingerprint/:name": async () => [],
  "GET /api/openapi.json": async () => [{ response: await apiRequest("GET", "/api/openapi.json"), ok: true }],
  "GET /api/docs": async () => [{ response: await apiRequest("GET", "/api/docs"), ok: true }],
  "GET /api/sets": async (f) => [{ response: await apiRequest("GET", "/api/sets", { token: f.api.token }), ok: true }],
  "POST /api/sets": async (f) => [{ response: await apiRequest("POST", "/api/sets", { token: f.api.token, json: { slug: f.apiSlug, content: "" } }) }],
  // The set with its answer keys: the reason every API response is no-store.
  "GET /api/sets/:slug": async (f) => [{ response: await apiRequest("GET", `/api/sets/${f.apiSlug}`, { token: f.api.token }), ok: true }],
  "PUT /api/sets/:slug": async (f) => [
    { response: await apiRequest("PUT", `/api/sets/${f.apiSlug}`, { token: f.api.token, json: { content: stringify(questionSet(f.apiDocument)) } }) },
  ],
  // A set's answer keys, as a Moodle file.
  "GET /api/sets/:slug/export": async (f) => [
    { response: await apiRequest("GET", `/api/sets/${f.apiSlug}/export?format=gift`, { token: f.api.token }), ok: true },
  ],
  "POST /api/sets/:slug/publish": async (f) => [{ response: await apiRequest("POST", `/api/sets/${f.apiSlug}/publish`, { token: f.api.token }) }],
  "POST /api/sets/:slug/unpublish": async (f) => [{ response: await apiRequest("POST", `/api/sets/${f.apiSlug}/unpublish`, { token: f.api.token }) }],
  // Set lifecycle through the API: refusals (an unknown set, a bad body) must be private too.
  "POST /api/sets/:slug/archive": async (f) => [{ response: await apiRequest("POST", "/api/sets/no-such-set/archive", { token: f.api.token }) }],
  "POST /api/sets/:slug/unarchive": async (f) => [{ response: await apiRequest("POST", "/api/sets/no-such-set/unarchive", { token: f.api.token }) }],
  "POST /api/sets/:slug/duplicate": async (f) => [{ response: await apiRequest("POST", `/api/sets/${f.apiSlug}/duplicate`, { token: f.api.token, json: {} }) }],
  "DELETE /api/sets/:slug": async (f) => [{ response: await apiRequest("DELETE", "/api/sets/no-such-set", { token: f.api.token }) }],
  // One question, with its key.
  "GET /api/sets/:slug/questions/:questionId": async (f) => [
    { response: await apiRequest("GET", `/api/sets/${f.apiSlug}/questions/who-said-it`, { token: f.api.token }), ok: true },
  ],
  "PUT /api/sets/:slug/questions/:questionId": async (f) => [
    { response: await apiRequest("PUT", `/api/sets/${f.apiSlug}/questions/who-said-it`, { token: f.api.token, json: {} }) },
  ],
  "DELETE /api/sets/:slug/questions/:questionId": async (f) => [
    { response: await apiRequest("DELETE", `/api/sets/${f.apiSlug}/questions/no-such-question`, { token: f.api.token }) },
  ],
  "GET /api/classes": async (f) => [{ response: await apiRequest("GET", "/api/classes", { token: f.api.token }), ok: true }],
  "POST /api/classes": async (f) => [{ response: await apiRequest("POST", "/api/classes", { token: f.api.token, json: { name: "" } }) }],
  "GET /api/classes/:id": async (f) => [{ response: await apiRequest("GET", `/api/classes/${f.apiClassId}`, { token: f.api.token }), ok: true }],
  "POST /api/classes/:id/sets": async (f) => [
    { response: await apiRequest("POST", `/api/classes/${f.apiClassId}/sets`, { token: f.api.token, json: { slug: f.apiSlug } }) },
  ],
  "DELETE /api/classes/:id/sets/:slug": async (f) => [
    { response: await apiRequest("DELETE", `/api/classes/${f.apiClassId}/sets/no-such-set`, { token: f.api.token }) },
  ],
  // Students' names and scores.
  "GET /api/classes/:id/results/:slug": async (f) => [
    { response: await apiRequest("GET", `/api/classes/${f.apiClassId}/results/${f.apiSlug}`, { token: f.api.token }), ok: true },
  ],
  "GET /api/classes/:id/results/:slug/csv": async (f) => [
    { response: await apiRequest("GET", `/api/classes/${f.apiClassId}/results/${f.apiSlug}/csv`, { token: f.api.token }), ok: true },
  ],
  "GET /api/documents": async (f) => [{ response: await apiRequest("GET", "/api/documents", { token: f.api.token }), ok: true }],
  "POST /api/documents": async (f) => [{ response: await apiRequest("POST", "/api/documents", { token: f.api.token, json: { id: "x" } }) }],
  "GET /api/documents/:id": async (f) => [{ response: await apiRequest("GET", `/api/documents/${f.apiDocument}`, { token: f.api.token }), ok: true }],
  "GET /": async (f) => [{ response: await f.student.get("/"), ok: true }],
  "GET /me": async (f) => [{ response: await f.student.get("/me"), ok: true }],
  "POST /me": async (f) => [{ response: await f.student.post("/me", { displayName: "Sam" }) }],
  "GET /sets/:slug": async (f) => [{ response: await f.student.get(`/sets/${f.slug}`), ok: true }],
  "POST /sets/:slug/attempts": async (f) => [{ response: await f.student.post(`/sets/${f.slug}/attempts`) }],
  // Before answering, and after: the feedback page holds the key and the explanation.
  "GET /attempts/:id/questions/:number": async (f) => [
    { response: await f.student.get(`/attempts/${f.attemptId}/questions/2`), ok: true },
    { response: await f.student.get(`/attempts/${f.attemptId}/questions/1`), ok: true },
  ],
  "POST /attempts/:id/questions/:number": async (f) => [{ response: await f.student.post(`/attempts/${f.attemptId}/questions/1`, { choice: "a" }) }],
  "GET /attempts/:id": async (f) => [{ response: await f.student.get(`/attempts/${f.finished}`), ok: true }],
  "GET /attempts/:id/review": async (f) => [{ response: await f.student.get(`/attempts/${f.finished}/review?all=1`), ok: true }],
  "POST /attempts/:id/retry": async (f) => [{ response: await f.student.post(`/attempts/${f.finished}/retry`) }],
  // A built-in document, and a teacher's private one in the reader.
  "GET /documents/:id": async (f) => [
    { response: await f.student.get("/documents/002"), ok: true },
    { response: await f.teacher.get(`/documents/${f.documentAddress}`), ok: true },
  ],
  "GET /join": async (f) => [{ response: await f.student.get("/join"), ok: true }],
  "GET /join/:code": async (f) => [{ response: await f.student.get(`/join/${f.joinCode}`), ok: true }],
  "POST /join": async (f) => [{ response: await f.student.post("/join", { code: f.joinCode, displayName: "Sam" }) }],
  "GET /teach/login": async () => [{ response: await new StudentBrowser().get("/teach/login"), ok: true }],
  "POST /teach/login": async (f) => [{ response: await f.student.post("/teach/login", { email: "nobody@example.org", password: "wrong" }) }],
  "POST /teach/logout": async () => {
    const { browser } = await signedInTeacher();
    await browser.get("/teach");
    return [{ response: await browser.post("/teach/logout") }];
  },
  "GET /teach/signup": async () => [{ response: await new StudentBrowser().get("/teach/signup"), ok: true }],
  "POST /teach/signup": async (f) => [{ response: await f.student.post("/teach/signup", { invite: "swi_none", displayName: "X", email: "x@example.org" }) }],
  "GET /teach": async (f) => [{ response: await f.teacher.get("/teach"), ok: true }],
  "GET /teach/sets/new": async (f) => [{ response: await f.teacher.get("/teach/sets/new"), ok: true }],
  "POST /teach/sets": async (f) => [{ response: await f.teacher.postMultipart("/teach/sets", { slug: f.teacherSlug, format: "auto", content: "" }) }],
  "GET /teach/sets/:slug": async (f) => [{ response: await f.teacher.get(`/teach/sets/${f.teacherSlug}`), ok: true }],
  "GET /teach/sets/:slug/export": async (f) => [
    { response: await f.teacher.get(`/teach/sets/${f.teacherSlug}/export?format=moodle-xml`), ok: true },
    { response: await f.teacher.get("/teach/sets/who-says-so/export?format=gift"), ok: true },
  ],
  "GET /teach/formats": async (f) => [{ response: await f.teacher.get("/teach/formats"), ok: true }],
  "POST /teach/sets/:slug/versions": async (f) => [
    { response: await f.teacher.postMultipart(`/teach/sets/${f.teacherSlug}/versions`, { format: "auto", content: "" }) },
  ],
  "POST /teach/sets/:slug/publish": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/publish`) }],
  "POST /teach/sets/:slug/unpublish": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/unpublish`) }],
  "POST /teach/sets/:slug/sources": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/sources`, {}) }],
  "POST /teach/sets/blank": async (f) => [{ response: await f.teacher.post("/teach/sets/blank", { slug: unique("blank"), title: "T", summary: "S" }) }],
  "POST /teach/sets/:slug/archive": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.spareSlug}/archive`) }],
  "POST /teach/sets/:slug/unarchive": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.spareSlug}/unarchive`) }],
  "POST /teach/sets/:slug/duplicate": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/duplicate`, { slug: unique("copy") }) }],
  "POST /teach/sets/:slug/draft/discard": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/draft/discard`) }],
  "GET /teach/sets/:slug/delete": async (f) => [{ response: await f.teacher.get(`/teach/sets/${f.spareSlug}/delete`), ok: true }],
  "POST /teach/sets/:slug/delete": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.spareSlug}/delete`) }],
  // The editor shows the answer keys, like the set's page.
  "GET /teach/sets/:slug/edit": async (f) => [{ response: await f.teacher.get(`/teach/sets/${f.teacherSlug}/edit`), ok: true }],
  "POST /teach/sets/:slug/edit/settings": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/settings`, { title: "" }) }],
  "GET /teach/sets/:slug/edit/add": async (f) => [{ response: await f.teacher.get(`/teach/sets/${f.teacherSlug}/edit/add?type=claim`), ok: true }],
  "POST /teach/sets/:slug/edit/add": async (f) => [{ response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/add`, { type: "essay" }) }],
  "GET /teach/sets/:slug/edit/questions/:key": async (f) => [
    { response: await f.teacher.get(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it`), ok: true },
  ],
  "POST /teach/sets/:slug/edit/questions/:key": async (f) => [
    { response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it`, { prompt: "" }) },
  ],
  "POST /teach/sets/:slug/edit/questions/:key/move": async (f) => [
    { response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it/move`, { to: "up" }) },
  ],
  "POST /teach/sets/:slug/edit/questions/:key/duplicate": async (f) => [
    { response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it/duplicate`) },
  ],
  "POST /teach/sets/:slug/edit/questions/:key/delete": async (f) => [
    { response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it-copy/delete`) },
  ],
  "GET /teach/sets/:slug/edit/questions/:key/quote": async (f) => [
    { response: await f.teacher.get(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it/quote?document=${f.documentId}`), ok: true },
  ],
  "POST /teach/sets/:slug/edit/questions/:key/quote": async (f) => [
    { response: await f.teacher.post(`/teach/sets/${f.teacherSlug}/edit/questions/who-said-it/quote`, { document: f.documentId, s: "1.1" }) },
  ],
  "GET /teach/assets/:fingerprint/:name": async () => [],
  "GET /teach/help": async (f) => [{ response: await f.teacher.get("/teach/help"), ok: true }],
  "GET /teach/help/format": async (f) => [{ response: await f.teacher.get("/teach/help/format"), ok: true }],
  "GET /teach/account": async (f) => [{ response: await f.teacher.get("/teach/account"), ok: true }],
  "POST /teach/tokens": async (f) => [{ response: await f.teacher.post("/teach/tokens", { name: "walker two" }) }],
  "POST /teach/tokens/:id/revoke": async (f) => [{ response: await f.teacher.post(`/teach/tokens/${f.tokenId}/revoke`) }],
  "POST /teach/invites": async (f) => [{ response: await f.teacher.post("/teach/invites") }],
  "POST /teach/password-resets": async (f) => [{ response: await f.teacher.post("/teach/password-resets", { email: "colleague@example.org" }) }],
  "GET /teach/reset/:token": async (f) => [
    { response: await new StudentBrowser().get(`/teach/reset/${await resetLink(f)}`), ok: true },
    { response: await new StudentBrowser().get("/teach/reset/swr_unknown-token-of-the-right-shape") },
  ],
  "POST /teach/reset/:token": async (f) => {
    const owner = new StudentBrowser();
    const token = await resetLink(f);
    await owner.get(`/teach/reset/${token}`);
    return [
      { response: await owner.post(`/teach/reset/${token}`, { password: "short" }) },
      { response: await owner.post(`/teach/reset/${token}`, { password: "kettle harbour violin orchard" }) },
    ];
  },
  "GET /teach/documents": async (f) => [{ response: await f.teacher.get("/teach/documents"), ok: true }],
  "POST /teach/documents": async (f) => [{ response: await f.teacher.post("/teach/documents", { id: f.documentId, title: "Again", text: "x" }) }],
  "GET /teach/classes": async (f) => [{ response: await f.teacher.get("/teach/classes"), ok: true }],
  "POST /teach/classes": async (f) => [{ response: await f.teacher.post("/teach/classes", { name: "Year 10" }) }],
  "GET /teach/classes/:id": async (f) => [{ response: await f.teacher.get(`/teach/classes/${f.classId}`), ok: true }],
  "POST /teach/classes/:id/sets": async (f) => [{ response: await f.teacher.post(`/teach/classes/${f.classId}/sets`, { slug: f.teacherSlug }) }],
  "GET /teach/classes/:id/results/:slug": async (f) => [
    { response: await f.teacher.get(`/teach/classes/${f.classId}/results/${f.teacherSlug}`), ok: true },
    { response: await f.teacher.get(`/teach/classes/${f.classId}/results/${f.teacherSlug}.csv`), ok: true },
  ],
  "GET /teach/classes/:id/results": async (f) => [{ response: await f.teacher.get(`/teach/classes/${f.classId}/results?set=${f.teacherSlug}`) }],
  "GET /teach/classes/:id/results/:slug/answers.csv": async (f) => [
    { response: await f.teacher.get(`/teach/classes/${f.classId}/results/${f.teacherSlug}/answers.csv`), ok: true },
  ],
  "GET /teach/classes/:id/results/:slug/students/:studentId": async (f) => [
    { response: await f.teacher.get(`/teach/classes/${f.classId}/results/${f.teacherSlug}/students/not-a-student-0000`) },
  ],
  "GET /teach/classes/:id/results/:slug/questions/:key": async (f) => [
    { response: await f.teacher.get(`/teach/classes/${f.classId}/results/${f.teacherSlug}/questions/no-such-question`) },
  ],
  "POST /teach/classes/:id/name": async (f) => [{ response: await f.teacher.post(`/teach/classes/${f.classId}/name`, { name: "Year 9" }) }],
  "POST /teach/classes/:id/archive": async (f) => [{ response: await f.teacher.post(`/teach/classes/${f.classId}/archive`, { archived: "0" }) }],
  "POST /teach/classes/:id/sets/:slug/rules": async (f) => [
    { response: await f.teacher.post(`/teach/classes/${f.classId}/sets/${f.teacherSlug}/rules`, { dueAt: "", maxAttempts: "" }) },
  ],
  "POST /teach/classes/:id/sets/:slug/unassign": async (f) => [{ response: await f.teacher.post(`/teach/classes/${f.classId}/sets/not-assigned/unassign`) }],
  "POST /teach/classes/:id/members/:studentId/remove": async (f) => [
    { response: await f.teacher.post(`/teach/classes/${f.classId}/members/not-a-member-0000/remove`, { attempts: "keep" }) },
  ],
};

describe("Cache-Control", () => {
  it("walks every route: no-store on every response, whoever asks and whatever the status", async () => {
    // A new route must be added to the walk (and so get checked) before this passes.
    expect(Object.keys(walk).sort()).toEqual(appRoutes());
    const f = await fixtures();
    for (const [route, requests] of Object.entries(walk)) {
      for (const { response, ok } of await requests(f)) {
        if (ok) expect(response.status, `${route} (${response.url})`).toBe(200);
        expect(response.headers.get("Cache-Control"), `${route} answered ${response.status}`).toBe("no-store");
        await response.body?.cancel();
      }
    }
    // Dozens of real requests: on a busy machine this takes longer than vitest's 5 s default.
  }, 30_000);

  it("caches only fingerprinted assets for long; an old fingerprint is revalidated", async () => {
    const browser = new StudentBrowser();
    for (const name of Object.keys(ASSETS) as AssetName[]) {
      const current = await browser.get(assetPath(name));
      expect(current.status).toBe(200);
      expect(current.headers.get("Cache-Control")).toBe(LONG_CACHE);
      const stale = await browser.get(`/assets/0000000000/${name}`);
      expect(stale.status).toBe(200);
      expect(stale.headers.get("Cache-Control")).toBe("no-cache");
    }
    expect((await browser.get("/assets/0000000000/unknown.css")).headers.get("Cache-Control")).toBe("no-store");
    // The editor's own stylesheet and script, served by the teacher area, without a session.
    for (const name of Object.keys(TEACH_ASSETS) as TeachAssetName[]) {
      const current = await browser.get(teachAssetPath(name));
      expect(current.status).toBe(200);
      expect(current.headers.get("Cache-Control")).toBe(LONG_CACHE);
      expect((await browser.get(`/teach/assets/0000000000/${name}`)).headers.get("Cache-Control")).toBe("no-cache");
    }
  });

  it("keeps error pages and JSON errors private too", async () => {
    const browser = new StudentBrowser();
    const notFound = await browser.get("/no-such-page");
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("Cache-Control")).toBe("no-store");
    const unauthorized = await apiRequest("GET", "/api/sets");
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("Cache-Control")).toBe("no-store");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await app.fetch(new Request(new URL("/", ORIGIN)), { ...env, COOKIE_SECRET: "" }, ctx);
    logged.mockRestore();
    expect(broken.status).toBe(500);
    expect(broken.headers.get("Cache-Control")).toBe("no-store");
  });
});
