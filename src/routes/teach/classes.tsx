import { Hono } from "hono";
import * as z from "zod/mini";
import { slug } from "../../content/schema.ts";
import { assignSet, classResultsData, createClass, findClassForTeacher, listClasses } from "../../db/queries/classes.ts";
import { listSetsForTeacher } from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { formBody, queryParams, routeParams } from "../../lib/validation.ts";
import { classResultsCsv } from "../../teach/csv.ts";
import { computeClassResults } from "../../teach/results.ts";
import { ClassesPage, ClassPage } from "../../views/pages/teach/classes.tsx";
import { ResultsPage } from "../../views/pages/teach/results.tsx";
import { removalNotice, teachClassManageRoutes } from "./class-manage.tsx";
import { dateRange, rangeQuery, rangeSearch, teachClassResultRoutes } from "./class-results.tsx";
import { renderTeach } from "./render.tsx";

export const teachClassRoutes = new Hono<AppEnv>();
teachClassRoutes.route("/", teachClassManageRoutes);
teachClassRoutes.route("/", teachClassResultRoutes);

const classParams = routeParams(z.object({ id: z.uuid() }), () => new NotFoundError("class"));
const resultParams = routeParams(
  z.object({ id: z.uuid(), slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}(\.csv)?$/)) }),
  () => new NotFoundError("class"),
);

teachClassRoutes.get("/", async (c) => {
  const classes = await listClasses(c.var.db, currentTeacher(c).id);
  return renderTeach(c, "Classes", <ClassesPage classes={classes} csrfToken={c.var.csrfToken} />);
});

teachClassRoutes.post(
  "/",
  formBody(z.strictObject({ name: z.string().check(z.trim(), z.minLength(1, "Give the class a name."), z.maxLength(80)), _csrf: z.string() })),
  async (c) => {
    const created = await createClass(c.var.db, currentTeacher(c).id, c.req.valid("form").name);
    return c.redirect(`/teach/classes/${created.id}`, 303);
  },
);

teachClassRoutes.get("/:id", classParams, async (c) => {
  const teacherId = currentTeacher(c).id;
  const klass = await findClassForTeacher(c.var.db, teacherId, c.req.valid("param").id);
  if (!klass) throw new NotFoundError("class");
  const assignable = await listSetsForTeacher(c.var.db, teacherId);
  const joinUrl = new URL(`/join/${klass.joinCode}`, c.req.url).toString();
  const notice = removalNotice(c.req.query());
  return renderTeach(c, klass.name, <ClassPage klass={klass} joinUrl={joinUrl} assignable={assignable} csrfToken={c.var.csrfToken} notice={notice} />);
});

teachClassRoutes.post("/:id/sets", classParams, formBody(z.strictObject({ slug, _csrf: z.string() })), async (c) => {
  const { id } = c.req.valid("param");
  await assignSet(c.var.db, currentTeacher(c).id, id, c.req.valid("form").slug);
  return c.redirect(`/teach/classes/${id}`, 303);
});

/** Results for one class and set; `<slug>.csv` downloads the student table. */
teachClassRoutes.get("/:id/results/:slug", resultParams, queryParams(rangeQuery), async (c) => {
  const { id, slug: requested } = c.req.valid("param");
  const csv = requested.endsWith(".csv");
  const setSlug = csv ? requested.slice(0, -4) : requested;
  const filter = c.req.valid("query");
  const data = await classResultsData(c.var.db, currentTeacher(c).id, id, setSlug, dateRange(filter));
  if (!data) throw new NotFoundError("class or set");
  const results = computeClassResults(data.questions, data.attempts);
  if (csv) {
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${setSlug}-results.csv"`);
    return c.body(classResultsCsv(results, data.title));
  }
  return renderTeach(
    c,
    `Results: ${data.title}`,
    <ResultsPage
      classId={id}
      className={data.className}
      slug={setSlug}
      title={data.title}
      version={data.version}
      results={results}
      filter={filter}
      search={rangeSearch(filter)}
    />,
  );
});
