import type { ChoiceQuestion, Question } from "./schema.ts";

// Kept apart from schema.ts (zod schemas and the HTML sanitiser) so the student Worker can
// ask what kind a question is without bundling the content schema.

export const CHOICE_TYPES = ["single", "multiple", "true_false", "claim", "evidence"] as const;

export function isChoiceQuestion(q: Question): q is ChoiceQuestion {
  return (CHOICE_TYPES as readonly string[]).includes(q.type);
}

/** Essays and descriptions count in no score. */
export function isScored(q: Pick<Question, "type">): boolean {
  return q.type !== "essay" && q.type !== "description";
}
