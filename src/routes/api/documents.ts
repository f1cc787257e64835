import { contentHash } from "../../content/hash.ts";
import { findDocumentForTeacher, insertTeacherDocument, listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { documentUpload, toSourceDocument } from "../../teach/upload.ts";
import { defineRoute } from "./define.ts";
import { EXAMPLE_DOCUMENT_UPLOAD } from "./examples.ts";
import { presentDocument, presentDocumentSummary } from "./present.ts";
import { type DocumentSummary, documentIdParam, documentList, documentOut, documentSummary } from "./schemas.ts";

/** /api/documents: source documents a teacher's sets may quote (their own and the built-in ones). */

defineRoute({
  method: "get",
  path: "/documents",
  operationId: "listDocuments",
  summary: "List your documents and the built-in ones",
  tag: "Documents",
  responses: { 200: { description: "Documents your sets may quote, by id.", schema: documentList } },
  handler: async (c) => {
    const rows = await listDocumentsForTeacher(c.var.db, currentTeacher(c).id);
    return c.json({ documents: rows.map(presentDocumentSummary) });
  },
});

defineRoute({
  method: "post",
  path: "/documents",
  operationId: "createDocument",
  summary: "Add a source document",
  description: "Your sets can then list it in `documents` and quote it in `sources`. Other teachers cannot see it.",
  tag: "Documents",
  body: documentUpload,
  example: EXAMPLE_DOCUMENT_UPLOAD,
  responses: { 201: { description: "Stored.", schema: documentSummary }, 409: { description: "The id is already taken." } },
  handler: async (c, { body }) => {
    const document = toSourceDocument(body);
    await insertTeacherDocument(c.var.db, currentTeacher(c).id, document, await contentHash(document));
    const created: DocumentSummary = { id: document.id, title: document.title, outlet: document.outlet, date: document.date, builtIn: false };
    return c.json(created, 201, { Location: `/api/documents/${document.id}` });
  },
});

defineRoute({
  method: "get",
  path: "/documents/:id",
  operationId: "getDocument",
  summary: "Read one document, with its text",
  tag: "Documents",
  params: documentIdParam,
  notFound: "document",
  responses: { 200: { description: "The document.", schema: documentOut } },
  handler: async (c, { param }) => {
    const row = await findDocumentForTeacher(c.var.db, currentTeacher(c).id, param.id);
    if (!row) throw new NotFoundError("document");
    return c.json(presentDocument(row));
  },
});
