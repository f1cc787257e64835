import { formatPath } from "../parse.ts";
import { isScored, type QuestionSet } from "../schema.ts";
import { normalise } from "../text.ts";
import { type LintFinding, plural } from "./findings.ts";
import { type NameReference, visibleLength, words } from "./words.ts";

/** What one parallel form needs on its own: enough items for a score, and for discernment. */
export const FORM_LIMITS = { minScored: 12, minClaims: 8, supportedLow: 40, supportedHigh: 60, optionLengthRatio: 1.15, sharedRun: 8 } as const;

export interface FormSet {
  slug: string;
  set: QuestionSet;
}

/** Checks one form by itself (a teacher's upload can be checked this far). */
export function lintForm(set: QuestionSet): LintFinding[] {
  if (!set.form) return [];
  const findings: LintFinding[] = [];
  const form = `Form ${set.form.form} of "${set.form.group}"`;
  if (set.mode !== "check")
    findings.push({
      rule: "form-mode",
      path: ["mode"],
      message: `${form} is a parallel form of a check: set mode: check, so every form is taken the same way.`,
    });
  const scored = set.questions.filter(isScored).length;
  if (scored < FORM_LIMITS.minScored)
    findings.push({
      rule: "form-size",
      path: ["questions"],
      message: `${form} has ${plural(scored, "scored question")}; a parallel form needs at least ${FORM_LIMITS.minScored} for a score that means something.`,
    });
  const claims = set.questions.filter((q) => q.type === "claim");
  const supported = claims.filter((q) => q.options.some((o) => o.id === q.answer[0] && "supports" in o && o.supports)).length;
  const share = claims.length ? Math.round((100 * supported) / claims.length) : 0;
  if (claims.length < FORM_LIMITS.minClaims)
    findings.push({
      rule: "form-claims",
      path: ["questions"],
      message: `${form} has ${plural(claims.length, "claim-judgement question")} (type: claim); it needs at least ${FORM_LIMITS.minClaims} to measure discernment.`,
    });
  else if (share < FORM_LIMITS.supportedLow || share > FORM_LIMITS.supportedHigh)
    findings.push({
      rule: "form-claims",
      path: ["questions"],
      message: `${form}: ${supported} of ${claims.length} claims are supported (${share}%). Aim for ${FORM_LIMITS.supportedLow}–${FORM_LIMITS.supportedHigh}%, so that neither trusting nor doubting everything pays.`,
    });
  return findings;
}

const mixKey = (q: { skill: string; type: string; difficulty: string }) => `${q.skill}, ${q.type}, ${q.difficulty}`;

function mix(set: QuestionSet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of set.questions) counts.set(mixKey(q), (counts.get(mixKey(q)) ?? 0) + 1);
  return counts;
}

/** Mean visible length of the options students compare (True/False left out: it never varies). */
function meanOptionLength(set: QuestionSet, name?: NameReference): number {
  const lengths = set.questions.flatMap((q) => ("options" in q && q.type !== "true_false" ? q.options.map((o) => visibleLength(o.text, q.markup, name)) : []));
  return lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
}

interface Quote {
  path: (string | number)[];
  text: string;
  /** Normalised words, joined by single spaces, padded for whole-word containment. */
  padded: string;
  runs: Set<string>;
}

function quotesOf(set: QuestionSet): Quote[] {
  return set.questions.flatMap((q, index) =>
    (["passages", "sources"] as const).flatMap((field) =>
      q[field].map((ref, r) => {
        const list = words(normalise(ref.quote));
        const runs = new Set<string>();
        for (let i = 0; i + FORM_LIMITS.sharedRun <= list.length; i++) runs.add(list.slice(i, i + FORM_LIMITS.sharedRun).join(" "));
        return { path: ["questions", index, field, r, "quote"], text: ref.quote, padded: ` ${list.join(" ")} `, runs };
      }),
    ),
  );
}

/**
 * Two quotes overlap when one contains the other, or they share a run of 8 words, whatever
 * document they cite: a copy and its rewrite share sentences, and a student remembers text.
 */
function overlaps(a: Quote, b: Quote): boolean {
  if (a.padded.includes(b.padded) || b.padded.includes(a.padded)) return true;
  for (const run of a.runs) if (b.runs.has(run)) return true;
  return false;
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * The forms of one group, checked against each other: the same mix of skill, type and
 * difficulty, similar option lengths, and no passage in common (a student who took form A
 * must meet new text in form B). Findings are returned per form's slug.
 */
export function lintFormGroups(sets: readonly FormSet[], name?: NameReference): Map<string, LintFinding[]> {
  const out = new Map<string, LintFinding[]>();
  const add = (slug: string, finding: LintFinding) => out.set(slug, [...(out.get(slug) ?? []), finding]);
  const groups = new Map<string, FormSet[]>();
  for (const entry of sets) if (entry.set.form) groups.set(entry.set.form.group, [...(groups.get(entry.set.form.group) ?? []), entry]);
  for (const [group, forms] of groups) {
    forms.sort((a, b) => (a.set.form?.form ?? "").localeCompare(b.set.form?.form ?? ""));
    const [first, ...others] = forms as [FormSet, ...FormSet[]];
    const letter = (f: FormSet) => f.set.form?.form ?? "?";
    if (others.length === 0)
      add(first.slug, {
        rule: "form-lonely",
        path: ["form"],
        message: `Form ${letter(first)} is the only form of "${group}": add a parallel form, or remove form.`,
      });
    const firstMix = mix(first.set);
    const firstLength = meanOptionLength(first.set, name);
    const quotes = forms.map((f) => quotesOf(f.set));
    others.forEach((other, i) => {
      const [a, b] = [letter(first), letter(other)];
      const otherMix = mix(other.set);
      const differences = [...new Set([...firstMix.keys(), ...otherMix.keys()])]
        .sort()
        .map((key) => ({ key, diff: (firstMix.get(key) ?? 0) - (otherMix.get(key) ?? 0) }))
        .filter(({ diff }) => diff !== 0)
        .map(({ key, diff }) => `${Math.abs(diff)} more (${key}) in form ${diff > 0 ? a : b}`);
      if (differences.length > 0)
        add(other.slug, {
          rule: "form-mix",
          path: ["questions"],
          message: `Forms ${a} and ${b} of "${group}" are not matched on skill, type and difficulty: ${differences.join("; ")}.`,
        });
      const otherLength = meanOptionLength(other.set, name);
      const ratio = Math.max(firstLength, otherLength) / Math.max(1, Math.min(firstLength, otherLength));
      if (ratio > FORM_LIMITS.optionLengthRatio)
        add(other.slug, {
          rule: "form-option-length",
          path: ["questions"],
          message: `Options average ${Math.round(otherLength)} characters in form ${b} and ${Math.round(firstLength)} in form ${a} of "${group}". Keep them within ${Math.round(100 * (FORM_LIMITS.optionLengthRatio - 1))}%, so neither form is easier to guess.`,
        });
      // Every earlier form, not only the first: a student may take any two forms of a group.
      for (const quote of quotes[i + 1] ?? [])
        for (const [j, earlier] of quotes.slice(0, i + 1).entries()) {
          const match = earlier.find((q) => overlaps(q, quote));
          if (!match) continue;
          const c = letter(forms[j] as FormSet);
          add(other.slug, {
            rule: "form-shared-quote",
            path: quote.path,
            message: `Form ${b} quotes "${short(quote.text)}", which overlaps form ${c}'s quote at ${formatPath(match.path)} ("${short(match.text)}"). Students who took form ${c} have read it: choose another passage.`,
          });
          break;
        }
    });
  }
  return out;
}
