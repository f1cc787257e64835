import { type ContentIssue, formatPath, type ParsedFile, parseQuestionSet } from "../parse.ts";
import { isScored, type QuestionInput, type QuestionSet, question as questionSchema, questionSet } from "../schema.ts";
import type { Difficulty, SkillId } from "../skills.ts";
import { readAiken } from "./aiken.ts";
import { readGift } from "./gift.ts";
import { fromMoodle, type ReadResult } from "./moodle-question.ts";
import { readMoodleXml, UnreadableXml } from "./moodle-xml.ts";

/**
 * Importing question sets written for Moodle: GIFT, Moodle XML and Aiken. Each reader turns the
 * file into Moodle's own question model; every question is then converted with Moodle's rules
 * and validated by the same zod schema as every other set, so an import can never bypass a
 * rule. A question that cannot be imported is left out and reported with its line; the file is
 * refused only when it cannot be read at all or has no question to answer.
 */

export const IMPORT_FORMATS = ["sourcewise", "gift", "aiken", "moodle-xml"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What GIFT, Aiken and Moodle XML cannot carry; the project's own format ignores it. */
export interface ImportOptions {
  /** The set's title; without one, the file's Moodle category names it, else `fallbackTitle`. */
  title?: string;
  summary?: string;
  fallbackTitle: string;
  skill: SkillId;
  difficulty: Difficulty;
}

/** The schema's limits, checked while reading so huge input stops early. */
export interface ImportLimits {
  questions: number;
  options: number;
}
export const IMPORT_LIMITS: ImportLimits = { questions: 200, options: 12 };

/** A question left out of the set, or imported with a change, and why: shown in the preview and returned by the API. */
export interface ImportNote {
  line?: number;
  /** The question's id in the set, or its Moodle name (or first words) if it was left out. */
  question: string;
  outcome: "left out" | "changed";
  message: string;
}

export type ImportResult = ({ ok: true; value: QuestionSet; lineOf: ParsedFile["lineOf"] } | { ok: false; issues: ContentIssue[] }) & { notes: ImportNote[] };

const MAX_NOTES = 200;
const EXTENSION = /\.([a-z0-9]+)$/;

function looksLikeSourcewise(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) return trimmed.includes('"questions"');
  return /^(?:title|questions)[ \t]*:/m.test(text) && !/^[ \t]*ANSWER[ \t]*:/m.test(text);
}

function looksLikeGift(text: string): boolean {
  // An answer block ({=…}, {~…}, {#…}, {}, {T}…), a ::title:: or a $CATEGORY: at the start of a line.
  return /\{\s*(?:[=~#}]|(?:T|F|TRUE|FALSE)\s*[#}])/.test(text) || /^[ \t]*(?:::|\$CATEGORY:)/m.test(text);
}

/** The format of an upload, from its file name or content; undefined when that is not clear. */
export function detectFormat(fileName: string | undefined, text: string): ImportFormat | undefined {
  const extension = EXTENSION.exec((fileName ?? "").toLowerCase())?.[1];
  if (extension === "yaml" || extension === "yml" || extension === "json") return "sourcewise";
  if (extension === "gift") return "gift";
  if (extension === "xml" || /^\s*(?:<\?xml|<quiz[\s>])/.test(text)) return "moodle-xml";
  if (looksLikeSourcewise(text)) return "sourcewise";
  const gift = looksLikeGift(text);
  const aiken = /^[ \t]*ANSWER[ \t]*:/m.test(text);
  if (gift !== aiken) return gift ? "gift" : "aiken";
  return undefined;
}

const MAX_SLUG = 64;

export function slugify(title: string): string {
  return title
    .slice(0, 200)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-|-$/g, "");
}

/** Question ids from Moodle names (as slugs) or the place in the file (q1, q2…), made unique in order. */
function questionIds(items: readonly { name?: string; position: number }[]): string[] {
  const used = new Set<string>();
  return items.map((item) => {
    const base = (item.name && slugify(item.name)) || `q${item.position}`;
    let id = base;
    for (let n = 2; used.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-$/, "")}${suffix}`;
    }
    used.add(id);
    return id;
  });
}

/** "$course$/top/Default for History/Unit 1" names the set "Unit 1". */
function categoryTitle(path: string | undefined): string | undefined {
  const parts = (path ?? "")
    .replace(/\/\//g, "\uE000")
    .split("/")
    .map((part) => part.replace(/\uE000/g, "/").trim())
    .filter((part) => part && part !== "top" && !part.startsWith("$"));
  return parts.at(-1)?.slice(0, 140);
}

function read(format: Exclude<ImportFormat, "sourcewise">, text: string): ReadResult {
  if (format === "gift") return readGift(text, IMPORT_LIMITS);
  if (format === "aiken") return readAiken(text, IMPORT_LIMITS);
  return readMoodleXml(text, IMPORT_LIMITS);
}

function readMoodle(format: Exclude<ImportFormat, "sourcewise">, file: string, text: string, options: ImportOptions): ImportResult {
  let result: ReadResult;
  try {
    result = read(format, text);
  } catch (error) {
    if (error instanceof UnreadableXml) return { ok: false, issues: [{ file, path: "", line: error.line, message: error.message }], notes: [] };
    throw error;
  }
  // Ids number questions by their place in the file, so fixing one question does not renumber the rest.
  const ids = questionIds(result.questions.map((q, index) => ({ name: q.name, position: q.position ?? index + 1 })));
  const notes: ImportNote[] = result.problems.map((p) => ({ line: p.line, question: p.name ?? "", outcome: "left out", message: p.message }));
  const kept: { question: QuestionInput; line: number }[] = [];
  result.questions.forEach((moodle, index) => {
    const id = ids[index] as string;
    const converted = fromMoodle(moodle, { id, skill: options.skill, difficulty: options.difficulty });
    const label = moodle.name ?? id;
    if ("problem" in converted) {
      notes.push({ line: moodle.line, question: label, outcome: "left out", message: converted.problem });
      return;
    }
    const checked = questionSchema.safeParse(converted.question);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path.length ? `${formatPath(issue.path)}: ` : "";
      notes.push({ line: moodle.line, question: label, outcome: "left out", message: `${where}${issue?.message ?? "does not fit the question format"}` });
      return;
    }
    kept.push({ question: converted.question, line: moodle.line });
    for (const message of converted.notes) notes.push({ line: moodle.line, question: id, outcome: "changed", message });
  });
  const categories = [...new Set(result.categories)];
  if (categories.length > 1)
    notes.push({
      line: 1,
      question: "",
      outcome: "changed",
      message: `the file's ${categories.length} Moodle categories (${categories.map(categoryTitle).join(", ")}) were merged into this one set`,
    });
  if (result.stoppedAt)
    notes.push({
      line: result.stoppedAt,
      question: "",
      outcome: "left out",
      message: `this question and the rest of the file: a set can have at most ${IMPORT_LIMITS.questions} questions, so split the file`,
    });
  notes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const reported =
    notes.length > MAX_NOTES
      ? [...notes.slice(0, MAX_NOTES), { question: "", outcome: "left out" as const, message: `and ${notes.length - MAX_NOTES} more` }]
      : notes;

  const refuse = (message: string): ImportResult => ({
    ok: false,
    issues: [
      { file, path: "", line: 1, message },
      ...reported.filter((n) => n.outcome === "left out").map((n) => ({ file, path: n.question, line: n.line, message: n.message })),
    ],
    notes: reported,
  });
  if (kept.length === 0) return refuse(result.problems.length + result.questions.length === 0 ? "no questions found" : "no question could be imported");
  if (!kept.some((k) => isScored(k.question as { type: QuestionInput["type"] })))
    return refuse("there is no question to answer: only descriptions (text without { }) or essays, which are never scored");

  const set = questionSet.safeParse({
    title: options.title || categoryTitle(result.categories[0]) || options.fallbackTitle,
    summary: options.summary || "Imported question set.",
    skills: [options.skill],
    sources: "none",
    documents: [],
    questions: kept.map((k) => k.question),
  });
  const lineOf = (path: readonly PropertyKey[]) => (path[0] === "questions" && typeof path[1] === "number" ? kept[path[1]]?.line : undefined);
  if (!set.success)
    return {
      ok: false,
      issues: set.error.issues.map((issue) => ({ file, path: formatPath(issue.path), line: lineOf(issue.path), message: issue.message })),
      notes: reported,
    };
  return { ok: true, value: set.data, lineOf, notes: reported };
}

export function parseImport(format: ImportFormat, file: string, text: string, options: ImportOptions): ImportResult {
  if (format === "sourcewise") return { ...parseQuestionSet(file, text), notes: [] };
  return readMoodle(format, file, text, options);
}
