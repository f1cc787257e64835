import { and, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { questionSets, setVersions } from "../schema.ts";

const setSummaryColumns = {
  slug: questionSets.slug,
  versionId: setVersions.id,
  version: setVersions.version,
  title: setVersions.title,
  summary: setVersions.summary,
  skills: setVersions.skills,
  documentIds: setVersions.documentIds,
  diagnostic: setVersions.diagnostic,
  questionCount: setVersions.questionCount,
};

export type SetSummary = Awaited<ReturnType<typeof listPublishedSets>>[number];

/** Every published set at its current version, diagnostic sets last. */
export async function listPublishedSets(db: Database) {
  const rows = await db
    .select(setSummaryColumns)
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(eq(questionSets.published, true))
    .orderBy(setVersions.diagnostic, setVersions.title);
  return rows;
}

/** A published set's current version, or undefined. */
export async function findPublishedSet(db: Database, slug: string) {
  const [row] = await db
    .select(setSummaryColumns)
    .from(questionSets)
    .innerJoin(setVersions, eq(setVersions.id, questionSets.currentVersionId))
    .where(and(eq(questionSets.slug, slug), eq(questionSets.published, true)))
    .limit(1);
  return row;
}
