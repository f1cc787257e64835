import { contentHash } from "../content/hash.ts";
import type { LoadedSet } from "../content/library.ts";
import type { QuestionSet, SetSettings, SourceDocument } from "../content/schema.ts";

/**
 * Loading the built-in library (questions/) into D1. Runtime-neutral: it reads the current
 * state, then plans plain SQL statements, so the same plan runs through `wrangler d1 execute`
 * (CLI, local or remote) and through a D1 binding (tests).
 *
 * Unchanged content plans nothing. A changed set becomes a new version; old versions and
 * the attempts pinned to them are never touched. A set whose file is gone is unpublished.
 */

export type SqlValue = string | number | null;
export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

/** What the database holds now, read with `CURRENT_STATE_QUERIES`. */
export interface LibraryState {
  documents: { id: string; content_hash: string }[];
  sets: { slug: string; published: number; version: number | null; content_hash: string | null }[];
  /** Ids and slugs teachers already use, which the built-in library must not take over. */
  teacherDocuments?: { id: string }[];
  teacherSets?: { slug: string }[];
}

export const CURRENT_STATE_QUERIES = {
  documents: "SELECT id, content_hash FROM documents WHERE owner_id IS NULL",
  sets: `SELECT s.slug, s.published, v.version, v.content_hash
         FROM question_sets s LEFT JOIN set_versions v ON v.id = s.current_version_id
         WHERE s.owner_id IS NULL`,
  // Teachers' ids and slugs, and their public ones: the library must take over neither.
  teacherDocuments: "SELECT id FROM documents WHERE owner_id IS NOT NULL UNION SELECT public_id FROM documents WHERE owner_id IS NOT NULL",
  teacherSets: "SELECT slug FROM question_sets WHERE owner_id IS NOT NULL UNION SELECT public_slug FROM question_sets WHERE owner_id IS NOT NULL",
} as const;

/** The library wants an id or slug a teacher already uses; loading it would corrupt theirs. */
export class LibraryConflictError extends Error {
  override name = "LibraryConflictError";
}

export interface SyncPlan {
  statements: SqlStatement[];
  summary: string[];
}

export async function setContentHash(set: QuestionSet): Promise<string> {
  return contentHash(set);
}

export function documentHash(document: SourceDocument): Promise<string> {
  return contentHash(document);
}

export async function planLibrarySync(library: { documents: SourceDocument[]; sets: LoadedSet[] }, state: LibraryState): Promise<SyncPlan> {
  const takenIds = new Set(state.teacherDocuments?.map((d) => d.id));
  const takenSlugs = new Set(state.teacherSets?.map((s) => s.slug));
  const conflicts = [
    ...library.documents.filter((d) => takenIds.has(d.id)).map((d) => `document id "${d.id}"`),
    ...library.sets.filter((s) => takenSlugs.has(s.slug)).map((s) => `set slug "${s.slug}"`),
  ];
  if (conflicts.length > 0) {
    throw new LibraryConflictError(
      `A teacher already uses ${conflicts.join(", ")}. Rename ${conflicts.length === 1 ? "it" : "them"} in questions/ before loading.`,
    );
  }
  const statements: SqlStatement[] = [];
  const summary: string[] = [];
  const documentHashes = new Map(state.documents.map((d) => [d.id, d.content_hash]));

  for (const document of library.documents) {
    const hash = await documentHash(document);
    if (documentHashes.get(document.id) === hash) continue;
    summary.push(`${documentHashes.has(document.id) ? "updated" : "added"} document ${document.id}`);
    statements.push({
      // A built-in document's public id is its id.
      sql: `INSERT INTO documents (public_id, id, label, title, outlet, byline, date, kind, url, provenance, body, content_hash, owner_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT (public_id) DO UPDATE SET label = excluded.label, title = excluded.title, outlet = excluded.outlet, byline = excluded.byline,
              date = excluded.date, kind = excluded.kind, url = excluded.url, provenance = excluded.provenance,
              body = excluded.body, content_hash = excluded.content_hash`,
      params: [
        document.id,
        document.id,
        document.label,
        document.title,
        document.outlet,
        document.byline,
        document.date,
        document.kind,
        document.url ?? null,
        JSON.stringify(document.provenance),
        document.body,
        hash,
      ],
    });
  }

  const current = new Map(state.sets.map((s) => [s.slug, s]));
  for (const { slug, set } of library.sets) {
    const hash = await setContentHash(set);
    const existing = current.get(slug);
    if (existing?.content_hash === hash) {
      if (!existing.published) {
        summary.push(`republished set ${slug}`);
        statements.push({ sql: "UPDATE question_sets SET published = 1 WHERE slug = ? AND owner_id IS NULL", params: [slug] });
      }
      continue;
    }
    const version = (existing?.version ?? 0) + 1;
    summary.push(existing ? `set ${slug}: new version ${version}` : `added set ${slug}`);
    statements.push(...newSetVersionStatements(slug, set, hash, version));
  }

  const slugs = new Set(library.sets.map((s) => s.slug));
  for (const existing of state.sets) {
    if (!slugs.has(existing.slug) && existing.published) {
      summary.push(`unpublished set ${existing.slug} (its file is gone)`);
      statements.push({ sql: "UPDATE question_sets SET published = 0 WHERE slug = ? AND owner_id IS NULL", params: [existing.slug] });
    }
  }
  return { statements, summary };
}

/**
 * Statements that add a built-in set's version (creating the set if needed) and make it the
 * version new attempts get. Ids are found by slug and version number, so the plan needs no ids
 * read back in between. A built-in set's public slug is its slug.
 */
export function newSetVersionStatements(slug: string, set: QuestionSet, hash: string, version: number): SqlStatement[] {
  const target: SetTarget = { where: (s) => `${s}.slug = ? AND ${s}.owner_id IS NULL`, params: [slug] };
  return [
    {
      sql: "INSERT INTO question_sets (slug, public_slug, owner_id, published) VALUES (?, ?, NULL, 1) ON CONFLICT (public_slug) DO NOTHING",
      params: [slug, slug],
    },
    ...setVersionStatements(target, set, hash, version),
    {
      sql: `UPDATE question_sets SET published = 1, current_version_id = ${versionIdOf} WHERE ${target.where("question_sets")}`,
      params: [version, ...target.params],
    },
  ];
}

/** Which question_sets row a plan writes to: SQL on the table alias given, and its parameters. */
export interface SetTarget {
  where: (alias: string) => string;
  params: SqlValue[];
}

/** The id of version `?` of the question_sets row being updated. */
export const versionIdOf = "(SELECT v.id FROM set_versions v WHERE v.set_id = question_sets.id AND v.version = ?)";

/**
 * Statements that add one immutable version (and its questions) to the set `target` finds.
 * A target that finds no row (say, a draft revision that moved on) makes them write nothing.
 */
export function setVersionStatements(target: SetTarget, set: QuestionSet, hash: string, version: number): SqlStatement[] {
  const statements: SqlStatement[] = [
    {
      sql: `INSERT INTO set_versions (set_id, version, content_hash, title, summary, skills, document_ids, settings, sources_required, question_count)
            SELECT s.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM question_sets s WHERE ${target.where("s")}`,
      params: [
        version,
        hash,
        set.title,
        set.summary,
        JSON.stringify(set.skills),
        JSON.stringify(set.documents),
        JSON.stringify(setSettings(set)),
        set.sources === "required" ? 1 : 0,
        set.questions.length,
        ...target.params,
      ],
    },
  ];
  set.questions.forEach((question, index) => {
    statements.push({
      sql: `INSERT INTO questions (set_version_id, position, key, type, skill, difficulty, content)
            SELECT v.id, ?, ?, ?, ?, ?, ?
            FROM set_versions v JOIN question_sets s ON s.id = v.set_id WHERE ${target.where("s")} AND v.version = ?`,
      params: [index + 1, question.id, question.type, question.skill, question.difficulty, JSON.stringify(question), ...target.params, version],
    });
  });
  return statements;
}

/** The settings a version stores and each attempt snapshots (see SetSettings). */
export function setSettings(set: QuestionSet): SetSettings {
  const { mode, shuffleQuestions, confidence, certaintyMarking, attempts, form } = set;
  return { mode, shuffleQuestions, confidence, certaintyMarking, ...(attempts ? { attempts } : {}), ...(form ? { form } : {}) };
}

/** Inlines parameters as SQLite literals, for `wrangler d1 execute --file`, which takes no bindings. */
export function toSqlScript(statements: readonly SqlStatement[]): string {
  return statements
    .map(({ sql, params }) => {
      let index = 0;
      // Collapse the SQL's own layout first: values (a document's paragraphs) keep their newlines.
      const inlined = sql
        .replace(/\s+/g, " ")
        .trim()
        .replace(/\?/g, () => sqlLiteral(params[index++] ?? null));
      if (index !== params.length) throw new Error(`statement has ${index} placeholders but ${params.length} parameters`);
      return `${inlined};`;
    })
    .join("\n");
}

function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("cannot write a non-finite number to SQL");
    return String(value);
  }
  if (value.includes("\u0000")) throw new Error("text with a NUL character cannot be loaded");
  return `'${value.replace(/'/g, "''")}'`;
}
