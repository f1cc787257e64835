import { fileURLToPath } from "node:url";
import { loadLibrary } from "../content/library.ts";
import { LIMITS, lintLibrary, type SetStats } from "../content/lint/index.ts";
import { percent } from "../content/lint/stats.ts";
import { formatIssue } from "../content/parse.ts";
import { readContentFiles } from "./files.ts";

// Usage: npm run questions:lint — the item-writing statistics of every set in questions/, so
// authors can watch a set lose its cues. `npm run questions:check` prints each finding.
const root = fileURLToPath(new URL("../../questions", import.meta.url));
const library = loadLibrary(readContentFiles(root));
for (const issue of library.issues) console.error(formatIssue(issue));
const lint = lintLibrary(library);

const share = (part: number, whole: number, low: number, high: number) => {
  const value = percent(part, whole);
  if (value === null) return "–";
  return `${value}%${value < low || value > high ? " !" : ""}`;
};
const count = (file: string) => lint.errors.filter((e) => e.file === file).length;

function row(label: string, s: SetStats, errors: number): string[] {
  const positions = Array.from({ length: s.fixedOrder.keyPositions.length }, (_, i) => `${i + 1}:${s.fixedOrder.keyPositions[i] ?? 0}`).join(" ");
  return [
    label,
    String(s.scored),
    share(s.cuePoints, s.scored, 0, LIMITS.cueOnly),
    share(s.chancePoints, s.scored, 0, 100),
    s.single.count ? `${share(s.single.longestKeyed, s.single.count, 0, LIMITS.longestKey)} of ${s.single.count}` : "–",
    s.trueFalse.count ? `${share(s.trueFalse.keyedTrue, s.trueFalse.count, LIMITS.trueLow, LIMITS.trueHigh)} of ${s.trueFalse.count}` : "–",
    s.fixedOrder.count ? `${positions} (${s.fixedOrder.count})` : "–",
    s.absolutes.keys
      ? `${percent(s.absolutes.withAbsolute, s.absolutes.keys)}% / ${percent(s.absolutes.distractorsWithAbsolute, s.absolutes.distractors)}%`
      : "–",
    String(errors),
  ];
}

const rows = [["set", "scored", "cue-only", "chance", "longest key", "T/F true", "fixed-order key positions", "absolutes key / wrong", "errors"]];
for (const { slug, stats } of lint.stats) rows.push(row(slug, stats, count(library.sets.find((s) => s.slug === slug)?.file ?? "")));
rows.push(row("library", lint.total, lint.errors.length));

const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
for (const [index, r] of rows.entries()) {
  if (index === rows.length - 1) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  console.log(r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  "));
}
console.log(`
! = outside the limit.
cue-only: what a student who never reads would score, at most ${LIMITS.cueOnly}%. The student picks the longest option (single, claim),
  gives every true/false statement the set's more frequent answer, and ticks the two longest options (multiple) or sentences
  (evidence). Ties count fractionally. Short answer, numerical and matching have no cue strategy and score 0 for this student.
chance: the same number of picks made at random.
longest key: single-choice questions keyed on their longest option, at most ${LIMITS.longestKey}%.   T/F true: ${LIMITS.trueLow}–${LIMITS.trueHigh}%.
fixed-order key positions: where the key sits in questions shown in file order (position:count).
absolutes: the share of correct and of wrong options (single, multiple) with "always", "only", "nothing"…; wrong at most
  ${LIMITS.absolutesGap} points above correct, across the library.
errors: lint errors per set (the library row: all of them); npm run questions:check lists them.`);
