import { CURRENT_STATE_QUERIES, type LibraryState, type SyncPlan } from "../../src/db/library-sync.ts";

/** Runs a library sync plan through a D1 binding in one batch, as the CLI does through wrangler. */
export async function applyPlan(d1: D1Database, plan: SyncPlan): Promise<void> {
  if (plan.statements.length === 0) return;
  await d1.batch(plan.statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
}

export async function readLibraryState(d1: D1Database): Promise<LibraryState> {
  const queries = [CURRENT_STATE_QUERIES.documents, CURRENT_STATE_QUERIES.sets, CURRENT_STATE_QUERIES.teacherDocuments, CURRENT_STATE_QUERIES.teacherSets];
  const [documents, sets, teacherDocuments, teacherSets] = await d1.batch(queries.map((query) => d1.prepare(query)));
  return {
    documents: (documents?.results ?? []) as LibraryState["documents"],
    sets: (sets?.results ?? []) as LibraryState["sets"],
    teacherDocuments: (teacherDocuments?.results ?? []) as { id: string }[],
    teacherSets: (teacherSets?.results ?? []) as { slug: string }[],
  };
}

export async function count(d1: D1Database, sql: string, ...params: unknown[]): Promise<number> {
  const row = await d1
    .prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
