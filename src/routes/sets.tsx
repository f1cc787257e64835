import { Hono } from "hono";
import * as z from "zod/mini";
import { SLUG_PATTERN } from "../content/ids.ts";
import { attemptLimitMessage, deadlineMessage, planAttemptStart } from "../db/queries/attempt-limits.ts";
import { startAttempt } from "../db/queries/attempts.ts";
import { loadSetPage } from "../db/queries/student-pages.ts";
import type { AppEnv } from "../env.ts";
import { ConflictError, NotFoundError } from "../lib/errors.ts";
import { clientAddress, enforceRateLimit } from "../lib/rate-limit.ts";
import { formBody, routeParams } from "../lib/validation.ts";
import { SetPage } from "../views/pages/set.tsx";

export const setRoutes = new Hono<AppEnv>();

const setParams = routeParams(z.object({ slug: z.string().check(z.regex(SLUG_PATTERN)) }), () => new NotFoundError("quiz"));

setRoutes.get("/:slug", setParams, async (c) => {
  const page = await loadSetPage(c.var.db, c.req.valid("param").slug);
  if (!page) throw new NotFoundError("quiz");
  const { set, documents } = page;
  return c.render(<SetPage set={set} documents={documents} csrfToken={c.var.csrfToken} />, { title: set.title });
});

/**
 * Start (or start again): a new attempt pinned to the set's current version. Starts are
 * bounded: per address by a rate limit, and per student by resuming the latest attempt once
 * they hold too many unfinished ones (the attempt page then sends them to its next question).
 */
setRoutes.post("/:slug/attempts", setParams, formBody(z.strictObject({ _csrf: z.string() })), async (c) => {
  await enforceRateLimit(c.env, c.var.db, "attemptStart", clientAddress(c));
  const plan = await planAttemptStart(c.var.db, { slug: c.req.valid("param").slug, studentId: c.var.studentId });
  if (!plan) throw new NotFoundError("quiz");
  if (plan.resumeAttemptId) return c.redirect(`/attempts/${plan.resumeAttemptId}`, 303);
  if (plan.deadlinePassed) throw new ConflictError(deadlineMessage(plan.deadlinePassed));
  if (plan.limitReached) throw new ConflictError(attemptLimitMessage(plan.allowedAttempts ?? 1));
  const { set, questions } = plan;
  const attemptId = await startAttempt(c.var.db, { studentId: c.var.studentId, setVersionId: set.versionId, settings: set.settings, questions });
  return c.redirect(`/attempts/${attemptId}/questions/1`, 303);
});
