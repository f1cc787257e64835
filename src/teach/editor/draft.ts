import { referencedDocuments } from "../../content/references.ts";
import type { Question, QuestionSet } from "../../content/schema.ts";

/**
 * Pure changes to a draft set. Each question in a draft is valid on its own (the editor checks
 * it before writing); set-wide rules (a source per question, at least one scored question) are
 * checked when publishing. The set's skills and documents follow from its questions.
 */

export function emptyDraft(title: string, summary: string): QuestionSet {
  return {
    title,
    summary,
    skills: [] as unknown as QuestionSet["skills"],
    sources: "required",
    mode: "practice",
    shuffleQuestions: false,
    confidence: false,
    certaintyMarking: false,
    documents: [],
    questions: [],
  };
}

/** Every student-facing text of a question, where `[[id]]` references may appear. */
export function questionTexts(q: Question): string[] {
  const texts = [q.prompt, q.context, q.explanation];
  if ("options" in q) for (const o of q.options) texts.push(o.text, o.feedback);
  if ("answers" in q) for (const a of q.answers) texts.push(a.feedback);
  if ("claim" in q) texts.push(q.claim);
  if ("pairs" in q) for (const p of q.pairs) texts.push(p.prompt, p.answer);
  return texts.filter((t): t is string => typeof t === "string");
}

/** Documents a question cites: its passages, sources and `[[id]]` references. */
export function citedDocuments(q: Question): string[] {
  return [...q.passages.map((p) => p.document), ...q.sources.map((s) => s.document), ...questionTexts(q).flatMap(referencedDocuments)];
}

/** Keeps `previous` order for what is still wanted, then adds the rest in the order met. */
function follow<T>(previous: readonly T[], wanted: readonly T[]): T[] {
  const want = new Set(wanted);
  const kept = previous.filter((item) => want.has(item));
  const seen = new Set(kept);
  for (const item of wanted) {
    if (seen.has(item)) continue;
    seen.add(item);
    kept.push(item);
  }
  return kept;
}

/** The set's skills and documents, derived from its questions after an edit. */
export function withDerivedLists(draft: QuestionSet): QuestionSet {
  return {
    ...draft,
    skills: follow(
      draft.skills,
      draft.questions.map((q) => q.skill),
    ) as QuestionSet["skills"],
    documents: follow(draft.documents, draft.questions.flatMap(citedDocuments)),
  };
}

export function findQuestion(draft: QuestionSet, key: string): { question: Question; index: number } | undefined {
  const index = draft.questions.findIndex((q) => q.id === key);
  const question = draft.questions[index];
  return question ? { question, index } : undefined;
}

/** A question id not used in the draft: `base`, else `base-2`, `base-3`… */
export function uniqueQuestionId(draft: QuestionSet, base: string, except?: string): string {
  const used = new Set(draft.questions.map((q) => q.id).filter((id) => id !== except));
  const stem = base.slice(0, 60).replace(/-+$/, "") || "question";
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A question id from the first words of a prompt. */
export function idFromPrompt(prompt: string): string {
  return (
    prompt
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\[\[[^\]]*\]\]/g, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" ")
      .filter(Boolean)
      .slice(0, 6)
      .join("-")
      .slice(0, 48)
      .replace(/-+$/, "") || "question"
  );
}

function withQuestions(draft: QuestionSet, questions: Question[]): QuestionSet {
  return withDerivedLists({ ...draft, questions });
}

export function replaceQuestion(draft: QuestionSet, index: number, question: Question): QuestionSet {
  return withQuestions(
    draft,
    draft.questions.map((q, i) => (i === index ? question : q)),
  );
}

export function appendQuestion(draft: QuestionSet, question: Question): QuestionSet {
  return withQuestions(draft, [...draft.questions, question]);
}

export function removeQuestion(draft: QuestionSet, index: number): QuestionSet {
  return withQuestions(
    draft,
    draft.questions.filter((_, i) => i !== index),
  );
}

/** A copy placed right after the original, with a fresh id. */
export function duplicateQuestion(draft: QuestionSet, index: number): { draft: QuestionSet; id: string } {
  const original = draft.questions[index];
  if (!original) return { draft, id: "" };
  const id = uniqueQuestionId(draft, `${original.id.slice(0, 55)}-copy`);
  const questions = [...draft.questions];
  questions.splice(index + 1, 0, { ...structuredClone(original), id });
  return { draft: withQuestions(draft, questions), id };
}

/** Moves a question to `to` (0-based, clamped). */
export function moveQuestion(draft: QuestionSet, index: number, to: number): QuestionSet {
  const questions = [...draft.questions];
  const [moved] = questions.splice(index, 1);
  if (!moved) return draft;
  questions.splice(Math.max(0, Math.min(to, questions.length)), 0, moved);
  return { ...draft, questions };
}
