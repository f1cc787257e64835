import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { classes, classMembers, classSets, questionSets, setVersions } from "../schema.ts";

/** `slug` is the students' address for the set: its public slug (see question_sets). */
const setSummaryColumns = {
  slug: questionSets.publicSlug,
  ownerId: questionSets.ownerId,
  versionId: setVersions.id,
  version: setVersions.version,
  title: setVersions.title,
  summary: setVersions.summary,
  skills: setVersions.skills,
  documentIds: setVersions.documentIds,
  settings: setVersions.settings,
  questionCount: setVersions.questionCount,
  sourcesRequired: setVersions.sourcesRequired,
};

export type SetSummary = ReturnType<typeof rankPublishedSets>[number];

/**
 * The sets a student can pick: the built-in library, plus teachers' sets assigned to a class
 * the student joined. Assigned sets come first, checks last.
 */
export async function listPublishedSets(db: Database, studentId: string) {
  return rankPublishedSets(await listPublishedSetsQuery(db, studentId));
}

/** The query behind `listPublishedSets`, for pages that batch it with their other reads; rank its rows with `rankPublishedSets`. */
export function listPublishedSetsQuery(db: Database, studentId: string) {
  const assignedIn = sql<string | null>`(SELECT ${classes.name} FROM ${classMembers}
    JOIN ${classSets} ON ${classSets.classId} = ${classMembers.classId}
    JOIN ${classes} ON ${classes.id} = ${classMembers.classId}
    WHERE ${classMembers.studentId} = ${studentId} AND ${classSets.setId} = ${questionSets.id}
    ORDER BY ${classMembers.joinedAt} DESC LIMIT 1)`;
  return db
    .select({ ...setSummaryColumns, assignedIn })
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(eq(questionSets.published, true))
    .orderBy(setVersions.title);
}

/** Teachers' sets only where assigned to the student; assigned sets first, checks last. */
export function rankPublishedSets(rows: Awaited<ReturnType<typeof listPublishedSetsQuery>>) {
  const rank = (row: (typeof rows)[number]) => (row.assignedIn !== null ? 0 : row.settings.mode === "check" ? 2 : 1);
  return rows.filter((row) => row.ownerId === null || row.assignedIn !== null).sort((a, b) => rank(a) - rank(b));
}

/** The query behind `findPublishedSet`, for callers that batch it with their own. */
export function publishedSetQuery(db: Database, slug: string) {
  return db
    .select(setSummaryColumns)
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(and(eq(questionSets.publicSlug, slug), eq(questionSets.published, true)))
    .limit(1);
}

/** A published set's current version, or undefined. */
export async function findPublishedSet(db: Database, slug: string) {
  const [row] = await publishedSetQuery(db, slug);
  return row;
}

export type PublishedSet = NonNullable<Awaited<ReturnType<typeof findPublishedSet>>>;
