import { and, eq, inArray, sql } from "drizzle-orm";
import { NotFoundError } from "../../lib/errors.ts";
import type { Database } from "../client.ts";
import { attempts, classes, classMembers, classSets, questionSets, responses } from "../schema.ts";

/** The teacher's own class, or not found: every change below starts from it. */
async function ownClass(db: Database, teacherId: string, classId: string) {
  const [found] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .limit(1);
  if (!found) throw new NotFoundError("class");
  return found;
}

export async function renameClass(db: Database, teacherId: string, classId: string, name: string): Promise<void> {
  const changed = await db
    .update(classes)
    .set({ name })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .returning({ id: classes.id });
  if (changed.length === 0) throw new NotFoundError("class");
}

/** Archiving hides the class from the active list and refuses joins; members, assignments and results stay. */
export async function setClassArchived(db: Database, teacherId: string, classId: string, archived: boolean): Promise<void> {
  const changed = await db
    .update(classes)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)))
    .returning({ id: classes.id });
  if (changed.length === 0) throw new NotFoundError("class");
}

/** The set (by the teacher's slug) as assigned to this class: not found if it is not assigned. */
function assignedSetId(db: Database, teacherId: string, classId: string, slug: string) {
  return db
    .select({ setId: classSets.setId })
    .from(classSets)
    .innerJoin(classes, and(eq(classes.id, classSets.classId), eq(classes.teacherId, teacherId)))
    .innerJoin(questionSets, eq(questionSets.id, classSets.setId))
    .where(and(eq(classSets.classId, classId), eq(questionSets.slug, slug)))
    .limit(1);
}

/** Unassigning stops new class attempts on the set; attempts already made keep their class. */
export async function unassignSet(db: Database, teacherId: string, classId: string, slug: string): Promise<void> {
  const [found] = await assignedSetId(db, teacherId, classId, slug);
  if (!found) throw new NotFoundError("assigned set");
  await db.delete(classSets).where(and(eq(classSets.classId, classId), eq(classSets.setId, found.setId)));
}

/** A deadline and an attempt limit for one assignment; null clears either. */
export async function setAssignmentRules(
  db: Database,
  teacherId: string,
  classId: string,
  slug: string,
  rules: { dueAt: Date | null; maxAttempts: number | null },
): Promise<void> {
  const [found] = await assignedSetId(db, teacherId, classId, slug);
  if (!found) throw new NotFoundError("assigned set");
  await db
    .update(classSets)
    .set(rules)
    .where(and(eq(classSets.classId, classId), eq(classSets.setId, found.setId)));
}

export type RemovedStudent = { displayName: string; deletedAttempts: number; keptAttempts: number };

/**
 * Takes a student out of the class. Their attempts in this class are either kept (still in the
 * class results, under the name they had) or deleted with their answers, in one batch.
 */
export async function removeStudent(
  db: Database,
  teacherId: string,
  input: { classId: string; studentId: string; keepAttempts: boolean },
): Promise<RemovedStudent> {
  await ownClass(db, teacherId, input.classId);
  const member = and(eq(classMembers.classId, input.classId), eq(classMembers.studentId, input.studentId));
  const [found] = await db.select({ displayName: classMembers.displayName }).from(classMembers).where(member).limit(1);
  if (!found) throw new NotFoundError("student");
  const theirs = and(eq(attempts.classId, input.classId), eq(attempts.studentId, input.studentId));
  const [counted] = await db.select({ n: sql<number>`count(*)` }).from(attempts).where(theirs);
  const n = counted?.n ?? 0;
  if (input.keepAttempts) {
    await db.delete(classMembers).where(member);
    return { displayName: found.displayName, deletedAttempts: 0, keptAttempts: n };
  }
  const attemptIds = db.select({ id: attempts.id }).from(attempts).where(theirs);
  await db.batch([
    db.delete(responses).where(inArray(responses.attemptId, attemptIds)),
    db.delete(attempts).where(theirs),
    db.delete(classMembers).where(member),
  ]);
  return { displayName: found.displayName, deletedAttempts: n, keptAttempts: 0 };
}
