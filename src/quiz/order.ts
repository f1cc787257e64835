import type { Question, SetSettings } from "../content/schema.ts";
import { matchingChoices } from "./matching.ts";

/** Fisher–Yates with the platform's CSPRNG: a student cannot predict or reproduce an order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  const random = new Uint32Array(Math.max(1, out.length));
  crypto.getRandomValues(random);
  for (let i = out.length - 1; i > 0; i--) {
    const j = (random[i] as number) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The display order of one question's options (or a matching question's choices) in a new
 * attempt. True/false always shows True first; evidence sentences keep reading order; a
 * question with `shuffle: false` keeps file order.
 */
export function optionOrderFor(question: Question): string[] | undefined {
  switch (question.type) {
    case "true_false": {
      const byText = (text: string) => question.options.find((o) => o.text.toLowerCase() === text)?.id;
      return [byText("true"), byText("false")].filter((id): id is string => id !== undefined);
    }
    case "single":
    case "multiple":
    case "claim": {
      const ids = question.options.map((o) => o.id);
      return question.shuffle ? shuffled(ids) : ids;
    }
    case "matching":
      return shuffled(matchingChoices(question).map((c) => c.id));
    default:
      return undefined;
  }
}

/** Everything a new attempt fixes up front, so reloads and other devices see the same thing. */
export function planAttemptOrder(
  questions: readonly { position: number; content: Question }[],
  settings: Pick<SetSettings, "mode" | "shuffleQuestions">,
): { questionOrder: number[] | null; optionOrders: Record<string, string[]> } {
  const positions = questions.map((q) => q.position).sort((a, b) => a - b);
  const shuffleQuestions = settings.shuffleQuestions || settings.mode === "check";
  const optionOrders: Record<string, string[]> = {};
  for (const { content } of questions) {
    const order = optionOrderFor(content);
    if (order) optionOrders[content.id] = order;
  }
  return { questionOrder: shuffleQuestions ? shuffled(positions) : positions, optionOrders };
}

/** Options in the order this attempt shows them; unknown or missing orders fall back to file order. */
export function inDisplayOrder<T extends { id: string }>(items: readonly T[], order: readonly string[] | undefined): T[] {
  if (!order) return [...items];
  const byId = new Map(items.map((item) => [item.id, item]));
  const ordered = order.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
  // An option the stored order does not know (it cannot happen for a pinned version) goes last.
  return ordered.length === items.length ? ordered : [...ordered, ...items.filter((item) => !order.includes(item.id))];
}

/** "A", "B", … "Z", "AA": labels follow the displayed order. */
export function optionLabel(index: number): string {
  let label = "";
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}
