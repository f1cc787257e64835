import { and, eq, isNull, sql } from "drizzle-orm";
import type { ImportNote } from "../../content/import/index.ts";
import type { QuestionSet } from "../../content/schema.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors.ts";
import { publicName } from "../../teach/public-names.ts";
import type { Database } from "../client.ts";
import { type SetTarget, type SqlStatement, setVersionStatements, versionIdOf } from "../library-sync.ts";
import { questionSets } from "../schema.ts";
import { findSetForTeacher, type TeacherSet, versionAsQuestionSet } from "./teacher-sets.ts";

/** The answer when a form was made from a draft that has changed since: nothing is written. */
export class StaleDraftError extends ConflictError {
  constructor() {
    super(
      "This set changed since you opened this page (perhaps in another tab or window), so nothing was saved. Your changes are still in the form: reload the page to see the latest version, then make them again.",
      [{ path: "revision", message: "the draft changed since this page was loaded" }],
    );
  }
}

/**
 * One of the teacher's own sets, to change. Another teacher's set is not found (404, whatever
 * exists); a built-in set is refused (403): it must be duplicated first.
 */
export async function ownSet(db: Database, teacherId: string, slug: string): Promise<TeacherSet> {
  const set = await findSetForTeacher(db, teacherId, slug);
  if (!set) throw new NotFoundError("quiz");
  if (set.builtIn) throw new ForbiddenError("Built-in sets cannot be changed. Duplicate the set to get a copy you can edit.");
  return set;
}

export interface Editable {
  set: TeacherSet;
  /** The draft, or the current version when there are no unpublished edits. */
  content: QuestionSet;
  revision: number;
  /** True when the content is the draft (unpublished edits exist). */
  isDraft: boolean;
}

/** What the editor works on: the draft if there is one, else a copy of the current version. */
export async function loadEditable(db: Database, set: TeacherSet): Promise<Editable> {
  const [row] = await db
    .select({ draft: questionSets.draft, revision: questionSets.draftRevision, currentVersionId: questionSets.currentVersionId })
    .from(questionSets)
    .where(eq(questionSets.id, set.id))
    .limit(1);
  if (!row) throw new NotFoundError("quiz");
  if (row.draft) return { set, content: row.draft, revision: row.revision, isDraft: true };
  const current = row.currentVersionId ? await versionAsQuestionSet(db, row.currentVersionId) : undefined;
  if (!current) throw new NotFoundError("quiz");
  return { set, content: current, revision: row.revision, isDraft: false };
}

/**
 * Replaces the draft, if it is still at `revision` (the one the form showed); otherwise nothing
 * is written and the save is told the draft changed. Returns the new revision. An upload passes
 * its import notes, which replace the draft's; an edit in the editor keeps them.
 */
export async function writeDraft(
  db: Database,
  target: { setId: number; teacherId: string; revision: number | undefined },
  draft: QuestionSet,
  importNotes?: readonly ImportNote[],
): Promise<number> {
  const notes = importNotes === undefined ? {} : { draftImportNotes: importNotes.length > 0 ? [...importNotes] : null };
  const rows = await db
    .update(questionSets)
    .set({ draft, ...notes, draftRevision: sql`${questionSets.draftRevision} + 1`, draftUpdatedAt: new Date() })
    .where(
      and(
        eq(questionSets.id, target.setId),
        eq(questionSets.ownerId, target.teacherId),
        target.revision === undefined ? undefined : eq(questionSets.draftRevision, target.revision),
      ),
    )
    .returning({ revision: questionSets.draftRevision });
  const row = rows[0];
  if (!row) throw new StaleDraftError();
  return row.revision;
}

/** Drops the unpublished edits (only when there is a published version to fall back on). */
export async function discardDraft(db: Database, target: { setId: number; teacherId: string; revision: number }): Promise<void> {
  const rows = await db
    .update(questionSets)
    .set({ draft: null, draftImportNotes: null, draftUpdatedAt: null, draftRevision: sql`${questionSets.draftRevision} + 1` })
    .where(
      and(
        eq(questionSets.id, target.setId),
        eq(questionSets.ownerId, target.teacherId),
        eq(questionSets.draftRevision, target.revision),
        sql`${questionSets.currentVersionId} IS NOT NULL`,
      ),
    )
    .returning({ id: questionSets.id });
  if (rows.length === 0) throw new StaleDraftError();
}

/**
 * A new set of the teacher's own whose content is a draft. Its slug must be new in the
 * teacher's namespace (their sets and the built-in ones): other teachers' slugs neither block
 * it nor show through the answer. Its public slug gets a random suffix for the same reason.
 */
export async function createTeacherSet(
  db: Database,
  teacherId: string,
  slug: string,
  draft: QuestionSet,
  importNotes: readonly ImportNote[] = [],
): Promise<{ publicSlug: string }> {
  const existing = await findSetForTeacher(db, teacherId, slug);
  if (existing) throw slugTaken(slug, existing.builtIn);
  for (let tries = 0; tries < 5; tries++) {
    const publicSlug = publicName(slug);
    const rows = await db
      .insert(questionSets)
      .values({
        slug,
        publicSlug,
        ownerId: teacherId,
        published: false,
        draft,
        draftImportNotes: importNotes.length > 0 ? [...importNotes] : null,
        draftRevision: 1,
        draftUpdatedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning({ publicSlug: questionSets.publicSlug });
    if (rows[0]) return rows[0];
    // The owner's slug index refused it: the same teacher created it at the same moment.
    if (await findSetForTeacher(db, teacherId, slug)) throw slugTaken(slug, false);
  }
  throw new ConflictError("Could not make a unique address for the set. Try again.");
}

function slugTaken(slug: string, builtIn: boolean): ConflictError {
  return new ConflictError(
    builtIn
      ? `"${slug}" is the slug of a built-in set. Choose another one.`
      : `You already have a set called "${slug}". Open it to upload a new version, or choose another slug.`,
    [{ path: "slug", message: "already exists" }],
  );
}

/**
 * Statements that publish `set` as version `version` of the teacher's set, and clear the draft,
 * only while the draft is still at `revision`; if it moved on, every statement writes nothing.
 */
export function publishStatements(setId: number, revision: number, set: QuestionSet, hash: string, version: number): SqlStatement[] {
  const target: SetTarget = { where: (s) => `${s}.id = ? AND ${s}.draft_revision = ?`, params: [setId, revision] };
  return [
    ...setVersionStatements(target, set, hash, version),
    // What the upload behind the draft left out or changed stays with the version it became.
    {
      sql: `UPDATE set_versions SET import_notes = (SELECT qs.draft_import_notes FROM question_sets qs WHERE ${target.where("qs")})
              WHERE version = ? AND set_id = (SELECT qs.id FROM question_sets qs WHERE ${target.where("qs")})`,
      params: [...target.params, version, ...target.params],
    },
    {
      sql: `UPDATE question_sets SET published = 1, current_version_id = ${versionIdOf}, draft = NULL, draft_import_notes = NULL, draft_updated_at = NULL,
              draft_revision = draft_revision + 1 WHERE ${target.where("question_sets")}`,
      params: [version, ...target.params],
    },
  ];
}

/** Runs statements in one batch (one transaction); true if the last one changed a row. */
export async function runGuarded(db: Database, statements: SqlStatement[]): Promise<boolean> {
  const d1 = db.$client;
  const results = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
  return (results.at(-1)?.meta.changes ?? 0) > 0;
}

/** Shows the set's current version to students again, with the draft (if any) left as it is. */
export async function republishCurrent(db: Database, setId: number, teacherId: string): Promise<void> {
  const rows = await db
    .update(questionSets)
    .set({ published: true })
    .where(
      and(eq(questionSets.id, setId), eq(questionSets.ownerId, teacherId), isNull(questionSets.archivedAt), sql`${questionSets.currentVersionId} IS NOT NULL`),
    )
    .returning({ id: questionSets.id });
  if (rows.length === 0) throw new NotFoundError("quiz");
}

/** Hides the set from students; attempts and results stay. */
export async function unpublishSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const set = await ownSet(db, teacherId, slug);
  await db
    .update(questionSets)
    .set({ published: false })
    .where(and(eq(questionSets.id, set.id), eq(questionSets.ownerId, teacherId)));
}
