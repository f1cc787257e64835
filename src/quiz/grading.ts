import type { QuestionRow } from "../db/schema.ts";
import { BadRequestError } from "../lib/errors.ts";

/** All or nothing: right only when the chosen options are exactly the correct ones. */
export function gradeResponse(question: Pick<QuestionRow, "answer">, chosen: readonly string[]): boolean {
  const correct = new Set(question.answer);
  return chosen.length === correct.size && chosen.every((id) => correct.has(id));
}

const ALLOWED_FIELDS = new Set(["choice", "_csrf"]);

/** Rejects any field but the chosen option(s): scores and correctness are never the client's to send. */
export function assertOnlyAnswerFields(form: Record<string, unknown>): void {
  const unexpected = Object.keys(form).filter((field) => !ALLOWED_FIELDS.has(field));
  if (unexpected.length > 0) {
    throw new BadRequestError(
      "The answer could not be accepted: the form sent fields it should not.",
      unexpected.map((field) => ({ path: field.slice(0, 40), message: "unexpected field" })),
    );
  }
}

/** The option ids a submitted answer form chose, checked against the question's options. */
export function parseChoice(question: Pick<QuestionRow, "type" | "options">, form: Record<string, unknown>): string[] {
  assertOnlyAnswerFields(form);
  const raw = form.choice;
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.some((value) => typeof value !== "string"))
    throw new BadRequestError("The answer could not be accepted.", [{ path: "choice", message: "must be text" }]);
  const chosen = [...new Set(values as string[])];
  if (chosen.length === 0) {
    throw new BadRequestError(question.type === "multiple" ? "Select at least one answer." : "Choose an answer.", [
      { path: "choice", message: "no option chosen" },
    ]);
  }
  const known = new Set(question.options.map((o) => o.id));
  const unknown = chosen.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new BadRequestError(
      "That answer is not one of this question's options.",
      unknown.map((id) => ({ path: "choice", message: `"${id.slice(0, 20)}" is not an option` })),
    );
  }
  if (question.type !== "multiple" && chosen.length > 1) {
    throw new BadRequestError("Choose only one answer.", [{ path: "choice", message: "this question takes one answer" }]);
  }
  // Keep the question's option order, so stored responses compare cleanly.
  return question.options.map((o) => o.id).filter((id) => chosen.includes(id));
}

/** True when an answer form chose nothing: shown as a prompt to choose, not as an error page. */
export function noOptionChosen(form: Record<string, unknown>): boolean {
  const raw = form.choice;
  return raw === undefined || (Array.isArray(raw) && raw.length === 0) || raw === "";
}
