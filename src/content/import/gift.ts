import type { ContentIssue } from "../parse.ts";
import type { DraftOption, DraftQuestion, DraftResult, ImportLimits } from "./index.ts";

/**
 * A reader for Moodle's GIFT format: single choice, multiple select (% weights) and
 * true/false. Every step is a single pass over the text, so hostile input stays linear.
 */

interface SourceLine {
  text: string;
  line: number;
}

/** A question's text with escapes resolved; `special` marks unescaped GIFT syntax. */
interface Scanned {
  text: string;
  special: Uint8Array;
  lines: Uint32Array;
}

interface Problem {
  line: number;
  message: string;
}

const SPECIAL = new Set(["~", "=", "#", "{", "}", ":"]);
const ESCAPABLE = new Set(["~", "=", "#", "{", "}", ":", "\\", "n"]);
const FORMAT_MARKER = /^\[(?:html|markdown|plain|moodle)\]\s*/i;
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;
const TRUE_FALSE = new Map([
  ["T", true],
  ["TRUE", true],
  ["F", false],
  ["FALSE", false],
]);

function scan(block: readonly SourceLine[]): Scanned {
  const chars: string[] = [];
  const special: number[] = [];
  const lines: number[] = [];
  let previous = 0;
  for (const source of block) {
    if (chars.length > 0) {
      chars.push("\n");
      special.push(0);
      lines.push(previous);
    }
    const text = source.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      const next = text.charAt(i + 1);
      if (ch === "\\" && ESCAPABLE.has(next)) {
        chars.push(next === "n" ? "\n" : next);
        special.push(0);
        i++;
      } else {
        chars.push(ch);
        special.push(SPECIAL.has(ch) ? 1 : 0);
      }
      lines.push(source.line);
    }
    previous = source.line;
  }
  return { text: chars.join(""), special: Uint8Array.from(special), lines: Uint32Array.from(lines) };
}

function isSyntax(s: Scanned, index: number, ch: string): boolean {
  return s.special[index] === 1 && s.text[index] === ch;
}

function findSyntax(s: Scanned, ch: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isSyntax(s, i, ch)) return i;
  return -1;
}

function lineAt(s: Scanned, index: number): number {
  return s.lines[Math.min(index, s.lines.length - 1)] ?? 0;
}

/** Plain text of a range, without a leading [html]/[markdown]/[plain] marker. */
function textOf(s: Scanned, from: number, to: number): string {
  return s.text.slice(from, to).trim().replace(FORMAT_MARKER, "").trim();
}

function skipSpace(s: Scanned, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(s.text.charAt(i))) i++;
  return i;
}

function readChoices(s: Scanned, from: number, to: number, blockLine: number, maxOptions: number): Pick<DraftQuestion, "type" | "options"> | Problem {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    if (!isSyntax(s, i, "=") && !isSyntax(s, i, "~")) continue;
    if (starts.length === maxOptions) return { line: lineAt(s, i), message: `too many answers: a question can have at most ${maxOptions}` };
    starts.push(i);
  }
  const first = starts[0] ?? to;
  const lead = skipSpace(s, from, first);
  if (lead < first) return { line: lineAt(s, lead), message: "text before the first answer: start each answer with = (right) or ~ (wrong)" };

  const answers = starts.map((start, index) => {
    const end = starts[index + 1] ?? to;
    const right = s.text[start] === "=";
    let at = skipSpace(s, start + 1, end);
    const weight = WEIGHT.exec(s.text.slice(at, Math.min(end, at + 24)));
    if (weight) at += weight[0].length;
    const hash = findSyntax(s, "#", at, end);
    const feedback = hash < 0 ? "" : textOf(s, hash + 1, end);
    return {
      right,
      weight: weight ? Number(weight[1]) : undefined,
      line: lineAt(s, start),
      option: { text: textOf(s, at, hash < 0 ? end : hash), correct: false, ...(feedback ? { feedback } : {}) } satisfies DraftOption,
    };
  });

  if (answers.some((answer) => answer.right)) {
    const partial = answers.find((answer) => !answer.right && (answer.weight ?? 0) > 0);
    if (partial) {
      return {
        line: partial.line,
        message: "partial credit (~%50%) cannot be mixed with an = answer: mark the one right answer with =, or give every answer a % weight",
      };
    }
    return { type: "single", options: answers.map((answer) => ({ ...answer.option, correct: answer.right })) };
  }
  // Moodle's rule: without an = answer, every answer with a positive weight is correct.
  const options = answers.map((answer) => ({ ...answer.option, correct: (answer.weight ?? 0) > 0 }));
  if (!options.some((option) => option.correct)) {
    return { line: blockLine, message: "no correct answer: mark it with =, or give each correct answer a positive weight such as ~%50%" };
  }
  return { type: "multiple", options };
}

function readTrueFalse(s: Scanned, from: number, to: number): Pick<DraftQuestion, "type" | "options"> | undefined {
  const first = findSyntax(s, "#", from, to);
  const word = s.text.slice(from, first < 0 ? to : first).trim();
  const value = TRUE_FALSE.get(word.toUpperCase());
  if (value === undefined) return undefined;
  // `{T#feedback if wrong#feedback if right}`; a further # belongs to the second feedback.
  const second = first < 0 ? -1 : findSyntax(s, "#", first + 1, to);
  const wrong = first < 0 ? "" : textOf(s, first + 1, second < 0 ? to : second);
  const right = second < 0 ? "" : textOf(s, second + 1, to);
  const feedback = (correct: boolean) => {
    const text = correct ? right : wrong;
    return text ? { feedback: text } : {};
  };
  return {
    type: "true_false",
    options: [
      { text: "True", correct: value, ...feedback(value) },
      { text: "False", correct: !value, ...feedback(!value) },
    ],
  };
}

function readQuestion(block: readonly SourceLine[], index: number, maxOptions: number): DraftQuestion | Problem {
  const s = scan(block);
  const end = s.text.length;
  const blockLine = block[0]?.line ?? 0;
  let at = skipSpace(s, 0, end);

  let title: string | undefined;
  if (isSyntax(s, at, ":") && isSyntax(s, at + 1, ":")) {
    let close = -1;
    for (let i = at + 2; i + 1 < end; i++) {
      if (isSyntax(s, i, ":") && isSyntax(s, i + 1, ":")) {
        close = i;
        break;
      }
    }
    if (close < 0) return { line: lineAt(s, at), message: "the ::title:: is not closed with ::" };
    title = s.text.slice(at + 2, close).trim();
    at = close + 2;
  }

  const open = findSyntax(s, "{", at, end);
  if (open < 0) return { line: blockLine, message: "missing answer block: put the answers in { } after the question text" };
  const openLine = lineAt(s, open);
  const close = findSyntax(s, "}", open + 1, end);
  const reopen = findSyntax(s, "{", open + 1, close < 0 ? end : close);
  if (close < 0 || reopen >= 0) return { line: openLine, message: "unclosed {: the answer block needs a closing }" };
  const stray = findSyntax(s, "}", at, open);
  if (stray >= 0) return { line: lineAt(s, stray), message: "unexpected }: write \\} for a literal brace" };
  const second = findSyntax(s, "{", close + 1, end);
  if (second >= 0) return { line: lineAt(s, second), message: "a second answer block { }: separate questions with a blank line" };
  const strayAfter = findSyntax(s, "}", close + 1, end);
  if (strayAfter >= 0) return { line: lineAt(s, strayAfter), message: "unexpected }: write \\} for a literal brace" };

  const before = textOf(s, at, open);
  const after = s.text.slice(close + 1, end).trim();
  const prompt = after ? [before, "_____", after].filter(Boolean).join(" ") : before;

  // General feedback (####) ends the answers.
  let answersEnd = close;
  let explanation: string | undefined;
  for (let i = open + 1, run = 0; i < close; i++) {
    run = isSyntax(s, i, "#") ? run + 1 : 0;
    if (run === 4) {
      answersEnd = i - 3;
      explanation = textOf(s, i + 1, close) || undefined;
      break;
    }
  }

  const bodyStart = skipSpace(s, open + 1, answersEnd);
  const has = (ch: string) => findSyntax(s, ch, bodyStart, answersEnd) >= 0;
  // Same order of tests as Moodle's own reader.
  if (bodyStart >= answersEnd) return { line: openLine, message: "essay questions are not supported" };
  if (isSyntax(s, bodyStart, "#")) return { line: openLine, message: "numeric questions are not supported" };
  let answers: Pick<DraftQuestion, "type" | "options"> | Problem | undefined;
  if (has("~")) answers = readChoices(s, bodyStart, answersEnd, openLine, maxOptions);
  else if (has("=") && s.text.slice(bodyStart, answersEnd).includes("->")) return { line: openLine, message: "matching questions are not supported" };
  else answers = readTrueFalse(s, bodyStart, answersEnd);
  if (!answers && has("=")) {
    return { line: openLine, message: "short-answer questions are not supported: add wrong answers with ~ to make it multiple choice" };
  }
  if (!answers) return { line: openLine, message: "unrecognised answers: write =right ~wrong answers, or T / F for true/false" };
  if ("message" in answers) return answers;

  return { index, line: blockLine, ...(title ? { title } : {}), prompt, ...answers, ...(explanation ? { explanation } : {}) };
}

/** Read GIFT text into drafts; questions that cannot be read become line-numbered issues. */
export function readGift(file: string, text: string, limits: ImportLimits): DraftResult {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  for (const [offset, raw] of lines.entries()) {
    const trimmed = raw.trim();
    if (trimmed.startsWith("//") || trimmed.startsWith("$CATEGORY:")) continue;
    if (trimmed === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    if (current.length === 0 && blocks.length === limits.questions) {
      return {
        questions: [],
        issues: [{ file, path: "questions", line: offset + 1, message: `too many questions: a set can have at most ${limits.questions}` }],
      };
    }
    current.push({ text: raw, line: offset + 1 });
  }
  if (current.length > 0) blocks.push(current);

  const questions: DraftQuestion[] = [];
  const issues: ContentIssue[] = [];
  blocks.forEach((block, index) => {
    const result = readQuestion(block, index, limits.options);
    if ("message" in result) issues.push({ file, path: `questions[${index}]`, line: result.line, message: result.message });
    else questions.push(result);
  });
  return { questions, issues };
}
