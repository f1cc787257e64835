import type { ImportNote } from "../content/import/index.ts";
import type { Database } from "../db/client.ts";
import { createTeacherSet, loadEditable, ownSet, writeDraft } from "../db/queries/drafts.ts";
import { findSetForTeacher, latestVersionNumber, versionAsQuestionSet } from "../db/queries/teacher-sets.ts";
import { describeChanges } from "./changes.ts";
import { type SetWarning, setWarnings } from "./set-warnings.ts";
import { type SetUpload, validateSetUpload } from "./upload.ts";

/**
 * Uploads (web form and API) write the set's one draft, like the editor does; publishing turns
 * the draft into a version. The result names the version the draft becomes when published.
 */
export interface SavedUpload {
  version: number;
  /** What the draft changes compared with the published version. */
  changes: string[];
  /** The item-writing lint's advice on the draft: never a refusal. */
  warnings: SetWarning[];
  /** GIFT, Moodle XML and Aiken: each question the import left out or changed, with its line. */
  importNotes: ImportNote[];
}

/** A new set from an upload: checked in full, then stored as the new set's draft. */
export async function createSetFromUpload(db: Database, teacherId: string, upload: SetUpload): Promise<SavedUpload> {
  const { set, notes } = await validateSetUpload(db, teacherId, upload);
  await createTeacherSet(db, teacherId, upload.slug, set, notes);
  return { version: 1, changes: describeChanges(undefined, set), warnings: await setWarnings(db, teacherId, set), importNotes: notes };
}

/**
 * A new version of the teacher's own set from an upload. A GIFT or Aiken upload keeps what it
 * cannot carry from the set as it stands (see keep.ts). `revision`, when the form sends it, must
 * still be the draft's, so an upload from a stale page never overwrites newer edits.
 */
export async function updateSetFromUpload(db: Database, teacherId: string, slug: string, upload: SetUpload, revision?: number): Promise<SavedUpload> {
  const owned = await ownSet(db, teacherId, slug);
  const editable = await loadEditable(db, owned);
  const { set, notes } = await validateSetUpload(db, teacherId, upload, editable.content);
  await writeDraft(db, { setId: owned.id, teacherId, revision: revision ?? editable.revision }, set, notes);
  return {
    version: (await latestVersionNumber(db, owned.id)) + 1,
    changes: await changesSincePublished(db, teacherId, slug),
    warnings: await setWarnings(db, teacherId, set),
    importNotes: notes,
  };
}

/** What the draft changes compared with the published version (empty without a draft). */
export async function changesSincePublished(db: Database, teacherId: string, slug: string): Promise<string[]> {
  const set = await findSetForTeacher(db, teacherId, slug);
  if (!set?.draft || set.builtIn) return [];
  const [editable, current] = await Promise.all([loadEditable(db, set), set.current ? versionAsQuestionSet(db, set.current.id) : undefined]);
  return describeChanges(current, editable.content);
}
