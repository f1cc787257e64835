import type { QuestionSet } from "../../content/schema.ts";
import type { Database } from "../../db/client.ts";
import { type SetWarning, setWarnings } from "../set-warnings.ts";

export type DraftWarning = SetWarning;

/**
 * The item-writing lint (src/content/lint) on a draft: advice such as cues that let students
 * answer without reading or documents named by bare ids, shown beside the questions in the
 * editor and never a reason to refuse a save or a publish.
 */
export function draftWarnings(db: Database, teacherId: string, draft: QuestionSet): Promise<DraftWarning[]> {
  return setWarnings(db, teacherId, draft);
}

/** The warnings about question `index` (by position in the draft), with paths inside it. */
export function warningsFor(warnings: readonly DraftWarning[], index: number): DraftWarning[] {
  const prefix = `questions[${index}]`;
  return warnings
    .filter((w) => w.path === prefix || w.path.startsWith(`${prefix}.`))
    .map((w) => ({ path: w.path.slice(prefix.length).replace(/^\./, ""), message: w.message }));
}
