import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { isScored } from "../../content/question-kinds.ts";
import type { SetSettings } from "../../content/schema.ts";
import type { Grade } from "../../quiz/grading.ts";
import { planAttemptOrder } from "../../quiz/order.ts";
import { type AnsweredPosition, questionStates } from "../../quiz/progress.ts";
import type { ResponseValue } from "../../quiz/response-value.ts";
import type { Database } from "../client.ts";
import { attempts, classMembers, classSets, questionSets, questions, responses, setVersions, students } from "../schema.ts";

/**
 * Starts an attempt pinned to a set version, fixing its question order and every question's
 * option order now, so reloads, feedback, the summary and another device all show the same.
 * Creates the anonymous student on first use. If the set is assigned to a class the student
 * joined, the attempt counts for that class. `onlyPositions` makes a retry of some questions.
 */
export async function startAttempt(
  db: Database,
  input: {
    studentId: string;
    setVersionId: number;
    settings: SetSettings;
    /** The version's questions, when the caller read them already (saves a round trip). */
    questions?: VersionQuestion[];
    onlyPositions?: number[];
    retryOf?: string;
  },
): Promise<string> {
  const all = input.questions ?? (await versionQuestionsQuery(db, eq(questions.setVersionId, input.setVersionId)));
  const chosen = input.onlyPositions ? all.filter((q) => input.onlyPositions?.includes(q.position)) : all;
  if (chosen.length === 0) throw new Error("an attempt needs at least one question");
  const { questionOrder, optionOrders } = planAttemptOrder(chosen, input.settings);
  const id = crypto.randomUUID();
  const classId = sql<string | null>`(SELECT ${classMembers.classId} FROM ${classMembers}
    JOIN ${classSets} ON ${classSets.classId} = ${classMembers.classId}
    WHERE ${classMembers.studentId} = ${input.studentId}
      AND ${classSets.setId} = (SELECT ${setVersions.setId} FROM ${setVersions} WHERE ${setVersions.id} = ${input.setVersionId})
    ORDER BY ${classMembers.joinedAt} DESC LIMIT 1)`;
  await db.batch([
    db.insert(students).values({ id: input.studentId }).onConflictDoNothing(),
    db.insert(attempts).values({
      id,
      studentId: input.studentId,
      setVersionId: input.setVersionId,
      questionCount: chosen.length,
      scoredCount: chosen.filter((q) => isScored(q.content)).length,
      mode: input.settings.mode,
      questionOrder,
      optionOrders,
      retryOf: input.retryOf ?? null,
      classId,
    }),
  ]);
  return id;
}

/** A version's questions in file order, as `startAttempt` needs them; `where` picks the version. */
export function versionQuestionsQuery(db: Database, where: SQL | undefined) {
  return db.select({ position: questions.position, content: questions.content }).from(questions).where(where).orderBy(asc(questions.position));
}
export type VersionQuestion = Awaited<ReturnType<typeof versionQuestionsQuery>>[number];

/** The question shown at `number` (1-based) in this attempt: stored order, or file order for older attempts. */
export const positionAt = (number: number) => sql`coalesce(json_extract(${attempts.questionOrder}, ${`$[${number - 1}]`}), ${number})`;

/** Every response of the attempt as [position, score, is_correct], for the progress map. */
const answeredPositions = sql<string>`(SELECT json_group_array(json_array(answered_question.position, answered.score, answered.is_correct))
  FROM ${responses} AS answered JOIN ${questions} AS answered_question ON answered_question.id = answered.question_id
  WHERE answered.attempt_id = ${attempts.id})`;

function parseAnswered(json: string | null): AnsweredPosition[] {
  const rows = json ? (JSON.parse(json) as [number, number | null, number][]) : [];
  return rows.map(([position, score, isCorrect]) => ({ position, score, isCorrect: isCorrect === 1 }));
}

/**
 * One question of one attempt, with its display order, the student's recorded response and
 * where the student stands on every question (for the progress map): one query. Scoped to the student: another student's attempt id finds nothing.
 */
export async function findAttemptQuestion(db: Database, input: AttemptQuestionInput) {
  return shapeAttemptQuestion(await attemptQuestionQuery(db, input));
}

type AttemptQuestionInput = { attemptId: string; studentId: string; number: number };

/** The query behind `findAttemptQuestion`, for pages that batch it with their other reads. */
export function attemptQuestionQuery(db: Database, input: AttemptQuestionInput) {
  return db
    .select({
      attempt: {
        // Aliased: in a batch, D1 keys columns by name, and questions.id is "id" too.
        id: sql<string>`${attempts.id}`.as("attempt_id"),
        questionCount: attempts.questionCount,
        answeredCount: attempts.answeredCount,
        finishedAt: attempts.finishedAt,
        mode: attempts.mode,
        questionOrder: attempts.questionOrder,
        retryOf: attempts.retryOf,
      },
      set: {
        slug: questionSets.publicSlug,
        ownerId: questionSets.ownerId,
        title: setVersions.title,
        settings: setVersions.settings,
        documentIds: setVersions.documentIds,
        versionHash: setVersions.contentHash,
      },
      question: { id: questions.id, position: questions.position, key: questions.key, content: questions.content },
      optionOrder: sql<string | null>`json_extract(${attempts.optionOrders}, '$."' || ${questions.key} || '"')`,
      response: { chosen: responses.chosen, isCorrect: responses.isCorrect, score: responses.score, confidence: responses.confidence },
      answered: answeredPositions,
    })
    .from(attempts)
    .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
    .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
    .innerJoin(questions, and(eq(questions.setVersionId, attempts.setVersionId), eq(questions.position, positionAt(input.number))))
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, questions.id)))
    .where(and(eq(attempts.id, input.attemptId), eq(attempts.studentId, input.studentId), sql`${input.number} <= ${attempts.questionCount}`))
    .limit(1);
}

export function shapeAttemptQuestion([row]: Awaited<ReturnType<typeof attemptQuestionQuery>>) {
  if (!row) return undefined;
  const { optionOrder, answered, ...rest } = row;
  return {
    ...rest,
    optionOrder: optionOrder ? (JSON.parse(optionOrder) as string[]) : undefined,
    states: questionStates(rest.attempt.questionOrder, rest.attempt.questionCount, parseAnswered(answered)),
  };
}

export type AttemptQuestion = NonNullable<ReturnType<typeof shapeAttemptQuestion>>;

/**
 * Records a graded response and updates the attempt's counts and score in one round trip. The
 * unique (attempt, question) index makes a replay a no-op; counts are recomputed from
 * responses, so they cannot drift. Returns true if this call recorded the answer.
 */
export async function recordResponse(
  db: Database,
  input: { attemptId: string; questionId: number; value: ResponseValue; grade: Grade; confidence: number | null },
): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .insert(responses)
      .values({
        attemptId: input.attemptId,
        questionId: input.questionId,
        chosen: input.value,
        isCorrect: input.grade.correct,
        score: input.grade.score,
        confidence: input.confidence,
      })
      .onConflictDoNothing()
      .returning({ id: responses.id }),
    recountAttempt(db, input.attemptId),
  ]);
  return inserted.length > 0;
}

/**
 * Recomputes an attempt's counts and score from its responses, and finishes it once every
 * question is answered. Idempotent, so it can follow any insert in the same batch.
 */
export function recountAttempt(db: Database, attemptId: string, studentId?: string) {
  const answered = sql`(SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${attemptId})`;
  return db
    .update(attempts)
    .set({
      answeredCount: answered,
      correctCount: sql`(SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${attemptId} AND ${responses.isCorrect} = 1)`,
      score: sql`(SELECT coalesce(sum(${responses.score}), 0) FROM ${responses} WHERE ${responses.attemptId} = ${attemptId})`,
      finishedAt: sql`CASE WHEN ${attempts.finishedAt} IS NULL AND ${answered} >= ${attempts.questionCount} THEN ${Date.now()} ELSE ${attempts.finishedAt} END`,
    })
    .where(and(eq(attempts.id, attemptId), studentId === undefined ? undefined : eq(attempts.studentId, studentId)));
}

/** Everything the summary page needs: the attempt, and each of its questions (in display order) with its response. */
export async function findAttemptReview(db: Database, input: { attemptId: string; studentId: string }) {
  return shapeAttemptReview(await attemptReviewQuery(db, input));
}

/** The query behind `findAttemptReview`, for pages that batch it with their other reads. */
export function attemptReviewQuery(db: Database, input: { attemptId: string; studentId: string }) {
  return db
    .select({
      attempt: {
        // Aliased: in a batch, D1 keys columns by name, and questions.id and responses.score share these.
        id: sql<string>`${attempts.id}`.as("attempt_id"),
        questionCount: attempts.questionCount,
        scoredCount: attempts.scoredCount,
        answeredCount: attempts.answeredCount,
        correctCount: attempts.correctCount,
        score: sql<number>`${attempts.score}`.as("attempt_score"),
        mode: attempts.mode,
        questionOrder: attempts.questionOrder,
        optionOrders: attempts.optionOrders,
        retryOf: attempts.retryOf,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
      },
      set: {
        slug: questionSets.publicSlug,
        ownerId: questionSets.ownerId,
        title: setVersions.title,
        published: questionSets.published,
        settings: setVersions.settings,
        documentIds: setVersions.documentIds,
      },
      question: { id: questions.id, position: questions.position, key: questions.key, content: questions.content },
      response: { chosen: responses.chosen, isCorrect: responses.isCorrect, score: responses.score, confidence: responses.confidence },
    })
    .from(attempts)
    .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
    .innerJoin(questionSets, eq(questionSets.id, setVersions.setId))
    .innerJoin(questions, eq(questions.setVersionId, attempts.setVersionId))
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, questions.id)))
    .where(and(eq(attempts.id, input.attemptId), eq(attempts.studentId, input.studentId)))
    .orderBy(asc(questions.position));
}

export function shapeAttemptReview(rows: Awaited<ReturnType<typeof attemptReviewQuery>>) {
  const first = rows[0];
  if (!first) return undefined;
  const order = first.attempt.questionOrder ?? rows.map((row) => row.question.position);
  const byPosition = new Map(rows.map((row) => [row.question.position, row]));
  const items = order
    .map((position, index) => {
      const row = byPosition.get(position);
      return row ? { number: index + 1, question: row.question, response: row.response?.chosen ? row.response : null } : undefined;
    })
    .filter((item) => item !== undefined);
  return { attempt: first.attempt, set: first.set, items };
}

export type AttemptReview = NonNullable<ReturnType<typeof shapeAttemptReview>>;
export type ReviewItem = AttemptReview["items"][number];

/** The student's attempts on this device, newest first, with their display name. */
export async function listStudentAttempts(db: Database, studentId: string) {
  const [student, rows] = await db.batch([
    db.select({ displayName: students.displayName }).from(students).where(eq(students.id, studentId)).limit(1),
    db
      .select({
        id: attempts.id,
        slug: questionSets.publicSlug,
        title: setVersions.title,
        questionCount: attempts.questionCount,
        scoredCount: attempts.scoredCount,
        answeredCount: attempts.answeredCount,
        correctCount: attempts.correctCount,
        score: attempts.score,
        mode: attempts.mode,
        retryOf: attempts.retryOf,
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
