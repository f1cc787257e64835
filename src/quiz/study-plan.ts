import { isMissed, stateOf } from "./progress.ts";
import type { SkillScore } from "./scoring.ts";

/** A set a student could practise next: what the summary needs to suggest one. */
export interface SetChoice {
  slug: string;
  title: string;
  skills: readonly string[];
  questionCount: number;
  settings: { mode: "practice" | "check" };
}

export interface StudyPlan {
  /** Attempt numbers of the questions without full marks (partial credit included). */
  missed: number[];
  /** The skill with the lowest share of marks, if any skill fell short. */
  weakest: SkillScore | null;
  /** A practice set for the weakest skill (or, with nothing missed, another practice set). */
  next: SetChoice | null;
}

/**
 * Turns a finished attempt into what to do next: the questions to review and retry, the
 * weakest skill, and a set that practises it. Never suggests the set just taken or a check.
 */
export function studyPlan(
  items: readonly { number: number; response: { score: number | null; isCorrect: boolean } | null }[],
  skills: readonly SkillScore[],
  sets: readonly SetChoice[],
  currentSlug: string,
): StudyPlan {
  const missed = items.filter((item) => isMissed(stateOf(item.response))).map((item) => item.number);
  const short = skills.filter((s) => s.total > 0 && s.score < s.total);
  const weakest = short.reduce<SkillScore | null>((worst, s) => (!worst || s.score / s.total < worst.score / worst.total ? s : worst), null);
  const others = sets.filter((set) => set.slug !== currentSlug && set.settings.mode === "practice");
  const next = weakest ? (others.find((set) => set.skills.includes(weakest.skill)) ?? null) : (others[0] ?? null);
  return { missed, weakest, next };
}
