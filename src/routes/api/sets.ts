import type { Context } from "hono";
import { Hono } from "hono";
import { loadEditable, ownSet, unpublishSet } from "../../db/queries/drafts.ts";
import { findSetForTeacher, listSetsForTeacher, listSetVersions, versionQuestions } from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher, requireApiToken } from "../../lib/teacher-auth.ts";
import { queryParams, routeParams } from "../../lib/validation.ts";
import { downloadHeaders, exportQuery, exportSetForTeacher } from "../../teach/export.ts";
import { publishTeacherSet } from "../../teach/publish.ts";
import { createSetFromUpload, updateSetFromUpload } from "../../teach/set-uploads.ts";
import { setUpload } from "../../teach/upload.ts";
import { presentSetDetail, presentSetSummary } from "./present.ts";
import { type SavedVersion, type SetSummary, setUpdate, slugParam } from "./schemas.ts";
import { apiBodyLimit, jsonBody, requireJson } from "./validation.ts";

/** /api/sets: the teacher's own question sets, and the built-in library read-only. */
export const setApi = new Hono<AppEnv>();

setApi.use(requireApiToken, apiBodyLimit);

const notFound = () => new NotFoundError("quiz");
const slugRoute = routeParams(slugParam, notFound);

/** One set as the teacher sees it, or 404 for another teacher's set or an unknown slug. */
async function summaryOf(c: Context<AppEnv>, slug: string): Promise<SetSummary> {
  const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, slug);
  if (!set) throw notFound();
  return presentSetSummary(set);
}

setApi.get("/", async (c) => {
  const rows = await listSetsForTeacher(c.var.db, currentTeacher(c).id);
  return c.json({ sets: rows.map(presentSetSummary) });
});

setApi.post("/", requireJson, jsonBody(setUpload), async (c) => {
  const upload = c.req.valid("json");
  const saved = await createSetFromUpload(c.var.db, currentTeacher(c).id, upload);
  return c.json({ slug: upload.slug, status: "draft", ...saved } satisfies SavedVersion, 201, { Location: `/api/sets/${upload.slug}` });
});

setApi.get("/:slug", slugRoute, async (c) => {
  const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, c.req.valid("param").slug);
  if (!set) throw notFound();
  const [versions, current, draft] = await Promise.all([
    listSetVersions(c.var.db, set.id),
    set.current ? versionQuestions(c.var.db, set.current.id) : null,
    set.draft ? loadEditable(c.var.db, set).then((editable) => editable.content.questions) : null,
  ]);
  return c.json(presentSetDetail(set, versions, { current, draft }));
});

setApi.put("/:slug", slugRoute, requireJson, jsonBody(setUpdate), async (c) => {
  const { slug } = c.req.valid("param");
  const body = c.req.valid("json");
  const teacherId = currentTeacher(c).id;
  // Ownership before the content is parsed: a set the teacher may not edit is refused, and nothing is written.
  await ownSet(c.var.db, teacherId, slug);
  if (body.slug !== undefined && body.slug !== slug)
    throw new BadRequestError("The slug in the body does not match the URL. Leave it out, or send the same slug.", [
      { path: "slug", message: `expected "${slug}"` },
    ]);
  const saved = await updateSetFromUpload(c.var.db, teacherId, slug, { ...body, slug });
  return c.json({ slug, status: "draft", ...saved } satisfies SavedVersion);
});

/** The set as a file Moodle imports; see exportSetForTeacher for which version. */
setApi.get("/:slug/export", slugRoute, queryParams(exportQuery), async (c) => {
  const file = await exportSetForTeacher(c.var.db, currentTeacher(c).id, c.req.valid("param").slug, c.req.valid("query").format);
  return c.body(file.body, 200, downloadHeaders(file));
});

setApi.post("/:slug/publish", slugRoute, async (c) => {
  const { slug } = c.req.valid("param");
  await publishTeacherSet(c.var.db, currentTeacher(c).id, slug);
  return c.json(await summaryOf(c, slug));
});

setApi.post("/:slug/unpublish", slugRoute, async (c) => {
  const { slug } = c.req.valid("param");
  await unpublishSet(c.var.db, currentTeacher(c).id, slug);
  return c.json(await summaryOf(c, slug));
});
