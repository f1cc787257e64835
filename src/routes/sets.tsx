import { Hono } from "hono";
import { z } from "zod";
import { slug } from "../content/schema.ts";
import { startAttempt } from "../db/queries/attempts.ts";
import { documentLabels } from "../db/queries/documents.ts";
import { findPublishedSet } from "../db/queries/sets.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../lib/errors.ts";
import { formBody, routeParams } from "../lib/validation.ts";
import { SetPage } from "../views/pages/set.tsx";

export const setRoutes = new Hono<AppEnv>();

const setParams = routeParams(z.object({ slug }), () => new NotFoundError("quiz"));

setRoutes.get("/:slug", setParams, async (c) => {
  const set = await findPublishedSet(c.var.db, c.req.valid("param").slug);
  if (!set) throw new NotFoundError("quiz");
  const documents = await documentLabels(c.var.db, set.documentIds);
  return c.render(<SetPage set={set} documents={documents} csrfToken={c.var.csrfToken} />, { title: set.title });
});

/** Start (or start again): a new attempt pinned to the set's current version. */
setRoutes.post("/:slug/attempts", setParams, formBody(z.strictObject({ _csrf: z.string() })), async (c) => {
  const set = await findPublishedSet(c.var.db, c.req.valid("param").slug);
  if (!set) throw new NotFoundError("quiz");
  const attemptId = await startAttempt(c.var.db, { studentId: c.var.studentId, setVersionId: set.versionId, questionCount: set.questionCount });
  return c.redirect(`/attempts/${attemptId}/questions/1`, 303);
});
