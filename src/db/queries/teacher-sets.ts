import { and, asc, desc, eq, inArray, isNull, max, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ImportNote } from "../../content/import/index.ts";
import type { QuestionSet, SetSettings, SourceDocument } from "../../content/schema.ts";
import { ConflictError, NotFoundError } from "../../lib/errors.ts";
import type { Database } from "../client.ts";
import { newSetVersionStatements, type SqlStatement, setContentHash } from "../library-sync.ts";
import { documents, questionSets, questions, setVersions } from "../schema.ts";

const current = alias(setVersions, "current_version");
const draft = alias(setVersions, "draft_version");

const versionSummary = (v: typeof current | typeof draft) => ({
  id: v.id,
  version: v.version,
  title: v.title,
  summary: v.summary,
  questionCount: v.questionCount,
  sourcesRequired: v.sourcesRequired,
  settings: v.settings,
  createdAt: v.createdAt,
});

export interface VersionSummary {
  id: number;
  version: number;
  title: string;
  summary: string;
  questionCount: number;
  sourcesRequired: boolean;
  settings: SetSettings;
  createdAt: Date;
}

/** A left-joined version: either every column is there, or there is no version. */
function presentVersion(v: { [K in keyof VersionSummary]: VersionSummary[K] | null } | null): VersionSummary | null {
  return v && v.id !== null ? (v as VersionSummary) : null;
}

/** Sets with their current and draft versions side by side. */
function setsWithVersions(db: Database) {
  return db
    .select({
      id: questionSets.id,
      slug: questionSets.slug,
      ownerId: questionSets.ownerId,
      published: questionSets.published,
      current: versionSummary(current),
      draft: versionSummary(draft),
    })
    .from(questionSets)
    .leftJoin(current, eq(current.id, questionSets.currentVersionId))
    .leftJoin(draft, eq(draft.id, questionSets.draftVersionId));
}

function withVersions<Row extends { ownerId: string | null; current: Parameters<typeof presentVersion>[0]; draft: Parameters<typeof presentVersion>[0] }>(
  row: Row,
) {
  return { ...row, builtIn: row.ownerId === null, current: presentVersion(row.current), draft: presentVersion(row.draft) };
}

/** The teacher's own sets (any state) and the built-in library (read-only). */
export async function listSetsForTeacher(db: Database, teacherId: string) {
  const rows = await setsWithVersions(db)
    .where(or(eq(questionSets.ownerId, teacherId), and(isNull(questionSets.ownerId), eq(questionSets.published, true))))
    .orderBy(asc(questionSets.slug));
  return rows.map(withVersions);
}

export type TeacherSet = NonNullable<Awaited<ReturnType<typeof findSetForTeacher>>>;

/** A set the teacher may see: their own, or a built-in one. Another teacher's set is not found. */
export async function findSetForTeacher(db: Database, teacherId: string, slug: string) {
  const [row] = await setsWithVersions(db)
    .where(and(eq(questionSets.slug, slug), or(eq(questionSets.ownerId, teacherId), isNull(questionSets.ownerId))))
    .limit(1);
  return row ? withVersions(row) : undefined;
}

async function runStatements(db: Database, statements: SqlStatement[]): Promise<void> {
  const d1 = db.$client;
  await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
}

/**
 * Stores a set as a new draft version for its owner, with what its import left out or changed.
 * "create" refuses a slug that exists (409); "update" only works on the teacher's own set.
 */
export async function saveDraftVersion(
  db: Database,
  teacherId: string,
  slug: string,
  set: QuestionSet,
  intent: "create" | "update",
  importNotes: readonly ImportNote[] = [],
): Promise<number> {
  const [existing] = await db.select({ id: questionSets.id, ownerId: questionSets.ownerId }).from(questionSets).where(eq(questionSets.slug, slug)).limit(1);
  if (intent === "create" && existing) {
    throw new ConflictError(
      existing.ownerId === teacherId
        ? `You already have a set called "${slug}". Open it to upload a new version, or choose another slug.`
        : `The slug "${slug}" is already taken. Choose another one.`,
      [{ path: "slug", message: "already exists" }],
    );
  }
  if (intent === "update" && existing?.ownerId !== teacherId) throw new NotFoundError("quiz");
  const [latest] = existing
    ? await db
        .select({ version: max(setVersions.version) })
        .from(setVersions)
        .where(eq(setVersions.setId, existing.id))
    : [];
  const version = (latest?.version ?? 0) + 1;
  try {
    const statements = newSetVersionStatements(slug, set, await setContentHash(set), version, teacherId, "draft");
    if (importNotes.length > 0)
      statements.push({
        sql: "UPDATE set_versions SET import_notes = ? WHERE version = ? AND set_id = (SELECT id FROM question_sets WHERE slug = ? AND owner_id = ?)",
        params: [JSON.stringify(importNotes), version, slug, teacherId],
      });
    await runStatements(db, statements);
  } catch (error) {
    if (String(error).includes("UNIQUE")) throw new ConflictError("Someone saved this set at the same moment. Reload and try again.");
    throw error;
  }
  return version;
}

/** Makes the draft the version students get, and lists the set. */
export async function publishSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const rows = await db
    .update(questionSets)
    .set({ currentVersionId: sql`coalesce(${questionSets.draftVersionId}, ${questionSets.currentVersionId})`, draftVersionId: null, published: true })
    .where(
      and(
        eq(questionSets.slug, slug),
        eq(questionSets.ownerId, teacherId),
        sql`coalesce(${questionSets.draftVersionId}, ${questionSets.currentVersionId}) IS NOT NULL`,
      ),
    )
    .returning({ id: questionSets.id });
  if (rows.length === 0) throw new NotFoundError("quiz");
}

/** Hides the set from students; attempts and results stay. */
export async function unpublishSet(db: Database, teacherId: string, slug: string): Promise<void> {
  const rows = await db
    .update(questionSets)
    .set({ published: false })
    .where(and(eq(questionSets.slug, slug), eq(questionSets.ownerId, teacherId)))
    .returning({ id: questionSets.id });
  if (rows.length === 0) throw new NotFoundError("quiz");
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

/** Rebuilds a stored version as a question-set file, e.g. to add sources to an imported set. */
export async function versionAsQuestionSet(db: Database, versionId: number): Promise<QuestionSet | undefined> {
  const [version] = await db.select().from(setVersions).where(eq(setVersions.id, versionId)).limit(1);
  if (!version) return undefined;
  const rows = await versionQuestions(db, versionId);
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

/** The teacher's own documents and the built-in ones. */
export async function listDocumentsForTeacher(db: Database, teacherId: string) {
  return db
    .select({ id: documents.id, label: documents.label, title: documents.title, outlet: documents.outlet, date: documents.date, ownerId: documents.ownerId })
    .from(documents)
    .where(or(eq(documents.ownerId, teacherId), isNull(documents.ownerId)))
    .orderBy(asc(documents.id));
}

/** Texts of the documents a teacher's set may quote (own or built-in), keyed by id. */
export async function documentBodiesForTeacher(db: Database, teacherId: string, ids: readonly string[]): Promise<Map<string, { body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: documents.id, body: documents.body })
    .from(documents)
    .where(and(inArray(documents.id, [...ids]), or(eq(documents.ownerId, teacherId), isNull(documents.ownerId))));
  return new Map(rows.map((row) => [row.id, { body: row.body }]));
}

/** Adds a teacher's own source document; an id already in use is a 409. */
export async function insertTeacherDocument(db: Database, teacherId: string, document: SourceDocument, contentHash: string): Promise<void> {
  const rows = await db
    .insert(documents)
    .values({ ...document, url: document.url ?? null, contentHash, ownerId: teacherId })
    .onConflictDoNothing()
    .returning({ id: documents.id });
  if (rows.length === 0)
    throw new ConflictError(`A document with the id "${document.id}" already exists. Choose another id.`, [{ path: "id", message: "already exists" }]);
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

/** A document the teacher may read: their own or a built-in one. Another teacher's is not found. */
export async function findDocumentForTeacher(db: Database, teacherId: string, id: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), or(eq(documents.ownerId, teacherId), isNull(documents.ownerId))))
    .limit(1);
  return row;
}
