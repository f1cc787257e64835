import type { ImportLimits } from "./index.ts";
import type { MoodleQuestion, ReadProblem, ReadResult } from "./moodle-question.ts";

/**
 * The Aiken format, as Moodle reads it (question/format/aiken/format.php): a question, options
 * `A.` or `A)` (the space after them optional), then `ANSWER: B`; all plain text. Unlike Moodle,
 * a question may run over several lines, and a blank line inside it is tolerated when the
 * next line carries on with its options or answer.
 */

const OPTION = /^([A-Z])[.)][ \t]?/;
const ANSWER = /^ANSWER\s*:/i;

interface Pending {
  line: number;
  position: number;
  prompt: string[];
  options: { letter: string; text: string }[];
  /** Set once the question has a problem; it is then skipped up to its ANSWER line. */
  failed: boolean;
}

const letterAt = (index: number) => String.fromCharCode(65 + index);

export function readAiken(text: string, limits: ImportLimits): ReadResult {
  const questions: MoodleQuestion[] = [];
  const problems: ReadProblem[] = [];
  let current: Pending | undefined;
  let count = 0;
  let afterBlank = false;
  /** An option or ANSWER line with no question was reported; the lines after it belong to it. */
  let orphan = false;
  let stoppedAt: number | undefined;

  const fail = (pending: Pending, line: number, message: string) => {
    if (!pending.failed) problems.push({ line, position: pending.position, name: pending.prompt[0]?.slice(0, 60), message });
    pending.failed = true;
  };

  const finish = (pending: Pending, answerLine: number | undefined, answer: string) => {
    current = undefined;
    if (answerLine === undefined) {
      return fail(
        pending,
        pending.line,
        pending.options.length > 0 ? "no ANSWER: line after the options: add one, e.g. ANSWER: A" : "no options (A. …, B. …) and no ANSWER: line",
      );
    }
    if (pending.failed) return;
    if (pending.prompt.length === 0) return fail(pending, pending.line, "the question text is missing before the options");
    if (pending.options.length < 2) return fail(pending, pending.line, "a question needs at least two options (A. …, B. …)");
    const letter = answer.slice(0, 1).toUpperCase();
    const letters = pending.options.map((option) => option.letter);
    if (!letters.includes(letter)) return fail(pending, answerLine, `ANSWER: ${answer.slice(0, 10)} is not one of the options (${letters.join(", ")})`);
    questions.push({
      qtype: "multichoice",
      line: pending.line,
      position: pending.position,
      single: true,
      shuffle: true,
      questiontext: { text: pending.prompt.join(" "), format: "plain" },
      answers: pending.options.map((option) => ({ text: { text: option.text, format: "plain" }, fraction: option.letter === letter ? 1 : 0 })),
      subquestions: [],
      notes: [],
    });
  };

  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  for (const [offset, raw] of lines.entries()) {
    const line = offset + 1;
    const trimmed = raw.trim();
    if (trimmed === "") {
      afterBlank = current !== undefined;
      orphan = false;
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
      if (answer || option) {
        if (!orphan)
          problems.push({ line, message: `${answer ? "an ANSWER: line" : "an option"} without a question before it: write the question on the line above` });
        orphan = !answer;
        continue;
      }
      if (count === limits.questions) {
        stoppedAt = line;
        break;
      }
      count++;
      current = { line, position: count, prompt: [], options: [], failed: false };
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
  return { questions, problems, categories: [], ...(stoppedAt ? { stoppedAt } : {}) };
}
