import type { Context } from "hono";
import { loadEditable, writeDraft } from "../../db/queries/drafts.ts";
import { findSetForTeacher } from "../../db/queries/teacher-sets.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { checkQuestion } from "../../teach/editor/checks.ts";
import { findQuestion, replaceQuestion } from "../../teach/editor/draft.ts";
import { changeQuestion, openDraft } from "../../teach/editor/edit.ts";
import { draftQuestionOut, questionParam, revisionQuery } from "./class-schemas.ts";
import { defineRoute } from "./define.ts";
import { EXAMPLE_QUESTION } from "./examples.ts";
import { questionIn } from "./schemas.ts";

/**
 * One question of a set's draft, by its id: the editor's domain functions, with the same checks
 * as a save in the teacher area (schema, quotes verbatim). Changes go to the draft; publishing
 * the set makes them one new version.
 */

const revisionOf = (query: { revision?: string }) => (query.revision === undefined ? undefined : Number(query.revision));
const BUILT_IN = "A built-in set: duplicate it to get a copy you can edit.";

defineRoute({
  method: "get",
  path: "/sets/:slug/questions/:questionId",
  operationId: "getQuestion",
  summary: "Read one question of a set",
  description: "From your set's draft if it has one, else its published version; a built-in set's published question.",
  tag: "Questions",
  params: questionParam,
  notFound: "question",
  responses: { 200: { description: "The question, its position and the draft's revision.", schema: draftQuestionOut } },
  handler: async (c, { param }) => {
    const set = await findSetForTeacher(c.var.db, currentTeacher(c).id, param.slug);
    if (!set) throw new NotFoundError("question");
    const editable = await loadEditable(c.var.db, set);
    const found = findQuestion(editable.content, param.questionId);
    if (!found) throw new NotFoundError("question");
    return c.json({ position: found.index + 1, revision: editable.revision, question: found.question });
  },
});

defineRoute({
  method: "put",
  path: "/sets/:slug/questions/:questionId",
  operationId: "updateQuestion",
  summary: "Replace one question in your set's draft",
  description:
    "Send the whole question in the set format; its `id` must be the one in the URL. It is checked as a save in the editor is (schema, and every quote verbatim against its document) and nothing is written if a check fails. Publish the set to give the change to students.",
  tag: "Questions",
  params: questionParam,
  notFound: "question",
  query: revisionQuery,
  body: questionIn,
  example: EXAMPLE_QUESTION,
  responses: {
    200: { description: "Saved in the draft.", schema: draftQuestionOut },
    403: { description: BUILT_IN },
    409: { description: "The draft changed since the `revision` you sent: read it again." },
  },
  handler: async (c, { param, query }) => {
    const teacherId = currentTeacher(c).id;
    const editable = await openDraft(c.var.db, teacherId, param.slug);
    const found = findQuestion(editable.content, param.questionId);
    if (!found) throw new NotFoundError("question");
    const input = await rawBody(c);
    if (input.id !== param.questionId)
      throw new BadRequestError("The question's id must be the one in the URL.", [{ path: "id", message: `expected "${param.questionId}"` }]);
    const checked = await checkQuestion(c.var.db, teacherId, editable.content, input, found.index);
    if (!checked.ok) throw new BadRequestError("Check the question and try again.", checked.details);
    const revision = await writeDraft(
      c.var.db,
      { setId: editable.set.id, teacherId, revision: revisionOf(query) ?? editable.revision },
      replaceQuestion(editable.content, found.index, checked.question),
    );
    return c.json({ position: found.index + 1, revision, question: checked.question });
  },
});

/** The body as sent: the editor's checks read it raw, so every problem is reported with its path. */
async function rawBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  return (await c.req.json()) as Record<string, unknown>;
}

defineRoute({
  method: "delete",
  path: "/sets/:slug/questions/:questionId",
  operationId: "deleteQuestion",
  summary: "Delete one question from your set's draft",
  tag: "Questions",
  params: questionParam,
  notFound: "question",
  query: revisionQuery,
  responses: {
    204: { description: "Deleted from the draft." },
    403: { description: BUILT_IN },
    409: { description: "The draft changed since the `revision` you sent." },
  },
  handler: async (c, { param, query }) => {
    await changeQuestion(c.var.db, currentTeacher(c).id, param.slug, { key: param.questionId, action: "delete", revision: revisionOf(query) });
    return c.body(null, 204);
  },
});
