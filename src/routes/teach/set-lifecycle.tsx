import { Hono } from "hono";
import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import { discardDraft, loadEditable, ownSet } from "../../db/queries/drafts.ts";
import { archiveSet, countSetAttempts, deleteSet, SetHasResultsError, unarchiveSet } from "../../db/queries/set-lifecycle.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { zodDetails } from "../../lib/validation.ts";
import { duplicateSet } from "../../teach/duplicate.ts";
import { DeleteSetPage } from "../../views/pages/teach/set-actions.tsx";
import { revisionOf } from "./forms.ts";
import { inlineErrors, renderTeach } from "./render.tsx";
import { onSetPage, showSetPage } from "./set-page.tsx";
import { setParams } from "./sets.tsx";

/** Archive, unarchive, delete, duplicate and discard unpublished changes. */
export const teachSetLifecycleRoutes = new Hono<AppEnv>();

const back = (slugValue: string) => `/teach/sets/${slugValue}`;

teachSetLifecycleRoutes.post("/sets/:slug/archive", setParams, async (c) => {
  await archiveSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  return c.redirect(back(c.req.valid("param").slug), 303);
});

teachSetLifecycleRoutes.post("/sets/:slug/unarchive", setParams, async (c) => {
  await unarchiveSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  return c.redirect(back(c.req.valid("param").slug), 303);
});

/** Asks first; with results, explains why the set cannot go and offers to archive it. */
teachSetLifecycleRoutes.get("/sets/:slug/delete", setParams, async (c) => {
  const set = await ownSet(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  const attempts = await countSetAttempts(c.var.db, set.id);
  const title = set.draft?.title ?? set.current?.title ?? set.slug;
  return renderTeach(c, `Delete ${title}`, <DeleteSetPage set={set} title={title} attempts={attempts} csrfToken={c.var.csrfToken} />);
});

teachSetLifecycleRoutes.post("/sets/:slug/delete", setParams, async (c) => {
  const teacherId = currentTeacher(c).id;
  const slugValue = c.req.valid("param").slug;
  try {
    await deleteSet(c.var.db, teacherId, slugValue);
  } catch (error) {
    if (!(error instanceof SetHasResultsError)) throw error;
    // Refused: the confirmation page explains and offers "Archive instead".
    const set = await ownSet(c.var.db, teacherId, slugValue);
    const title = set.draft?.title ?? set.current?.title ?? set.slug;
    c.status(409);
    return renderTeach(c, `Delete ${title}`, <DeleteSetPage set={set} title={title} attempts={error.attempts} csrfToken={c.var.csrfToken} />);
  }
  return c.redirect("/teach?deleted=1", 303);
});

const duplicateForm = z.strictObject({
  slug,
  title: z.optional(z.string().check(z.trim(), z.maxLength(140, "must be at most 140 characters"))),
  _csrf: z.string(),
});

teachSetLifecycleRoutes.post("/sets/:slug/duplicate", setParams, async (c) => {
  const source = c.req.valid("param").slug;
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    const parsed = duplicateForm.safeParse(form);
    if (!parsed.success) throw new BadRequestError("Check the copy's slug and try again.", zodDetails(parsed.error));
    await duplicateSet(c.var.db, currentTeacher(c).id, source, { slug: parsed.data.slug, title: parsed.data.title });
    return parsed.data.slug;
  });
  if (result.ok) return c.redirect(`/teach/sets/${result.value}/edit`, 303);
  c.status(result.error.status);
  return showSetPage(c, source, { error: result.error, form, formName: "duplicate" });
});

teachSetLifecycleRoutes.post("/sets/:slug/draft/discard", setParams, async (c) => {
  const teacherId = currentTeacher(c).id;
  const slugValue = c.req.valid("param").slug;
  return onSetPage(c, slugValue, async (form) => {
    const set = await ownSet(c.var.db, teacherId, slugValue);
    const editable = await loadEditable(c.var.db, set);
    await discardDraft(c.var.db, { setId: set.id, teacherId, revision: revisionOf(form) ?? editable.revision });
  });
});
