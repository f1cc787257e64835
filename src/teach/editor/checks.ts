import { checkQuotes } from "../../content/library.ts";
import { formatPath } from "../../content/parse.ts";
import { referencedDocuments } from "../../content/references.ts";
import { type Question, type QuestionSet, question as questionSchema, questionSet } from "../../content/schema.ts";
import { closestPassage, locateQuote, prepareDocument } from "../../content/text.ts";
import type { Database } from "../../db/client.ts";
import { documentBodiesForTeacher } from "../../db/queries/teacher-documents.ts";
import { BadRequestError, type ErrorDetail } from "../../lib/errors.ts";
import { zodDetails } from "../../lib/validation.ts";
import { citedDocuments } from "./draft.ts";

/**
 * The checks an upload runs (the shared schema, then every quote verbatim against the
 * documents this teacher may cite), applied to one question of a draft as the editor saves it,
 * and to the whole draft when it is published. Paths are relative to the question.
 */
export type QuestionCheck = { ok: true; question: Question } | { ok: false; details: ErrorDetail[] };

export async function checkQuestion(db: Database, teacherId: string, draft: QuestionSet, input: unknown, index: number): Promise<QuestionCheck> {
  const parsed = questionSchema.safeParse(input);
  const details: ErrorDetail[] = parsed.success ? [] : zodDetails(parsed.error);
  const question = parsed.success ? parsed.data : undefined;
  const id = question?.id ?? (input as { id?: unknown }).id;
  if (draft.questions.some((q, i) => i !== index && q.id === id))
    details.push({ path: "id", message: `another question in this set already has the id "${id}"` });
  // Quotes are checked even when another field is wrong, so every problem shows at once.
  const refs = readableRefs(input);
  const documents = [...new Set([...refs.map((ref) => ref.document), ...(question ? citedDocuments(question) : [])])];
  const bodies = await documentBodiesForTeacher(db, teacherId, documents);
  const prepared = new Map([...bodies].map(([docId, { body }]) => [docId, prepareDocument(body)]));
  for (const ref of refs) {
    const text = prepared.get(ref.document);
    if (!text) details.push({ path: `${ref.field}[${ref.index}].document`, message: noDocument(ref.document) });
    else if (!locateQuote(text, ref.quote))
      details.push({
        path: `${ref.field}[${ref.index}].quote`,
        message: `not found in document ${ref.document} (closest passage: "${closestPassage(text, ref.quote)}")`,
      });
  }
  if (question) {
    for (const docId of documents.filter((d) => !bodies.has(d) && !refs.some((ref) => ref.document === d)))
      details.push({ path: whereCited(question, docId), message: noDocument(docId) });
    // Evidence sentences must come from the passage, word for word.
    const probe = { ...draft, documents: documents.filter((d) => bodies.has(d)), questions: [question] } as QuestionSet;
    for (const issue of checkQuotes("draft", probe, () => undefined, bodies))
      if (issue.path.startsWith("questions[0].options")) details.push({ path: issue.path.slice("questions[0].".length), message: issue.message });
  }
  return question && details.length === 0 ? { ok: true, question } : { ok: false, details };
}

const noDocument = (id: string) => `there is no document "${id}" among your documents and the built-in ones`;

/** The passages and sources of a question input that have a document and a quote to check. */
function readableRefs(input: unknown): { field: "passages" | "sources"; index: number; document: string; quote: string }[] {
  const record = (input ?? {}) as Record<string, unknown>;
  return (["passages", "sources"] as const).flatMap((field) => {
    const list = Array.isArray(record[field]) ? (record[field] as unknown[]) : [];
    return list.flatMap((ref, index) => {
      const { document, quote } = (ref ?? {}) as { document?: unknown; quote?: unknown };
      return typeof document === "string" && typeof quote === "string" && quote.trim() ? [{ field, index, document, quote }] : [];
    });
  });
}

/** The first field of a question that names document `id`, for placing an error beside it. */
function whereCited(q: Question, id: string): string {
  for (const field of ["passages", "sources"] as const) {
    const at = q[field].findIndex((ref) => ref.document === id);
    if (at >= 0) return formatPath([field, at, "document"]);
  }
  const texts: [string, string | undefined][] = [
    ["prompt", q.prompt],
    ["context", q.context],
    ["explanation", q.explanation],
    ["claim", "claim" in q ? q.claim : undefined],
  ];
  if ("options" in q)
    q.options.forEach((o, i) => {
      texts.push([`options[${i}].text`, o.text], [`options[${i}].feedback`, o.feedback]);
    });
  return texts.find(([, text]) => text && referencedDocuments(text).includes(id))?.[0] ?? "prompt";
}

/**
 * The whole draft through the upload's checks. Returns the parsed set, or throws a 400 whose
 * details name each problem's place (`questions[2].sources`).
 */
export async function checkSetForPublishing(db: Database, teacherId: string, draft: QuestionSet): Promise<QuestionSet> {
  const details = await publishProblems(db, teacherId, draft);
  if (details.problems.length > 0 || !details.set)
    throw new BadRequestError(
      `The set cannot be published yet: ${details.problems.length} problem${details.problems.length === 1 ? "" : "s"} to fix first.`,
      details.problems,
    );
  return details.set;
}

/** What stands between a draft and publishing, listed (empty when it may be published). */
export async function publishProblems(db: Database, teacherId: string, draft: QuestionSet): Promise<{ set?: QuestionSet; problems: ErrorDetail[] }> {
  const parsed = questionSet.safeParse(draft);
  if (!parsed.success) return { problems: zodDetails(parsed.error) };
  const bodies = await documentBodiesForTeacher(db, teacherId, parsed.data.documents);
  const problems = checkQuotes("draft", parsed.data, () => undefined, bodies).map((issue) => ({ path: issue.path || undefined, message: issue.message }));
  return problems.length > 0 ? { problems } : { set: parsed.data, problems };
}
