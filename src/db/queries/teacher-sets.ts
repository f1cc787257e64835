import { and, asc, desc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { ImportNote } from "../../content/import/index.ts";
import type { QuestionSet } from "../../content/schema.ts";
import type { Database } from "../client.ts";
import { documents, questionSets, questions, setVersions } from "../schema.ts";

export interface VersionSummary {
  id: number;
  version: number;
  title: string;
  summary: string;
  questionCount: number;
  sourcesRequired: boolean;
  createdAt: Date;
}

/** The unpublished draft at a glance; `version` is the number it gets when published. */
export interface DraftSummary {
  version: number;
  title: string;
  summary: string;
  questionCount: number;
  sourcesRequired: boolean;
  updatedAt: Date;
}

/** A left-joined version: either every column is there, or there is no version. */
function presentVersion(v: { [K in keyof VersionSummary]: VersionSummary[K] | null } | null): VersionSummary | null {
  return v && v.id !== null ? (v as VersionSummary) : null;
}

/** Sets with their current version and a summary of the draft (read inside the JSON, not loaded whole). */
function setsWithVersions(db: Database) {
  return db
    .select({
      id: questionSets.id,
      slug: questionSets.slug,
      publicSlug: questionSets.publicSlug,
      ownerId: questionSets.ownerId,
      published: questionSets.published,
      archivedAt: questionSets.archivedAt,
      draftRevision: questionSets.draftRevision,
      current: {
        id: setVersions.id,
        version: setVersions.version,
        title: setVersions.title,
        summary: setVersions.summary,
        questionCount: setVersions.questionCount,
        sourcesRequired: setVersions.sourcesRequired,
        createdAt: setVersions.createdAt,
      },
      draftTitle: sql<string | null>`json_extract(${questionSets.draft}, '$.title')`,
      draftSummary: sql<string | null>`json_extract(${questionSets.draft}, '$.summary')`,
      draftQuestions: sql<number | null>`json_array_length(${questionSets.draft}, '$.questions')`,
      draftSources: sql<string | null>`json_extract(${questionSets.draft}, '$.sources')`,
      draftUpdatedAt: questionSets.draftUpdatedAt,
      latestVersion: sql<number | null>`(SELECT max(${setVersions.version}) FROM ${setVersions} WHERE ${setVersions.setId} = ${questionSets.id})`,
    })
    .from(questionSets)
    .leftJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId));
}

type SetRow = Awaited<ReturnType<ReturnType<typeof setsWithVersions>["where"]>>[number];

function withVersions(row: SetRow) {
  const { draftTitle, draftSummary, draftQuestions, draftSources, draftUpdatedAt, latestVersion, current, ...rest } = row;
  const draft: DraftSummary | null =
    draftTitle !== null && draftUpdatedAt !== null
      ? {
          version: (latestVersion ?? 0) + 1,
          title: draftTitle,
          summary: draftSummary ?? "",
          questionCount: draftQuestions ?? 0,
          sourcesRequired: draftSources !== "none",
          updatedAt: draftUpdatedAt,
        }
      : null;
  return { ...rest, builtIn: row.ownerId === null, archived: row.archivedAt !== null, current: presentVersion(current), draft };
}

export type TeacherSet = ReturnType<typeof withVersions>;

/** The teacher's own sets (any state, archived ones too) and the built-in library (read-only). */
export async function listSetsForTeacher(db: Database, teacherId: string): Promise<TeacherSet[]> {
  const rows = await setsWithVersions(db)
    .where(or(eq(questionSets.ownerId, teacherId), and(isNull(questionSets.ownerId), eq(questionSets.published, true))))
    .orderBy(asc(questionSets.slug));
  return rows.map(withVersions);
}

/**
 * A set the teacher may see, by its slug in the teacher's namespace: their own, or a built-in
 * one. Another teacher's set is not found, whatever its slug.
 */
export async function findSetForTeacher(db: Database, teacherId: string, slug: string): Promise<TeacherSet | undefined> {
  const [row] = await setsWithVersions(db)
    .where(and(eq(questionSets.slug, slug), or(eq(questionSets.ownerId, teacherId), isNull(questionSets.ownerId))))
    .limit(1);
  return row ? withVersions(row) : undefined;
}

/**
 * What the upload behind the set's draft (or, without a draft, behind its current version) left
 * out or changed; empty for sets written in the project's own format or in the editor.
 */
export async function setImportNotes(db: Database, set: TeacherSet, isDraft: boolean): Promise<ImportNote[]> {
  if (!isDraft) return set.current ? versionImportNotes(db, set.current.id) : [];
  const [row] = await db.select({ notes: questionSets.draftImportNotes }).from(questionSets).where(eq(questionSets.id, set.id)).limit(1);
  return row?.notes ?? [];
}

/** What the import of a version left out or changed; empty for sets written in the project's own format. */
export async function versionImportNotes(db: Database, versionId: number): Promise<ImportNote[]> {
  const [row] = await db.select({ notes: setVersions.importNotes }).from(setVersions).where(eq(setVersions.id, versionId)).limit(1);
  return row?.notes ?? [];
}

/** The documents a set cites, as an export describes them; only those the teacher may read. */
export async function documentsForExport(db: Database, teacherId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: documents.id, label: documents.label, title: documents.title, url: documents.url })
    .from(documents)
    .where(and(inArray(documents.id, [...ids]), or(eq(documents.ownerId, teacherId), isNull(documents.ownerId))));
}

export async function versionQuestions(db: Database, versionId: number) {
  return db.select().from(questions).where(eq(questions.setVersionId, versionId)).orderBy(asc(questions.position));
}

/** Rebuilds a stored version as a question-set file (to edit, duplicate or export it). */
export async function versionAsQuestionSet(db: Database, versionId: number): Promise<QuestionSet | undefined> {
  const [[version], rows] = await db.batch([
    db.select().from(setVersions).where(eq(setVersions.id, versionId)).limit(1),
    db.select().from(questions).where(eq(questions.setVersionId, versionId)).orderBy(asc(questions.position)),
  ]);
  if (!version) return undefined;
  return {
    title: version.title,
    summary: version.summary,
    skills: version.skills as QuestionSet["skills"],
    sources: version.sourcesRequired ? "required" : "none",
    ...version.settings,
    documents: version.documentIds,
    questions: rows.map((q) => q.content),
  };
}

/** Every version of a set, newest first. */
export async function listSetVersions(db: Database, setId: number) {
  return db
    .select({
      id: setVersions.id,
      version: setVersions.version,
      title: setVersions.title,
      questionCount: setVersions.questionCount,
      createdAt: setVersions.createdAt,
    })
    .from(setVersions)
    .where(eq(setVersions.setId, setId))
    .orderBy(desc(setVersions.version));
}
export type SetVersionListing = Awaited<ReturnType<typeof listSetVersions>>;

/** The highest version number a set has, 0 before its first publish. */
export async function latestVersionNumber(db: Database, setId: number): Promise<number> {
  const [row] = await db
    .select({ version: max(setVersions.version) })
    .from(setVersions)
    .where(eq(setVersions.setId, setId));
  return row?.version ?? 0;
}
