import { and, asc, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import { ConflictError, NotFoundError } from "../../lib/errors.ts";
import type { ResponseValue } from "../../quiz/response-value.ts";
import type { DateRange } from "../../teach/answer-results.ts";
import type { ResultAttempt, ResultQuestion } from "../../teach/results.ts";
import { joinCode } from "../../teach/secrets.ts";
import type { Database } from "../client.ts";
import { attempts, classes, classMembers, classSets, questionSets, questions, responses, setVersions, students } from "../schema.ts";
import { startedWithin } from "./class-answers.ts";

/** Creates a class with a fresh join code (retrying on the rare collision). */
export async function createClass(db: Database, teacherId: string, name: string): Promise<{ id: string; joinCode: string }> {
  for (let tries = 0; tries < 5; tries++) {
    const row = { id: crypto.randomUUID(), teacherId, name, joinCode: joinCode() };
    const inserted = await db.insert(classes).values(row).onConflictDoNothing().returning({ id: classes.id });
    if (inserted.length > 0) return { id: row.id, joinCode: row.joinCode };
  }
  throw new ConflictError("Could not make a unique join code. Try again.");
}

export async function listClasses(db: Database, teacherId: string) {
  return db
    .select({
      id: classes.id,
      name: classes.name,
      joinCode: classes.joinCode,
      createdAt: classes.createdAt,
      archivedAt: classes.archivedAt,
      members: count(classMembers.studentId),
    })
    .from(classes)
    .leftJoin(classMembers, eq(classMembers.classId, classes.id))
    .where(eq(classes.teacherId, teacherId))
    .groupBy(classes.id)
    .orderBy(desc(classes.createdAt));
}

/** A class with its members and assigned sets; another teacher's class is not found. */
export async function findClassForTeacher(db: Database, teacherId: string, classId: string) {
  const [found] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!found) return undefined;
  const [members, assigned] = await db.batch([
    db
      .select({ studentId: classMembers.studentId, displayName: classMembers.displayName, joinedAt: classMembers.joinedAt })
      .from(classMembers)
      .where(eq(classMembers.classId, classId))
      .orderBy(asc(classMembers.displayName)),
    db
      .select({
        slug: questionSets.slug,
        title: setVersions.title,
        published: questionSets.published,
        dueAt: classSets.dueAt,
        maxAttempts: classSets.maxAttempts,
      })
      .from(classSets)
      .innerJoin(questionSets, eq(questionSets.id, classSets.setId))
      .leftJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
      .where(eq(classSets.classId, classId))
      .orderBy(asc(classSets.assignedAt)),
  ]);
  return { ...found, members, assigned };
}

/** Assigns a published set the teacher may use (their own or built-in) to their class. */
export async function assignSet(db: Database, teacherId: string, classId: string, slug: string): Promise<void> {
  const [set] = await db
    .select({ id: questionSets.id })
    .from(questionSets)
    .innerJoin(classes, and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .where(and(eq(questionSets.slug, slug), eq(questionSets.published, true), or(eq(questionSets.ownerId, teacherId), isNull(questionSets.ownerId))))
    .limit(1);
  if (!set) throw new NotFoundError("quiz");
  await db.insert(classSets).values({ classId, setId: set.id }).onConflictDoNothing();
}

/** A student joins with a code and a display name only. Joining again just updates the name. An archived class takes no one. */
export async function joinClass(db: Database, input: { code: string; studentId: string; displayName: string }) {
  const [found] = await db
    .select({ id: classes.id, name: classes.name, archivedAt: classes.archivedAt })
    .from(classes)
    .where(eq(classes.joinCode, input.code))
    .limit(1);
  if (!found) return undefined;
  if (found.archivedAt) throw new ConflictError("This class is archived and takes no new students. Ask your teacher.");
  await db.batch([
    db.insert(students).values({ id: input.studentId, displayName: input.displayName }).onConflictDoNothing(),
    db
      .insert(classMembers)
      .values({ classId: found.id, studentId: input.studentId, displayName: input.displayName })
      .onConflictDoUpdate({ target: [classMembers.classId, classMembers.studentId], set: { displayName: input.displayName } }),
  ]);
  return { id: found.id, name: found.name };
}

export async function findClassByCode(db: Database, code: string) {
  const [found] = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(eq(classes.joinCode, code), isNull(classes.archivedAt)))
    .limit(1);
  return found;
}

/**
 * Everything the results page needs for one class and set: the questions of the set's
 * current version (keyed by their stable ids) and every class attempt on any version.
 */
export async function classResultsData(db: Database, teacherId: string, classId: string, slug: string, range: DateRange = {}) {
  const [found] = await db
    .select({
      className: classes.name,
      setId: questionSets.id,
      versionId: setVersions.id,
      title: setVersions.title,
      version: setVersions.version,
      dueAt: classSets.dueAt,
    })
    .from(classes)
    .innerJoin(classSets, eq(classSets.classId, classes.id))
    .innerJoin(questionSets, and(eq(questionSets.id, classSets.setId), eq(questionSets.slug, slug)))
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!found) return undefined;
  const [questionRows, attemptRows] = await db.batch([
    db.select().from(questions).where(eq(questions.setVersionId, found.versionId)).orderBy(asc(questions.position)),
    db
      .select({
        attemptId: attempts.id,
        studentId: attempts.studentId,
        // A removed student's kept attempts stay in the results under the name they had.
        studentName: sql<string>`coalesce(${classMembers.displayName}, ${students.displayName}, 'Removed student')`.as("student_name"),
        setVersion: setVersions.version,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
        score: attempts.score,
        scoredCount: attempts.scoredCount,
        // Answers recorded after the assignment's deadline (to an attempt started before it).
        // Aliased: D1 keys a batch's columns by name, and a column named "0" would sort first.
        lateAnswers: (found.dueAt
          ? sql<number>`(SELECT count(*) FROM ${responses} WHERE ${responses.attemptId} = ${attempts.id} AND ${responses.answeredAt} > ${found.dueAt.getTime()})`
          : sql<number>`0`
        ).as("late_answers"),
        // One row per attempt, its answers gathered by SQLite: a class of 300 on a set of 16
        // questions is 300 rows to hand over and map, not 4,800.
        responses: sql<string>`(SELECT json_group_array(json_array(${questions.key}, json(${responses.chosen}), ${responses.isCorrect}, ${responses.score}))
          FROM ${responses} JOIN ${questions} ON ${questions.id} = ${responses.questionId} WHERE ${responses.attemptId} = ${attempts.id})`,
      })
      .from(attempts)
      .innerJoin(setVersions, and(eq(setVersions.id, attempts.setVersionId), eq(setVersions.setId, found.setId)))
      .innerJoin(students, eq(students.id, attempts.studentId))
      .leftJoin(classMembers, and(eq(classMembers.classId, classId), eq(classMembers.studentId, attempts.studentId)))
      .where(and(eq(attempts.classId, classId), startedWithin(range))),
  ]);
  const resultQuestions: ResultQuestion[] = questionRows.map((q) => ({
    key: q.key,
    position: q.position,
    prompt: q.content.prompt,
    markup: q.content.markup,
    skill: q.skill,
    options: "options" in q.content ? q.content.options.map(({ id, text }) => ({ id, text })) : [],
    answer: "answer" in q.content ? q.content.answer : [],
  }));
  const resultAttempts: ResultAttempt[] = attemptRows.map(({ responses: gathered, ...attempt }) => ({
    ...attempt,
    responses: (JSON.parse(gathered) as [string, ResponseValue, number, number | null][]).map(([questionKey, chosen, isCorrect, score]) => ({
      questionKey,
      chosen,
      isCorrect: isCorrect === 1,
      score,
    })),
  }));
  return { className: found.className, title: found.title, version: found.version, dueAt: found.dueAt, questions: resultQuestions, attempts: resultAttempts };
}

/** Takes a set off the teacher's class. Attempts stay; an unknown class or assignment is not found. */
export async function unassignSet(db: Database, teacherId: string, classId: string, slug: string): Promise<void> {
  const [assigned] = await db
    .select({ setId: classSets.setId })
    .from(classSets)
    .innerJoin(classes, and(eq(classes.id, classSets.classId), eq(classes.teacherId, teacherId)))
    .innerJoin(questionSets, eq(questionSets.id, classSets.setId))
    .where(and(eq(classSets.classId, classId), eq(questionSets.slug, slug), or(eq(questionSets.ownerId, teacherId), isNull(questionSets.ownerId))))
    .limit(1);
  if (!assigned) throw new NotFoundError("assignment");
  await db.delete(classSets).where(and(eq(classSets.classId, classId), eq(classSets.setId, assigned.setId)));
}
