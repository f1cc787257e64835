import { Hono } from "hono";
import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import { removeStudent, renameClass, setAssignmentRules, setClassArchived, unassignSet } from "../../db/queries/class-management.ts";
import type { AppEnv } from "../../env.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { formBody, routeParams } from "../../lib/validation.ts";

/** Changing a class after it is made: rename, archive, unassign, deadlines and limits, removing a student. */
export const teachClassManageRoutes = new Hono<AppEnv>();

const classParams = routeParams(z.object({ id: z.uuid() }), () => new NotFoundError("class"));
const assignmentParams = routeParams(z.object({ id: z.uuid(), slug }), () => new NotFoundError("assigned set"));
const memberParams = routeParams(z.object({ id: z.uuid(), studentId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)) }), () => new NotFoundError("student"));
const back = (id: string, query = "") => `/teach/classes/${id}${query}`;

export const className = z.string().check(z.trim(), z.minLength(1, "Give the class a name."), z.maxLength(80, "Class names are at most 80 characters."));

teachClassManageRoutes.post("/:id/name", classParams, formBody(z.strictObject({ name: className, _csrf: z.string() })), async (c) => {
  const { id } = c.req.valid("param");
  await renameClass(c.var.db, currentTeacher(c).id, id, c.req.valid("form").name);
  return c.redirect(back(id), 303);
});

teachClassManageRoutes.post(
  "/:id/archive",
  classParams,
  formBody(z.strictObject({ archived: z.enum(["1", "0"], "Choose archive or unarchive."), _csrf: z.string() })),
  async (c) => {
    const { id } = c.req.valid("param");
    await setClassArchived(c.var.db, currentTeacher(c).id, id, c.req.valid("form").archived === "1");
    return c.redirect(back(id), 303);
  },
);

teachClassManageRoutes.post("/:id/sets/:slug/unassign", assignmentParams, formBody(z.strictObject({ _csrf: z.string() })), async (c) => {
  const { id, slug: setSlug } = c.req.valid("param");
  await unassignSet(c.var.db, currentTeacher(c).id, id, setSlug);
  return c.redirect(back(id), 303);
});

/** `2026-12-03T15:00` from a datetime-local field, read as UTC (the form says so); empty clears the deadline. */
const deadline = z.union([
  z.literal(""),
  z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Give the deadline as a date and time (YYYY-MM-DDTHH:MM, UTC)."),
    z.refine((value) => Number.isFinite(Date.parse(`${value}:00Z`)), "That date does not exist."),
  ),
]);
const attemptLimit = z.union([z.literal(""), z.string().check(z.regex(/^([1-9]|[1-9]\d)$/, "The attempt limit is a whole number from 1 to 99."))]);

teachClassManageRoutes.post(
  "/:id/sets/:slug/rules",
  assignmentParams,
  formBody(z.strictObject({ dueAt: deadline, maxAttempts: attemptLimit, _csrf: z.string() })),
  async (c) => {
    const { id, slug: setSlug } = c.req.valid("param");
    const form = c.req.valid("form");
    await setAssignmentRules(c.var.db, currentTeacher(c).id, id, setSlug, {
      dueAt: form.dueAt === "" ? null : new Date(`${form.dueAt}:00Z`),
      maxAttempts: form.maxAttempts === "" ? null : Number(form.maxAttempts),
    });
    return c.redirect(back(id), 303);
  },
);

teachClassManageRoutes.post(
  "/:id/members/:studentId/remove",
  memberParams,
  formBody(z.strictObject({ attempts: z.enum(["keep", "delete"], "Choose whether to keep or delete their attempts."), _csrf: z.string() })),
  async (c) => {
    const { id, studentId } = c.req.valid("param");
    const removed = await removeStudent(c.var.db, currentTeacher(c).id, { classId: id, studentId, keepAttempts: c.req.valid("form").attempts === "keep" });
    const query = new URLSearchParams({
      removed: removed.displayName,
      attempts: c.req.valid("form").attempts === "keep" ? "kept" : "deleted",
      count: String(removed.keptAttempts + removed.deletedAttempts),
    });
    return c.redirect(back(id, `?${query}`), 303);
  },
);

/** What the class page says after a removal (from the redirect's query): which name, and what became of their attempts. */
export function removalNotice(query: Record<string, string>): string | undefined {
  const { removed, attempts, count } = query;
  if (!removed || (attempts !== "kept" && attempts !== "deleted")) return undefined;
  const n = Number.parseInt(count ?? "", 10) || 0;
  const their = `their ${n} attempt${n === 1 ? "" : "s"} in this class`;
  return attempts === "kept"
    ? `Removed ${removed} from the class. Kept ${their}: they stay in the results.`
    : `Removed ${removed} from the class and deleted ${their} with every answer.`;
}
