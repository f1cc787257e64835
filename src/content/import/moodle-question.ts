import { convertText, escapeHtml, type Removed, type TextFormat } from "../markup/moodle-text.ts";
import type { QuestionInput } from "../schema.ts";
import type { Difficulty, SkillId } from "../skills.ts";

/**
 * A question as Moodle holds it: what the GIFT, Moodle XML and Aiken readers produce, and what
 * the exporters write. Converting it to the project's schema applies Moodle's own rules (which
 * answers are right, how weights grade), and says in words what had to change.
 */

export interface MoodleText {
  text: string;
  format: TextFormat;
}

/** A numerical answer: a value ± tolerance, a range (GIFT `min..max`), or Moodle's `*` (any other number). */
export type NumericAnswer = { value: number; tolerance: number } | { min: number; max: number } | { any: true };

export interface MoodleAnswer {
  text: MoodleText;
  /** Moodle's grade for the answer: 1 is full marks, 0.5 half, -1 takes all the marks away. */
  fraction: number;
  feedback?: MoodleText;
  numeric?: NumericAnswer;
}

export type MoodleType = "multichoice" | "truefalse" | "shortanswer" | "numerical" | "match" | "essay" | "description";

export interface MoodleQuestion {
  qtype: MoodleType;
  /** Line in the uploaded file where the question starts. */
  line: number;
  /** Place among the file's questions, counting those that could not be read (1, 2…). */
  position?: number;
  name?: string;
  questiontext: MoodleText;
  generalfeedback?: MoodleText;
  /** Multiple choice: one answer (radio buttons) or several (checkboxes). */
  single?: boolean;
  shuffle?: boolean;
  /** Short answer: case matters. */
  usecase?: boolean;
  /** Choices, accepted texts or numbers; true/false has a "true" and a "false" answer. */
  answers: MoodleAnswer[];
  /** Matching items; an item with no text is an extra wrong answer. */
  subquestions: { text: MoodleText; answer: string }[];
  /** What the reader dropped or changed, for the import report. */
  notes: string[];
}

/** A question a reader could not use, with where and why. */
export interface ReadProblem {
  line: number;
  position?: number;
  name?: string;
  message: string;
}

export interface ReadResult {
  questions: MoodleQuestion[];
  problems: ReadProblem[];
  /** Moodle categories met in the file, in order. */
  categories: string[];
  /** Set when the file held more questions than a set may: the line where reading stopped. */
  stoppedAt?: number;
}

/** Moodle's "any other number" answer, as a range the schema and grading understand. */
export const ANY_NUMBER = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE } as const;

export function optionId(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;
const isFull = (fraction: number) => Math.abs(fraction - 1) < 1e-6;

interface Converted {
  html: string;
  plain?: string;
}

export interface QuestionBase {
  id: string;
  skill: SkillId;
  difficulty: Difficulty;
}

/** A Moodle question in the project's schema, or why it cannot be one. */
export function fromMoodle(q: MoodleQuestion, base: QuestionBase): { question: QuestionInput; notes: string[] } | { problem: string } {
  const notes = [...q.notes];
  const removed = new Set<Removed>();
  const converted: Converted[] = [];
  const rich = (text: MoodleText | undefined): Converted | undefined => {
    if (!text || text.text.trim() === "") return undefined;
    const result = convertText(text.text, text.format, removed);
    if (result.html === "") return undefined;
    converted.push(result);
    return result;
  };
  const prompt = rich(q.questiontext);
  const explanation = rich(q.generalfeedback);
  const built = buildType(q, rich, notes);
  if ("problem" in built) return built;
  if (!prompt) return { problem: removed.has("media") ? "the question text is only an image or file, which cannot be imported" : "the question text is empty" };
  if (removed.has("media")) notes.push("images and other files (Moodle's @@PLUGINFILE@@) are not imported; check the question still makes sense without them");
  if (removed.has("unsafe")) notes.push("unsafe markup (scripts, styles, event handlers or javascript: links) was removed");

  // One markup for the whole question: HTML only when some text really has markup.
  const html = converted.some((c) => c.plain === undefined);
  const out = (c: Converted | undefined) => (c === undefined ? undefined : html ? (c.plain === undefined ? c.html : escapeHtml(c.plain)) : c.plain);
  const question = {
    id: base.id,
    skill: base.skill,
    difficulty: base.difficulty,
    ...(html ? { markup: "html" } : {}),
    ...built.fields(out),
    prompt: out(prompt),
    ...(explanation ? { explanation: out(explanation) } : {}),
  } as QuestionInput;
  return { question, notes };
}

type Rich = (text: MoodleText | undefined) => Converted | undefined;
type Out = (c: Converted | undefined) => string | undefined;

function buildType(q: MoodleQuestion, rich: Rich, notes: string[]): { fields: (out: Out) => Record<string, unknown> } | { problem: string } {
  switch (q.qtype) {
    case "essay":
    case "description":
      return { fields: () => ({ type: q.qtype }) };
    case "truefalse":
      return trueFalse(q, rich);
    case "multichoice":
      return multichoice(q, rich, notes);
    case "shortanswer":
      return shortAnswer(q, rich);
    case "numerical":
      return numerical(q, rich);
    case "match":
      return matching(q, rich);
  }
}

function trueFalse(q: MoodleQuestion, rich: Rich) {
  const answerFor = (value: string) => q.answers.find((a) => a.text.text === value);
  const right = isFull(answerFor("true")?.fraction ?? 0) ? "t" : "f";
  const feedback = { t: rich(answerFor("true")?.feedback), f: rich(answerFor("false")?.feedback) };
  return {
    fields: (out: Out) => ({
      type: "true_false",
      options: (["t", "f"] as const).map((id) => ({ id, text: id === "t" ? "True" : "False", ...withFeedback(out(feedback[id])) })),
      answer: right,
    }),
  };
}

const withFeedback = (feedback: string | undefined) => (feedback ? { feedback } : {});

function multichoice(q: MoodleQuestion, rich: Rich, notes: string[]) {
  // Moodle skips an answer left completely blank; a blank one with a grade or feedback is an error.
  const answers = q.answers.filter((a) => a.text.text.trim() !== "" || a.fraction !== 0 || (a.feedback?.text.trim() ?? "") !== "");
  const blank = answers.findIndex((a) => a.text.text.trim() === "");
  if (blank >= 0) return { problem: `answer ${blank + 1} has a grade or feedback but no text: give it text or delete it` };
  if (answers.length < 2) return { problem: "a multiple-choice question needs at least two answers" };
  const options = answers.map((a, index) => ({ id: optionId(index), text: rich(a.text), feedback: rich(a.feedback), weight: round(a.fraction * 100) }));
  if (options.some((o) => o.text === undefined)) return { problem: "an answer is only an image or file, which cannot be imported" };
  const ids = (keep: (weight: number) => boolean) => options.filter((o) => keep(o.weight)).map((o) => o.id);
  let weights = options.map((o) => o.weight);
  let type: "single" | "multiple";
  let answer: string[];
  if (q.single !== false) {
    const best = Math.max(...weights);
    if (Math.abs(best - 100) > 1e-3)
      return { problem: `no answer is worth 100% (the best is ${best}%): mark the right answer with =, as Moodle requires for a one-answer question` };
    type = "single";
    answer = ids((w) => Math.abs(w - 100) <= 1e-3);
    if (weights.some((w) => w < 0))
      notes.push("Moodle can give this question a negative mark when a negative-weight answer is chosen; here a question scores at least 0");
  } else {
    const positive = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
    // Moodle's own check (rounded to whole percent) decides what imports.
    if (Math.round(positive) !== 100)
      return {
        problem: `the positive weights add up to ${round(positive)}%, not 100%: give the right answers weights that add up to 100 (Moodle refuses this question too)`,
      };
    if (Math.abs(positive - 100) > 0.01) {
      weights = weights.map((w) => (w > 0 ? (w * 100) / positive : w));
      notes.push(`the positive weights added up to ${round(positive)}%; they were scaled to add up to exactly 100%`);
    }
    type = "multiple";
    answer = ids((w) => w > 0);
  }
  return {
    fields: (out: Out) => ({
      type,
      options: options.map((o, index) => {
        const weight = weights[index] as number;
        const isKey = answer.includes(o.id);
        const keep = type === "multiple" ? true : !isKey && weight !== 0;
        return { id: o.id, text: out(o.text), ...withFeedback(out(o.feedback)), ...(keep ? { weight } : {}) };
      }),
      answer: type === "single" && answer.length === 1 ? answer[0] : answer,
      shuffle: q.shuffle !== false,
    }),
  };
}

function shortAnswer(q: MoodleQuestion, rich: Rich) {
  const answers = q.answers.filter((a) => a.text.text.trim() !== "" || a.fraction !== 0 || (a.feedback?.text.trim() ?? "") !== "");
  if (answers.length === 0) return { problem: "a short-answer question needs at least one accepted answer after =" };
  const blank = answers.findIndex((a) => a.text.text.trim() === "");
  if (blank >= 0) return { problem: `accepted answer ${blank + 1} is empty: write the answer after =` };
  const feedback = answers.map((a) => rich(a.feedback));
  return {
    fields: (out: Out) => ({
      type: "short_answer",
      answers: answers.map((a, index) => ({ text: plainAnswer(a.text.text), weight: round(a.fraction * 100), ...withFeedback(out(feedback[index])) })),
      caseSensitive: q.usecase === true,
    }),
  };
}

/** Accepted answers and matching answers are plain text, as in Moodle; character references are resolved. */
function plainAnswer(text: string): string {
  return text
    .trim()
    .replace(
      /&(amp|lt|gt|quot|#39|apos|nbsp);/g,
      (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " })[name] ?? "",
    );
}

function numerical(q: MoodleQuestion, rich: Rich) {
  if (q.answers.length === 0) return { problem: "a numerical question needs at least one answer after {#" };
  const feedback = q.answers.map((a) => rich(a.feedback));
  return {
    fields: (out: Out) => ({
      type: "numerical",
      answers: q.answers.map((a, index) => {
        const numeric = a.numeric ?? { any: true };
        const value = "any" in numeric ? ANY_NUMBER : "min" in numeric ? numeric : numeric.tolerance ? numeric : { value: numeric.value };
        return { ...value, weight: round(a.fraction * 100), ...withFeedback(out(feedback[index])) };
      }),
    }),
  };
}

function matching(q: MoodleQuestion, rich: Rich) {
  const pairs: { prompt: Converted; answer: string }[] = [];
  const distractors: string[] = [];
  for (const [index, sub] of q.subquestions.entries()) {
    const answer = plainAnswer(sub.answer);
    const prompt = rich(sub.text);
    if (prompt && answer === "") return { problem: `item ${index + 1} has no answer: write one after ->` };
    if (prompt) pairs.push({ prompt, answer });
    else if (answer !== "") distractors.push(answer);
  }
  if (pairs.length < 2) return { problem: "a matching question needs at least two items, each written =item -> answer" };
  return {
    fields: (out: Out) => ({
      type: "matching",
      pairs: pairs.map((p, index) => ({ id: optionId(index), prompt: out(p.prompt), answer: p.answer })),
      ...(distractors.length > 0 ? { distractors } : {}),
    }),
  };
}
