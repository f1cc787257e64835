import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { createApiToken, createInvite, createSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../src/db/queries/teachers.ts";
import worker from "../../src/index.tsx";
import { sha256Hex } from "../../src/teach/secrets.ts";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { createTeacherAccount } from "../support/teacher-browser.ts";

const { db } = createDb(env.DB);
const HOUR_MS = 60 * 60 * 1000;

describe("the hourly cleanup (Cron Trigger)", () => {
  it("removes ended sessions, used or expired invites, expired tokens and old rate-limit rows, and keeps the rest", async () => {
    const teacher = await createTeacherAccount();
    const now = Date.now();
    const sessions = {
      live: await createSession(db, teacher.id, now - HOUR_MS),
      idle: await createSession(db, teacher.id, now - SESSION_IDLE_MS - HOUR_MS),
      pastAbsolute: await createSession(db, teacher.id, now - SESSION_ABSOLUTE_MS - HOUR_MS),
    };
    // Kept busy all along: not idle, but past its absolute lifetime.
    await env.DB.prepare("UPDATE teacher_sessions SET last_seen_at = ? WHERE token_hash = ?")
      .bind(now - HOUR_MS, await sha256Hex(sessions.pastAbsolute))
      .run();
    const invites = { live: await createInvite(db, teacher.id), used: await createInvite(db, teacher.id), expired: await createInvite(db, teacher.id) };
    await env.DB.prepare("UPDATE teacher_invites SET used_by = 'someone' WHERE code_hash = ?")
      .bind(await sha256Hex(invites.used))
      .run();
    await env.DB.prepare("UPDATE teacher_invites SET expires_at = ? WHERE code_hash = ?")
      .bind(now - 1000, await sha256Hex(invites.expired))
      .run();
    const tokens = {
      forever: await createApiToken(db, teacher.id, "forever"),
      later: await createApiToken(db, teacher.id, "later", { expiresAt: new Date(now + HOUR_MS) }),
      expired: await createApiToken(db, teacher.id, "expired", { expiresAt: new Date(now - 1000) }),
    };
    const oldLimit = `login:${unique("old")}`;
    const currentLimit = `login:${unique("current")}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO rate_limits (key, window_started_at, count) VALUES (?, ?, 5)").bind(oldLimit, now - 2 * 60 * 1000),
      env.DB.prepare("INSERT INTO rate_limits (key, window_started_at, count) VALUES (?, ?, 5)").bind(currentLimit, now - 10 * 1000),
    ]);

    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "17 * * * *" }), env);
    expect(String(logged.mock.calls[0]?.[0])).toContain('"task":"cleanup"');
    logged.mockRestore();

    const sessionExists = async (token: string) => count(env.DB, "SELECT count(*) AS n FROM teacher_sessions WHERE token_hash = ?", await sha256Hex(token));
    expect(await sessionExists(sessions.live)).toBe(1);
    expect(await sessionExists(sessions.idle)).toBe(0);
    expect(await sessionExists(sessions.pastAbsolute)).toBe(0);
    const inviteExists = async (code: string) => count(env.DB, "SELECT count(*) AS n FROM teacher_invites WHERE code_hash = ?", await sha256Hex(code));
    expect(await inviteExists(invites.live)).toBe(1);
    expect(await inviteExists(invites.used)).toBe(0);
    expect(await inviteExists(invites.expired)).toBe(0);
    const tokenExists = (id: string) => count(env.DB, "SELECT count(*) AS n FROM api_tokens WHERE id = ?", id);
    expect(await tokenExists(tokens.forever.id)).toBe(1);
    expect(await tokenExists(tokens.later.id)).toBe(1);
    expect(await tokenExists(tokens.expired.id)).toBe(0);
    expect(await count(env.DB, "SELECT count(*) AS n FROM rate_limits WHERE key = ?", oldLimit)).toBe(0);
    expect(await count(env.DB, "SELECT count(*) AS n FROM rate_limits WHERE key = ?", currentLimit)).toBe(1);
  });
});
