import type { QuestionSet } from "../../content/schema.ts";
import type { Database } from "../../db/client.ts";

export interface DraftWarning {
  /** Where in the set: `questions[2].options[1].text`, or "" for the whole set. */
  path: string;
  message: string;
}

/**
 * The hook for the item-writing lint (src/content/lint*, being built on the `lint` branch):
 * advice on a draft (cues that let students answer without reading, bare document ids), shown
 * beside the questions in the editor and never a reason to refuse a save or a publish. Until
 * the lint lands on main this finds nothing; then it returns the lint's warnings for the draft.
 */
export async function draftWarnings(_db: Database, _teacherId: string, _draft: QuestionSet): Promise<DraftWarning[]> {
  return [];
}

/** The warnings about question `index` (by position in the draft), with paths inside it. */
export function warningsFor(warnings: readonly DraftWarning[], index: number): DraftWarning[] {
  const prefix = `questions[${index}]`;
  return warnings
    .filter((w) => w.path === prefix || w.path.startsWith(`${prefix}.`))
    .map((w) => ({ path: w.path.slice(prefix.length).replace(/^\./, ""), message: w.message }));
}
