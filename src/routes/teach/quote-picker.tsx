import { type Context, Hono } from "hono";
import { findDocumentForTeacher, listDocumentsForTeacher } from "../../db/queries/teacher-documents.ts";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { findQuestion } from "../../teach/editor/draft.ts";
import { openDraft } from "../../teach/editor/edit.ts";
import { attachQuote, type QuoteTarget } from "../../teach/editor/quotes.ts";
import { pickerParagraphs, quoteFromChoices, quoteFromOffsets } from "../../teach/editor/sentences.ts";
import { QuotePickerPage } from "../../views/pages/teach/editor/quote-picker.tsx";
import { questionParams } from "./editor.tsx";
import { revisionOf } from "./forms.ts";
import { inlineErrors, renderTeach } from "./render.tsx";

/** Picking a passage or source for a question from a document, verbatim by construction. */
export const teachQuotePickerRoutes = new Hono<AppEnv>();

const target = (value: unknown): QuoteTarget => (value === "passages" ? "passages" : "sources");

async function pickerPage(c: Context<AppEnv>, input: { slug: string; key: string; into: QuoteTarget; document?: string; error?: string }) {
  const teacherId = currentTeacher(c).id;
  const editable = await openDraft(c.var.db, teacherId, input.slug);
  const found = findQuestion(editable.content, input.key);
  if (!found) throw new NotFoundError("question");
  const document = input.document ? await findDocumentForTeacher(c.var.db, teacherId, input.document) : undefined;
  if (input.document && !document) throw new NotFoundError("document");
  const documents = document ? [] : await listDocumentsForTeacher(c.var.db, teacherId);
  return renderTeach(
    c,
    `Pick a quote for question ${found.index + 1}`,
    <QuotePickerPage
      slug={editable.set.slug}
      question={found.question}
      position={found.index + 1}
      into={input.into}
      revision={editable.revision}
      documents={documents}
      document={document}
      paragraphs={document ? pickerParagraphs(document.body) : undefined}
      csrfToken={c.var.csrfToken}
      error={input.error}
    />,
  );
}

teachQuotePickerRoutes.get("/sets/:slug/edit/questions/:key/quote", questionParams, async (c) => {
  const { slug, key } = c.req.valid("param");
  const document = c.req.query("document")?.slice(0, 64) || undefined;
  return pickerPage(c, { slug, key, into: target(c.req.query("into")), document });
});

const offset = (value: unknown) => (typeof value === "string" && /^\d{1,7}$/.test(value) ? Number(value) : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");

teachQuotePickerRoutes.post("/sets/:slug/edit/questions/:key/quote", questionParams, async (c) => {
  const { slug, key } = c.req.valid("param");
  const teacherId = currentTeacher(c).id;
  const form = await c.req.parseBody({ all: true });
  const into = target(form.into);
  const documentId = typeof form.document === "string" ? form.document.slice(0, 64) : "";
  const result = await inlineErrors(async () => {
    const document = await findDocumentForTeacher(c.var.db, teacherId, documentId);
    if (!document) throw new NotFoundError("document");
    const start = offset(form.start);
    const end = offset(form.end);
    // A selection (made with the script) wins; without one, the ticked sentences and paragraphs.
    const picked =
      start !== undefined && end !== undefined
        ? quoteFromOffsets(document.body, start, end)
        : quoteFromChoices(document.body, strings(form.s), strings(form.p));
    if (!picked.ok) throw new BadRequestError(picked.message, [{ path: "quote", message: picked.message }]);
    await attachQuote(c.var.db, teacherId, slug, { question: key, into, ref: { document: document.id, quote: picked.quote }, revision: revisionOf(form) });
  });
  if (result.ok) return c.redirect(`/teach/sets/${slug}/edit/questions/${key}?saved=1#${into === "passages" ? "f-passages" : "f-sources"}`, 303);
  c.status(result.error.status);
  const { message, details } = result.error;
  const error = [message, ...details.map((d) => d.message).filter((m) => m !== message)].join(" ");
  return pickerPage(c, { slug, key, into, document: documentId, error });
});
