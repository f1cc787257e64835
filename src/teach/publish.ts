import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { setContentHash } from "../db/library-sync.ts";
import { discardDraft, loadEditable, ownSet, publishStatements, republishCurrent, runGuarded, StaleDraftError } from "../db/queries/drafts.ts";
import { latestVersionNumber } from "../db/queries/teacher-sets.ts";
import { setVersions } from "../db/schema.ts";
import { BadRequestError } from "../lib/errors.ts";
import { checkSetForPublishing } from "./editor/checks.ts";

export interface Published {
  /** The version students now get; null when the draft matched it and no version was added. */
  newVersion: number | null;
}

/**
 * Publishes the teacher's set. With a draft, the draft must pass every check an upload passes;
 * it then becomes one new immutable version (however many saves made it), or none if it
 * matches the current version. `revision`, when a form sends it, must still be the draft's.
 */
export async function publishTeacherSet(db: Database, teacherId: string, slug: string, revision?: number): Promise<Published> {
  const set = await ownSet(db, teacherId, slug);
  if (set.archived) throw new BadRequestError("This set is archived. Unarchive it before publishing it.");
  const editable = await loadEditable(db, set);
  if (revision !== undefined && revision !== editable.revision) throw new StaleDraftError();
  if (!editable.isDraft) {
    await republishCurrent(db, set.id, teacherId);
    return { newVersion: null };
  }
  const checked = await checkSetForPublishing(db, teacherId, editable.content);
  const hash = await setContentHash(checked);
  if (set.current && (await currentHash(db, set.current.id)) === hash) {
    await discardDraft(db, { setId: set.id, teacherId, revision: editable.revision });
    await republishCurrent(db, set.id, teacherId);
    return { newVersion: null };
  }
  const version = (await latestVersionNumber(db, set.id)) + 1;
  if (!(await runGuarded(db, publishStatements(set.id, editable.revision, checked, hash, version)))) throw new StaleDraftError();
  return { newVersion: version };
}

async function currentHash(db: Database, versionId: number): Promise<string | undefined> {
  const [row] = await db.select({ hash: setVersions.contentHash }).from(setVersions).where(eq(setVersions.id, versionId)).limit(1);
  return row?.hash;
}
