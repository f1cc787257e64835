import { and, eq, gt, isNull } from "drizzle-orm";
import { normaliseEmail } from "../../teach/email.ts";
import { PASSWORD_RESET_PREFIX, randomToken, sha256Hex } from "../../teach/secrets.ts";
import type { Database } from "../client.ts";
import { teacherPasswordResets, teacherSessions, teachers } from "../schema.ts";

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A one-time reset link token for an email, issued by a signed-in teacher. Whether the email has
 * an account is not looked up here: the issuer gets the same answer either way.
 */
export async function createPasswordReset(db: Database, createdBy: string, email: string, now = Date.now()): Promise<string> {
  const token = `${PASSWORD_RESET_PREFIX}${randomToken()}`;
  await db.insert(teacherPasswordResets).values({
    tokenHash: await sha256Hex(token),
    email: normaliseEmail(email),
    createdBy,
    createdAt: new Date(now),
    expiresAt: new Date(now + PASSWORD_RESET_LIFETIME_MS),
  });
  return token;
}

/** The email a reset token was issued for, if the token is unused and unexpired. */
export async function findUsablePasswordReset(db: Database, token: string, now = Date.now()): Promise<{ email: string } | undefined> {
  const [row] = await db
    .select({ email: teacherPasswordResets.email })
    .from(teacherPasswordResets)
    .where(usable(await sha256Hex(token), now))
    .limit(1);
  return row;
}

function usable(tokenHash: string, now: number) {
  return and(eq(teacherPasswordResets.tokenHash, tokenHash), isNull(teacherPasswordResets.usedAt), gt(teacherPasswordResets.expiresAt, new Date(now)));
}

/**
 * Uses a reset token: claims it (an atomic UPDATE, so it works once), then sets the password of
 * the account with that email, if there is one, and ends all of that teacher's sessions. Returns
 * false if the token was unknown, used or expired (and then nothing is written).
 */
export async function usePasswordReset(db: Database, token: string, passwordHash: string, now = Date.now()): Promise<boolean> {
  const [claimed] = await db
    .update(teacherPasswordResets)
    .set({ usedAt: new Date(now) })
    .where(usable(await sha256Hex(token), now))
    .returning({ email: teacherPasswordResets.email });
  if (!claimed) return false;
  const [teacher] = await db.select({ id: teachers.id }).from(teachers).where(eq(teachers.email, claimed.email)).limit(1);
  if (teacher) await setPasswordAndEndSessions(db, teacher.id, passwordHash);
  return true;
}

/** A new password hash for a teacher, and every session of theirs ended, in one batch. */
export async function setPasswordAndEndSessions(db: Database, teacherId: string, passwordHash: string): Promise<void> {
  await db.batch([
    db.update(teachers).set({ passwordHash }).where(eq(teachers.id, teacherId)),
    db.delete(teacherSessions).where(eq(teacherSessions.teacherId, teacherId)),
  ]);
}
