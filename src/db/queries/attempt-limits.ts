import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";
import type { Database } from "../client.ts";
import { attempts, questionSets, questions, setVersions } from "../schema.ts";
import { type VersionQuestion, versionQuestionsQuery } from "./attempts.ts";
import { type PublishedSet, publishedSetQuery } from "./sets.ts";

/** Unfinished attempts a student may hold on one set; starting another resumes the latest. */
export const MAX_UNFINISHED_ATTEMPTS = 3;

/**
 * `resumeAttemptId`: start nothing, continue this attempt. `limitReached`: the set's attempt
 * limit is used up and nothing is unfinished, so nothing may start.
 */
export type AttemptStart = {
  set: PublishedSet;
  /** The current version's questions, for `startAttempt`. */
  questions: VersionQuestion[];
  resumeAttemptId: string | null;
  limitReached: boolean;
  allowedAttempts: number | null;
};

/**
 * Looks up the published set a student asks to start, with its questions, and decides whether a
 * new attempt may be created, in one round trip. Every attempt is a row in D1, so a student holds at most
 * MAX_UNFINISHED_ATTEMPTS unfinished ones per set (any version); past that, the latest is resumed.
 * Undefined if the set is not published.
 *
 * The set's attempt limit (`attempts`, 1 for a check unless it allows more) is counted over
 * every attempt the student started on any version; `startAttempt` itself stays unconditional.
 */
export async function planAttemptStart(db: Database, input: { slug: string; studentId: string }): Promise<AttemptStart | undefined> {
  const mine = and(eq(attempts.studentId, input.studentId), eq(questionSets.publicSlug, input.slug));
  const currentVersion = db
    .select({ id: questionSets.currentVersionId })
    .from(questionSets)
    .where(and(eq(questionSets.publicSlug, input.slug), eq(questionSets.published, true)));
  const [sets, versionQuestions, unfinished, started] = await db.batch([
    publishedSetQuery(db, input.slug),
    versionQuestionsQuery(db, inArray(questions.setVersionId, currentVersion)),
    db
      .select({ id: attempts.id })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
      .where(and(mine, isNull(attempts.finishedAt)))
      .orderBy(desc(attempts.startedAt))
      .limit(MAX_UNFINISHED_ATTEMPTS),
    db
      .select({ n: count() })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
      .where(mine),
  ]);
  const set = sets[0];
  if (!set) return undefined;
  const latest = unfinished[0];
  const allowed = allowedAttempts(set.settings);
  const used = allowed !== null && (started[0]?.n ?? 0) >= allowed;
  // At the limit, an unfinished attempt is resumed rather than refused: the student can still finish it.
  const resume = (unfinished.length >= MAX_UNFINISHED_ATTEMPTS || used) && latest ? latest.id : null;
  return { set, questions: versionQuestions, resumeAttemptId: resume, limitReached: used && !resume, allowedAttempts: allowed };
}
