import { Hono } from "hono";
import { contentHash } from "../../content/hash.ts";
import { insertTeacherDocument, listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { zodDetails } from "../../lib/validation.ts";
import { documentUpload, toSourceDocument } from "../../teach/upload.ts";
import { DocumentsPage } from "../../views/pages/teach/documents.tsx";
import { formValues, inlineErrors, renderTeach } from "./render.tsx";

export const teachDocumentRoutes = new Hono<AppEnv>();

teachDocumentRoutes.get("/", async (c) => {
  const documents = await listDocumentsForTeacher(c.var.db, currentTeacher(c).id);
  return renderTeach(c, "Documents", <DocumentsPage documents={documents} csrfToken={c.var.csrfToken} values={{}} added={c.req.query("added")} />);
});

teachDocumentRoutes.post("/", async (c) => {
  const teacherId = currentTeacher(c).id;
  const form = await c.req.parseBody();
  const result = await inlineErrors(async () => {
    // Empty optional fields fall back to their defaults ("not stated", no URL).
    const filled = Object.fromEntries(Object.entries(formValues(form)).filter(([, value]) => value !== ""));
    const parsed = documentUpload.safeParse(filled);
    if (!parsed.success) throw new BadRequestError("Check the document and try again.", zodDetails(parsed.error));
    const document = toSourceDocument(parsed.data);
    await insertTeacherDocument(c.var.db, teacherId, document, await contentHash(document));
    return document.id;
  });
  if (result.ok) return c.redirect(`/teach/documents?added=${encodeURIComponent(result.value)}`, 303);
  c.status(result.error.status);
  const documents = await listDocumentsForTeacher(c.var.db, teacherId);
  return renderTeach(
    c,
    "Documents",
    <DocumentsPage documents={documents} csrfToken={c.var.csrfToken} values={formValues(form)} error={result.error.message} details={result.error.details} />,
  );
});
