import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client.ts";
import { documents } from "../schema.ts";

export async function findDocument(db: Database, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  return row;
}

export type DocumentLabel = { id: string; title: string; outlet: string };

/** Titles and outlets for citing documents, keyed by id. */
export async function documentLabels(db: Database, ids: Iterable<string>): Promise<Map<string, DocumentLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: documents.id, title: documents.title, outlet: documents.outlet }).from(documents).where(inArray(documents.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}
