import * as z from "zod/mini";
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat, exportSet } from "../content/export/index.ts";
import { referencedDocuments } from "../content/references.ts";
import type { Database } from "../db/client.ts";
import { loadEditable } from "../db/queries/drafts.ts";
import { documentsForExport, findSetForTeacher, versionAsQuestionSet } from "../db/queries/teacher-sets.ts";
import { NotFoundError } from "../lib/errors.ts";

/** `?format=gift` or `?format=moodle-xml`: the same query on the teacher's page and the API. */
export const exportQuery = z.strictObject({ format: z.enum(EXPORT_FORMATS) });

/**
 * A set the teacher may see (their own or a built-in one) as a Moodle file: the version the set
 * page shows, so the draft when there is one. Another teacher's set is not found.
 */
export async function exportSetForTeacher(db: Database, teacherId: string, slug: string, format: ExportFormat): Promise<ExportedFile> {
  const set = await findSetForTeacher(db, teacherId, slug);
  if (!set) throw new NotFoundError("quiz");
  const content = set.builtIn ? set.current && (await versionAsQuestionSet(db, set.current.id)) : (await loadEditable(db, set)).content;
  if (!content) throw new NotFoundError("quiz");
  const cited = content.questions.flatMap((q) => [...[...q.passages, ...q.sources].map((s) => s.document), ...referencedDocuments(JSON.stringify(q))]);
  const documents = await documentsForExport(db, teacherId, [...new Set([...content.documents, ...cited])]);
  return exportSet(slug, content, new Map(documents.map((d) => [d.id, d])), format);
}

/** The headers that make a browser save the file under its name. */
export function downloadHeaders(file: ExportedFile): Record<string, string> {
  return { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.fileName}"` };
}
