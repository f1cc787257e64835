import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createDb } from "../../src/db/client.ts";
import { createApiToken, findTokenTeacher } from "../../src/db/queries/teachers.ts";
import { FIXTURE_BODY, questionSet } from "../support/content.ts";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";
import { apiRequest, createTeacherWithToken } from "../support/teachers.ts";

const { db } = createDb(env.DB);
const DAY_MS = 24 * 60 * 60 * 1000;

type ErrorBody = { error: string; details: unknown[]; requestId: string };

/** Every row an API write could touch, so a refused request can be shown to change nothing. */
async function snapshot(): Promise<string> {
  const tables = ["question_sets", "set_versions", "questions", "documents"];
  const rows = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table} ORDER BY rowid`)));
  return JSON.stringify(rows.map((result) => result.results));
}

describe("read-only API tokens", () => {
  it("may read under /api, and get a clear JSON 403 for anything else, before the body is read", async () => {
    const writer = await createTeacherWithToken();
    const documentId = unique("doc");
    await apiRequest("POST", "/api/documents", { token: writer.token, json: { id: documentId, title: "Mine", text: FIXTURE_BODY } });
    const slug = unique("set");
    expect((await apiRequest("POST", "/api/sets", { token: writer.token, json: { slug, content: stringify(questionSet(documentId)) } })).status).toBe(201);
    const { token } = await createApiToken(db, writer.teacher.id, "reader", { scope: "read" });

    for (const path of ["/api/sets", `/api/sets/${slug}`, "/api/documents", `/api/documents/${documentId}`]) {
      expect((await apiRequest("GET", path, { token })).status, path).toBe(200);
    }
    const before = await snapshot();
    const writes: [string, string, unknown][] = [
      ["POST", "/api/sets", { slug: unique("new"), content: stringify(questionSet(documentId)) }],
      ["PUT", `/api/sets/${slug}`, { content: stringify(questionSet(documentId)) }],
      ["POST", `/api/sets/${slug}/publish`, undefined],
      ["POST", `/api/sets/${slug}/unpublish`, undefined],
      ["POST", "/api/documents", { id: unique("doc"), title: "New", text: FIXTURE_BODY }],
      ["DELETE", `/api/sets/${slug}`, undefined],
    ];
    for (const [method, path, json] of writes) {
      const response = await apiRequest(method, path, { token, json });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toContain("This API token is read-only");
      expect(body.details).toEqual([]);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("expiring API tokens", () => {
  it("work until they expire and are refused after, like a revoked token", async () => {
    const { teacher } = await createTeacherWithToken();
    const soon = await createApiToken(db, teacher.id, "soon", { expiresAt: new Date(Date.now() + DAY_MS) });
    const past = await createApiToken(db, teacher.id, "past", { expiresAt: new Date(Date.now() - 1000) });
    expect((await apiRequest("GET", "/api/sets", { token: soon.token })).status).toBe(200);
    const refused = await apiRequest("GET", "/api/sets", { token: past.token });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ErrorBody).error).toContain("expired");
    expect(await findTokenTeacher(db, soon.token, Date.now() + 2 * DAY_MS)).toBeUndefined();
  });

  it("are created on the Account page with a chosen access and lifetime", async () => {
    const { teacher, browser } = await signedInTeacher();
    await browser.get("/teach/account");
    expect(browser.lastHtml).toContain('<select id="token-lifetime" name="lifetime">');
    const created = await browser.post("/teach/tokens", { name: "nightly export", scope: "read", lifetime: "30" });
    expect(created.status).toBe(200);
    const html = await created.text();
    const token = /id="new-token">([^<]+)</.exec(html)?.[1] ?? "";
    const row = await env.DB.prepare("SELECT scope, created_at AS createdAt, expires_at AS expiresAt FROM api_tokens WHERE teacher_id = ? AND name = ?")
      .bind(teacher.id, "nightly export")
      .first<{ scope: string; createdAt: number; expiresAt: number }>();
    expect(row?.scope).toBe("read");
    expect(Math.abs((row?.expiresAt ?? 0) - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(textOf(html)).toContain(`nightly export read only ${day(row?.createdAt ?? 0)} ${day(row?.expiresAt ?? 0)}`);
    expect((await apiRequest("POST", "/api/sets", { token, json: {} })).status).toBe(403);

    const never = await browser.post("/teach/tokens", { name: "forever", scope: "write", lifetime: "never" });
    expect(textOf(await never.text())).toMatch(/forever read and write \d{4}-\d{2}-\d{2} never/);

    const bad = await browser.post("/teach/tokens", { name: "odd", scope: "admin", lifetime: "9999" });
    expect(bad.status).toBe(400);
    const text = textOf(await bad.text());
    expect(text).toContain("scope : Choose what the token may do.");
    expect(text).toContain("lifetime : Choose when the token expires.");
    expect(await count(env.DB, "SELECT count(*) AS n FROM api_tokens WHERE teacher_id = ? AND name = ?", teacher.id, "odd")).toBe(0);
  });
});
