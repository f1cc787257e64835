import { type Question, type QuestionSet, questionSet } from "../content/schema.ts";
import type { Difficulty, SkillId } from "../content/skills.ts";
import { normalise } from "../content/text.ts";
import { BadRequestError } from "../lib/errors.ts";
import { zodDetails } from "../lib/validation.ts";
import { uniqueQuestionId, withDerivedLists } from "./editor/draft.ts";

/**
 * Uploads that keep what is there. GIFT and Aiken carry questions, options, feedback and keys,
 * but no skills, difficulties, passages, sources, context or set settings. A new version in
 * those formats keeps them for every question that matches one already in the set: first by
 * its text, then by its id. Matched questions keep their old id, so results line up across
 * versions; new ones get the upload's skill and difficulty.
 */
export function keepWhatIsThere(previous: QuestionSet, incoming: QuestionSet): QuestionSet {
  const unmatched = [...previous.questions];
  const take = (found: Question | undefined) => {
    if (found) unmatched.splice(unmatched.indexOf(found), 1);
    return found;
  };
  const pairs = incoming.questions.map((q) => ({ q, match: take(unmatched.find((p) => sameText(p.prompt, q.prompt))) }));
  for (const pair of pairs) pair.match ??= take(unmatched.find((p) => p.id === pair.q.id));
  const kept = { ...previous, questions: pairs.flatMap(({ match }) => (match ? [match] : [])) };
  const questions = pairs.map(({ q, match }): Question => {
    if (!match) return q;
    return {
      ...q,
      id: match.id,
      skill: match.skill,
      difficulty: match.difficulty,
      passages: match.passages,
      sources: match.sources,
      ...(match.context && !q.context ? { context: match.context } : {}),
    } as Question;
  });
  // New questions must not take an id a kept question holds.
  for (const [index, question] of questions.entries()) {
    if (pairs[index]?.match) continue;
    questions[index] = { ...question, id: uniqueQuestionId({ ...kept, questions: questions.filter((_, i) => i !== index) }, question.id) };
  }
  const allSourced = questions.every((q) => q.sources.length > 0 || q.type === "essay" || q.type === "description");
  const merged = withDerivedLists({
    ...incoming,
    ...pickSettings(previous),
    skills: [],
    documents: previous.documents,
    sources: allSourced ? "required" : "none",
    questions,
  } as unknown as QuestionSet);
  const result = questionSet.safeParse(merged);
  if (!result.success) throw new BadRequestError("The new version could not keep what the set had.", zodDetails(result.error));
  return result.data;
}

function pickSettings(set: QuestionSet) {
  const { mode, shuffleQuestions, confidence, certaintyMarking, attempts, form } = set;
  return { mode, shuffleQuestions, confidence, certaintyMarking, ...(attempts ? { attempts } : {}), ...(form ? { form } : {}) };
}

/** Prompts compared as a reader sees them: case, spacing, quote marks and markup aside. */
function sameText(a: string, b: string): boolean {
  const plain = (text: string) => normalise(text.replace(/<[^>]*>/g, " ")).toLowerCase();
  return plain(a) === plain(b);
}

/** The skill and difficulty most of the set's questions have: new imported questions get them. */
export function mostCommon(set: QuestionSet): { skill: SkillId; difficulty: Difficulty } {
  const top = <T extends string>(values: T[], fallback: T): T => {
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
  };
  return {
    skill: top(
      set.questions.map((q) => q.skill),
      "evidence",
    ),
    difficulty: top(
      set.questions.map((q) => q.difficulty),
      "medium",
    ),
  };
}
