import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { normaliseEmail } from "../../teach/email.ts";
import { API_TOKEN_PREFIX, INVITE_PREFIX, randomToken, sha256Hex } from "../../teach/secrets.ts";
import type { Database } from "../client.ts";
import { apiTokens, type TokenScope, teacherInvites, teacherSessions, teachers } from "../schema.ts";

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, so browsing does not write on every request. */
const SESSION_TOUCH_MS = 5 * 60 * 1000;
const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export { normaliseEmail };

export type Teacher = { id: string; email: string; displayName: string };

export async function findTeacherByEmail(db: Database, email: string) {
  const [row] = await db
    .select()
    .from(teachers)
    .where(eq(teachers.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

/** Inserts a teacher; returns undefined if the email is taken. */
export async function insertTeacher(db: Database, input: { email: string; displayName: string; passwordHash: string }): Promise<Teacher | undefined> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(teachers)
    .values({ id, email: normaliseEmail(input.email), displayName: input.displayName, passwordHash: input.passwordHash })
    .onConflictDoNothing()
    .returning({ id: teachers.id, email: teachers.email, displayName: teachers.displayName });
  return row;
}

/** A new session for a teacher; returns the cookie token (only its hash is stored). */
export async function createSession(db: Database, teacherId: string, now = Date.now()): Promise<string> {
  const token = randomToken();
  await db
    .insert(teacherSessions)
    .values({ tokenHash: await sha256Hex(token), teacherId, lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_ABSOLUTE_MS) });
  return token;
}

/** The teacher behind a session token, if it is neither idle too long nor past its absolute lifetime. */
export async function findSessionTeacher(db: Database, token: string, now = Date.now()): Promise<Teacher | undefined> {
  const tokenHash = await sha256Hex(token);
  const [row] = await db
    .select({ id: teachers.id, email: teachers.email, displayName: teachers.displayName, lastSeenAt: teacherSessions.lastSeenAt })
    .from(teacherSessions)
    .innerJoin(teachers, eq(teachers.id, teacherSessions.teacherId))
    .where(
      and(
        eq(teacherSessions.tokenHash, tokenHash),
        gt(teacherSessions.expiresAt, new Date(now)),
        gt(teacherSessions.lastSeenAt, new Date(now - SESSION_IDLE_MS)),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  if (now - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db
      .update(teacherSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(teacherSessions.tokenHash, tokenHash));
  }
  return { id: row.id, email: row.email, displayName: row.displayName };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(teacherSessions).where(eq(teacherSessions.tokenHash, await sha256Hex(token)));
}

/** A one-time invite code for a colleague; returned once, stored hashed. */
export async function createInvite(db: Database, teacherId: string): Promise<string> {
  const code = `${INVITE_PREFIX}${randomToken(12)}`;
  await db.insert(teacherInvites).values({ codeHash: await sha256Hex(code), createdBy: teacherId, expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS) });
  return code;
}

/**
 * Signs up a teacher with an invite, in one batch: claiming the invite is an atomic UPDATE, so a
 * code can never make two accounts, and the account is inserted only if the claim succeeded.
 * A valid invite is used up even when the email already has an account: the caller answers
 * both cases the same way, so one invite can test at most one email. Returns false if the
 * invite is unknown, used or expired (and then nothing is written).
 */
export async function redeemInvite(
  db: Database,
  code: string,
  input: { email: string; displayName: string; passwordHash: string },
  now = Date.now(),
): Promise<boolean> {
  const codeHash = await sha256Hex(code.trim());
  const id = crypto.randomUUID();
  const [claimed] = await db.batch([
    db
      .update(teacherInvites)
      .set({ usedBy: id })
      .where(and(eq(teacherInvites.codeHash, codeHash), isNull(teacherInvites.usedBy), gt(teacherInvites.expiresAt, new Date(now))))
      .returning({ codeHash: teacherInvites.codeHash }),
    db
      .insert(teachers)
      .select(
        db
          .select({
            id: sql<string>`${id}`.as("id"),
            email: sql<string>`${normaliseEmail(input.email)}`.as("email"),
            displayName: sql<string>`${input.displayName}`.as("display_name"),
            passwordHash: sql<string>`${input.passwordHash}`.as("password_hash"),
            createdAt: sql<number>`${now}`.as("created_at"),
          })
          .from(teacherInvites)
          .where(and(eq(teacherInvites.codeHash, codeHash), eq(teacherInvites.usedBy, id))),
      )
      .onConflictDoNothing(),
  ]);
  return claimed.length > 0;
}

/** A new API token; the plain token is returned once. Without options it may write and never expires. */
export async function createApiToken(
  db: Database,
  teacherId: string,
  name: string,
  options: { scope?: TokenScope; expiresAt?: Date | null } = {},
): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const id = crypto.randomUUID();
  await db
    .insert(apiTokens)
    .values({ id, teacherId, name, tokenHash: await sha256Hex(token), scope: options.scope ?? "write", expiresAt: options.expiresAt ?? null });
  return { id, token };
}

export async function listApiTokens(db: Database, teacherId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.teacherId, teacherId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the teacher's own tokens; another teacher's id matches nothing. */
export async function revokeApiToken(db: Database, teacherId: string, tokenId: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.teacherId, teacherId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** The teacher behind a token that is neither revoked nor expired, and whether it may only read. */
export async function findTokenTeacher(db: Database, token: string, now = Date.now()): Promise<(Teacher & { readOnly: boolean }) | undefined> {
  const tokenHash = await sha256Hex(token);
  const [row] = await db
    .select({ id: teachers.id, email: teachers.email, displayName: teachers.displayName, tokenId: apiTokens.id, scope: apiTokens.scope })
    .from(apiTokens)
    .innerJoin(teachers, eq(teachers.id, apiTokens.teacherId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date(now)))))
    .limit(1);
  if (!row) return undefined;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, displayName: row.displayName, readOnly: row.scope === "read" };
}
