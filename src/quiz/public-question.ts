import type { QuestionRow } from "../db/schema.ts";

/**
 * What a student may see before answering. Built field by field, so answer keys, feedback
 * and explanations cannot reach an unanswered question page even by accident.
 */
export interface PublicQuestion {
  position: number;
  type: QuestionRow["type"];
  prompt: string;
  context: string | null;
  passages: QuestionRow["passages"];
  options: { id: string; text: string }[];
}

export function toPublicQuestion(question: QuestionRow): PublicQuestion {
  return {
    position: question.position,
    type: question.type,
    prompt: question.prompt,
    context: question.context,
    passages: question.passages,
    options: question.options.map(({ id, text }) => ({ id, text })),
  };
}
