import { Hono } from "hono";
import { contentHash } from "../../content/hash.ts";
import { findDocumentForTeacher, insertTeacherDocument, listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import type { AppEnv } from "../../env.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher, requireApiToken } from "../../lib/teacher-auth.ts";
import { routeParams } from "../../lib/validation.ts";
import { documentUpload, toSourceDocument } from "../../teach/upload.ts";
import { presentDocument, presentDocumentSummary } from "./present.ts";
import { type DocumentSummary, documentIdParam } from "./schemas.ts";
import { apiBodyLimit, jsonBody, requireJson } from "./validation.ts";

/** /api/documents: source documents a teacher's sets may quote (their own and the built-in ones). */
export const documentApi = new Hono<AppEnv>();

documentApi.use(requireApiToken, apiBodyLimit);

documentApi.get("/", async (c) => {
  const rows = await listDocumentsForTeacher(c.var.db, currentTeacher(c).id);
  return c.json({ documents: rows.map(presentDocumentSummary) });
});

documentApi.post("/", requireJson, jsonBody(documentUpload), async (c) => {
  const document = toSourceDocument(c.req.valid("json"));
  await insertTeacherDocument(c.var.db, currentTeacher(c).id, document, await contentHash(document));
  const created: DocumentSummary = { id: document.id, title: document.title, outlet: document.outlet, date: document.date, builtIn: false };
  return c.json(created, 201, { Location: `/api/documents/${document.id}` });
});

documentApi.get(
  "/:id",
  routeParams(documentIdParam, () => new NotFoundError("document")),
  async (c) => {
    const row = await findDocumentForTeacher(c.var.db, currentTeacher(c).id, c.req.valid("param").id);
    if (!row) throw new NotFoundError("document");
    return c.json(presentDocument(row));
  },
);
