import { archiveSet, deleteSet, unarchiveSet } from "../../db/queries/set-lifecycle.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { duplicateSet } from "../../teach/duplicate.ts";
import { setDuplicate } from "./class-schemas.ts";
import { defineRoute } from "./define.ts";
import { setSummary, slugParam } from "./schemas.ts";
import { summaryOf } from "./sets.ts";

/** Archive, unarchive, duplicate and delete a set: the domain functions the teacher area's buttons use. */

const BUILT_IN = "A built-in set: duplicate it to get a copy you can change.";

defineRoute({
  method: "post",
  path: "/sets/:slug/archive",
  operationId: "archiveSet",
  summary: "Archive your set",
  description: "Hides the set from students and from class assignment, and keeps every version, attempt and result. No body.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: { 200: { description: "The set, now `archived`.", schema: setSummary }, 403: { description: BUILT_IN } },
  handler: async (c, { param: { slug } }) => {
    const teacherId = currentTeacher(c).id;
    await archiveSet(c.var.db, teacherId, slug);
    return c.json(await summaryOf(c.var.db, teacherId, slug));
  },
});

defineRoute({
  method: "post",
  path: "/sets/:slug/unarchive",
  operationId: "unarchiveSet",
  summary: "Bring your set back from the archive",
  description: "The set comes back unpublished: publish it again when students should see it. No body.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: { 200: { description: "The set after unarchiving.", schema: setSummary }, 403: { description: BUILT_IN } },
  handler: async (c, { param: { slug } }) => {
    const teacherId = currentTeacher(c).id;
    await unarchiveSet(c.var.db, teacherId, slug);
    return c.json(await summaryOf(c.var.db, teacherId, slug));
  },
});

defineRoute({
  method: "post",
  path: "/sets/:slug/duplicate",
  operationId: "duplicateSet",
  summary: "Copy a set (yours or a built-in one) into a new set of yours",
  description: "The copy's content is a draft: the original's latest content (its draft, else its published version). Publish the copy when it is ready.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  body: setDuplicate,
  example: { slug: "my-hedging-copy", title: "Spot the hedge (year 9)" },
  responses: { 201: { description: "The copy.", schema: setSummary }, 409: { description: "The copy's slug is already one of your sets." } },
  handler: async (c, { param, body }) => {
    const teacherId = currentTeacher(c).id;
    await duplicateSet(c.var.db, teacherId, param.slug, body);
    return c.json(await summaryOf(c.var.db, teacherId, body.slug), 201, { Location: `/api/sets/${body.slug}` });
  },
});

defineRoute({
  method: "delete",
  path: "/sets/:slug",
  operationId: "deleteSet",
  summary: "Delete your set",
  description:
    "Deletes the set, its versions and its class assignments. Refused while students have attempts on it: archive it instead, which keeps the results.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: {
    204: { description: "Deleted." },
    403: { description: BUILT_IN },
    409: { description: "The set has results: archive it instead." },
  },
  handler: async (c, { param: { slug } }) => {
    await deleteSet(c.var.db, currentTeacher(c).id, slug);
    return c.body(null, 204);
  },
});
