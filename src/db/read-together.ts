import { Column, is, SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";

type Reads = Record<string, BatchItem<"sqlite">>;

/**
 * Runs a page's reads in one D1 round trip (one `db.batch`) and returns each result under the
 * name it was given. Student pages make one round trip each (test/routes/round-trips.test.ts and
 * `npm run budgets` fail otherwise): when a page needs more data, add a named read to its batch
 * in src/db/queries/student-pages.ts rather than awaiting a second query.
 */
export async function readTogether<R extends Reads>(db: Database, reads: R): Promise<{ [Name in keyof R]: R[Name]["_"]["result"] }> {
  const names = Object.keys(reads);
  for (const name of names) assertDistinctColumns(name, reads[name]);
  const results = await db.batch(names.map((name) => reads[name]) as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return Object.fromEntries(names.map((name, index) => [name, results[index]])) as { [Name in keyof R]: R[Name]["_"]["result"] };
}

/**
 * In a batch, D1 returns rows as objects keyed by column name, so two selected columns with one
 * name (attempts.id and questions.id) silently lose one of them. Alias one of them:
 * sql<string>`${attempts.id}`.as("attempt_id").
 */
function assertDistinctColumns(read: string, query: unknown): void {
  // A select builder's selection (drizzle keeps it in `config.fields`); other reads are left alone.
  const fields = (query as { config?: { fields?: Record<string, unknown> } }).config?.fields;
  if (!fields) return;
  const seen = new Set<string>();
  const visit = (value: unknown) => {
    const name = is(value, Column) ? value.name : is(value, SQL.Aliased) ? value.fieldAlias : undefined;
    if (name !== undefined) {
      if (seen.has(name)) throw new Error(`readTogether: read "${read}" selects two columns named "${name}"; alias one of them.`);
      seen.add(name);
    } else if (value && typeof value === "object" && !is(value, SQL)) for (const nested of Object.values(value)) visit(nested);
  };
  visit(fields);
}
