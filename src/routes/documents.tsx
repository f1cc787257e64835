import { Hono } from "hono";
import * as z from "zod/mini";
import { highlightPassage } from "../content/highlight.ts";
import { DOCUMENT_ID_PATTERN } from "../content/ids.ts";
import { findReadableDocument } from "../db/queries/documents.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../lib/errors.ts";
import { loadTeacher } from "../lib/teacher-auth.ts";
import { routeParams } from "../lib/validation.ts";
import { documentName, headlineOf } from "../views/components/passages.tsx";
import { ReaderPage } from "../views/pages/reader.tsx";

export const documentRoutes = new Hono<AppEnv>();

// A teacher may read their own unpublished documents (e.g. from a set's preview).
documentRoutes.use(loadTeacher);

/** The reader: the whole document, with the passage in `?hl=` highlighted. */
documentRoutes.get(
  "/:id",
  routeParams(z.object({ id: z.string().check(z.regex(DOCUMENT_ID_PATTERN)) }), () => new NotFoundError("document")),
  async (c) => {
    const document = await findReadableDocument(c.var.db, c.req.valid("param").id, c.var.teacher?.id);
    if (!document) throw new NotFoundError("document");
    const quote = c.req.query("hl")?.slice(0, 2000);
    const { paragraphs, found } = highlightPassage(document.body, quote);
    const highlight = !quote ? "none" : found ? "found" : "missing";
    return c.render(<ReaderPage document={document} paragraphs={paragraphs} highlight={highlight} />, {
      title: `${documentName(document)}: ${headlineOf(document.title).about}`,
    });
  },
);
