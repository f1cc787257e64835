import type { QuestionSet } from "../../content/schema.ts";
import { QUESTION_TYPES, type QuestionType } from "../../content/skills.ts";
import type { Database } from "../../db/client.ts";
import { type Editable, loadEditable, ownSet, writeDraft } from "../../db/queries/drafts.ts";
import { BadRequestError, type ErrorDetail, NotFoundError } from "../../lib/errors.ts";
import { checkQuestion } from "./checks.ts";
import { appendQuestion, duplicateQuestion, findQuestion, idFromPrompt, moveQuestion, removeQuestion, replaceQuestion, uniqueQuestionId } from "./draft.ts";
import { type FormValues, readQuestionForm } from "./question-form.ts";

/**
 * The editor's changes to a teacher's draft. Each one loads the draft, applies one change,
 * checks it as an upload would be checked, and writes only if the draft is still at the
 * revision the form showed. A refused change writes nothing.
 */

/** The set (owned by the teacher, not built-in) and its editable content. */
export async function openDraft(db: Database, teacherId: string, slug: string): Promise<Editable> {
  return loadEditable(db, await ownSet(db, teacherId, slug));
}

export type SaveResult = { ok: true; key: string } | { ok: false; errors: ErrorDetail[] };

/** Types a saved question may switch between: the ones whose fields are the same. */
export const SWITCHABLE: readonly QuestionType[] = ["single", "multiple"];

/**
 * Saves one question from its form: an existing one (by key) or a new one (`key` undefined,
 * `type` from the form). Field errors come back keyed by the form's field names.
 */
export async function saveQuestion(
  db: Database,
  teacherId: string,
  slug: string,
  form: { key?: string; values: FormValues; revision: number | undefined },
): Promise<SaveResult> {
  const editable = await openDraft(db, teacherId, slug);
  const draft = editable.content;
  const found = form.key === undefined ? undefined : findQuestion(draft, form.key);
  if (form.key !== undefined && !found) throw new NotFoundError("question");
  const type = questionType(found?.question.type, form.values.type);
  const parsed = readQuestionForm(type, found?.question.markup ?? "text", form.values);
  if (!found && !parsed.input.id) parsed.input.id = uniqueQuestionId(draft, idFromPrompt(String(parsed.input.prompt)));
  const index = found?.index ?? -1;
  const checked = await checkQuestion(db, teacherId, draft, parsed.input, index);
  const errors = [
    ...parsed.problems,
    ...(checked.ok ? [] : checked.details.map((d) => ({ ...d, path: d.path === undefined ? undefined : parsed.fieldOf(d.path) }))),
  ];
  if (!checked.ok || errors.length > 0) return { ok: false, errors };
  const next = found ? replaceQuestion(draft, index, checked.question) : appendQuestion(draft, checked.question);
  await writeDraft(db, { setId: editable.set.id, teacherId, revision: form.revision }, next);
  return { ok: true, key: checked.question.id };
}

/** A question's type: the stored one (single and multiple may swap), or a new question's choice. */
function questionType(stored: QuestionType | undefined, requested: string | undefined): QuestionType {
  if (stored && !(SWITCHABLE.includes(stored) && SWITCHABLE.includes(requested as QuestionType))) return stored;
  if (requested && (QUESTION_TYPES as readonly string[]).includes(requested)) return requested as QuestionType;
  throw new BadRequestError("Choose a question type.", [{ path: "type", message: `must be one of ${QUESTION_TYPES.join(", ")}` }]);
}

export type QuestionAction = "up" | "down" | "duplicate" | "delete";

/** Reorders, duplicates or deletes one question of the draft. */
export async function changeQuestion(
  db: Database,
  teacherId: string,
  slug: string,
  change: { key: string; action: QuestionAction; revision: number | undefined; to?: number },
): Promise<{ key: string }> {
  const editable = await openDraft(db, teacherId, slug);
  const draft = editable.content;
  const found = findQuestion(draft, change.key);
  if (!found) throw new NotFoundError("question");
  let next: QuestionSet;
  let key = change.key;
  if (change.action === "delete") next = removeQuestion(draft, found.index);
  else if (change.action === "duplicate") ({ draft: next, id: key } = duplicateQuestion(draft, found.index));
  else next = moveQuestion(draft, found.index, change.to ?? found.index + (change.action === "up" ? -1 : 1));
  await writeDraft(db, { setId: editable.set.id, teacherId, revision: change.revision }, next);
  return { key };
}
