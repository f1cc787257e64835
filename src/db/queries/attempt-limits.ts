import { and, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { SetSettings } from "../../content/schema.ts";
import { ConflictError, NotFoundError } from "../../lib/errors.ts";
import { allowedAttempts } from "../../quiz/attempt-policy.ts";
import type { Database } from "../client.ts";
import { attempts, classMembers, classSets, questionSets, questions, responses, setVersions } from "../schema.ts";
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
  /** The class deadline that has passed, when it stops this start (an unfinished attempt is resumed instead). */
  deadlinePassed: Date | null;
};

/**
 * The deadline and attempt limit of the assignment a new attempt would count for: the set as
 * assigned to the class the student joined last (as `startAttempt` picks the attempt's class),
 * with the attempts the student already started in that class. `setIds` picks the set.
 */
function assignmentRuleQuery(db: Database, studentId: string, setIds: SQL) {
  const used = sql<number>`(SELECT count(*) FROM ${attempts} AS class_attempt
    WHERE class_attempt.student_id = ${studentId} AND class_attempt.class_id = ${classSets.classId}
      AND class_attempt.set_version_id IN (SELECT class_version.id FROM ${setVersions} AS class_version WHERE class_version.set_id = ${classSets.setId}))`;
  return db
    .select({ dueAt: classSets.dueAt, maxAttempts: classSets.maxAttempts, used: used.as("class_attempts_used") })
    .from(classMembers)
    .innerJoin(classSets, eq(classSets.classId, classMembers.classId))
    .where(and(eq(classMembers.studentId, studentId), setIds))
    .orderBy(desc(classMembers.joinedAt))
    .limit(1);
}
type AssignmentRule = Awaited<ReturnType<typeof assignmentRuleQuery>>[number];

const deadlineHasPassed = (rule: AssignmentRule | undefined, now: number) => rule?.dueAt != null && now > rule.dueAt.getTime();
const classLimitUsed = (rule: AssignmentRule | undefined) => rule?.maxAttempts != null && rule.used >= rule.maxAttempts;

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
  const setIds = inArray(classSets.setId, db.select({ id: questionSets.id }).from(questionSets).where(eq(questionSets.publicSlug, input.slug)));
  const [sets, versionQuestions, unfinished, started, rules] = await db.batch([
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
    assignmentRuleQuery(db, input.studentId, setIds),
  ]);
  const set = sets[0];
  if (!set) return undefined;
  const latest = unfinished[0];
  const rule = rules[0];
  // A class's own limit replaces the set's for its members, counted over their attempts in that class.
  const allowed = rule?.maxAttempts ?? allowedAttempts(set.settings);
  const used = rule?.maxAttempts != null ? classLimitUsed(rule) : allowed !== null && (started[0]?.n ?? 0) >= allowed;
  const pastDue = deadlineHasPassed(rule, Date.now());
  // At the limit or past the deadline, an unfinished attempt is resumed rather than refused: the
  // student can still finish it (answers after the deadline are marked late in the results).
  const resume = (unfinished.length >= MAX_UNFINISHED_ATTEMPTS || used || pastDue) && latest ? latest.id : null;
  return {
    set,
    questions: versionQuestions,
    resumeAttemptId: resume,
    limitReached: used && !resume,
    allowedAttempts: allowed,
    deadlinePassed: pastDue && !resume ? (rule?.dueAt ?? null) : null,
  };
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
  const setOfAttempt = db.select({ id: setVersions.setId }).from(attempts).innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId)).where(own);
  const [[row], versionQuestions, rules] = await db.batch([
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
    assignmentRuleQuery(db, input.studentId, inArray(classSets.setId, setOfAttempt)),
  ]);
  if (!row) throw new NotFoundError("attempt");
  if (row.attempt.mode === "check") throw new ConflictError("A check is taken once. Practise with the practice sets instead.");
  if (!row.attempt.finishedAt) throw new ConflictError("Finish this attempt first: a retry takes the questions you missed.");
  if (!row.set.published) throw new ConflictError("This quiz is no longer available.");
  const missedPositions = (JSON.parse(row.missed) as number[]).sort((a, b) => a - b);
  if (missedPositions.length === 0) throw new ConflictError("You got every question right: there is nothing to retry.");
  const unfinishedIds = JSON.parse(row.unfinished) as string[];
  const resumeAttemptId = unfinishedIds.length >= MAX_UNFINISHED_ATTEMPTS ? (unfinishedIds[0] ?? null) : null;
  // A retry is a new attempt in the class: the class's deadline and attempt limit apply to it.
  const rule = rules[0];
  if (!resumeAttemptId && deadlineHasPassed(rule, Date.now())) throw new ConflictError(deadlineMessage(rule?.dueAt ?? new Date()));
  if (!resumeAttemptId && classLimitUsed(rule)) throw new ConflictError(attemptLimitMessage(rule?.maxAttempts ?? 1));
  return {
    setVersionId: row.attempt.setVersionId,
    // A retry is practice, whatever the set: feedback after every answer.
    settings: { ...row.set.settings, mode: "practice" },
    questions: versionQuestions,
    missedPositions,
    resumeAttemptId,
  };
}

export function attemptLimitMessage(allowed: number): string {
  return `You have already used ${allowed === 1 ? "the one attempt" : `all ${allowed} attempts`} this quiz allows. Your results are under My attempts; ask your teacher if you need another go.`;
}

export function deadlineMessage(dueAt: Date): string {
  return `The deadline for this quiz in your class was ${dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC, so no new attempt can start. Your results are under My attempts; ask your teacher if you need more time.`;
}
