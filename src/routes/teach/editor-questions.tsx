import { type Context, Hono } from "hono";
import type { Question } from "../../content/schema.ts";
import { QUESTION_TYPES, type QuestionType } from "../../content/skills.ts";
import { listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import type { AppEnv } from "../../env.ts";
import { type AppError, BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { findQuestion } from "../../teach/editor/draft.ts";
import { openDraft, SWITCHABLE, saveQuestion } from "../../teach/editor/edit.ts";
import { type FormValues, LISTS, type ListName, moveRow, newQuestionValues, questionFormValues } from "../../teach/editor/question-form.ts";
import { draftWarnings, warningsFor } from "../../teach/editor/warnings.ts";
import { mostCommon } from "../../teach/keep.ts";
import { QuestionEditPage } from "../../views/pages/teach/editor/question-page.tsx";
import { questionParams } from "./editor.tsx";
import { revisionOf } from "./forms.ts";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";
import { SKILL_CHOICES } from "./set-page.tsx";
import { setParams } from "./sets.tsx";

/** One question's form: editing a question of the draft, or adding a new one. */
export const teachEditorQuestionRoutes = new Hono<AppEnv>();

interface FormState {
  values?: FormValues;
  error?: AppError;
  saved?: boolean;
}

async function questionPage(c: Context<AppEnv>, slugValue: string, target: { key: string } | { type: QuestionType }, state: FormState = {}) {
  const teacherId = currentTeacher(c).id;
  const editable = await openDraft(c.var.db, teacherId, slugValue);
  const draft = editable.content;
  const found = "key" in target ? findQuestion(draft, target.key) : undefined;
  if ("key" in target && !found) throw new NotFoundError("question");
  const stored: Question | undefined = found?.question;
  const type = stored ? shownType(stored, state.values?.type) : "type" in target ? target.type : "single";
  const [documents, warnings] = await Promise.all([listDocumentsForTeacher(c.var.db, teacherId), draftWarnings(c.var.db, teacherId, draft)]);
  const usual = draft.questions.length > 0 ? mostCommon(draft) : { skill: "evidence", difficulty: "medium" };
  const values = state.values ?? (stored ? questionFormValues(stored) : newQuestionValues(type, usual));
  return renderTeach(
    c,
    stored ? `Question ${(found?.index ?? 0) + 1}: ${draft.title}` : `New question: ${draft.title}`,
    <QuestionEditPage
      slug={editable.set.slug}
      setTitle={draft.title}
      stored={stored}
      position={(found?.index ?? draft.questions.length) + 1}
      type={type}
      values={values}
      revision={editable.revision}
      skills={SKILL_CHOICES}
      documents={documents}
      warnings={found ? warningsFor(warnings, found.index) : []}
      csrfToken={c.var.csrfToken}
      saved={state.saved}
      error={state.error?.message}
      details={state.error?.details}
    />,
  );
}

/** The type to show: a stored question keeps its own, except that single and multiple may swap. */
function shownType(stored: Question, requested: string | undefined): QuestionType {
  return SWITCHABLE.includes(stored.type) && SWITCHABLE.includes(requested as QuestionType) ? (requested as QuestionType) : stored.type;
}

function requestedType(value: string | undefined): QuestionType {
  if (value && (QUESTION_TYPES as readonly string[]).includes(value)) return value as QuestionType;
  throw new BadRequestError("Choose a question type.", [{ path: "type", message: `must be one of ${QUESTION_TYPES.join(", ")}` }]);
}

/** Applies a row's "Move up/down" button to the posted values; other actions need no change here. */
function applyRowAction(values: FormValues, action: string): FormValues {
  const match = /^(up|down):([a-z]+):(\d{1,2})$/.exec(action);
  if (!match || !Object.hasOwn(LISTS, match[2] as string)) return values;
  return moveRow(values, match[2] as ListName, Number(match[3]), match[1] === "up" ? -1 : 1);
}

/** Saves the form; on success goes on to the question (or to the quote picker), else shows the form again. */
async function submitQuestion(c: Context<AppEnv>, slugValue: string, key: string | undefined) {
  const form = await c.req.parseBody();
  const action = typeof form.action === "string" ? form.action : "save";
  const values = applyRowAction(formValues(form), action);
  const result = await inlineErrors(async () => {
    const saved = await saveQuestion(c.var.db, currentTeacher(c).id, slugValue, { key, values, revision: revisionOf(form) });
    if (!saved.ok) throw new BadRequestError("The question was not saved: check the fields marked below.", saved.errors);
    return saved.key;
  });
  if (result.ok) {
    const base = `/teach/sets/${slugValue}/edit/questions/${result.value}`;
    const pick = /^pick:(passages|sources)$/.exec(action)?.[1];
    return c.redirect(pick ? `${base}/quote?into=${pick}` : `${base}?saved=1`, 303);
  }
  c.status(result.error.status);
  const target = key ? { key } : { type: requestedType(values.type) };
  return questionPage(c, slugValue, target, { values, error: result.error });
}

teachEditorQuestionRoutes.get("/sets/:slug/edit/add", setParams, async (c) =>
  questionPage(c, c.req.valid("param").slug, { type: requestedType(c.req.query("type")) }),
);

teachEditorQuestionRoutes.post("/sets/:slug/edit/add", setParams, async (c) => submitQuestion(c, c.req.valid("param").slug, undefined));

teachEditorQuestionRoutes.get("/sets/:slug/edit/questions/:key", questionParams, async (c) => {
  const { slug: slugValue, key } = c.req.valid("param");
  return questionPage(c, slugValue, { key }, { saved: c.req.query("saved") === "1" });
});

teachEditorQuestionRoutes.post("/sets/:slug/edit/questions/:key", questionParams, async (c) => {
  const { slug: slugValue, key } = c.req.valid("param");
  return submitQuestion(c, slugValue, key);
});
