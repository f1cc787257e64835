import type { ContentIssue } from "../parse.ts";
import type { DraftQuestion, DraftResult, ImportLimits } from "./index.ts";

/**
 * A reader for the Aiken format: a question, options `A.` or `A)` in order, then `ANSWER: B`.
 * Blank lines separate questions, but a missing one after ANSWER is tolerated, as is a blank
 * line inside a question when the next line carries on with its options or answer.
 */

const OPTION = /^([A-Z])[.)](?:\s+|$)/;
const ANSWER = /^ANSWER\s*:/i;

interface Pending {
  index: number;
  line: number;
  prompt: string[];
  options: { letter: string; text: string }[];
  /** Set once the question has an error; it is then skipped up to its ANSWER line. */
  failed: boolean;
}

const letterAt = (index: number) => String.fromCharCode(65 + index);

export function readAiken(file: string, text: string, limits: ImportLimits): DraftResult {
  const questions: DraftQuestion[] = [];
  const issues: ContentIssue[] = [];
  let current: Pending | undefined;
  let count = 0;
  let afterBlank = false;

  const fail = (pending: Pending, line: number, message: string) => {
    if (!pending.failed) issues.push({ file, path: `questions[${pending.index}]`, line, message });
    pending.failed = true;
  };

  const finish = (pending: Pending, answerLine: number | undefined, answer: string) => {
    current = undefined;
    if (answerLine === undefined) {
      return fail(
        pending,
        pending.line,
        pending.options.length > 0 ? "missing ANSWER: line after the options" : "missing options (A. …, B. …) and ANSWER: line",
      );
    }
    if (pending.failed) return;
    if (pending.prompt.length === 0) return fail(pending, pending.line, "the question text is missing before the options");
    if (pending.options.length < 2) return fail(pending, pending.line, "needs at least two options (A. …, B. …)");
    const letter = answer.toUpperCase();
    const letters = pending.options.map((option) => option.letter);
    if (!/^[A-Z]$/.test(letter)) return fail(pending, answerLine, `ANSWER: must be one option letter, e.g. "ANSWER: ${letters[0] ?? "A"}"`);
    if (!letters.includes(letter)) return fail(pending, answerLine, `ANSWER: ${letter} is not one of the options (${letters.join(", ")})`);
    questions.push({
      index: pending.index,
      line: pending.line,
      type: "single",
      prompt: pending.prompt.join("\n"),
      options: pending.options.map((option) => ({ text: option.text, correct: option.letter === letter })),
    });
  };

  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  for (const [offset, raw] of lines.entries()) {
    const line = offset + 1;
    const trimmed = raw.trim();
    if (trimmed === "") {
      afterBlank = current !== undefined;
      continue;
    }
    const answer = ANSWER.exec(trimmed);
    const option = answer ? null : OPTION.exec(trimmed);
    const letter = option?.[1];

    if (current && afterBlank && !answer && !(letter !== undefined && letter === letterAt(current.options.length))) {
      // After a blank line, anything but the next option or the answer starts a new question.
      finish(current, undefined, "");
    } else if (current && !afterBlank && !answer && !option && current.options.length > 0) {
      // Text after the options: the ANSWER line is missing and a new question has begun.
      finish(current, undefined, "");
    }
    afterBlank = false;

    if (!current) {
      if (answer) {
        issues.push({ file, path: "", line, message: "ANSWER: line without a question before it" });
        continue;
      }
      if (count === limits.questions) {
        return { questions: [], issues: [{ file, path: "questions", line, message: `too many questions: a set can have at most ${limits.questions}` }] };
      }
      current = { index: count++, line, prompt: [], options: [], failed: false };
    }

    if (answer) finish(current, line, trimmed.slice(answer[0].length).trim());
    else if (letter !== undefined && option) {
      const expected = letterAt(current.options.length);
      if (letter !== expected) fail(current, line, `option ${letter} is out of order: expected ${expected}`);
      else if (current.options.length === limits.options) fail(current, line, `too many options: a question can have at most ${limits.options}`);
      current.options.push({ letter, text: trimmed.slice(option[0].length).trim() });
    } else current.prompt.push(trimmed);
  }
  if (current) finish(current, undefined, "");
  return { questions, issues };
}
