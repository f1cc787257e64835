import { formatScore } from "../quiz/scoring.ts";
import type { ClassResults, Score } from "./results.ts";

export type CsvCell = string | number | null;

// Spreadsheets run a cell starting with one of these as a formula. The test runs on the NFKC
// form, so full-width ＝＋－＠ (which some spreadsheets convert to ASCII) count too.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(cell: CsvCell): string {
  if (cell === null) return "";
  // Numbers are the app's own (counts, percentages), so they are written as they are.
  if (typeof cell === "number") return String(cell);
  const text = FORMULA_START.test(cell.normalize("NFKC")) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: every record ends with CRLF, and no cell can start a spreadsheet formula. */
export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
}

// "3 of 4" (or "2.5 of 4" with partial credit) rather than "3/4", which spreadsheets read as a date.
function scoreText(score: Score | null): string | null {
  return score ? `${formatScore(score.marks)} of ${score.total}` : null;
}

/**
 * One row per student. The set title is not written into the file, so it stays a plain
 * header-plus-rows table; callers use it for the download's file name.
 */
export function classResultsCsv(results: ClassResults, _setTitle: string): string {
  const header: CsvCell[] = ["Student", "Attempts", "First score", "First percent", "Best score", "Time taken (seconds)", "Version"];
  const rows = results.students.map((s): CsvCell[] => [
    s.name,
    s.attempts,
    scoreText(s.firstScore),
    s.firstScore ? s.firstScore.percent : null,
    scoreText(s.bestScore),
    s.timeTakenMs === null ? null : Math.round(s.timeTakenMs / 1000),
    s.version,
  ]);
  return toCsv([header, ...rows]);
}
