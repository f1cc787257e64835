import type { Library } from "../library.ts";
import { type ContentIssue, formatPath } from "../parse.ts";
import type { QuestionSet } from "../schema.ts";
import { type LintDocument, lintDocumentNames } from "./documents.ts";
import type { LintFinding, LintRule } from "./findings.ts";
import { lintForm, lintFormGroups } from "./forms.ts";
import { lintCompleteness, lintQuestion } from "./items.ts";
import { addStats, emptyStats, percent, type SetStats, setStats } from "./stats.ts";
import type { NameReference } from "./words.ts";

export type { LintDocument } from "./documents.ts";
export type { LintFinding, LintRule } from "./findings.ts";
export type { SetStats } from "./stats.ts";

/** The limits from the item-writing guidance (questions/ fails past them; uploads get a warning). */
export const LIMITS = { cueOnly: 35, longestKey: 30, trueLow: 35, trueHigh: 65, keyPosition: 50, absolutesGap: 5, minCount: 4, uploadAboveChance: 10 } as const;

export interface LintContext {
  /** Documents the set may name, by id: labels and texts where known. */
  documents: ReadonlyMap<string, LintDocument>;
  /** Ids a bare mention could mean, besides the set's own documents (e.g. the library's). */
  candidateIds: Iterable<string>;
}

function namer(documents: ReadonlyMap<string, LintDocument>): NameReference {
  return (ref) => {
    const label = documents.get(ref.document)?.label || "the document";
    return ref.paragraph ? `${label}, paragraph ${ref.paragraph}` : label;
  };
}

/** Per-question cues and document names, plus what a parallel form needs by itself. */
export function lintSetContent(set: QuestionSet, context: LintContext): LintFinding[] {
  const name = namer(context.documents);
  return [
    ...set.questions.flatMap((question, index) => lintQuestion(question, index, name)),
    ...lintDocumentNames(set, context.documents, context.candidateIds),
    ...lintForm(set),
  ];
}

/** "picking the longest option, answering "False" to every statement and …": the strategies that apply. */
function cueStrategy(set: Pick<QuestionSet, "questions">, stats: SetStats, scope: Scope = "set"): string {
  const types = new Set(set.questions.map((q) => q.type));
  const parts: string[] = [];
  if (types.has("single") || types.has("claim")) parts.push("picking the longest option");
  const majority = stats.trueFalse.keyedTrue * 2 >= stats.trueFalse.count ? "True" : "False";
  if (stats.trueFalse.count > 0)
    parts.push(scope === "set" ? `answering "${majority}" to every true/false statement` : "answering each set's more frequent true/false answer every time");
  if (types.has("multiple")) parts.push("ticking the two longest options");
  if (types.has("evidence")) parts.push("choosing the two longest sentences");
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "guessing");
}

type Scope = "set" | "library";

/** Findings on a set's (or the whole library's) statistics. Each returns null when within limits. */
const statRules = {
  cueOnly(stats: SetStats, strategy: string, scope: Scope, limit: number = LIMITS.cueOnly): LintFinding | null {
    const cue = percent(stats.cuePoints, stats.scored);
    if (cue === null || cue <= limit) return null;
    return {
      rule: "cue-only-score",
      path: [],
      message: `A student who never reads the documents would score ${cue}% on ${scope === "set" ? "this set" : "the library"} (chance: ${percent(stats.chancePoints, stats.scored)}%) by ${strategy}. Aim for at most ${limit}%: the question warnings show where the cues are.`,
    };
  },
  longestKey(stats: SetStats, scope: Scope): LintFinding | null {
    const share = percent(stats.single.longestKeyed, stats.single.count);
    if (share === null || share <= LIMITS.longestKey) return null;
    return {
      rule: "longest-key-share",
      path: [],
      message: `The correct answer is the longest option in ${Number(stats.single.longestKeyed.toFixed(1))} of ${stats.single.count} single-choice questions${scope === "library" ? " in the library" : ""} (${share}%). Students who always pick the longest option gain from it. Keep it to at most ${LIMITS.longestKey}%: make the wrong options as long and specific as the answers.`,
    };
  },
  trueShare(stats: SetStats, scope: Scope): LintFinding | null {
    const { count, keyedTrue } = stats.trueFalse;
    const share = percent(keyedTrue, count);
    if (share === null || (share >= LIMITS.trueLow && share <= LIMITS.trueHigh)) return null;
    const majority = keyedTrue * 2 > count ? "True" : "False";
    return {
      rule: "true-share",
      path: [],
      message: `${keyedTrue} of ${count} true/false statements${scope === "library" ? " in the library" : ""} are true (${share}%): students who answer "${majority}" every time score ${Math.max(share, 100 - share)}%. Aim for ${LIMITS.trueLow}–${LIMITS.trueHigh}% true: rewrite some statements by one meaningful change (a dropped hedge, a swapped speaker).`,
    };
  },
  keyPosition(stats: SetStats): LintFinding | null {
    const { count, keyPositions } = stats.fixedOrder;
    const most = Math.max(0, ...keyPositions.map((n) => n ?? 0));
    const share = percent(most, count);
    if (share === null || count < LIMITS.minCount || share <= LIMITS.keyPosition) return null;
    const position = keyPositions.indexOf(most) + 1;
    return {
      rule: "key-position",
      path: [],
      message: `In questions shown in a fixed order, the correct answer is option ${position} in ${most} of ${count} (${share}%). Students who always pick option ${position} gain from it. Vary which option is correct, or let the app shuffle the options where their order carries no meaning (remove shuffle: false).`,
    };
  },
  /** Absolutes pay a student who avoids them only if wrong options carry them more often than keys. */
  absolutes(stats: SetStats): LintFinding | null {
    const { keys, withAbsolute, distractors, distractorsWithAbsolute } = stats.absolutes;
    const keyShare = percent(withAbsolute, keys) ?? 0;
    const distractorShare = percent(distractorsWithAbsolute, distractors) ?? 0;
    if (distractorShare - keyShare <= LIMITS.absolutesGap) return null;
    return {
      rule: "absolutes-balance",
      path: [],
      message: `Absolute words ("always", "only", "nothing"…) are in ${distractorShare}% of the wrong options but ${keyShare}% of the correct ones (single choice and multiple select). Students who avoid absolutes gain from it. Keep the two within ${LIMITS.absolutesGap} points: the question warnings show where.`,
    };
  },
};

/**
 * Warnings for a teacher's set: every rule, in plain words with a fix. Never a refusal.
 * Shares are judged once there are enough questions of the kind to mean something, and the
 * cue-only score against chance (a set of true/false statements cannot score below 50%).
 */
export function lintUpload(set: QuestionSet, context: LintContext): { path: string; message: string }[] {
  const stats = setStats(set, namer(context.documents));
  const chance = percent(stats.chancePoints, stats.scored) ?? 0;
  const cue = enough(stats.scored)
    ? statRules.cueOnly(stats, cueStrategy(set, stats), "set", Math.max(LIMITS.cueOnly, chance + LIMITS.uploadAboveChance))
    : null;
  return [...lintSetContent(set, context), ...(cue ? [cue] : []), ...setShares(stats)].map((f) => ({ path: formatPath(f.path), message: f.message }));
}

const enough = (count: number) => count >= LIMITS.minCount;

/** One set's shares, judged once it has enough questions of the kind for a share to mean something. */
function setShares(stats: SetStats): LintFinding[] {
  return [
    enough(stats.single.count) ? statRules.longestKey(stats, "set") : null,
    enough(stats.trueFalse.count) ? statRules.trueShare(stats, "set") : null,
    statRules.keyPosition(stats),
  ].filter((finding) => finding !== null);
}

/**
 * Rules too noisy to fail the library on: reported, never fatal (see README, "The item-writing
 * lint"). One question with an absolute only in a wrong option is a small cue; what a student
 * can exploit is the library-wide imbalance, which is an error (`absolutes-balance`).
 */
const LIBRARY_WARNINGS = new Set<LintRule>(["key-position", "absolutes-in-distractors"]);

export interface LibraryLint {
  errors: ContentIssue[];
  warnings: ContentIssue[];
  stats: { slug: string; stats: SetStats }[];
  total: SetStats;
}

/**
 * The built-in library's lint: per-question rules, complete feedback and explanations,
 * document names, parallel forms, and the cue limits in every set and across the library.
 */
export function lintLibrary(library: Pick<Library, "documents" | "sets">): LibraryLint {
  const documents = new Map<string, LintDocument>(library.documents.map((d) => [d.id, { label: d.label, body: d.body }]));
  const context: LintContext = { documents, candidateIds: [...documents.keys()] };
  const name = namer(documents);
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const report = (file: string, finding: LintFinding, lineOf?: (path: readonly PropertyKey[]) => number | undefined, warning = false) => {
    const line = finding.path.length > 0 ? lineOf?.(finding.path) : undefined;
    const issue: ContentIssue = { file, path: formatPath(finding.path), ...(line ? { line } : {}), message: finding.message };
    (warning || LIBRARY_WARNINGS.has(finding.rule) ? warnings : errors).push(issue);
  };
  const forms = lintFormGroups(library.sets, name);
  const stats: LibraryLint["stats"] = [];
  let total = emptyStats();
  for (const { slug, file, set, lineOf } of library.sets) {
    const setFindings = [
      ...lintSetContent(set, context),
      ...set.questions.flatMap((question, index) => lintCompleteness(question, index)),
      ...(forms.get(slug) ?? []),
    ];
    for (const finding of setFindings) report(file, finding, lineOf);
    const own = setStats(set, name);
    stats.push({ slug, stats: own });
    total = addStats(total, own);
    const cue = statRules.cueOnly(own, cueStrategy(set, own), "set");
    if (cue) report(file, cue);
    // The longest-key and true/false shares are errors across the library; one set's share is a hint.
    for (const hint of setShares(own)) report(file, hint, undefined, true);
  }
  const all = { questions: library.sets.flatMap((s) => s.set.questions) };
  for (const finding of [
    statRules.cueOnly(total, cueStrategy(all, total, "library"), "library"),
    statRules.longestKey(total, "library"),
    statRules.trueShare(total, "library"),
    statRules.absolutes(total),
  ])
    if (finding) report("questions/", finding);
  const position = statRules.keyPosition(total);
  if (position) report("questions/", position, undefined, true);
  return { errors, warnings, stats, total };
}
