import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { detectFormat } from "../../content/import/index.ts";
import { slug } from "../../content/schema.ts";
import { listClasses } from "../../db/queries/classes.ts";
import { createTeacherSet, unpublishSet } from "../../db/queries/drafts.ts";
import { listSetsForTeacher } from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, type ErrorDetail, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { queryParams, routeParams, zodDetails } from "../../lib/validation.ts";
import { emptyDraft } from "../../teach/editor/draft.ts";
import { attachQuote } from "../../teach/editor/quotes.ts";
import { downloadHeaders, exportQuery, exportSetForTeacher } from "../../teach/export.ts";
import { publishTeacherSet } from "../../teach/publish.ts";
import { createSetFromUpload, updateSetFromUpload } from "../../teach/set-uploads.ts";
import { type SetUpload, setUpload } from "../../teach/upload.ts";
import { DashboardPage } from "../../views/pages/teach/dashboard.tsx";
import { FormatsPage } from "../../views/pages/teach/formats.tsx";
import { NewSetPage } from "../../views/pages/teach/set-upload.tsx";
import { revisionOf } from "./forms.ts";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";
import { onSetPage, SKILL_CHOICES, showSetPage } from "./set-page.tsx";

export const teachSetRoutes = new Hono<AppEnv>();

export const setParams = routeParams(z.object({ slug }), () => new NotFoundError("quiz"));

teachSetRoutes.get("/", async (c) => {
  const teacher = currentTeacher(c);
  const [sets, classes] = await Promise.all([listSetsForTeacher(c.var.db, teacher.id), listClasses(c.var.db, teacher.id)]);
  return renderTeach(c, "Dashboard", <DashboardPage name={teacher.displayName} sets={sets} classes={classes} />);
});

teachSetRoutes.get("/formats", (c) => renderTeach(c, "Question file formats", <FormatsPage />));

teachSetRoutes.get("/sets/new", (c) => renderTeach(c, "Add a set", <NewSetPage csrfToken={c.var.csrfToken} values={{}} skills={SKILL_CHOICES} />));

/** Reads the upload form: a file wins over pasted text, and "detect" picks the format. */
async function readUploadForm(form: Record<string, string | File>, fixedSlug?: string): Promise<SetUpload> {
  const values = formValues(form);
  const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
  const content = file ? await file.text() : (values.content ?? "");
  const format = !values.format || values.format === "auto" ? detectFormat(file?.name, content) : values.format;
  const parsed = setUpload.safeParse({
    slug: fixedSlug ?? values.slug,
    format,
    content,
    title: values.title || undefined,
    summary: values.summary || undefined,
    skill: values.skill || undefined,
    difficulty: values.difficulty || undefined,
  });
  if (!parsed.success) throw new BadRequestError("Check the form and try again.", zodDetails(parsed.error));
  return parsed.data;
}

function newSetPageWithError(
  c: Context<AppEnv>,
  failed: "blank" | "upload",
  values: Record<string, string>,
  error: { message: string; details: ErrorDetail[] },
) {
  return renderTeach(
    c,
    "Add a set",
    <NewSetPage csrfToken={c.var.csrfToken} values={values} skills={SKILL_CHOICES} failed={failed} error={error.message} details={error.details} />,
  );
}

teachSetRoutes.post("/sets", async (c) => {
  const teacherId = currentTeacher(c).id;
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const upload = await readUploadForm(form);
    await createSetFromUpload(c.var.db, teacherId, upload);
    return upload.slug;
  });
  if (result.ok) return c.redirect(`/teach/sets/${result.value}`, 303);
  c.status(result.error.status);
  const values = formValues(form);
  if (form.file instanceof File && form.file.size > 0) values.content = await form.file.text();
  return newSetPageWithError(c, "upload", values, result.error);
});

const blankSetForm = z.strictObject({
  slug,
  title: z.string().check(z.trim(), z.minLength(1, "give the set a title"), z.maxLength(140, "must be at most 140 characters")),
  summary: z.string().check(z.trim(), z.minLength(1, "write a sentence or two for students"), z.maxLength(600, "must be at most 600 characters")),
  _csrf: z.string(),
});

/** A new, empty set to write in the editor. */
teachSetRoutes.post("/sets/blank", async (c) => {
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const parsed = blankSetForm.safeParse(form);
    if (!parsed.success) throw new BadRequestError("Check the form and try again.", zodDetails(parsed.error));
    await createTeacherSet(c.var.db, currentTeacher(c).id, parsed.data.slug, emptyDraft(parsed.data.title, parsed.data.summary));
    return parsed.data.slug;
  });
  if (result.ok) return c.redirect(`/teach/sets/${result.value}/edit`, 303);
  c.status(result.error.status);
  return newSetPageWithError(c, "blank", formValues(form), result.error);
});

teachSetRoutes.get("/sets/:slug", setParams, async (c) => showSetPage(c, c.req.valid("param").slug));

/** Any set the teacher may see, as GIFT or Moodle XML. */
teachSetRoutes.get("/sets/:slug/export", setParams, queryParams(exportQuery), async (c) => {
  const file = await exportSetForTeacher(c.var.db, currentTeacher(c).id, c.req.valid("param").slug, c.req.valid("query").format);
  return c.body(file.body, 200, downloadHeaders(file));
});

teachSetRoutes.post("/sets/:slug/versions", setParams, async (c) => {
  const slugValue = c.req.valid("param").slug;
  const teacherId = currentTeacher(c).id;
  return onSetPage(c, slugValue, async (form) => updateSetFromUpload(c.var.db, teacherId, slugValue, await readUploadForm(form, slugValue), revisionOf(form)));
});

teachSetRoutes.post("/sets/:slug/publish", setParams, async (c) => {
  const slugValue = c.req.valid("param").slug;
  return onSetPage(c, slugValue, (form) => publishTeacherSet(c.var.db, currentTeacher(c).id, slugValue, revisionOf(form)));
});

teachSetRoutes.post("/sets/:slug/unpublish", setParams, async (c) => {
  await unpublishSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  return c.redirect(`/teach/sets/${c.req.valid("param").slug}`, 303);
});

const attachForm = z.object({
  question: slug,
  document: z.string().check(z.maxLength(64)),
  quote: z.string().check(z.trim(), z.minLength(1, "paste the quote"), z.maxLength(1200)),
});

/** Adds a verbatim source to one question, in the draft (pasted here, or picked in the editor). */
teachSetRoutes.post("/sets/:slug/sources", setParams, async (c) => {
  const slugValue = c.req.valid("param").slug;
  return onSetPage(c, slugValue, async (form) => {
    const parsed = attachForm.safeParse(form);
    if (!parsed.success) throw new BadRequestError("Check the source and try again.", zodDetails(parsed.error));
    const { question, document, quote } = parsed.data;
    await attachQuote(c.var.db, currentTeacher(c).id, slugValue, { question, into: "sources", ref: { document, quote }, revision: revisionOf(form) });
  });
});
