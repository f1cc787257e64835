import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { detectFormat } from "../../content/import/index.ts";
import { checkQuotes } from "../../content/library.ts";
import { questionSet, slug } from "../../content/schema.ts";
import { SKILLS } from "../../content/skills.ts";
import { listClasses } from "../../db/queries/classes.ts";
import { documentLabels } from "../../db/queries/documents.ts";
import {
  documentBodiesForTeacher,
  findSetForTeacher,
  listDocumentsForTeacher,
  listSetsForTeacher,
  publishSet,
  saveDraftVersion,
  type TeacherSet,
  unpublishSet,
  versionAsQuestionSet,
  versionImportNotes,
  versionQuestions,
} from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, type ErrorDetail, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { queryParams, routeParams, zodDetails } from "../../lib/validation.ts";
import { downloadHeaders, exportQuery, exportSetForTeacher } from "../../teach/export.ts";
import { setWarnings } from "../../teach/set-warnings.ts";
import { type SetUpload, setUpload, validateSetUpload } from "../../teach/upload.ts";
import { DashboardPage } from "../../views/pages/teach/dashboard.tsx";
import { FormatsPage } from "../../views/pages/teach/formats.tsx";
import { NewSetPage, SetManagePage } from "../../views/pages/teach/sets.tsx";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";

export const teachSetRoutes = new Hono<AppEnv>();

const SKILL_CHOICES = Object.entries(SKILLS) as [string, string][];
const setParams = routeParams(z.object({ slug }), () => new NotFoundError("quiz"));

teachSetRoutes.get("/", async (c) => {
  const teacher = currentTeacher(c);
  const [sets, classes] = await Promise.all([listSetsForTeacher(c.var.db, teacher.id), listClasses(c.var.db, teacher.id)]);
  return renderTeach(c, "Dashboard", <DashboardPage name={teacher.displayName} sets={sets} classes={classes} />);
});

teachSetRoutes.get("/formats", (c) => renderTeach(c, "Question file formats", <FormatsPage />));

teachSetRoutes.get("/sets/new", (c) => renderTeach(c, "Add a set", <NewSetPage csrfToken={c.var.csrfToken} values={{}} skills={SKILL_CHOICES} />));

/** Reads the upload form: a file wins over pasted text, and "detect" picks the format from the file name or content. */
async function readUploadForm(form: Record<string, string | File>, fixedSlug?: string): Promise<{ values: Record<string, string>; upload: SetUpload }> {
  const values = formValues(form);
  const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
  const content = file ? await file.text() : (values.content ?? "");
  const format = !values.format || values.format === "auto" ? detectFormat(file?.name, content) : values.format;
  if (file) values.content = content;
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
  return { values, upload: parsed.data };
}

teachSetRoutes.post("/sets", async (c) => {
  const teacherId = currentTeacher(c).id;
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const { upload } = await readUploadForm(form);
    const { set, notes } = await validateSetUpload(c.var.db, teacherId, upload);
    await saveDraftVersion(c.var.db, teacherId, upload.slug, set, "create", notes);
    return upload.slug;
  });
  if (result.ok) return c.redirect(`/teach/sets/${result.value}`, 303);
  c.status(result.error.status);
  return renderTeach(
    c,
    "Add a set",
    <NewSetPage csrfToken={c.var.csrfToken} values={formValues(form)} skills={SKILL_CHOICES} error={result.error.message} details={result.error.details} />,
  );
});

async function manageSetPage(
  c: Context<AppEnv>,
  set: TeacherSet,
  extra: { uploadValues?: Record<string, string>; error?: string; details?: ErrorDetail[] } = {},
) {
  const teacherId = currentTeacher(c).id;
  const shown = set.draft ? { ...set.draft, kind: "draft" as const } : set.current ? { ...set.current, kind: "current" as const } : null;
  const questions = shown ? await versionQuestions(c.var.db, shown.id) : [];
  const asFile = shown && !set.builtIn ? await versionAsQuestionSet(c.var.db, shown.id) : undefined;
  const [documents, teacherDocuments, warnings, importNotes] = await Promise.all([
    documentLabels(
      c.var.db,
      questions.flatMap((q) => [...q.content.passages, ...q.content.sources].map((s) => s.document)),
    ),
    listDocumentsForTeacher(c.var.db, teacherId),
    asFile ? setWarnings(c.var.db, teacherId, asFile) : [],
    shown ? versionImportNotes(c.var.db, shown.id) : [],
  ]);
  return renderTeach(
    c,
    shown?.title ?? set.slug,
    <SetManagePage
      set={set}
      shownVersion={shown}
      questions={questions}
      documents={documents}
      teacherDocuments={teacherDocuments}
      warnings={warnings}
      importNotes={importNotes}
      csrfToken={c.var.csrfToken}
      skills={SKILL_CHOICES}
      uploadValues={extra.uploadValues ?? {}}
      error={extra.error}
      details={extra.details}
    />,
  );
}

async function ownSetOr404(c: Context<AppEnv>, slugValue: string, allowBuiltIn = false): Promise<TeacherSet> {
  const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, slugValue);
  if (!set || (set.builtIn && !allowBuiltIn)) throw new NotFoundError("quiz");
  return set;
}

teachSetRoutes.get("/sets/:slug", setParams, async (c) => manageSetPage(c, await ownSetOr404(c, c.req.valid("param").slug, true)));

/** Any set the teacher may see, as GIFT or Moodle XML. */
teachSetRoutes.get("/sets/:slug/export", setParams, queryParams(exportQuery), async (c) => {
  const file = await exportSetForTeacher(c.var.db, currentTeacher(c).id, c.req.valid("param").slug, c.req.valid("query").format);
  return c.body(file.body, 200, downloadHeaders(file));
});

teachSetRoutes.post("/sets/:slug/versions", setParams, async (c) => {
  const set = await ownSetOr404(c, c.req.valid("param").slug);
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const { upload } = await readUploadForm(form, set.slug);
    const { set: content, notes } = await validateSetUpload(c.var.db, set.ownerId ?? "", upload);
    await saveDraftVersion(c.var.db, set.ownerId ?? "", set.slug, content, "update", notes);
  });
  if (result.ok) return c.redirect(`/teach/sets/${set.slug}`, 303);
  c.status(result.error.status);
  return manageSetPage(c, set, { uploadValues: formValues(form), error: result.error.message, details: result.error.details });
});

teachSetRoutes.post("/sets/:slug/publish", setParams, async (c) => {
  await publishSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  return c.redirect(`/teach/sets/${c.req.valid("param").slug}`, 303);
});

teachSetRoutes.post("/sets/:slug/unpublish", setParams, async (c) => {
  await unpublishSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  return c.redirect(`/teach/sets/${c.req.valid("param").slug}`, 303);
});

const attachForm = z.object({
  question: slug,
  document: z.string().check(z.maxLength(64)),
  quote: z.string().check(z.trim(), z.minLength(1, "paste the quote"), z.maxLength(1200)),
  _csrf: z.string(),
});

/** Adds a verbatim source to one question of an imported set, as a new draft version. */
teachSetRoutes.post("/sets/:slug/sources", setParams, async (c) => {
  const set = await ownSetOr404(c, c.req.valid("param").slug);
  const teacherId = set.ownerId ?? "";
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const parsed = attachForm.safeParse(form);
    if (!parsed.success) throw new BadRequestError("Check the source and try again.", zodDetails(parsed.error));
    const versionId = set.draft?.id ?? set.current?.id;
    const current = versionId ? await versionAsQuestionSet(c.var.db, versionId) : undefined;
    const target = current?.questions.find((q) => q.id === parsed.data.question);
    if (!current || !target) throw new BadRequestError("That question is not in this set.");
    target.sources.push({ document: parsed.data.document, quote: parsed.data.quote });
    const documents = current.documents.includes(parsed.data.document) ? current.documents : [...current.documents, parsed.data.document];
    const allSourced = current.questions.every((q) => q.sources.length > 0);
    const next = questionSet.safeParse({ ...current, documents, sources: allSourced ? "required" : current.sources });
    if (!next.success) throw new BadRequestError("The source could not be attached.", zodDetails(next.error));
    const bodies = await documentBodiesForTeacher(c.var.db, teacherId, next.data.documents);
    const problems = checkQuotes(`${set.slug}.yaml`, next.data, () => undefined, bodies);
    if (problems.length > 0)
      throw new BadRequestError(
        "The quote was not attached.",
        problems.map((p) => ({ path: p.path, message: p.message })),
      );
    await saveDraftVersion(c.var.db, teacherId, set.slug, next.data, "update");
  });
  if (result.ok) return c.redirect(`/teach/sets/${set.slug}`, 303);
  c.status(result.error.status);
  return manageSetPage(c, set, { error: result.error.message, details: result.error.details });
});
