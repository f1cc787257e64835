import { and, eq, sql } from "drizzle-orm";
import type { Difficulty } from "../../content/skills.ts";
import type { Database } from "../client.ts";
import { classes, classMembers, classSets, questionSets, questions, setVersions } from "../schema.ts";

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

/** How many of a set version's questions are easy, medium and hard, for the home page. */
const difficulties = sql<string>`(SELECT json_group_array(${questions.difficulty}) FROM ${questions} WHERE ${questions.setVersionId} = ${setVersions.id})`;

/**
 * The sets a student can pick: the built-in library, plus teachers' sets assigned to a class
 * the student joined. Assigned sets come first, checks last.
 */
export async function listPublishedSets(db: Database, studentId: string) {
  return rankPublishedSets(await listPublishedSetsQuery(db, studentId));
}

/**
 * The query behind `listPublishedSets`, for pages that batch it with their other reads: the
 * built-in library and every published teacher's set, with the class that assigned it to this
 * student. Rank its rows with `rankPublishedSets`.
 */
export function listPublishedSetsQuery(db: Database, studentId: string) {
  const assignedIn = sql<string | null>`(SELECT ${classes.name} FROM ${classMembers}
    JOIN ${classSets} ON ${classSets.classId} = ${classMembers.classId}
    JOIN ${classes} ON ${classes.id} = ${classMembers.classId}
    WHERE ${classMembers.studentId} = ${studentId} AND ${classSets.setId} = ${questionSets.id}
    ORDER BY ${classMembers.joinedAt} DESC LIMIT 1)`;
  return db
    .select({ ...setSummaryColumns, assignedIn, difficulties })
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(eq(questionSets.published, true))
    .orderBy(setVersions.title);
}

type PublishedSetRow = Awaited<ReturnType<typeof listPublishedSetsQuery>>[number];

/** Teachers' sets only where assigned to the student; assigned sets first, checks last. */
export function rankPublishedSets(rows: PublishedSetRow[]) {
  const rank = (row: PublishedSetRow) => (row.assignedIn !== null ? 0 : row.settings.mode === "check" ? 2 : 1);
  return rows
    .filter((row) => row.ownerId === null || row.assignedIn !== null)
    .sort((a, b) => rank(a) - rank(b))
    .map(({ difficulties: levels, ...row }) => ({ ...row, difficulty: countDifficulties(levels) }));
}

function countDifficulties(json: string): Record<Difficulty, number> {
  const counts: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 };
  for (const level of JSON.parse(json) as Difficulty[]) if (level in counts) counts[level]++;
  return counts;
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

/** The set page's read: a published set's current version with its difficulty mix; shape it with `shapeSetPage`. */
export function setPageQuery(db: Database, slug: string) {
  return db
    .select({ ...setSummaryColumns, difficulties })
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(and(eq(questionSets.publicSlug, slug), eq(questionSets.published, true)))
    .limit(1);
}

export function shapeSetPage([row]: Awaited<ReturnType<typeof setPageQuery>>) {
  if (!row) return undefined;
  const { difficulties: levels, ...set } = row;
  return { ...set, difficulty: countDifficulties(levels) };
}

export type SetPageData = NonNullable<ReturnType<typeof shapeSetPage>>;
