import type { Database } from "../../db/client.ts";
import { loadEditable, ownSet, unpublishSet } from "../../db/queries/drafts.ts";
import { findSetForTeacher, listSetsForTeacher, listSetVersions, versionQuestions } from "../../db/queries/teacher-sets.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { downloadHeaders, exportSetForTeacher } from "../../teach/export.ts";
import { publishTeacherSet } from "../../teach/publish.ts";
import { createSetFromUpload, updateSetFromUpload } from "../../teach/set-uploads.ts";
import { setUpload } from "../../teach/upload.ts";
import { defineRoute } from "./define.ts";
import { EXAMPLE_SET_UPDATE, EXAMPLE_SET_UPLOAD } from "./examples.ts";
import { presentSetDetail, presentSetSummary } from "./present.ts";
import { exportQuery, type SavedVersion, type SetSummary, savedVersion, setDetail, setList, setSummary, setUpdate, slugParam } from "./schemas.ts";

/** /api/sets: the teacher's own question sets, and the built-in library read-only. */

/** One set as the teacher sees it, or 404 for another teacher's set or an unknown slug. */
export async function summaryOf(db: Database, teacherId: string, slug: string): Promise<SetSummary> {
  const set = await findSetForTeacher(db, teacherId, slug);
  if (!set) throw new NotFoundError("quiz");
  return presentSetSummary(set);
}

defineRoute({
  method: "get",
  path: "/sets",
  operationId: "listSets",
  summary: "List your sets and the built-in ones",
  description: "Your own sets in any state, and the published built-in sets (marked `builtIn`, read-only).",
  tag: "Sets",
  responses: { 200: { description: "Your sets and the built-in ones, by slug.", schema: setList } },
  handler: async (c) => {
    const rows = await listSetsForTeacher(c.var.db, currentTeacher(c).id);
    return c.json({ sets: rows.map(presentSetSummary) });
  },
});

defineRoute({
  method: "post",
  path: "/sets",
  operationId: "createSet",
  summary: "Add a new set as a draft",
  description:
    "Parses `content` in the given format, checks every quote against your documents and the built-in ones, and stores version 1 as a draft. Students do not see it until you publish it. A GIFT, Moodle XML or Aiken file imports every question it can: `importNotes` lists each question left out or changed, with its line. The file is refused (400, nothing stored) only when it cannot be read or has no question to answer.",
  tag: "Sets",
  body: setUpload,
  example: EXAMPLE_SET_UPLOAD,
  responses: { 201: { description: "Stored as a draft.", schema: savedVersion }, 409: { description: "The slug is already one of your sets." } },
  handler: async (c, { body: upload }) => {
    const saved = await createSetFromUpload(c.var.db, currentTeacher(c).id, upload);
    return c.json({ slug: upload.slug, status: "draft", ...saved } satisfies SavedVersion, 201, { Location: `/api/sets/${upload.slug}` });
  },
});

defineRoute({
  method: "get",
  path: "/sets/:slug",
  operationId: "getSet",
  summary: "Read one set, its versions and questions",
  description: "Your own set or a built-in one. Questions include answers, feedback, explanations and sources.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: { 200: { description: "The set.", schema: setDetail } },
  handler: async (c, { param }) => {
    const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, param.slug);
    if (!set) throw new NotFoundError("quiz");
    const [versions, current, draft] = await Promise.all([
      listSetVersions(c.var.db, set.id),
      set.current ? versionQuestions(c.var.db, set.current.id) : null,
      set.draft ? loadEditable(c.var.db, set).then((editable) => editable.content.questions) : null,
    ]);
    return c.json(presentSetDetail(set, versions, { current, draft }));
  },
});

defineRoute({
  method: "put",
  path: "/sets/:slug",
  operationId: "updateSet",
  summary: "Upload a new version of your set",
  description:
    "Stores the upload as the set's draft (replacing unpublished changes). Publish the set to give it to students; attempts already started keep the version they began on.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  body: setUpdate,
  example: EXAMPLE_SET_UPDATE,
  responses: { 200: { description: "Stored as a draft.", schema: savedVersion }, 403: { description: "A built-in set: duplicate it to edit a copy." } },
  handler: async (c, { param: { slug }, body }) => {
    const teacherId = currentTeacher(c).id;
    // Ownership before the content is parsed: a set the teacher may not edit is refused, and nothing is written.
    await ownSet(c.var.db, teacherId, slug);
    if (body.slug !== undefined && body.slug !== slug)
      throw new BadRequestError("The slug in the body does not match the URL. Leave it out, or send the same slug.", [
        { path: "slug", message: `expected "${slug}"` },
      ]);
    const saved = await updateSetFromUpload(c.var.db, teacherId, slug, { ...body, slug });
    return c.json({ slug, status: "draft", ...saved } satisfies SavedVersion);
  },
});

defineRoute({
  method: "get",
  path: "/sets/:slug/export",
  operationId: "exportSet",
  summary: "Download a set for Moodle",
  description:
    "Your own set (its draft if it has one) or a built-in one, as a file Moodle's question bank imports: passages and context are written into the question text, sources into the general feedback. What Moodle cannot express is noted in comments in the file.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  query: exportQuery,
  responses: { 200: { description: "The file, sent as an attachment.", text: ["text/plain", "application/xml"] } },
  handler: async (c, { param, query }) => {
    const file = await exportSetForTeacher(c.var.db, currentTeacher(c).id, param.slug, query.format);
    return c.body(file.body, 200, downloadHeaders(file));
  },
});

defineRoute({
  method: "post",
  path: "/sets/:slug/publish",
  operationId: "publishSet",
  summary: "Publish your set",
  description: "Makes the latest version the one new attempts get, and lists the set for students. No body.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: {
    200: { description: "The set after publishing.", schema: setSummary },
    400: { description: "The draft fails a check (schema or quotes); `details` says where." },
    403: { description: "A built-in set." },
  },
  handler: async (c, { param: { slug } }) => {
    const teacherId = currentTeacher(c).id;
    await publishTeacherSet(c.var.db, teacherId, slug);
    return c.json(await summaryOf(c.var.db, teacherId, slug));
  },
});

defineRoute({
  method: "post",
  path: "/sets/:slug/unpublish",
  operationId: "unpublishSet",
  summary: "Unpublish your set",
  description: "Hides the set from students. Attempts and results are kept. No body.",
  tag: "Sets",
  params: slugParam,
  notFound: "quiz",
  responses: { 200: { description: "The set after unpublishing.", schema: setSummary }, 403: { description: "A built-in set." } },
  handler: async (c, { param: { slug } }) => {
    const teacherId = currentTeacher(c).id;
    await unpublishSet(c.var.db, teacherId, slug);
    return c.json(await summaryOf(c.var.db, teacherId, slug));
  },
});
