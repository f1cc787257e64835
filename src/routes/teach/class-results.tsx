import { Hono } from "hono";
import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import { classAnswersData } from "../../db/queries/class-answers.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { queryParams, routeParams } from "../../lib/validation.ts";
import { answersCsv, type DateRange, groupAttempts, questionBreakdown } from "../../teach/answer-results.ts";
import { QuestionAnswersPage, StudentAnswersPage } from "../../views/pages/teach/result-details.tsx";
import { renderTeach } from "./render.tsx";

/** Drilling into one assignment's results: a student, a question, every answer as CSV. */
export const teachClassResultRoutes = new Hono<AppEnv>();

const day = z.optional(z.union([z.literal(""), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD."))]));
export const rangeQuery = z.object({ from: day, to: day });
const rangeParams = queryParams(rangeQuery);

/** `from` and `to` are whole UTC days, both included. */
export function dateRange(query: { from?: string; to?: string }): DateRange {
  const at = (value: string | undefined, name: string, plusDays: number) => {
    if (!value) return undefined;
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isFinite(ms)) throw new BadRequestError("Check the dates and try again.", [{ path: name, message: "That date does not exist." }]);
    return new Date(ms + plusDays * 86_400_000);
  };
  const range = { from: at(query.from, "from", 0), to: at(query.to, "to", 1) };
  if (range.from && range.to && range.from >= range.to)
    throw new BadRequestError("Check the dates and try again.", [{ path: "to", message: "The last day comes before the first." }]);
  return range;
}

/** The filter as a query string to carry over to links ("" without one). */
export function rangeSearch(query: { from?: string; to?: string }): string {
  const kept = Object.entries(query).filter(([name, value]) => (name === "from" || name === "to") && value);
  return kept.length === 0 ? "" : `?${new URLSearchParams(kept as [string, string][])}`;
}

/** The class page's filter form: an assignment and dates, sent to that assignment's results. */
teachClassResultRoutes.get(
  "/:id/results",
  routeParams(z.object({ id: z.uuid() }), () => new NotFoundError("class")),
  queryParams(z.object({ set: slug, from: day, to: day })),
  (c) => {
    const { set, ...range } = c.req.valid("query");
    dateRange(range);
    return c.redirect(`/teach/classes/${c.req.valid("param").id}/results/${set}${rangeSearch(range)}`, 303);
  },
);

const assignment = z.object({ id: z.uuid(), slug });

teachClassResultRoutes.get(
  "/:id/results/:slug/answers.csv",
  routeParams(assignment, () => new NotFoundError("class or set")),
  rangeParams,
  async (c) => {
    const { id, slug: setSlug } = c.req.valid("param");
    const data = await classAnswersData(c.var.db, currentTeacher(c).id, { classId: id, slug: setSlug, range: dateRange(c.req.valid("query")) });
    if (!data) throw new NotFoundError("class or set");
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${setSlug}-answers.csv"`);
    return c.body(answersCsv(data.questions, groupAttempts(data)));
  },
);

teachClassResultRoutes.get(
  "/:id/results/:slug/students/:studentId",
  routeParams(z.object({ ...assignment.shape, studentId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)) }), () => new NotFoundError("student")),
  rangeParams,
  async (c) => {
    const { id, slug: setSlug, studentId } = c.req.valid("param");
    const data = await classAnswersData(c.var.db, currentTeacher(c).id, { classId: id, slug: setSlug, range: dateRange(c.req.valid("query")), studentId });
    if (!data) throw new NotFoundError("class or set");
    const attempts = groupAttempts(data);
    const name = attempts.at(-1)?.studentName;
    if (!name) throw new NotFoundError("student's attempts");
    return renderTeach(
      c,
      `${name}: ${data.title}`,
      <StudentAnswersPage classId={id} className={data.className} slug={setSlug} title={data.title} name={name} attempts={attempts} />,
    );
  },
);

teachClassResultRoutes.get(
  "/:id/results/:slug/questions/:key",
  routeParams(z.object({ ...assignment.shape, key: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,80}$/)) }), () => new NotFoundError("question")),
  rangeParams,
  async (c) => {
    const { id, slug: setSlug, key } = c.req.valid("param");
    const data = await classAnswersData(c.var.db, currentTeacher(c).id, { classId: id, slug: setSlug, range: dateRange(c.req.valid("query")) });
    const question = data?.questions.find((q) => q.key === key);
    if (!data || !question) throw new NotFoundError("question");
    return renderTeach(
      c,
      `Question ${question.position}: ${data.title}`,
      <QuestionAnswersPage
        classId={id}
        className={data.className}
        slug={setSlug}
        title={data.title}
        question={question}
        breakdown={questionBreakdown(question, groupAttempts(data))}
      />,
    );
  },
);
