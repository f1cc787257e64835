import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { DateRange } from "../../teach/answer-results.ts";
import type { Database } from "../client.ts";
import { attempts, classes, classMembers, classSets, questionSets, questions, responses, setVersions, students } from "../schema.ts";

/** Attempts started within the range (from its first day to the end of its last, UTC). */
export function startedWithin(range: DateRange): SQL | undefined {
  return and(range.from ? gte(attempts.startedAt, range.from) : undefined, range.to ? lt(attempts.startedAt, range.to) : undefined);
}

/**
 * Every answer of every class attempt on one assigned set, one row per answer (attempts with no
 * answer yet give one row without one), for the per-student and per-question pages and the long
 * CSV. Each answer comes with the question of the version it was answered on. Another teacher's
 * class, or a set not assigned to it, is undefined.
 */
export async function classAnswersData(db: Database, teacherId: string, input: { classId: string; slug: string; range: DateRange; studentId?: string }) {
  const [found] = await db
    .select({ className: classes.name, setId: questionSets.id, versionId: setVersions.id, title: setVersions.title, dueAt: classSets.dueAt })
    .from(classes)
    .innerJoin(classSets, eq(classSets.classId, classes.id))
    .innerJoin(questionSets, and(eq(questionSets.id, classSets.setId), eq(questionSets.slug, input.slug)))
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(and(eq(classes.id, input.classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!found) return undefined;
  const [current, rows] = await db.batch([
    db
      .select({ key: questions.key, position: questions.position, content: questions.content })
      .from(questions)
      .where(eq(questions.setVersionId, found.versionId))
      .orderBy(asc(questions.position)),
    db
      .select({
        attemptId: attempts.id,
        studentId: attempts.studentId,
        studentName: sql<string>`coalesce(${classMembers.displayName}, ${students.displayName}, 'Removed student')`.as("student_name"),
        setVersion: setVersions.version,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
        score: attempts.score,
        scoredCount: attempts.scoredCount,
        questionKey: questions.key,
        position: questions.position,
        content: questions.content,
        chosen: responses.chosen,
        isCorrect: responses.isCorrect,
        // Aliased: in a batch, D1 keys columns by name, and attempts.score is "score" too.
        answerScore: sql<number | null>`${responses.score}`.as("answer_score"),
        answeredAt: responses.answeredAt,
      })
      .from(attempts)
      .innerJoin(setVersions, and(eq(setVersions.id, attempts.setVersionId), eq(setVersions.setId, found.setId)))
      .innerJoin(students, eq(students.id, attempts.studentId))
      .leftJoin(classMembers, and(eq(classMembers.classId, input.classId), eq(classMembers.studentId, attempts.studentId)))
      .leftJoin(responses, eq(responses.attemptId, attempts.id))
      .leftJoin(questions, eq(questions.id, responses.questionId))
      .where(and(eq(attempts.classId, input.classId), startedWithin(input.range), input.studentId ? eq(attempts.studentId, input.studentId) : undefined))
      .orderBy(asc(attempts.startedAt), asc(attempts.id), asc(responses.answeredAt), asc(responses.id)),
  ]);
  return { className: found.className, title: found.title, dueAt: found.dueAt, questions: current, rows };
}

export type ClassAnswersData = NonNullable<Awaited<ReturnType<typeof classAnswersData>>>;
