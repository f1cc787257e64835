import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { SourceDocument } from "../../content/schema.ts";
import { ConflictError } from "../../lib/errors.ts";
import { publicName } from "../../teach/public-names.ts";
import type { Database } from "../client.ts";
import { documents } from "../schema.ts";

/**
 * Documents in a teacher's namespace: their own and the built-in ones. Ids are unique within
 * it, so an id names one document for that teacher; another teacher's documents never appear.
 */
const inNamespace = (teacherId: string) => or(eq(documents.ownerId, teacherId), isNull(documents.ownerId));

/** The teacher's own documents and the built-in ones. */
export async function listDocumentsForTeacher(db: Database, teacherId: string) {
  return db
    .select({
      id: documents.id,
      publicId: documents.publicId,
      label: documents.label,
      title: documents.title,
      outlet: documents.outlet,
      date: documents.date,
      ownerId: documents.ownerId,
    })
    .from(documents)
    .where(inNamespace(teacherId))
    .orderBy(asc(documents.id));
}
export type TeacherDocumentListing = Awaited<ReturnType<typeof listDocumentsForTeacher>>;

/** Texts of the documents a teacher's set may quote (own or built-in), keyed by id. */
export async function documentBodiesForTeacher(db: Database, teacherId: string, ids: readonly string[]): Promise<Map<string, { body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: documents.id, body: documents.body })
    .from(documents)
    .where(and(inArray(documents.id, [...ids]), inNamespace(teacherId)));
  return new Map(rows.map((row) => [row.id, { body: row.body }]));
}

/** A document the teacher may read: their own or a built-in one. Another teacher's is not found. */
export async function findDocumentForTeacher(db: Database, teacherId: string, id: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), inNamespace(teacherId)))
    .limit(1);
  return row;
}

/**
 * Adds a teacher's own source document. Its id must be new in the teacher's namespace (their
 * documents and the built-in ones): other teachers' ids neither block it nor show through the
 * answer. Its public id (the reader's address) gets a random suffix, so it reveals nothing either.
 */
export async function insertTeacherDocument(db: Database, teacherId: string, document: SourceDocument, contentHash: string): Promise<{ publicId: string }> {
  const existing = await findDocumentForTeacher(db, teacherId, document.id);
  if (existing)
    throw new ConflictError(
      existing.ownerId === null
        ? `"${document.id}" is the id of a built-in document. Choose another id.`
        : `You already have a document with the id "${document.id}". Choose another id.`,
      [{ path: "id", message: "already exists" }],
    );
  for (let tries = 0; tries < 5; tries++) {
    const publicId = publicName(document.id);
    // A clash on the owner's id means a save at the same moment: the unique index keeps one.
    const rows = await db
      .insert(documents)
      .values({ ...document, publicId, url: document.url ?? null, contentHash, ownerId: teacherId })
      .onConflictDoNothing()
      .returning({ publicId: documents.publicId });
    if (rows[0]) return rows[0];
    if (await findDocumentForTeacher(db, teacherId, document.id))
      throw new ConflictError(`You already have a document with the id "${document.id}". Choose another id.`, [{ path: "id", message: "already exists" }]);
  }
  throw new ConflictError("Could not make a unique address for the document. Try again.");
}
