import type { Database } from "../../db/client.ts";
import { assignSet, classResultsData, createClass, findClassForTeacher, listClasses, unassignSet } from "../../db/queries/classes.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { classResultsCsv } from "../../teach/csv.ts";
import { computeClassResults } from "../../teach/results.ts";
import { assignmentCreate, classCreate, classDetail, classIdParam, classList, classResultsOut, classSetParam } from "./class-schemas.ts";
import { defineRoute } from "./define.ts";

/** /api/classes: the teacher's classes, what is assigned to them, and their results. */

async function classOut(db: Database, teacherId: string, id: string) {
  const found = await findClassForTeacher(db, teacherId, id);
  if (!found) throw new NotFoundError("class");
  return {
    id: found.id,
    name: found.name,
    joinCode: found.joinCode,
    createdAt: found.createdAt.toISOString(),
    members: found.members.map((m) => ({ studentId: m.studentId, displayName: m.displayName, joinedAt: m.joinedAt.toISOString() })),
    assigned: found.assigned.map((a) => ({ slug: a.slug, title: a.title, published: a.published })),
  };
}

defineRoute({
  method: "get",
  path: "/classes",
  operationId: "listClasses",
  summary: "List your classes",
  tag: "Classes",
  responses: { 200: { description: "Your classes, newest first.", schema: classList } },
  handler: async (c) => {
    const rows = await listClasses(c.var.db, currentTeacher(c).id);
    return c.json({
      classes: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null })),
    });
  },
});

defineRoute({
  method: "post",
  path: "/classes",
  operationId: "createClass",
  summary: "Create a class",
  description: "The class gets a join code: students join at `/join/{joinCode}` with a display name only.",
  tag: "Classes",
  body: classCreate,
  example: { name: "Year 9 media" },
  responses: { 201: { description: "The new class.", schema: classDetail } },
  handler: async (c, { body }) => {
    const teacherId = currentTeacher(c).id;
    const created = await createClass(c.var.db, teacherId, body.name);
    return c.json(await classOut(c.var.db, teacherId, created.id), 201, { Location: `/api/classes/${created.id}` });
  },
});

defineRoute({
  method: "get",
  path: "/classes/:id",
  operationId: "getClass",
  summary: "Read one class, its members and assigned sets",
  tag: "Classes",
  params: classIdParam,
  notFound: "class",
  responses: { 200: { description: "The class.", schema: classDetail } },
  handler: async (c, { param }) => c.json(await classOut(c.var.db, currentTeacher(c).id, param.id)),
});

defineRoute({
  method: "post",
  path: "/classes/:id/sets",
  operationId: "assignSet",
  summary: "Assign a set to a class",
  description: "A published set: one of yours or a built-in one. Assigning it again changes nothing.",
  tag: "Classes",
  params: classIdParam,
  notFound: "class or published set",
  body: assignmentCreate,
  example: { slug: "my-hedging-check" },
  responses: { 201: { description: "The class with the set assigned.", schema: classDetail } },
  handler: async (c, { param, body }) => {
    const teacherId = currentTeacher(c).id;
    await assignSet(c.var.db, teacherId, param.id, body.slug);
    return c.json(await classOut(c.var.db, teacherId, param.id), 201);
  },
});

defineRoute({
  method: "delete",
  path: "/classes/:id/sets/:slug",
  operationId: "unassignSet",
  summary: "Take a set off a class",
  description: "Students no longer see it in the class. Their attempts are kept.",
  tag: "Classes",
  params: classSetParam,
  notFound: "class or assignment",
  responses: { 204: { description: "Unassigned." } },
  handler: async (c, { param }) => {
    await unassignSet(c.var.db, currentTeacher(c).id, param.id, param.slug);
    return c.body(null, 204);
  },
});

async function resultsOf(db: Database, teacherId: string, id: string, slug: string) {
  const data = await classResultsData(db, teacherId, id, slug);
  if (!data) throw new NotFoundError("class or set");
  return { data, results: computeClassResults(data.questions, data.attempts) };
}

defineRoute({
  method: "get",
  path: "/classes/:id/results/:slug",
  operationId: "getClassResults",
  summary: "A class's results on an assigned set",
  description: "Per student (attempts, first and best score, time) and per question (item analysis), as on the results page.",
  tag: "Classes",
  params: classSetParam,
  notFound: "class or assigned set",
  responses: { 200: { description: "The results.", schema: classResultsOut } },
  handler: async (c, { param }) => {
    const { data, results } = await resultsOf(c.var.db, currentTeacher(c).id, param.id, param.slug);
    return c.json({ className: data.className, title: data.title, version: data.version, ...results });
  },
});

defineRoute({
  method: "get",
  path: "/classes/:id/results/:slug/csv",
  operationId: "getClassResultsCsv",
  summary: "A class's results as a CSV, one row per student",
  tag: "Classes",
  params: classSetParam,
  notFound: "class or assigned set",
  responses: { 200: { description: "RFC 4180 CSV, sent as an attachment.", text: ["text/csv"] } },
  handler: async (c, { param }) => {
    const { data, results } = await resultsOf(c.var.db, currentTeacher(c).id, param.id, param.slug);
    return c.body(classResultsCsv(results, data.title), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${param.slug}-results.csv"`,
    });
  },
});
