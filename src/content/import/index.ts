import { type ContentIssue, formatPath, type ParseResult, parseQuestionSet } from "../parse.ts";
import { type QuestionInput, type QuestionSet, type QuestionSetInput, questionSet } from "../schema.ts";
import type { Difficulty, QuestionType, SkillId } from "../skills.ts";
import { readAiken } from "./aiken.ts";
import { readGift } from "./gift.ts";

/**
 * Importing question sets written in other quiz formats. GIFT (Moodle) and Aiken are read into
 * drafts, converted to the project's own shape and then validated by the same zod schema as
 * every other set, so an import can never bypass a rule.
 */

export type ImportFormat = "sourcewise" | "gift" | "aiken";

/** Metadata GIFT and Aiken files cannot carry; the project's own format ignores it. */
export interface ImportOptions {
  title: string;
  summary: string;
  skill: SkillId;
  difficulty: Difficulty;
}

/** The schema's limits, checked while reading so huge input stops early with one clear issue. */
export interface ImportLimits {
  questions: number;
  options: number;
}
export const IMPORT_LIMITS: ImportLimits = { questions: 200, options: 8 };

export const DEFAULT_RIGHT_FEEDBACK = "This is a correct answer.";
export const DEFAULT_WRONG_FEEDBACK = "This is not a correct answer.";
export const DEFAULT_EXPLANATION = "No explanation was given for this question.";

/** One answer option as written, before ids and defaults are applied. */
export interface DraftOption {
  text: string;
  correct: boolean;
  feedback?: string;
}

/** One question as read from a GIFT or Aiken file. */
export interface DraftQuestion {
  /** Position among all questions in the file, including ones that failed to read. */
  index: number;
  /** Line on which the question starts in the pasted text. */
  line: number;
  /** GIFT `::Title::`, used to make the question id. */
  title?: string;
  type: Extract<QuestionType, "single" | "multiple" | "true_false">;
  prompt: string;
  options: DraftOption[];
  explanation?: string;
}

export interface DraftResult {
  questions: DraftQuestion[];
  issues: ContentIssue[];
}

const EXTENSION = /\.([a-z0-9]+)$/;

function looksLikeSourcewise(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) return trimmed.includes('"questions"');
  return /^title[ \t]*:/m.test(text) && /^questions[ \t]*:/m.test(text);
}

function looksLikeGift(text: string): boolean {
  // An answer block ({=…}, {~…}, {#…}, {}, {T}…) or a ::title:: at the start of a line.
  return /\{\s*(?:[=~#}]|(?:T|F|TRUE|FALSE)\s*[#}])/i.test(text) || /^[ \t]*::/m.test(text);
}

export function detectFormat(fileName: string | undefined, text: string): ImportFormat {
  const extension = EXTENSION.exec((fileName ?? "").toLowerCase())?.[1];
  if (extension === "yaml" || extension === "yml" || extension === "json") return "sourcewise";
  if (extension === "gift") return "gift";
  if (looksLikeSourcewise(text)) return "sourcewise";
  if (looksLikeGift(text)) return "gift";
  if (/^[ \t]*ANSWER[ \t]*:/m.test(text)) return "aiken";
  // GIFT's errors ("missing answer block") are the most helpful for text in no known format.
  return "gift";
}

const MAX_SLUG = 64;

function slugify(title: string): string {
  return title
    .slice(0, 200)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-|-$/g, "");
}

/** Question ids from titles (lower-case slugs) or position (q1, q2…), made unique in order. */
function questionIds(drafts: readonly DraftQuestion[]): string[] {
  const used = new Set<string>();
  return drafts.map((draft) => {
    const base = (draft.title && slugify(draft.title)) || `q${draft.index + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-$/, "")}${suffix}`;
    }
    used.add(id);
    return id;
  });
}

function optionId(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;
}

function toQuestion(draft: DraftQuestion, id: string, options: ImportOptions): QuestionInput {
  const ids = draft.type === "true_false" ? ["t", "f"] : draft.options.map((_, index) => optionId(index));
  const idAt = (index: number) => ids[index] ?? optionId(index);
  const correct = draft.options.flatMap((option, index) => (option.correct ? [idAt(index)] : []));
  const [only] = correct;
  return {
    id,
    type: draft.type,
    skill: options.skill,
    difficulty: options.difficulty,
    prompt: draft.prompt,
    options: draft.options.map((option, index) => ({
      id: idAt(index),
      text: option.text,
      feedback: option.feedback || (option.correct ? DEFAULT_RIGHT_FEEDBACK : DEFAULT_WRONG_FEEDBACK),
    })),
    // A lone id for one-answer types keeps the schema's "exactly one" check meaningful.
    answer: draft.type !== "multiple" && only !== undefined && correct.length === 1 ? only : correct,
    explanation: draft.explanation || DEFAULT_EXPLANATION,
  };
}

function byLine(a: ContentIssue, b: ContentIssue): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/** Convert drafts to a set and validate it, reporting zod's issues at the line each question starts. */
function finishImport(file: string, drafts: DraftResult, options: ImportOptions): ParseResult<QuestionSet> {
  const { questions, issues } = drafts;
  if (questions.length === 0) {
    if (issues.length > 0) return { ok: false, issues };
    return { ok: false, issues: [{ file, path: "", line: 1, message: "no questions found" }] };
  }
  const ids = questionIds(questions);
  const input: QuestionSetInput = {
    title: options.title,
    summary: options.summary,
    skills: [options.skill],
    sources: "none",
    documents: [],
    questions: questions.map((draft, index) => toQuestion(draft, ids[index] ?? `q${draft.index + 1}`, options)),
  };
  const lineOf = (path: readonly PropertyKey[]) => (path[0] === "questions" && typeof path[1] === "number" ? questions[path[1]]?.line : undefined);
  const result = questionSet.safeParse(input);
  const schemaIssues: ContentIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => {
        const [head, position, ...rest] = issue.path;
        // Renumber to the question's position in the file: questions that failed to read are not in `input`.
        const draft = head === "questions" && typeof position === "number" ? questions[position] : undefined;
        return {
          file,
          path: formatPath(draft ? ["questions", draft.index, ...rest] : issue.path),
          line: lineOf(issue.path),
          message: issue.message,
        };
      });
  const all = [...issues, ...schemaIssues].sort(byLine);
  if (all.length > 0 || !result.success) return { ok: false, issues: all };
  return { ok: true, value: result.data, lineOf };
}

export function parseImport(format: ImportFormat, file: string, text: string, options: ImportOptions): ParseResult<QuestionSet> {
  switch (format) {
    case "sourcewise":
      return parseQuestionSet(file, text);
    case "gift":
      return finishImport(file, readGift(file, text, IMPORT_LIMITS), options);
    case "aiken":
      return finishImport(file, readAiken(file, text, IMPORT_LIMITS), options);
  }
}
