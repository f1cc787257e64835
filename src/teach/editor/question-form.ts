import type { Question } from "../../content/schema.ts";
import type { QuestionType } from "../../content/skills.ts";
import type { ErrorDetail } from "../../lib/errors.ts";

/**
 * The question editor's plain form, field by field, both ways: a stored question becomes flat
 * form values (`options[2].feedback`), and a posted form becomes a question input for the
 * shared schema. Lists are rows; a blank row or one marked "remove" is left out, so error paths
 * are translated back from the list's index to the row the teacher sees.
 */

export type FormValues = Record<string, string>;

/** Each list's columns: which cells a row has and which ones count when deciding it is blank. */
export const LISTS = {
  options: ["id", "text", "feedback", "weight", "supports", "correct"],
  answers: ["text", "value", "tolerance", "min", "max", "weight", "feedback"],
  pairs: ["id", "prompt", "answer"],
  passages: ["document", "quote"],
  sources: ["document", "quote"],
} as const;
export type ListName = keyof typeof LISTS;

/** The lists a question of each type has, besides passages and sources. */
export function listsOf(type: QuestionType): ListName[] {
  if (type === "short_answer" || type === "numerical") return ["answers"];
  if (type === "matching") return ["pairs"];
  if (["single", "multiple", "true_false", "claim", "evidence"].includes(type)) return ["options"];
  return [];
}

/** At most this many rows per list (the schema's limits). */
export const ROW_LIMITS: Record<ListName, number> = { options: 12, answers: 20, pairs: 12, passages: 3, sources: 6 };

/** Key inputs: one radio for types with exactly one key, a checkbox per option otherwise. */
export const ONE_KEY: readonly QuestionType[] = ["true_false", "claim"];

const text = (value: string | undefined) => value ?? "";
const num = (value: number | undefined) => (value === undefined ? "" : String(value));

/** A stored question as the editor's form values. */
export function questionFormValues(q: Question): FormValues {
  const values: FormValues = {
    id: q.id,
    type: q.type,
    skill: q.skill,
    difficulty: q.difficulty,
    prompt: q.prompt,
    context: text(q.context),
    explanation: text(q.explanation),
  };
  if ("claim" in q) values.claim = q.claim;
  if ("shuffle" in q && q.shuffle) values.shuffle = "on";
  if ("caseSensitive" in q && q.caseSensitive) values.caseSensitive = "on";
  if ("distractors" in q) values.distractors = q.distractors.join("\n");
  const rows = (list: ListName, cells: Record<string, string>[]) => {
    cells.forEach((row, index) => {
      for (const [cell, value] of Object.entries(row)) if (value !== "") values[`${list}[${index}].${cell}`] = value;
    });
  };
  if ("options" in q)
    rows(
      "options",
      q.options.map((o) => ({
        id: o.id,
        text: o.text,
        feedback: text(o.feedback),
        weight: num(o.weight),
        correct: q.answer.includes(o.id) ? "on" : "",
        supports: "supports" in o ? (o.supports ? "yes" : "no") : "",
      })),
    );
  if (ONE_KEY.includes(q.type) && "answer" in q) values.answer = String(q.options.findIndex((o) => o.id === q.answer[0]));
  if (q.type === "short_answer")
    rows(
      "answers",
      q.answers.map((a) => ({ text: a.text, weight: num(a.weight), feedback: text(a.feedback) })),
    );
  if (q.type === "numerical")
    rows(
      "answers",
      q.answers.map((a) => ({
        value: num(a.value),
        tolerance: num(a.tolerance),
        min: num(a.min),
        max: num(a.max),
        weight: num(a.weight),
        feedback: text(a.feedback),
      })),
    );
  if (q.type === "matching")
    rows(
      "pairs",
      q.pairs.map(({ id, prompt, answer }) => ({ id, prompt, answer })),
    );
  for (const list of ["passages", "sources"] as const)
    rows(
      list,
      q[list].map(({ document, quote }) => ({ document, quote })),
    );
  return values;
}

/** Rows a list has in the form values (the highest row index plus one). */
export function rowCount(values: FormValues, list: ListName): number {
  let count = 0;
  const pattern = new RegExp(`^${list}\\[(\\d{1,2})\\]\\.`);
  for (const key of Object.keys(values)) {
    const index = pattern.exec(key)?.[1];
    if (index !== undefined) count = Math.max(count, Number(index) + 1);
  }
  return count;
}

export function rowIsBlank(values: FormValues, list: ListName, index: number): boolean {
  const cells = list === "passages" || list === "sources" ? ["quote"] : LISTS[list].filter((cell) => cell !== "supports" && cell !== "correct");
  return cells.every((cell) => !values[`${list}[${index}].${cell}`]?.trim());
}

export interface ParsedQuestionForm {
  /** The question as the schema should see it. */
  input: Record<string, unknown>;
  /** Problems found while reading the form (say, a weight that is not a number), by field name. */
  problems: ErrorDetail[];
  /** Translates a schema path (`options[1].text`) to the field the teacher sees (`options[3].text`). */
  fieldOf(path: string): string;
}

/** Reads the question form. `type` and `markup` come from the stored question, not the form. */
export function readQuestionForm(type: QuestionType, markup: Question["markup"], values: FormValues): ParsedQuestionForm {
  const problems: ErrorDetail[] = [];
  const rows: Partial<Record<ListName, number[]>> = {};
  const optional = (name: string) => values[name]?.trim() || undefined;
  const number = (name: string) => {
    const raw = values[name]?.trim();
    if (!raw) return undefined;
    const parsed = Number(raw);
    if (Number.isFinite(parsed)) return parsed;
    problems.push({ path: name, message: "must be a number" });
    return undefined;
  };
  const readRows = <T>(list: ListName, read: (cell: (name: string) => string, name: (cell: string) => string, index: number) => T): T[] => {
    const kept: number[] = [];
    const out: T[] = [];
    for (let index = 0; index < rowCount(values, list); index++) {
      if (values[`${list}[${index}].remove`] || rowIsBlank(values, list, index)) continue;
      kept.push(index);
      const name = (cell: string) => `${list}[${index}].${cell}`;
      out.push(read((cell) => values[name(cell)] ?? "", name, index));
    }
    rows[list] = kept;
    return out;
  };
  const input: Record<string, unknown> = {
    id: values.id?.trim() ?? "",
    type,
    skill: values.skill,
    difficulty: values.difficulty,
    prompt: values.prompt ?? "",
    context: optional("context"),
    explanation: optional("explanation"),
    markup,
  };
  for (const list of ["passages", "sources"] as const) input[list] = readRows(list, (cell) => ({ document: cell("document"), quote: cell("quote") }));
  if (type === "claim") input.claim = values.claim ?? "";
  if (type === "single" || type === "multiple" || type === "claim") input.shuffle = values.shuffle === "on";
  if (listsOf(type).includes("options")) {
    const options = readRows("options", (cell, name, index) => ({
      id: cell("id").trim(),
      text: cell("text"),
      feedback: optional(name("feedback")),
      weight: number(name("weight")),
      ...(type === "claim" ? { supports: cell("supports") === "yes" } : {}),
      correct: ONE_KEY.includes(type) ? values.answer === String(index) : cell("correct") === "on",
    }));
    fillIds(options, (i) => (i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`));
    const correct = options.filter((o) => o.correct).map((o) => o.id);
    input.options = options.map(({ correct: _, ...option }) => option);
    input.answer = correct.length === 1 && type !== "multiple" && type !== "evidence" ? correct[0] : correct;
  }
  if (type === "short_answer")
    input.answers = readRows("answers", (cell, name) => ({ text: cell("text"), weight: number(name("weight")) ?? 100, feedback: optional(name("feedback")) }));
  if (type === "numerical")
    input.answers = readRows("answers", (_, name) => ({
      value: number(name("value")),
      tolerance: number(name("tolerance")),
      min: number(name("min")),
      max: number(name("max")),
      weight: number(name("weight")) ?? 100,
      feedback: optional(name("feedback")),
    }));
  if (type === "short_answer") input.caseSensitive = values.caseSensitive === "on";
  if (type === "matching") {
    const pairs = readRows("pairs", (cell) => ({ id: cell("id").trim(), prompt: cell("prompt"), answer: cell("answer") }));
    fillIds(pairs, (i) => `p${i + 1}`);
    input.pairs = pairs;
    input.distractors = (values.distractors ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return {
    input,
    problems,
    fieldOf(path) {
      const match = /^(options|answers|pairs|passages|sources)\[(\d+)\](.*)$/.exec(path);
      if (!match) return path;
      const [, list, index, rest] = match as unknown as [string, ListName, string, string];
      return `${list}[${rows[list]?.[Number(index)] ?? index}]${rest}`;
    },
  };
}

/** Gives rows left without an id the first free one. */
function fillIds(items: { id: string }[], candidate: (index: number) => string): void {
  const used = new Set(items.map((item) => item.id).filter(Boolean));
  let next = 0;
  for (const item of items) {
    if (item.id) continue;
    while (used.has(candidate(next))) next++;
    item.id = candidate(next);
    used.add(item.id);
  }
}

/** Moves row `index` of `list` up or down in the form values (the editor's "move" buttons). */
export function moveRow(values: FormValues, list: ListName, index: number, direction: -1 | 1): FormValues {
  const other = index + direction;
  if (other < 0 || other >= rowCount(values, list)) return values;
  const moved: FormValues = {};
  const prefix = (i: number) => `${list}[${i}].`;
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(prefix(index))) moved[prefix(other) + key.slice(prefix(index).length)] = value;
    else if (key.startsWith(prefix(other))) moved[prefix(index) + key.slice(prefix(other).length)] = value;
    else moved[key] = value;
  }
  if (list === "options" && (values.answer === String(index) || values.answer === String(other)))
    moved.answer = values.answer === String(index) ? String(other) : String(index);
  return moved;
}

/** A new question's form: the set's usual skill, and the fixed rows some types start with. */
export function newQuestionValues(type: QuestionType, usual: { skill: string; difficulty: string }): FormValues {
  const values: FormValues = { type, skill: usual.skill, difficulty: usual.difficulty, id: "" };
  if (type === "single" || type === "multiple") values.shuffle = "on";
  if (type === "true_false") {
    Object.assign(values, { "options[0].id": "t", "options[0].text": "True", "options[1].id": "f", "options[1].text": "False" });
  }
  if (type === "claim") {
    // A verdict scale to start from; the teacher rewords it as the claim needs.
    const scale = [
      ["supported", "The texts support it", "yes"],
      ["claimed", "Someone claims it, but the texts do not show it", "no"],
      ["absent", "The texts do not say", "no"],
    ];
    scale.forEach(([id, text, supports], i) => {
      Object.assign(values, { [`options[${i}].id`]: id, [`options[${i}].text`]: text, [`options[${i}].supports`]: supports });
    });
  }
  return values;
}
