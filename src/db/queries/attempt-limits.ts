import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client.ts";
import { attempts, questionSets, setVersions } from "../schema.ts";
import { type PublishedSet, publishedSetQuery } from "./sets.ts";

/** Unfinished attempts a student may hold on one set; starting another resumes the latest. */
export const MAX_UNFINISHED_ATTEMPTS = 3;

export type AttemptStart = { set: PublishedSet; resumeAttemptId: string | null };

/**
 * Looks up the published set a student asks to start and decides whether a new attempt may be
 * created, in one round trip. Every attempt is a row in D1, so a student holds at most
 * MAX_UNFINISHED_ATTEMPTS unfinished ones per set (any version); past that, the latest is resumed.
 * Undefined if the set is not published.
 *
 * Hook: per-assignment attempt limits (set by the teacher for a class) belong here too, as
 * another reason to resume instead of start; `startAttempt` itself stays unconditional.
 */
export async function planAttemptStart(db: Database, input: { slug: string; studentId: string }): Promise<AttemptStart | undefined> {
  const [sets, unfinished] = await db.batch([
    publishedSetQuery(db, input.slug),
    db
      .select({ id: attempts.id })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
      .where(and(eq(attempts.studentId, input.studentId), eq(questionSets.slug, input.slug), isNull(attempts.finishedAt)))
      .orderBy(desc(attempts.startedAt))
      .limit(MAX_UNFINISHED_ATTEMPTS),
  ]);
  const set = sets[0];
  if (!set) return undefined;
  const latest = unfinished[0];
  return { set, resumeAttemptId: unfinished.length >= MAX_UNFINISHED_ATTEMPTS && latest ? latest.id : null };
}
