import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import type { AppEnv } from "../../env.ts";
import { type AppError, BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { routeParams } from "../../lib/validation.ts";
import { publishProblems } from "../../teach/editor/checks.ts";
import { changeQuestion, openDraft, type QuestionAction } from "../../teach/editor/edit.ts";
import type { FormValues } from "../../teach/editor/question-form.ts";
import { saveSettings, settingsFormValues } from "../../teach/editor/settings-form.ts";
import { draftWarnings } from "../../teach/editor/warnings.ts";
import { EditorOverviewPage } from "../../views/pages/teach/editor/overview.tsx";
import { revisionOf } from "./forms.ts";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";
import { setParams } from "./sets.tsx";

/** The editor's overview: the set's settings, its questions in order, and what publishing needs. */
export const teachEditorRoutes = new Hono<AppEnv>();

export const questionParams = routeParams(z.object({ slug, key: slug }), () => new NotFoundError("question"));

const NOTICES: Record<string, string> = {
  settings: "Saved the title and settings to the draft.",
  up: "Moved the question up.",
  down: "Moved the question down.",
  duplicate: "Duplicated the question: the copy is right after it.",
  delete: "Deleted the question from the draft.",
};

async function overview(c: Context<AppEnv>, slugValue: string, after: { error?: AppError; settings?: FormValues; notice?: string } = {}) {
  const teacherId = currentTeacher(c).id;
  const editable = await openDraft(c.var.db, teacherId, slugValue);
  const [problems, warnings] = await Promise.all([
    editable.isDraft ? publishProblems(c.var.db, teacherId, editable.content).then((result) => result.problems) : [],
    draftWarnings(c.var.db, teacherId, editable.content),
  ]);
  const settingsRefused = after.settings !== undefined && after.error?.status === 400;
  return renderTeach(
    c,
    `Edit ${editable.content.title}`,
    <EditorOverviewPage
      set={editable.set}
      content={editable.content}
      isDraft={editable.isDraft}
      revision={editable.revision}
      settingsValues={after.settings ?? settingsFormValues(editable.content)}
      settingsDetails={settingsRefused ? after.error?.details : undefined}
      problems={problems}
      warnings={warnings}
      csrfToken={c.var.csrfToken}
      error={settingsRefused ? undefined : after.error?.message}
      notice={after.notice}
    />,
  );
}

teachEditorRoutes.get("/sets/:slug/edit", setParams, async (c) => overview(c, c.req.valid("param").slug, { notice: NOTICES[c.req.query("saved") ?? ""] }));

teachEditorRoutes.post("/sets/:slug/edit/settings", setParams, async (c) => {
  const slugValue = c.req.valid("param").slug;
  const form = await c.req.parseBody();
  const values = formValues(form);
  const result = await inlineErrors(async () => {
    const saved = await saveSettings(c.var.db, currentTeacher(c).id, slugValue, { values, revision: revisionOf(form) });
    if (!saved.ok) throw new BadRequestError("The settings were not saved.", saved.errors);
  });
  if (result.ok) return c.redirect(`/teach/sets/${slugValue}/edit?saved=settings#settings-heading`, 303);
  c.status(result.error.status);
  return overview(c, slugValue, { error: result.error, settings: values });
});

const MOVES: Record<string, QuestionAction> = { up: "up", down: "down" };

for (const action of ["move", "duplicate", "delete"] as const) {
  teachEditorRoutes.post(`/sets/:slug/edit/questions/:key/${action}`, questionParams, async (c) => {
    const { slug: slugValue, key } = c.req.valid("param");
    const form = await c.req.parseBody();
    const change: QuestionAction | undefined = action === "move" ? MOVES[String(form.to)] : action;
    const result = await inlineErrors(async () => {
      if (!change) throw new NotFoundError("move");
      return changeQuestion(c.var.db, currentTeacher(c).id, slugValue, { key, action: change, revision: revisionOf(form) });
    });
    if (result.ok) return c.redirect(`/teach/sets/${slugValue}/edit?saved=${change}${change === "delete" ? "" : `#question-${result.value.key}`}`, 303);
    c.status(result.error.status);
    return overview(c, slugValue, { error: result.error });
  });
}
