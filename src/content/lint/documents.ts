import { bareDocumentIds, DOCUMENT_REFERENCE, type DocumentReference } from "../references.ts";
import type { Question, QuestionSet } from "../schema.ts";
import { paragraphsOf } from "../text.ts";
import { type LintFinding, plural, questionName } from "./findings.ts";

/** A document the lint may look up: how students see it named, and its text when known. */
export interface LintDocument {
  label?: string;
  body?: string;
}

interface TextField {
  path: (string | number)[];
  /** "the prompt", "option b", "the feedback on option b". */
  what: string;
  text: string;
  /** Shown with the question, before answering (feedback and explanations come after). */
  beforeAnswer: boolean;
}

/** Every text a student reads, with where it sits in the file. */
export function studentText(question: Question): TextField[] {
  const fields: TextField[] = [{ path: ["prompt"], what: "the prompt", text: question.prompt, beforeAnswer: true }];
  if (question.context) fields.push({ path: ["context"], what: "the context", text: question.context, beforeAnswer: true });
  if (question.type === "claim") fields.push({ path: ["claim"], what: "the claim", text: question.claim, beforeAnswer: true });
  if ("options" in question)
    question.options.forEach((option, o) => {
      fields.push({ path: ["options", o, "text"], what: `option ${option.id}`, text: option.text, beforeAnswer: true });
      if (option.feedback)
        fields.push({ path: ["options", o, "feedback"], what: `the feedback on option ${option.id}`, text: option.feedback, beforeAnswer: false });
    });
  if ("answers" in question)
    question.answers.forEach((answer, a) => {
      if (answer.feedback)
        fields.push({ path: ["answers", a, "feedback"], what: `the feedback on answer ${a + 1}`, text: answer.feedback, beforeAnswer: false });
    });
  if (question.type === "matching") {
    question.pairs.forEach((pair, p) => {
      fields.push({ path: ["pairs", p, "prompt"], what: `pair ${pair.id}`, text: pair.prompt, beforeAnswer: true });
      fields.push({ path: ["pairs", p, "answer"], what: `the answer of pair ${pair.id}`, text: pair.answer, beforeAnswer: true });
    });
    question.distractors.forEach((text, d) => {
      fields.push({ path: ["distractors", d], what: `extra answer ${d + 1}`, text, beforeAnswer: true });
    });
  }
  if (question.explanation) fields.push({ path: ["explanation"], what: "the explanation", text: question.explanation, beforeAnswer: false });
  return fields;
}

function references(text: string): DocumentReference[] {
  return [...text.matchAll(DOCUMENT_REFERENCE)].map((m) => (m[2] ? { document: m[1] as string, paragraph: Number(m[2]) } : { document: m[1] as string }));
}

/**
 * Documents named in text: never by bare file id, only documents the set lists, paragraphs
 * that exist, and a question that names a document shows it (a passage, or a paragraph link).
 * `candidates` are the ids a bare mention could mean: the set's documents and the library's.
 */
export function lintDocumentNames(
  set: Pick<QuestionSet, "documents" | "questions">,
  documents: ReadonlyMap<string, LintDocument>,
  candidates: Iterable<string>,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const ids = [...new Set([...set.documents, ...candidates])];
  const paragraphCount = new Map<string, number>();
  const countParagraphs = (id: string, body: string) => {
    const count = paragraphCount.get(id) ?? paragraphsOf(body).length;
    paragraphCount.set(id, count);
    return count;
  };
  set.questions.forEach((question, index) => {
    const at = (path: (string | number)[]) => ["questions", index, ...path];
    const say = (text: string) => `${questionName(index)}: ${text}`;
    const named = (id: string) => {
      const label = documents.get(id)?.label;
      return `document ${id}${label ? ` ("${label}")` : ""}`;
    };
    const fields = studentText(question);
    for (const field of fields) {
      // html questions are matched on their text, not their tags; "$1,000" is a number, not document 000.
      const text = (question.markup === "html" ? field.text.replace(/<[^>]*>/g, " ") : field.text).replace(/\d+(?:[,.]\d+)+/g, " ");
      for (const id of bareDocumentIds(text, ids)) {
        const label = documents.get(id)?.label;
        findings.push({
          rule: "bare-document-id",
          path: at(field.path),
          message: say(
            `${field.what} names document ${id} by its file id, which students never see. Write [[${id}]] instead${label ? `: students see "${label}"` : ""}.`,
          ),
        });
      }
      for (const ref of references(field.text)) {
        if (!set.documents.includes(ref.document)) {
          findings.push({
            rule: "unlisted-reference",
            path: at(field.path),
            message: say(
              `${field.what} refers to document ${ref.document}, which is not in the set's documents. Add "${ref.document}" to documents, or fix the id.`,
            ),
          });
          continue;
        }
        const body = documents.get(ref.document)?.body;
        if (ref.paragraph === undefined || body === undefined) continue;
        const count = countParagraphs(ref.document, body);
        if (ref.paragraph < 1 || ref.paragraph > count)
          findings.push({
            rule: "missing-paragraph",
            path: at(field.path),
            message: say(`${field.what} points to paragraph ${ref.paragraph} of ${named(ref.document)}, which has ${plural(count, "paragraph")}.`),
          });
      }
    }
    // A question that names a document must let the student see it while answering.
    const shown = new Set(question.passages.map((p) => p.document));
    const before = fields.filter((f) => f.beforeAnswer).flatMap((f) => references(f.text));
    for (const ref of before) if (ref.paragraph !== undefined) shown.add(ref.document);
    const unseen = [...new Set(before.map((r) => r.document))].filter((id) => !shown.has(id) && set.documents.includes(id));
    for (const id of unseen)
      findings.push({
        rule: "evidence-not-shown",
        path: at(["passages"]),
        message: say(
          `it refers to ${named(id)} but shows no passage from it. Add a passage from ${id}, or point to the paragraph to read with [[${id}#N]] (a link to the reader).`,
        ),
      });
  });
  return findings;
}
