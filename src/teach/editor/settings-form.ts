import * as z from "zod/mini";
import { type QuestionSet, questionSet } from "../../content/schema.ts";
import type { Database } from "../../db/client.ts";
import { writeDraft } from "../../db/queries/drafts.ts";
import type { ErrorDetail } from "../../lib/errors.ts";
import { zodDetails } from "../../lib/validation.ts";
import { openDraft } from "./edit.ts";
import type { FormValues } from "./question-form.ts";

/**
 * The set's own fields in the editor: title, summary and the settings of SET-FORMAT.md. They
 * are checked with the set schema's own field schemas, so the rules cannot drift.
 */
const fields = questionSet.shape;
const settingsSchema = z.strictObject({
  title: fields.title,
  summary: fields.summary,
  sources: fields.sources,
  mode: fields.mode,
  shuffleQuestions: fields.shuffleQuestions,
  confidence: fields.confidence,
  certaintyMarking: fields.certaintyMarking,
  attempts: fields.attempts,
  form: fields.form,
});
export type SetSettingsForm = z.output<typeof settingsSchema>;

/** Form field names for the schema's paths, where they differ. */
const FIELD_NAMES: Record<string, string> = { "form.group": "formGroup", "form.form": "formLetter", form: "formGroup" };

export function settingsFormValues(set: QuestionSet): FormValues {
  const on = (flag: boolean) => (flag ? "on" : "");
  return {
    title: set.title,
    summary: set.summary,
    sources: set.sources,
    mode: set.mode,
    shuffleQuestions: on(set.shuffleQuestions),
    confidence: on(set.confidence),
    certaintyMarking: on(set.certaintyMarking),
    attempts: set.attempts === undefined ? "" : String(set.attempts),
    formGroup: set.form?.group ?? "",
    formLetter: set.form?.form ?? "",
  };
}

export function readSettingsForm(values: FormValues): { ok: true; settings: SetSettingsForm } | { ok: false; errors: ErrorDetail[] } {
  const attempts = values.attempts?.trim();
  const group = values.formGroup?.trim();
  const letter = values.formLetter?.trim();
  const errors: ErrorDetail[] = [];
  if (attempts && !/^\d+$/.test(attempts)) errors.push({ path: "attempts", message: "must be a whole number, or empty for no limit" });
  if (Boolean(group) !== Boolean(letter))
    errors.push({ path: group ? "formLetter" : "formGroup", message: "give both the group and the form letter, or neither" });
  const parsed = settingsSchema.safeParse({
    title: values.title ?? "",
    summary: values.summary ?? "",
    sources: values.sources || undefined,
    mode: values.mode || undefined,
    shuffleQuestions: values.shuffleQuestions === "on",
    confidence: values.confidence === "on",
    certaintyMarking: values.certaintyMarking === "on",
    attempts: attempts && /^\d+$/.test(attempts) ? Number(attempts) : undefined,
    form: group && letter ? { group, form: letter } : undefined,
  });
  if (!parsed.success) errors.push(...zodDetails(parsed.error).map((detail) => ({ ...detail, path: FIELD_NAMES[detail.path ?? ""] ?? detail.path })));
  if (parsed.success && parsed.data.certaintyMarking && !parsed.data.confidence)
    errors.push({ path: "certaintyMarking", message: 'certainty-based marking needs "Ask how sure students are" turned on' });
  return errors.length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, settings: parsed.data };
}

/** Saves the set's title, summary and settings into the draft. */
export async function saveSettings(
  db: Database,
  teacherId: string,
  slug: string,
  form: { values: FormValues; revision: number | undefined },
): Promise<{ ok: true } | { ok: false; errors: ErrorDetail[] }> {
  const editable = await openDraft(db, teacherId, slug);
  const read = readSettingsForm(form.values);
  if (!read.ok) return read;
  const { attempts, form: parallel, ...rest } = read.settings;
  const { attempts: _attempts, form: _form, ...kept } = editable.content;
  const next: QuestionSet = { ...kept, ...rest, ...(attempts ? { attempts } : {}), ...(parallel ? { form: parallel } : {}) };
  await writeDraft(db, { setId: editable.set.id, teacherId, revision: form.revision }, next);
  return { ok: true };
}
