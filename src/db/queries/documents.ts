import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { documents, questionSets, setVersions } from "../schema.ts";

/**
 * A document the reader may show, by its public id: built-in ones always; a teacher's own only
 * to that teacher, or once a published set of theirs cites it (its students need it to follow
 * the sources).
 */
export async function findReadableDocument(db: Database, publicId: string, teacherId: string | undefined) {
  const citedByPublishedSet = sql`EXISTS (SELECT 1 FROM ${questionSets}
    JOIN ${setVersions} ON ${setVersions.id} = ${questionSets.currentVersionId}, json_each(${setVersions.documentIds}) AS cited
    WHERE ${questionSets.published} = 1 AND ${questionSets.ownerId} = ${documents.ownerId} AND cited.value = ${documents.id})`;
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.publicId, publicId), or(isNull(documents.ownerId), teacherId ? eq(documents.ownerId, teacherId) : undefined, citedByPublishedSet)))
    .limit(1);
  return row;
}

export type DocumentLabel = { id: string; publicId: string; label: string; title: string; outlet: string };

const labelColumns = { id: documents.id, publicId: documents.publicId, label: documents.label, title: documents.title, outlet: documents.outlet };

/**
 * How students see a set's documents named (label, title, outlet) and where the reader has
 * them, keyed by the ids the set uses. A set names its owner's documents and built-in ones.
 */
export async function documentLabels(db: Database, ids: Iterable<string>, ownerId: string | null): Promise<Map<string, DocumentLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select(labelColumns)
    .from(documents)
    .where(and(inArray(documents.id, unique), ownerId ? or(isNull(documents.ownerId), eq(documents.ownerId, ownerId)) : isNull(documents.ownerId)));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * What the item-writing lint needs about a teacher's set's documents: labels and texts of the
 * built-in documents (any of which a bare id could mean) and of the teacher's own it names.
 */
export async function documentsForLint(db: Database, teacherId: string, ids: Iterable<string>) {
  const named = [...new Set(ids)];
  return db
    .select({ id: documents.id, label: documents.label, body: documents.body, ownerId: documents.ownerId })
    .from(documents)
    .where(or(isNull(documents.ownerId), named.length > 0 ? and(eq(documents.ownerId, teacherId), inArray(documents.id, named)) : undefined));
}

/** A document as student pages name it; `body` only where a page places quotes in paragraphs. */
export type CitedDocument = DocumentLabel & { body?: string };
export type CitedDocuments = Map<string, CitedDocument>;
