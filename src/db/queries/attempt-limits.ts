import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { SetSettings } from "../../content/schema.ts";
import { ConflictError, NotFoundError } from "../../lib/errors.ts";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";
import type { Database } from "../client.ts";
import { attempts, questionSets, questions, responses, setVersions } from "../schema.ts";
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

export type RetryPlan = {
  setVersionId: number;
  settings: SetSettings;
  /** The version's questions, for `startAttempt`. */
  questions: VersionQuestion[];
  missedPositions: number[];
  resumeAttemptId: string | null;
};

/**
 * "Retry only the ones I got wrong": a practice attempt of the same version with the questions a
 * finished attempt did not get full marks on. Read in one round trip with the version's questions
 * and the student's unfinished attempts on the set: a retry counts against the same limit as a start.
 */
export async function planRetry(db: Database, input: { attemptId: string; studentId: string }): Promise<RetryPlan> {
  const missed = sql<string>`(SELECT json_group_array(missed_question.position)
    FROM ${responses} AS missed JOIN ${questions} AS missed_question ON missed_question.id = missed.question_id
    WHERE missed.attempt_id = ${attempts.id} AND missed.score IS NOT NULL AND missed.is_correct = 0)`;
  const unfinished = sql<string>`(SELECT json_group_array(id) FROM (SELECT other.id FROM ${attempts} AS other
    JOIN ${setVersions} AS other_version ON other_version.id = other.set_version_id
    WHERE other.student_id = ${input.studentId} AND other_version.set_id = ${setVersions.setId} AND other.finished_at IS NULL
    ORDER BY other.started_at DESC LIMIT ${MAX_UNFINISHED_ATTEMPTS}))`;
  const own = and(eq(attempts.id, input.attemptId), eq(attempts.studentId, input.studentId));
  const version = db.select({ id: attempts.setVersionId }).from(attempts).where(own);
  const [[row], versionQuestions] = await db.batch([
    db
      .select({
        attempt: { id: attempts.id, mode: attempts.mode, finishedAt: attempts.finishedAt, setVersionId: attempts.setVersionId },
        set: { slug: questionSets.publicSlug, published: questionSets.published, settings: setVersions.settings },
        missed,
        unfinished,
      })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
      .where(own)
      .limit(1),
    versionQuestionsQuery(db, inArray(questions.setVersionId, version)),
  ]);
  if (!row) throw new NotFoundError("attempt");
  if (row.attempt.mode === "check") throw new ConflictError("A check is taken once. Practise with the practice sets instead.");
  if (!row.attempt.finishedAt) throw new ConflictError("Finish this attempt first: a retry takes the questions you missed.");
  if (!row.set.published) throw new ConflictError("This quiz is no longer available.");
  const missedPositions = (JSON.parse(row.missed) as number[]).sort((a, b) => a - b);
  if (missedPositions.length === 0) throw new ConflictError("You got every question right: there is nothing to retry.");
  const unfinishedIds = JSON.parse(row.unfinished) as string[];
  return {
    setVersionId: row.attempt.setVersionId,
    // A retry is practice, whatever the set: feedback after every answer.
    settings: { ...row.set.settings, mode: "practice" },
    questions: versionQuestions,
    missedPositions,
    resumeAttemptId: unfinishedIds.length >= MAX_UNFINISHED_ATTEMPTS ? (unfinishedIds[0] ?? null) : null,
  };
}
