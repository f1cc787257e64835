import type { Question, QuestionSet } from "../content/schema.ts";

/**
 * What a draft changes compared with the published version, in plain sentences: shown on the
 * set's page after an upload or edit, and returned by the API after an update.
 */
export function describeChanges(before: QuestionSet | undefined, after: QuestionSet): string[] {
  if (!before) return [`A new set with ${count(after.questions.length, "question")}.`];
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Title: "${before.title}" became "${after.title}".`);
  if (before.summary !== after.summary) changes.push("The summary changed.");
  const settings: string[] = (["mode", "shuffleQuestions", "confidence", "certaintyMarking", "attempts", "form", "sources"] as const).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (settings.length > 0) changes.push(`Settings changed: ${settings.join(", ")}.`);

  const old = new Map(before.questions.map((q) => [q.id, q]));
  const now = new Set(after.questions.map((q) => q.id));
  after.questions.forEach((q, index) => {
    const was = old.get(q.id);
    if (!was) changes.push(`Added question ${index + 1} (${q.id}).`);
    else {
      const fields = changedFields(was, q);
      if (fields.length > 0) changes.push(`Changed question ${index + 1} (${q.id}): ${fields.join(", ")}.`);
    }
  });
  for (const q of before.questions) if (!now.has(q.id)) changes.push(`Removed question ${q.id}.`);
  const keptOrder = (list: QuestionSet["questions"]) =>
    list
      .map((q) => q.id)
      .filter((id) => old.has(id) && now.has(id))
      .join();
  if (keptOrder(before.questions) !== keptOrder(after.questions)) changes.push("The questions are in a new order.");
  return changes;
}

const FIELD_NAMES: Record<string, string> = {
  answer: "answer key",
  answers: "accepted answers",
  pairs: "pairs",
  options: "options",
  sources: "sources",
  passages: "passages",
};

function changedFields(before: Question, after: Question): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const record = (q: Question) => q as unknown as Record<string, unknown>;
  return [...keys].filter((key) => JSON.stringify(record(before)[key]) !== JSON.stringify(record(after)[key])).map((key) => FIELD_NAMES[key] ?? key);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
