import type { Context } from "hono";
import { SKILLS } from "../../content/skills.ts";
import { documentLabels } from "../../db/queries/documents.ts";
import { loadEditable } from "../../db/queries/drafts.ts";
import { listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import { findSetForTeacher, setImportNotes, type TeacherSet, versionAsQuestionSet } from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { type AppError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { changesSincePublished } from "../../teach/set-uploads.ts";
import { setWarnings } from "../../teach/set-warnings.ts";
import { SetManagePage } from "../../views/pages/teach/sets.tsx";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";

export const SKILL_CHOICES = Object.entries(SKILLS) as [string, string][];

/** A set the teacher may see (their own or built-in); another teacher's is not found. */
export async function visibleSetOr404(c: Context<AppEnv>, slugValue: string): Promise<TeacherSet> {
  const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, slugValue);
  if (!set) throw new NotFoundError("quiz");
  return set;
}

/**
 * The set's page: status, actions, unpublished changes and a preview of the latest content.
 * After a refused form, the problem is shown above the actions and the form keeps its values.
 */
export async function showSetPage(
  c: Context<AppEnv>,
  slugValue: string,
  after: { error?: AppError; form?: Record<string, unknown>; formName?: "upload" | "duplicate" } = {},
) {
  const set = await visibleSetOr404(c, slugValue);
  const teacherId = currentTeacher(c).id;
  const editable = set.builtIn ? undefined : await loadEditable(c.var.db, set);
  const content = editable?.content ?? (set.current ? await versionAsQuestionSet(c.var.db, set.current.id) : undefined);
  const [documents, teacherDocuments, changes, warnings, importNotes] = await Promise.all([
    documentLabels(c.var.db, content?.documents ?? [], set.ownerId),
    set.builtIn ? [] : listDocumentsForTeacher(c.var.db, teacherId),
    editable?.isDraft ? changesSincePublished(c.var.db, teacherId, set.slug) : [],
    content && !set.builtIn ? setWarnings(c.var.db, teacherId, content) : [],
    set.builtIn ? [] : setImportNotes(c.var.db, set, editable?.isDraft ?? false),
  ]);
  const values = after.form ? formValues(after.form) : {};
  return renderTeach(
    c,
    content?.title ?? set.slug,
    <SetManagePage
      set={set}
      content={content}
      isDraft={editable?.isDraft ?? false}
      revision={editable?.revision ?? 0}
      documents={documents}
      teacherDocuments={teacherDocuments}
      changes={changes}
      warnings={warnings}
      importNotes={importNotes}
      csrfToken={c.var.csrfToken}
      skills={SKILL_CHOICES}
      uploadValues={after.formName === "duplicate" ? {} : values}
      duplicateValues={after.formName === "duplicate" ? values : {}}
      studentUrl={new URL(`/sets/${set.publicSlug}`, c.req.url).toString()}
      error={after.error?.message}
      details={after.error?.details}
    />,
  );
}

/** Runs a change to the set; a problem the teacher can fix is shown on the set's page. */
export async function onSetPage(c: Context<AppEnv>, slugValue: string, work: (form: Record<string, string | File>) => Promise<unknown>) {
  const form = await c.req.parseBody();
  const result = await inlineErrors(() => work(form));
  if (result.ok) return c.redirect(`/teach/sets/${slugValue}`, 303);
  c.status(result.error.status);
  const values: Record<string, unknown> = { ...form };
  if (form.file instanceof File && form.file.size > 0) values.content = await form.file.text();
  return showSetPage(c, slugValue, { error: result.error, form: values });
}
