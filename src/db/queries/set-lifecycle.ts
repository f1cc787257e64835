import { and, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { ConflictError } from "../../lib/errors.ts";
import type { Database } from "../client.ts";
import { attempts, classSets, questionSets, questions, setVersions } from "../schema.ts";
import { ownSet } from "./drafts.ts";

/**
 * Archiving, unarchiving and deleting a teacher's own set. Archiving hides the set from
 * students and from class assignment, and keeps every version, attempt and result. Unarchiving
 * brings it back unpublished: the teacher publishes it again when they are ready.
 */
export async function archiveSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const set = await ownSet(db, teacherId, slug);
  await db
    .update(questionSets)
    .set({ archivedAt: new Date(), published: false })
    .where(and(eq(questionSets.id, set.id), eq(questionSets.ownerId, teacherId), isNull(questionSets.archivedAt)));
}

export async function unarchiveSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const set = await ownSet(db, teacherId, slug);
  await db
    .update(questionSets)
    .set({ archivedAt: null })
    .where(and(eq(questionSets.id, set.id), eq(questionSets.ownerId, teacherId), isNotNull(questionSets.archivedAt)));
}

/** Attempts students made on any version of the set: its results. */
export async function countSetAttempts(db: Database, setId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attempts)
    .innerJoin(setVersions, eq(setVersions.id, attempts.setVersionId))
    .where(eq(setVersions.setId, setId));
  return row?.n ?? 0;
}

/** Refused while the set has results: they would go with it. Archiving keeps them instead. */
export class SetHasResultsError extends ConflictError {
  readonly attempts: number;
  constructor(attemptCount: number) {
    super(
      `This set has results (${attemptCount} attempt${attemptCount === 1 ? "" : "s"} by students), so it cannot be deleted. Archive it instead: it is hidden from students and its results stay.`,
    );
    this.attempts = attemptCount;
  }
}

/**
 * Deletes a set with no results: its versions, questions, class assignments and the set itself,
 * in one batch. The attempt check is repeated inside the batch, so an attempt started a moment
 * earlier stops the delete (a foreign key refuses it) rather than losing a result.
 */
export async function deleteSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const set = await ownSet(db, teacherId, slug);
  const attemptCount = await countSetAttempts(db, set.id);
  if (attemptCount > 0) throw new SetHasResultsError(attemptCount);
  const versionIds = db.select({ id: setVersions.id }).from(setVersions).where(eq(setVersions.setId, set.id));
  try {
    await db.batch([
      db.delete(questions).where(inArray(questions.setVersionId, versionIds)),
      db.delete(setVersions).where(eq(setVersions.setId, set.id)),
      db.delete(classSets).where(eq(classSets.setId, set.id)),
      db.delete(questionSets).where(and(eq(questionSets.id, set.id), eq(questionSets.ownerId, teacherId))),
    ]);
  } catch (error) {
    if (String(error).includes("FOREIGN KEY")) throw new SetHasResultsError(await countSetAttempts(db, set.id));
    throw error;
  }
}
