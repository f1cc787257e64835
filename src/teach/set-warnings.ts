import { studentText } from "../content/lint/documents.ts";
import { lintUpload } from "../content/lint/index.ts";
import { referencedDocuments } from "../content/references.ts";
import type { QuestionSet } from "../content/schema.ts";
import type { Database } from "../db/client.ts";
import { documentsForLint } from "../db/queries/documents.ts";

export interface SetWarning {
  path: string;
  message: string;
}

/**
 * Item-writing and content warnings for a teacher's set (cues, bare document ids, unseen
 * evidence). The preview shows them and the API returns them; they never block a save or a
 * publish: the teacher decides.
 */
export async function setWarnings(db: Database, teacherId: string, set: QuestionSet): Promise<SetWarning[]> {
  const named = set.questions.flatMap((q) => studentText(q).flatMap((field) => referencedDocuments(field.text)));
  const rows = await documentsForLint(db, teacherId, [...set.documents, ...named]);
  return lintUpload(set, {
    documents: new Map(rows.map((row) => [row.id, { label: row.label, body: row.body }])),
    candidateIds: rows.filter((row) => row.ownerId === null).map((row) => row.id),
  });
}
