import { giftFormat, type TextFormat } from "../markup/moodle-text.ts";
import type { ImportLimits } from "./index.ts";
import type { MoodleAnswer, MoodleQuestion, MoodleText, NumericAnswer, ReadProblem, ReadResult } from "./moodle-question.ts";

/**
 * Moodle's GIFT format, read as Moodle's own importer reads it (question/format/gift/format.php):
 * the same order of tests decides the question type, weights and feedback are split the same
 * way, and where Moodle silently does something surprising the import report says so. Every
 * step is a single pass over the text, so hostile input stays linear.
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

/** A part of the scanned text, [from, to). */
interface Range {
  from: number;
  to: number;
}

class Problem extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const SPECIAL = new Set(["~", "=", "#", "{", "}", ":"]);
const ESCAPABLE = new Set(["~", "=", "#", "{", "}", ":", "\\", "n"]);
/** Moodle's pattern: `%50%`, `%-33.33333%`, `%100%`. */
const WEIGHT = /^%-*[0-9]{1,2}\.?[0-9]*%/;
const TRUE_FALSE = new Map([
  ["T", true],
  ["TRUE", true],
  ["F", false],
  ["FALSE", false],
]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function scan(block: readonly SourceLine[]): Scanned {
  const chars: string[] = [];
  const special: number[] = [];
  const lines: number[] = [];
  for (const [index, source] of block.entries()) {
    if (index > 0) {
      chars.push("\n");
      special.push(0);
      lines.push(source.line);
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
  }
  return { text: chars.join(""), special: Uint8Array.from(special), lines: Uint32Array.from(lines) };
}

const isSyntax = (s: Scanned, index: number, ch: string) => s.special[index] === 1 && s.text[index] === ch;

function find(s: Scanned, ch: string, { from, to }: Range): number {
  for (let i = from; i < to; i++) if (isSyntax(s, i, ch)) return i;
  return -1;
}

const lineAt = (s: Scanned, index: number) => s.lines[Math.max(0, Math.min(index, s.lines.length - 1))] ?? 0;

/** The range without surrounding white space. */
function trim(s: Scanned, { from, to }: Range): Range {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(s.text.charAt(a))) a++;
  while (b > a && /\s/.test(s.text.charAt(b - 1))) b--;
  return { from: a, to: b };
}

const raw = (s: Scanned, r: Range) => s.text.slice(r.from, r.to);

/** Text with an optional leading `[format]`; Moodle ignores markers it does not know. */
function formatted(text: string, fallback: TextFormat): MoodleText {
  const trimmed = text.trim();
  const end = trimmed.startsWith("[") ? trimmed.indexOf("]") : -1;
  const format = end > 0 ? giftFormat(trimmed.slice(1, end)) : undefined;
  return format ? { text: trimmed.slice(end + 1).trim(), format } : { text: trimmed, format: fallback };
}

/** Splits a range before each unescaped `chars` character; the first part is what comes before any. */
function split(s: Scanned, r: Range, chars: string, max: number, what: string): Range[] {
  const parts: Range[] = [];
  let start = r.from;
  for (let i = r.from; i < r.to; i++) {
    if (s.special[i] !== 1 || !chars.includes(s.text.charAt(i))) continue;
    parts.push({ from: start, to: i });
    if (parts.length > max) throw new Problem(lineAt(s, i), `too many ${what}: a question can have at most ${max}`);
    start = i;
  }
  parts.push({ from: start, to: r.to });
  return parts;
}

/** `answer#feedback`: the first unescaped # starts the feedback. */
function withFeedback(s: Scanned, r: Range, format: TextFormat): { text: MoodleText; feedback?: MoodleText } {
  const hash = find(s, "#", r);
  const text = formatted(raw(s, { from: r.from, to: hash < 0 ? r.to : hash }), format);
  if (hash < 0) return { text };
  const feedback = formatted(raw(s, { from: hash + 1, to: r.to }), format);
  return feedback.text ? { text, feedback } : { text };
}

/** A leading `%weight%`, as Moodle's answerweightparser reads it. */
function weightOf(s: Scanned, r: Range): { fraction: number; rest: Range } | undefined {
  const match = WEIGHT.exec(s.text.slice(r.from, Math.min(r.to, r.from + 40)));
  if (!match) return undefined;
  const percent = Number(match[0].slice(1, -1));
  if (!Number.isFinite(percent)) throw new Problem(lineAt(s, r.from), `the weight ${match[0]} is not a number: write it like %50% or %-25%`);
  return { fraction: percent / 100, rest: { from: r.from + match[0].length, to: r.to } };
}

function multichoice(s: Scanned, body: Range, format: TextFormat, max: number, notes: string[]): Partial<MoodleQuestion> {
  // Moodle: one = anywhere makes a one-answer question; then every ~ or = starts an answer.
  const single = find(s, "=", body) >= 0;
  const [lead, ...parts] = split(s, body, "~=", max, "answers");
  const pieces = parts.map((part) => trim(s, isSyntax(s, part.from, "~") ? { from: part.from + 1, to: part.to } : part));
  const leading = trim(s, lead as Range);
  if (leading.from < leading.to) {
    pieces.unshift(leading);
    notes.push(`"${raw(s, leading).slice(0, 40)}" comes before the first ~ or =, so Moodle reads it as a wrong answer; it was imported as one`);
  }
  const answers = pieces.map((piece): MoodleAnswer => {
    if (isSyntax(s, piece.from, "=")) {
      const rest = trim(s, { from: piece.from + 1, to: piece.to });
      if (WEIGHT.test(raw(s, rest)))
        notes.push(`"=${raw(s, rest).slice(0, 20)}": after = Moodle keeps a %weight% as part of the answer text; write ~%50% for partial credit`);
      return { fraction: 1, ...withFeedback(s, rest, format) };
    }
    const weight = weightOf(s, piece);
    return { fraction: weight?.fraction ?? 0, ...withFeedback(s, weight ? trim(s, weight.rest) : piece, format) };
  });
  return { qtype: "multichoice", single, shuffle: true, answers };
}

function matching(s: Scanned, body: Range, format: TextFormat, max: number): Partial<MoodleQuestion> {
  const [lead, ...parts] = split(s, body, "=", max, "items");
  const pieces = parts.map((part) => trim(s, { from: part.from + 1, to: part.to }));
  if (trim(s, lead as Range).from < trim(s, lead as Range).to) pieces.unshift(trim(s, lead as Range));
  const subquestions = pieces.map((piece) => {
    const text = raw(s, piece);
    const arrow = text.indexOf("->");
    if (arrow < 0) throw new Problem(lineAt(s, piece.from), "in a matching question every item is written =item -> answer");
    return { text: formatted(text.slice(0, arrow), format), answer: text.slice(arrow + 2).trim() };
  });
  return { qtype: "match", shuffle: true, subquestions };
}

function trueFalse(s: Scanned, body: Range, format: TextFormat, value: boolean): Partial<MoodleQuestion> {
  // {T#feedback if wrong#feedback if right}: a third # belongs to the second feedback.
  const first = find(s, "#", body);
  const second = first < 0 ? -1 : find(s, "#", { from: first + 1, to: body.to });
  const text = (from: number, to: number) => (from < 0 ? undefined : formatted(raw(s, { from, to }), format));
  const wrong = first < 0 ? undefined : text(first + 1, second < 0 ? body.to : second);
  const right = second < 0 ? undefined : text(second + 1, body.to);
  const answer = (isTrue: boolean): MoodleAnswer => {
    const feedback = isTrue === value ? right : wrong;
    return { text: { text: String(isTrue), format: "plain" }, fraction: isTrue === value ? 1 : 0, ...(feedback?.text ? { feedback } : {}) };
  };
  return { qtype: "truefalse", answers: [answer(true), answer(false)] };
}

function shortAnswer(s: Scanned, body: Range, format: TextFormat, max: number): Partial<MoodleQuestion> {
  const [lead, ...parts] = split(s, body, "=", max, "accepted answers");
  const pieces = parts.map((part) => trim(s, { from: part.from + 1, to: part.to }));
  if (trim(s, lead as Range).from < trim(s, lead as Range).to) pieces.unshift(trim(s, lead as Range));
  const answers = pieces.map((piece): MoodleAnswer => {
    const weight = weightOf(s, piece);
    return { fraction: weight?.fraction ?? 1, ...withFeedback(s, weight ? trim(s, weight.rest) : piece, format) };
  });
  return { qtype: "shortanswer", usecase: false, answers };
}

function numerical(s: Scanned, body: Range, format: TextFormat, max: number): Partial<MoodleQuestion> {
  // {#answers~#feedback for any other number}
  const tilde = find(s, "~", body);
  const [lead, ...parts] = split(s, { from: body.from + 1, to: tilde < 0 ? body.to : tilde }, "=", max, "answers");
  const pieces = parts.map((part) => trim(s, { from: part.from + 1, to: part.to }));
  if (trim(s, lead as Range).from < trim(s, lead as Range).to) pieces.unshift(trim(s, lead as Range));
  const answers = pieces.map((piece): MoodleAnswer => {
    const weight = weightOf(s, piece);
    const { text, feedback } = withFeedback(s, weight ? trim(s, weight.rest) : piece, format);
    return { text, fraction: weight?.fraction ?? 1, numeric: numericAnswer(text.text, lineAt(s, piece.from)), ...(feedback ? { feedback } : {}) };
  });
  if (tilde >= 0) {
    const other = withFeedback(s, { from: tilde + 1, to: body.to }, format);
    if (other.feedback) answers.push({ text: { text: "*", format: "plain" }, fraction: 0, numeric: { any: true }, feedback: other.feedback });
  }
  return { qtype: "numerical", answers };
}

function numericAnswer(text: string, line: number): NumericAnswer {
  const number = (value: string) => {
    if (!NUMBER.test(value.trim())) throw new Problem(line, `"${text.slice(0, 40)}" is not a number: write 3.14, 3.14:0.01 (± tolerance) or 1..5 (a range)`);
    return Number(value);
  };
  const range = text.indexOf("..");
  if (range > 0) return { min: number(text.slice(0, range)), max: number(text.slice(range + 2)) };
  const colon = text.indexOf(":");
  if (colon > 0) return { value: number(text.slice(0, colon)), tolerance: number(text.slice(colon + 1)) };
  return { value: number(text), tolerance: 0 };
}

/** One question block, following Moodle's readquestion step by step. */
function readQuestion(block: readonly SourceLine[], max: number): MoodleQuestion {
  const s = scan(block);
  const end = s.text.length;
  const notes: string[] = [];
  let at = trim(s, { from: 0, to: end }).from;

  let name: string | undefined;
  if (isSyntax(s, at, ":") && isSyntax(s, at + 1, ":")) {
    let close = -1;
    for (let i = at + 2; i + 1 < end && close < 0; i++) if (isSyntax(s, i, ":") && isSyntax(s, i + 1, ":")) close = i;
    if (close < 0) {
      notes.push("the ::title:: is not closed with ::, so Moodle reads it as question text; it was imported that way");
      at += 2;
    } else {
      name = raw(s, { from: at + 2, to: close }).trim();
      at = trim(s, { from: close + 2, to: end }).from;
    }
  }
  const whole: Range = { from: at, to: end };
  const open = find(s, "{", whole);
  const close = find(s, "}", whole);
  const base = { line: block[0]?.line ?? 0, ...(name ? { name } : {}), answers: [], subquestions: [], notes };
  if (open < 0 && close < 0) return { ...base, qtype: "description", questiontext: formatted(raw(s, whole), "moodle") };
  if (open < 0) throw new Problem(lineAt(s, close), "a } without a {: write \\} for a literal brace");
  if (close < 0) throw new Problem(lineAt(s, open), "the answer block { has no closing }: add one, or write \\{ for a literal brace");
  if (close < open) throw new Problem(lineAt(s, close), "a } before the answer block: write \\} for a literal brace");
  const nested = find(s, "{", { from: open + 1, to: close });
  if (nested >= 0) throw new Problem(lineAt(s, nested), "a { inside the answer block: close the block with } first, or write \\{ for a literal brace");
  const after: Range = { from: close + 1, to: end };
  for (const ch of ["{", "}"]) {
    const extra = find(s, ch, after);
    if (extra >= 0)
      throw new Problem(lineAt(s, extra), `a second ${ch} after the answer block: separate questions with a blank line, or write \\${ch} for a literal brace`);
  }

  // The answers' place becomes a blank (_____) unless they close the question.
  const tail = raw(s, after);
  const questiontext = formatted(tail.trim() === "" ? raw(s, { from: at, to: open }) : `${raw(s, { from: at, to: open })}_____${tail}`, "moodle");
  const format = questiontext.format;

  let answers = trim(s, { from: open + 1, to: close });
  let generalfeedback: MoodleText | undefined;
  for (let i = answers.to - 4; i >= answers.from; i--) {
    if (isSyntax(s, i, "#") && isSyntax(s, i + 1, "#") && isSyntax(s, i + 2, "#") && isSyntax(s, i + 3, "#")) {
      generalfeedback = formatted(raw(s, { from: i + 4, to: answers.to }), format);
      answers = trim(s, { from: answers.from, to: i });
      break;
    }
  }
  const question = { ...base, questiontext, ...(generalfeedback?.text ? { generalfeedback } : {}) };
  const body = answers;
  const has = (ch: string) => find(s, ch, body) >= 0;
  // Moodle's order of tests.
  if (body.from >= body.to) return { ...question, qtype: "essay" };
  if (isSyntax(s, body.from, "#")) return { ...question, ...numerical(s, body, format, max) } as MoodleQuestion;
  if (has("~")) return { ...question, ...multichoice(s, body, format, max, notes) } as MoodleQuestion;
  if (has("=") && raw(s, body).includes("->")) return { ...question, ...matching(s, body, format, max) } as MoodleQuestion;
  const hash = find(s, "#", body);
  const word = raw(s, { from: body.from, to: hash < 0 ? body.to : hash }).trim();
  const value = TRUE_FALSE.get(word);
  if (value !== undefined) return { ...question, ...trueFalse(s, body, format, value) } as MoodleQuestion;
  if (TRUE_FALSE.has(word.toUpperCase()))
    notes.push(`{${word}} is read as a short answer "${word}", as Moodle does: write {T}, {TRUE}, {F} or {FALSE} in capitals for true/false`);
  return { ...question, ...shortAnswer(s, body, format, max) } as MoodleQuestion;
}

/** Reads GIFT text into Moodle questions; a question that cannot be read becomes a problem with its line. */
export function readGift(text: string, limits: ImportLimits): ReadResult {
  const blocks: SourceLine[][] = [];
  const categories: string[] = [];
  let current: SourceLine[] = [];
  let stoppedAt: number | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  for (const [offset, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed.startsWith("//")) continue;
    if (trimmed.startsWith("$CATEGORY:")) {
      categories.push(trimmed.slice(10).trim());
      continue;
    }
    if (trimmed === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    if (current.length === 0 && blocks.length === limits.questions) {
      stoppedAt = offset + 1;
      break;
    }
    current.push({ text: trimmed, line: offset + 1 });
  }
  if (current.length > 0) blocks.push(current);

  const questions: MoodleQuestion[] = [];
  const problems: ReadProblem[] = [];
  for (const [index, block] of blocks.entries()) {
    try {
      questions.push({ ...readQuestion(block, limits.options), position: index + 1 });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      const title = /^\s*::(.*?)::/.exec(block[0]?.text ?? "")?.[1];
      problems.push({ line: error.line, position: index + 1, ...(title ? { name: title } : {}), message: error.message });
    }
  }
  return { questions, problems, categories, ...(stoppedAt ? { stoppedAt } : {}) };
}
