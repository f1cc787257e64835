import { checkQuotes } from "../../content/library.ts";
import { formatPath } from "../../content/parse.ts";
import { referencedDocuments } from "../../content/references.ts";
import { type Question, type QuestionSet, question as questionSchema, questionSet } from "../../content/schema.ts";
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
  if (!parsed.success) return { ok: false, details: zodDetails(parsed.error) };
  const question = parsed.data;
  const details: ErrorDetail[] = [];
  if (draft.questions.some((q, i) => i !== index && q.id === question.id))
    details.push({ path: "id", message: `another question in this set already has the id "${question.id}"` });
  const documents = [...new Set(citedDocuments(question))];
  const bodies = await documentBodiesForTeacher(db, teacherId, documents);
  for (const id of documents.filter((d) => !bodies.has(d)))
    details.push({ path: whereCited(question, id), message: `there is no document "${id}" among your documents and the built-in ones` });
  const probe = { ...draft, documents: documents.filter((d) => bodies.has(d)), questions: [question] } as QuestionSet;
  for (const issue of checkQuotes("draft", probe, () => undefined, bodies)) {
    if (issue.path.startsWith("questions[0].")) details.push({ path: issue.path.slice("questions[0].".length), message: issue.message });
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, question };
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
