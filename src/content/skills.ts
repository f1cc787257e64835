/** The media-literacy skills every question practises. The key is the tag used in question files. */
export const SKILLS = {
  verification: "Independent verification versus a claim",
  attribution: "Attribution: who says so",
  "anonymous-sources": "Anonymous and unnamed sources",
  hedging: "Hedging language",
  evidence: "Evidence present or absent",
  "loaded-language": "Loaded language versus reporting",
  "comparing-coverage": "Comparing coverage across outlets",
  "spun-copy": "Spotting a machine-rewritten copy",
  provenance: "Provenance: copies, boilerplate, bylines and credits",
  "dates-context": "Dates and context",
  numbers: "Numbers and who stands behind them",
  "denial-vs-no-comment": "Denial versus declining to comment",
} as const;

export type SkillId = keyof typeof SKILLS;
export const SKILL_IDS = Object.keys(SKILLS) as [SkillId, ...SkillId[]];

/** The home page groups sets by the family of their first skill, in this order. */
export const SKILL_GROUPS: readonly { title: string; about: string; skills: readonly SkillId[] }[] = [
  {
    title: "Who is speaking?",
    about: "Attribution, unnamed sources, and a denial versus declining to comment.",
    skills: ["attribution", "anonymous-sources", "denial-vs-no-comment"],
  },
  {
    title: "What is shown, and what is only claimed?",
    about: "Verification, evidence, hedging words and the numbers behind a story.",
    skills: ["verification", "evidence", "hedging", "numbers"],
  },
  {
    title: "Where did it come from, and when?",
    about: "Copies, credits, boilerplate and dates: a text's provenance.",
    skills: ["provenance", "spun-copy", "dates-context"],
  },
  {
    title: "How is it told?",
    about: "Loaded words, and how two outlets tell the same event.",
    skills: ["loaded-language", "comparing-coverage"],
  },
];

export function skillLabel(skill: string): string {
  return skill in SKILLS ? SKILLS[skill as SkillId] : skill;
}

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const QUESTION_TYPES = [
  "single",
  "multiple",
  "true_false",
  "claim",
  "evidence",
  "short_answer",
  "numerical",
  "matching",
  "essay",
  "description",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
