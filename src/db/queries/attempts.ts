import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { attempts, classMembers, classSets, questionSets, questions, responses, setVersions, students } from "../schema.ts";

/**
 * Starts an attempt pinned to the given set version; creates the anonymous student on first
 * use. If the set is assigned to a class the student joined, the attempt counts for that class.
 */
export async function startAttempt(db: Database, input: { studentId: string; setVersionId: number; questionCount: number }): Promise<string> {
  const id = crypto.randomUUID();
  const classId = sql<string | null>`(SELECT ${classMembers.classId} FROM ${classMembers}
    JOIN ${classSets} ON ${classSets.classId} = ${classMembers.classId}
    WHERE ${classMembers.studentId} = ${input.studentId}
      AND ${classSets.setId} = (SELECT ${setVersions.setId} FROM ${setVersions} WHERE ${setVersions.id} = ${input.setVersionId})
    ORDER BY ${classMembers.joinedAt} DESC LIMIT 1)`;
  await db.batch([
    db.insert(students).values({ id: input.studentId }).onConflictDoNothing(),
    db.insert(attempts).values({ id, studentId: input.studentId, setVersionId: input.setVersionId, questionCount: input.questionCount, classId }),
  ]);
  return id;
}

/**
 * One question of one attempt, with the student's recorded response if there is one.
 * Scoped to the student: another student's attempt id finds nothing.
 */
export async function findAttemptQuestion(db: Database, input: { attemptId: string; studentId: string; position: number }) {
  const [row] = await db
    .select({
      attempt: {
        id: attempts.id,
        questionCount: attempts.questionCount,
        answeredCount: attempts.answeredCount,
        finishedAt: attempts.finishedAt,
      },
      set: { slug: questionSets.slug, title: setVersions.title, version: setVersions.version },
      question: questions,
      response: { chosen: responses.chosen, isCorrect: responses.isCorrect },
    })
    .from(attempts)
    .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
    .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
    .innerJoin(questions, and(eq(questions.setVersionId, attempts.setVersionId), eq(questions.position, input.position)))
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, questions.id)))
    .where(and(eq(attempts.id, input.attemptId), eq(attempts.studentId, input.studentId)))
    .limit(1);
  return row;
}

export type AttemptQuestion = NonNullable<Awaited<ReturnType<typeof findAttemptQuestion>>>;

/**
 * Records a graded response and updates the attempt's counts in one round trip. The unique
 * (attempt, question) index makes a replay a no-op; counts are recomputed from responses,
 * so they cannot drift. Returns true if this call recorded the answer.
 */
export async function recordResponse(db: Database, input: { attemptId: string; questionId: number; chosen: string[]; isCorrect: boolean }): Promise<boolean> {
  const now = Date.now();
  const [inserted] = await db.batch([
    db
      .insert(responses)
      .values({ attemptId: input.attemptId, questionId: input.questionId, chosen: input.chosen, isCorrect: input.isCorrect })
      .onConflictDoNothing()
      .returning({ id: responses.id }),
    db
      .update(attempts)
      .set({
        answeredCount: sql`(SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${input.attemptId})`,
        correctCount: sql`(SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${input.attemptId} AND ${responses.isCorrect} = 1)`,
        finishedAt: sql`CASE WHEN ${attempts.finishedAt} IS NULL AND (SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${input.attemptId}) >= ${attempts.questionCount} THEN ${now} ELSE ${attempts.finishedAt} END`,
      })
      .where(eq(attempts.id, input.attemptId)),
  ]);
  return inserted.length > 0;
}

/** Everything the summary page needs: the attempt, and each question with its response. */
export async function findAttemptReview(db: Database, input: { attemptId: string; studentId: string }) {
  const rows = await db
    .select({
      attempt: {
        id: attempts.id,
        questionCount: attempts.questionCount,
        answeredCount: attempts.answeredCount,
        correctCount: attempts.correctCount,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
      },
      set: { slug: questionSets.slug, title: setVersions.title, version: setVersions.version, published: questionSets.published },
      question: questions,
      response: { chosen: responses.chosen, isCorrect: responses.isCorrect },
    })
    .from(attempts)
    .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
    .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
    .innerJoin(questions, eq(questions.setVersionId, attempts.setVersionId))
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, questions.id)))
    .where(and(eq(attempts.id, input.attemptId), eq(attempts.studentId, input.studentId)))
    .orderBy(asc(questions.position));
  const first = rows[0];
  if (!first) return undefined;
  return { attempt: first.attempt, set: first.set, items: rows.map(({ question, response }) => ({ question, response })) };
}

export type AttemptReview = NonNullable<Awaited<ReturnType<typeof findAttemptReview>>>;

/** The student's attempts on this device, newest first, with their display name. */
export async function listStudentAttempts(db: Database, studentId: string) {
  const [student, rows] = await db.batch([
    db.select({ displayName: students.displayName }).from(students).where(eq(students.id, studentId)).limit(1),
    db
      .select({
        id: attempts.id,
        slug: questionSets.slug,
        title: setVersions.title,
        version: setVersions.version,
        questionCount: attempts.questionCount,
        answeredCount: attempts.answeredCount,
        correctCount: attempts.correctCount,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
      })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
      .where(eq(attempts.studentId, studentId))
      .orderBy(desc(attempts.startedAt))
      .limit(100),
  ]);
  return { displayName: student[0]?.displayName ?? null, attempts: rows };
}

export async function setDisplayName(db: Database, studentId: string, displayName: string | null): Promise<void> {
  await db.insert(students).values({ id: studentId, displayName }).onConflictDoUpdate({ target: students.id, set: { displayName } });
}
