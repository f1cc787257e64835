import { and, eq, sql } from "drizzle-orm";
import type { Question } from "../../content/schema.ts";
import type { Grade } from "../../quiz/grading.ts";
import type { ResponseValue } from "../../quiz/response-value.ts";
import type { Database } from "../client.ts";
import { attempts, questions, responses, setVersions } from "../schema.ts";
import { positionAt, recountAttempt } from "./attempts.ts";

/** The question an answer is graded against: its row, its version's content hash, and its content. */
export interface AnswerTarget {
  questionId: number;
  versionHash: string;
  content: Question;
}

export type AnswerOutcome =
  /** `answeredCount` includes this answer. */
  | { kind: "recorded"; questionCount: number; answeredCount: number; mode: "practice" | "check" }
  /** The question was answered before: the first answer stands. */
  | { kind: "already"; questionCount: number; mode: "practice" | "check" }
  /** A check is answered in order, and an earlier question is still open. */
  | { kind: "out-of-order"; firstOpen: number }
  /** No such attempt for this student, or no such question in it. */
  | { kind: "not-found" }
  /** The attempt's question at this place is not `target` (a stale page or cache): nothing was written. */
  | { kind: "other-question" };

/**
 * Records a graded answer in one round trip: one batch inserts the response, recounts the
 * attempt and reads back where it stands. The insert only happens if, on the primary, at that
 * moment: the attempt is this student's, its question at `number` is `target` (same row, same
 * version content), and a check is answered in order. The unique (attempt, question) index makes
 * a replay or a double submit a no-op, so an answer counts exactly once.
 */
export async function recordAnswer(
  db: Database,
  input: {
    attemptId: string;
    studentId: string;
    number: number;
    target: AnswerTarget;
    value: ResponseValue;
    grade: Grade;
    confidence: number | null;
  },
): Promise<AnswerOutcome> {
  const { attemptId, studentId, number, target } = input;
  const thisQuestion = and(eq(questions.setVersionId, attempts.setVersionId), eq(questions.position, positionAt(number)));
  const ownAttempt = and(eq(attempts.id, attemptId), eq(attempts.studentId, studentId), sql`${number} <= ${attempts.questionCount}`);
  const [inserted, , state] = await db.batch([
    db
      .insert(responses)
      .select((qb) =>
        qb
          .select({
            id: sql`NULL`.as("id"),
            attemptId: attempts.id,
            questionId: questions.id,
            chosen: sql`${JSON.stringify(input.value)}`.as("chosen"),
            isCorrect: sql`${input.grade.correct ? 1 : 0}`.as("is_correct"),
            score: sql`${input.grade.score}`.as("score"),
            confidence: sql`${input.confidence}`.as("confidence"),
            answeredAt: sql`cast(unixepoch('subsec') * 1000 as integer)`.as("answered_at"),
          })
          .from(attempts)
          .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
          .innerJoin(questions, thisQuestion)
          .where(
            and(
              ownAttempt,
              eq(questions.id, target.questionId),
              eq(setVersions.contentHash, target.versionHash),
              sql`(${attempts.mode} <> 'check' OR ${number} <= ${attempts.answeredCount} + 1)`,
            ),
          ),
      )
      .onConflictDoNothing()
      .returning({ id: responses.id }),
    recountAttempt(db, attemptId, studentId),
    db
      .select({
        questionCount: attempts.questionCount,
        answeredCount: attempts.answeredCount,
        mode: attempts.mode,
        questionId: questions.id,
        versionHash: setVersions.contentHash,
        answered: sql<number>`EXISTS (SELECT 1 FROM ${responses} WHERE ${responses.attemptId} = ${attempts.id} AND ${responses.questionId} = ${questions.id})`,
      })
      .from(attempts)
      .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
      .innerJoin(questions, thisQuestion)
      .where(ownAttempt)
      .limit(1),
  ]);
  const [now] = state;
  if (!now) return { kind: "not-found" };
  if (inserted.length > 0) return { kind: "recorded", questionCount: now.questionCount, answeredCount: now.answeredCount, mode: now.mode };
  if (now.questionId !== target.questionId || now.versionHash !== target.versionHash) return { kind: "other-question" };
  if (now.answered) return { kind: "already", questionCount: now.questionCount, mode: now.mode };
  return { kind: "out-of-order", firstOpen: now.answeredCount + 1 };
}
