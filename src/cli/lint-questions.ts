import { fileURLToPath } from "node:url";
import { loadLibrary } from "../content/library.ts";
import { addStats, emptyStats, percent, type SetStats, setStats } from "../content/lint/stats.ts";
import { formatIssue } from "../content/parse.ts";
import { readContentFiles } from "./files.ts";

// Usage: npm run questions:lint — the item-writing statistics of every set in questions/, so
// authors can watch a set lose its cues. Limits: cue-only ≤ 35 %, longest key ≤ 30 %, true 35–65 %.
const root = fileURLToPath(new URL("../../questions", import.meta.url));
const library = loadLibrary(readContentFiles(root));
for (const issue of library.issues) console.error(formatIssue(issue));

const labels = new Map(library.documents.map((d) => [d.id, d.label]));
const name = (ref: { document: string; paragraph?: number }) => {
  const label = labels.get(ref.document) ?? "the document";
  return ref.paragraph ? `${label}, paragraph ${ref.paragraph}` : label;
};

const share = (part: number, whole: number, low: number, high: number) => {
  const value = percent(part, whole);
  if (value === null) return "–";
  return `${value}%${value < low || value > high ? " !" : ""}`;
};

function row(label: string, s: SetStats): string[] {
  const positions = Array.from({ length: s.fixedOrder.keyPositions.length }, (_, i) => `${i + 1}:${s.fixedOrder.keyPositions[i] ?? 0}`).join(" ");
  return [
    label,
    String(s.scored),
    share(s.cuePoints, s.scored, 0, 35),
    share(s.chancePoints, s.scored, 0, 100),
    s.single.count ? `${share(s.single.longestKeyed, s.single.count, 0, 30)} of ${s.single.count}` : "–",
    s.trueFalse.count ? `${share(s.trueFalse.keyedTrue, s.trueFalse.count, 35, 65)} of ${s.trueFalse.count}` : "–",
    s.fixedOrder.count ? `${positions} (${s.fixedOrder.count})` : "–",
  ];
}

const rows = [["set", "scored", "cue-only", "chance", "longest key", "T/F true", "fixed-order key positions"]];
let total = emptyStats();
for (const { slug, set } of library.sets) {
  const stats = setStats(set, name);
  total = addStats(total, stats);
  rows.push(row(slug, stats));
}
rows.push(row("library", total));

const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
for (const [index, r] of rows.entries()) {
  if (index === rows.length - 1) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  console.log(r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  "));
}
console.log(
  "\n! = outside the limit. cue-only: a student who never reads (longest option; the set's majority true/false answer; the two longest options or sentences on multiple select and evidence), at most 35%. Typed answers (short answer, numerical, matching) score 0 for it. longest key: single-choice questions keyed on their longest option, at most 30%. T/F true: 35–65%.",
);
