import type { QuestionOfType } from "../content/schema.ts";

export interface MatchingChoice {
  id: string;
  text: string;
}

/**
 * The answers a matching question offers in its selects: each pair's answer, then the extra
 * distractors, with repeats removed. Ids come from this order, so they never depend on how an
 * attempt shuffled them.
 */
export function matchingChoices(question: QuestionOfType<"matching">): MatchingChoice[] {
  const texts: string[] = [];
  for (const text of [...question.pairs.map((p) => p.answer), ...question.distractors]) if (!texts.includes(text)) texts.push(text);
  return texts.map((text, index) => ({ id: `c${index + 1}`, text }));
}
