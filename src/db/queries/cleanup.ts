import { and, isNotNull, lte, or } from "drizzle-orm";
import { RATE_LIMITS } from "../../lib/rate-limit.ts";
import type { Database } from "../client.ts";
import { apiTokens, rateLimits, teacherInvites, teacherPasswordResets, teacherSessions } from "../schema.ts";
import { SESSION_IDLE_MS } from "./teachers.ts";

/** A rate-limit row whose window ended this long ago counts for nothing. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((rule) => rule.periodSeconds)) * 1000;

/**
 * Deletes rows that can no longer be used, in one batch: sessions past their idle or absolute
 * timeout, used or expired invites and password-reset links, expired API tokens and rate-limit windows that are over.
 * Run by the Cron Trigger (see `scheduled` in src/index.tsx). Returns how many rows went.
 */
export async function deleteExpiredRows(db: Database, now = Date.now()) {
  const [sessions, invites, tokens, limits, resets] = await db.batch([
    db.delete(teacherSessions).where(or(lte(teacherSessions.expiresAt, new Date(now)), lte(teacherSessions.lastSeenAt, new Date(now - SESSION_IDLE_MS)))),
    db.delete(teacherInvites).where(or(isNotNull(teacherInvites.usedBy), lte(teacherInvites.expiresAt, new Date(now)))),
    db.delete(apiTokens).where(and(isNotNull(apiTokens.expiresAt), lte(apiTokens.expiresAt, new Date(now)))),
    db.delete(rateLimits).where(lte(rateLimits.windowStartedAt, now - LONGEST_WINDOW_MS)),
    db.delete(teacherPasswordResets).where(or(isNotNull(teacherPasswordResets.usedAt), lte(teacherPasswordResets.expiresAt, new Date(now)))),
  ]);
  return {
    sessions: sessions.meta.changes,
    invites: invites.meta.changes,
    tokens: tokens.meta.changes,
    rateLimits: limits.meta.changes,
    passwordResets: resets.meta.changes,
  };
}
