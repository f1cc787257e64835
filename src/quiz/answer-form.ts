import { isChoiceQuestion } from "../content/question-kinds.ts";
import type { Question } from "../content/schema.ts";
import { BadRequestError } from "../lib/errors.ts";
import { CONFIDENCE_LEVELS } from "./confidence.ts";
import { matchingChoices } from "./matching.ts";
import type { ResponseValue } from "./response-value.ts";

export { CONFIDENCE_LEVELS };

export type ParsedAnswer = { ok: true; value: ResponseValue; confidence: number | null } | { ok: false; prompt: string };

const MAX_TEXT = 2000;

/**
 * Reads an answer form for one question. Scores and correctness are never the client's to
 * send: any field but the answer itself is refused. An empty answer is not an error; the
 * student is asked again (`ok: false`).
 */
export function parseAnswerForm(question: Question, form: Record<string, unknown>, options: { askConfidence: boolean }): ParsedAnswer {
  const allowed = new Set(["_csrf", "confidence", ...fieldsFor(question)]);
  const unexpected = Object.keys(form).filter((field) => !allowed.has(field));
  if (unexpected.length > 0) {
    throw new BadRequestError(
      "The answer could not be accepted: the form sent fields it should not.",
      unexpected.map((field) => ({ path: field.slice(0, 40), message: "unexpected field" })),
    );
  }
  const confidence = parseConfidence(form.confidence, options.askConfidence);
  const value = parseValue(question, form);
  if (value === undefined) return { ok: false, prompt: emptyPrompt(question) };
  if (confidence === undefined) return { ok: false, prompt: "Say how sure you are, then check your answer." };
  return { ok: true, value, confidence };
}

function fieldsFor(question: Question): string[] {
  if (isChoiceQuestion(question)) return ["choice"];
  if (question.type === "short_answer" || question.type === "essay") return ["text"];
  if (question.type === "numerical") return ["number"];
  if (question.type === "description") return ["seen"];
  if (question.type === "matching") return question.pairs.map((pair) => `match-${pair.id}`);
  return [];
}

function strings(raw: unknown, field: string): string[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.some((value) => typeof value !== "string"))
    throw new BadRequestError("The answer could not be accepted.", [{ path: field, message: "must be text" }]);
  return values as string[];
}

function single(raw: unknown, field: string): string {
  const values = strings(raw, field);
  if (values.length > 1) throw new BadRequestError("Send one answer.", [{ path: field, message: "sent more than once" }]);
  return values[0] ?? "";
}

/** undefined: not answered yet. Throws for an answer that cannot be right for this question. */
function parseValue(question: Question, form: Record<string, unknown>): ResponseValue | undefined {
  if (isChoiceQuestion(question)) {
    const chosen = [...new Set(strings(form.choice, "choice").filter((value) => value !== ""))];
    if (chosen.length === 0) return undefined;
    const known = new Set(question.options.map((o) => o.id));
    const unknown = chosen.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new BadRequestError(
        "That answer is not one of this question's options.",
        unknown.map((id) => ({ path: "choice", message: `"${id.slice(0, 20)}" is not an option` })),
      );
    }
    const many = question.type === "multiple" || question.type === "evidence";
    if (!many && chosen.length > 1) throw new BadRequestError("Choose only one answer.", [{ path: "choice", message: "this question takes one answer" }]);
    // File order, so stored responses compare cleanly whatever the display order.
    return question.options.map((o) => o.id).filter((id) => chosen.includes(id));
  }
  switch (question.type) {
    case "short_answer":
    case "essay": {
      const text = single(form.text, "text").trim();
      if (text === "") return undefined;
      if (text.length > MAX_TEXT) throw new BadRequestError(`Keep the answer under ${MAX_TEXT} characters.`, [{ path: "text", message: "too long" }]);
      return { text };
    }
    case "numerical": {
      const text = single(form.number, "number").trim();
      if (text === "") return undefined;
      if (text.length > 60) throw new BadRequestError("Enter a number.", [{ path: "number", message: "too long" }]);
      return { text, value: parseNumber(text) };
    }
    case "matching": {
      const choices = new Set(matchingChoices(question).map((c) => c.id));
      const matches: Record<string, string> = {};
      for (const pair of question.pairs) {
        const chosen = single(form[`match-${pair.id}`], `match-${pair.id}`);
        if (chosen === "") continue;
        if (!choices.has(chosen)) throw new BadRequestError("That match is not one of the choices.", [{ path: `match-${pair.id}`, message: "unknown choice" }]);
        matches[pair.id] = chosen;
      }
      return Object.keys(matches).length === question.pairs.length ? { matches } : undefined;
    }
    case "description":
      return { seen: true };
    default:
      return undefined;
  }
}

/** A number as people type it: "3.14", "3,14", "-2", "1e3". Not a number: null (graded wrong). */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/\s/g, "");
  const normalised = /^[-+]?\d+,\d+$/.test(cleaned) ? cleaned.replace(",", ".") : cleaned;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** null when the set does not ask; undefined when it asks and got nothing. */
function parseConfidence(raw: unknown, ask: boolean): number | null | undefined {
  const value = single(raw, "confidence");
  if (!ask) {
    if (value !== "") throw new BadRequestError("This quiz does not ask how sure you are.", [{ path: "confidence", message: "unexpected field" }]);
    return null;
  }
  if (value === "") return undefined;
  const level = CONFIDENCE_LEVELS.find((l) => String(l.value) === value);
  if (!level) throw new BadRequestError("Choose how sure you are: guessing, fairly sure or certain.", [{ path: "confidence", message: "must be 1, 2 or 3" }]);
  return level.value;
}

function emptyPrompt(question: Question): string {
  switch (question.type) {
    case "multiple":
      return "Select at least one answer, then check it.";
    case "evidence":
      return "Select at least one sentence, then check your answer.";
    case "short_answer":
    case "numerical":
      return "Type an answer, then check it.";
    case "essay":
      return "Write your answer, then submit it.";
    case "matching":
      return "Choose a match for every item, then check your answer.";
    default:
      return "Choose an answer, then check it.";
  }
}
