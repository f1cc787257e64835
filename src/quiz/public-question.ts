import { isChoiceQuestion } from "../content/question-kinds.ts";
import type { Question, SourceRef } from "../content/schema.ts";
import { matchingChoices } from "./matching.ts";
import { inDisplayOrder } from "./order.ts";

/**
 * What a student may see before answering. Built field by field, so answer keys, weights,
 * feedback, explanations and sources cannot reach an unanswered question page even by accident.
 */
export interface PublicQuestion {
  /** 1-based place in this attempt (not the position in the file). */
  number: number;
  type: Question["type"];
  markup: Question["markup"];
  prompt: string;
  context: string | null;
  claim: string | null;
  passages: SourceRef[];
  /** Choice questions: options in this attempt's display order. */
  options: { id: string; text: string }[];
  /** Matching: the items to match, and the choices in display order. */
  pairs: { id: string; prompt: string }[];
  choices: { id: string; text: string }[];
}

export function toPublicQuestion(question: Question, number: number, optionOrder: readonly string[] | undefined): PublicQuestion {
  return {
    number,
    type: question.type,
    markup: question.markup,
    prompt: question.prompt,
    context: question.context ?? null,
    claim: question.type === "claim" ? question.claim : null,
    passages: question.passages.map(({ document, quote }) => ({ document, quote })),
    options: isChoiceQuestion(question) ? inDisplayOrder(question.options, optionOrder).map(({ id, text }) => ({ id, text })) : [],
    pairs: question.type === "matching" ? question.pairs.map(({ id, prompt }) => ({ id, prompt })) : [],
    choices: question.type === "matching" ? inDisplayOrder(matchingChoices(question), optionOrder) : [],
  };
}
