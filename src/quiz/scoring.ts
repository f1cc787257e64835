import { skillLabel } from "../content/skills.ts";
import type { AttemptReview } from "../db/queries/attempts.ts";

export interface SkillScore {
  skill: string;
  label: string;
  correct: number;
  total: number;
}

export function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}

/** Correct answers per skill, in the order skills first appear in the set. */
export function scoreBySkill(items: AttemptReview["items"]): SkillScore[] {
  const bySkill = new Map<string, SkillScore>();
  for (const { question, response } of items) {
    const score = bySkill.get(question.skill) ?? { skill: question.skill, label: skillLabel(question.skill), correct: 0, total: 0 };
    score.total++;
    if (response?.isCorrect) score.correct++;
    bySkill.set(question.skill, score);
  }
  return [...bySkill.values()];
}
