/** Where a student stands on one question of an attempt, for the progress map. */
export type QuestionState = "correct" | "partial" | "wrong" | "saved" | "open";

/** A recorded response, by the question's position in the set version. */
export interface AnsweredPosition {
  position: number;
  score: number | null;
  isCorrect: boolean;
}

export function stateOf(response: { score: number | null; isCorrect: boolean } | null | undefined): QuestionState {
  if (!response) return "open";
  if (response.score === null) return "saved";
  if (response.isCorrect) return "correct";
  return response.score > 0 ? "partial" : "wrong";
}

/**
 * Each question's state in the attempt's display order. `order` lists positions as the attempt
 * shows them; attempts from before stored orders show position n as question n.
 */
export function questionStates(order: readonly number[] | null, questionCount: number, answered: readonly AnsweredPosition[]): QuestionState[] {
  const byPosition = new Map(answered.map((a) => [a.position, a]));
  const positions = order ?? Array.from({ length: questionCount }, (_, i) => i + 1);
  return positions.slice(0, questionCount).map((position) => stateOf(byPosition.get(position)));
}

/** Full marks on every scored question? Then there is nothing to retry. */
export function isMissed(state: QuestionState): boolean {
  return state === "wrong" || state === "partial";
}
