import { isScored } from "../content/question-kinds.ts";
import { skillLabel } from "../content/skills.ts";
import type { ReviewItem } from "../db/queries/attempts.ts";

export interface SkillScore {
  skill: string;
  label: string;
  /** Sum of scores: partial credit counts. */
  score: number;
  total: number;
}

export function percent(score: number, total: number): number {
  return total === 0 ? 0 : Math.round((score / total) * 100);
}

/** "3", or "2.5" when partial credit makes a fraction; never more than one decimal. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : (Math.round(score * 10) / 10).toString();
}

/** Marks per skill, in the order skills first appear in the attempt. Unscored items count nowhere. */
export function scoreBySkill(items: readonly Pick<ReviewItem, "question" | "response">[]): SkillScore[] {
  const bySkill = new Map<string, SkillScore>();
  for (const { question, response } of items) {
    if (!isScored(question.content)) continue;
    const skill = question.content.skill;
    const score = bySkill.get(skill) ?? { skill, label: skillLabel(skill), score: 0, total: 0 };
    score.total++;
    score.score += response?.score ?? 0;
    bySkill.set(skill, score);
  }
  return [...bySkill.values()];
}
