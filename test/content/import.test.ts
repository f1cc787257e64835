import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { detectFormat, type ImportResult, parseImport } from "../../src/content/import/index.ts";
import { parseQuestionSet } from "../../src/content/parse.ts";
import { questionSet as questionSetSchema } from "../../src/content/schema.ts";
import { questionSet, setFile } from "../support/content.ts";

const OPTIONS = { title: "Imported set", summary: "Questions imported for a test.", fallbackTitle: "slug", skill: "hedging", difficulty: "medium" } as const;
const aiken = (text: string): ImportResult => parseImport("aiken", "upload.txt", text, OPTIONS);

describe("detectFormat", () => {
  const GIFT = "::Q:: Is it hedged? {T}";
  const AIKEN = "Is it hedged?\nA. Yes\nB. No\nANSWER: A";
  const XML = '<?xml version="1.0"?>\n<quiz></quiz>';

  it("trusts .yaml, .yml, .json, .gift and .xml extensions", () => {
    expect(detectFormat("set.yaml", AIKEN)).toBe("sourcewise");
    expect(detectFormat("set.YML", GIFT)).toBe("sourcewise");
    expect(detectFormat("folder/set.json", "")).toBe("sourcewise");
    expect(detectFormat("quiz.gift", AIKEN)).toBe("gift");
    expect(detectFormat("questions.xml", GIFT)).toBe("moodle-xml");
  });

  it("reads .txt and unnamed text by its syntax, and says nothing when that is unclear", () => {
    expect(detectFormat("quiz.txt", GIFT)).toBe("gift");
    expect(detectFormat("quiz.txt", "What rises? {=sun ~moon}")).toBe("gift");
    expect(detectFormat(undefined, "$CATEGORY: x\n\nProse only")).toBe("gift");
    expect(detectFormat("quiz.txt", AIKEN)).toBe("aiken");
    expect(detectFormat(undefined, XML)).toBe("moodle-xml");
    expect(detectFormat(undefined, "  <quiz>\n</quiz>")).toBe("moodle-xml");
    expect(detectFormat(undefined, "Is it? {FALSE}")).toBe("gift");
    expect(detectFormat(undefined, JSON.stringify(questionSet("doc-a")))).toBe("sourcewise");
    expect(detectFormat(undefined, setFile("s", questionSet("doc-a")).content)).toBe("sourcewise");
    expect(detectFormat("notes.txt", "Just some prose.")).toBeUndefined();
    expect(detectFormat(undefined, `${GIFT}\n\n${AIKEN}`)).toBeUndefined();
  });
});

describe("parseImport: sourcewise", () => {
  it("delegates to the project's own parser, with no import notes", () => {
    const content = setFile("s", questionSet("doc-a")).content;
    const result = parseImport("sourcewise", "sets/s.yaml", content, OPTIONS);
    const direct = parseQuestionSet("sets/s.yaml", content);
    expect(result).toMatchObject({ ok: true, notes: [] });
    expect(result.ok && result.value).toEqual(direct.ok && direct.value);
  });
});

describe("parseImport: Aiken", () => {
  it("imports Moodle's question/format/aiken/tests/fixtures/questions.aiken.txt: plain text, tags shown as typed", () => {
    const result = aiken(env.TEST_MOODLE_FIXTURES["questions.aiken.txt"] as string);
    if (!result.ok) throw new Error("expected success");
    expect(result.value.questions).toEqual([
      {
        id: "q1",
        type: "single",
        skill: "hedging",
        difficulty: "medium",
        markup: "text",
        passages: [],
        sources: [],
        prompt: "The Moodle project was started by:",
        options: [
          { id: "a", text: "Petr Skoda" },
          { id: "b", text: "Martin Dougiamas" },
          { id: "c", text: "Eloy Lafuente" },
          { id: "d", text: "Tim Hunt" },
        ],
        answer: ["b"],
        shuffle: true,
      },
      expect.objectContaining({
        prompt: 'Moodle\'s abilities include handling user input that includes <html class="cool"> & images:',
        markup: "text",
        answer: ["a"],
      }),
    ]);
    expect(questionSetSchema.safeParse(result.value).success).toBe(true);
  });

  it("imports the good questions of Moodle's aiken_errors.txt and reports the others at the lines aikenformat_test.php names", () => {
    const result = aiken(env.TEST_MOODLE_FIXTURES["aiken_errors.txt"] as string);
    if (!result.ok) throw new Error("expected success");
    expect(result.value.questions.map((q) => [q.prompt, "options" in q && q.options.map((o) => o.text), "answer" in q && q.answer])).toEqual([
      ["A good question", ["Correct", "Incorrect"], ["a"]],
      // Moodle reads options without a space after the letter.
      ["A second good question", ["Incorrect (No space)", "Correct (No space)"], ["b"]],
    ]);
    expect(result.notes).toEqual([
      { line: 1, question: "A question with too few answers", outcome: "left out", message: "a question needs at least two options (A. …, B. …)" },
      { line: 5, question: "", outcome: "left out", message: "an option without a question before it: write the question on the line above" },
      { line: 7, question: "", outcome: "left out", message: "an ANSWER: line without a question before it: write the question on the line above" },
      { line: 14, question: "A question started but not finished", outcome: "left out", message: "no ANSWER: line after the options: add one, e.g. ANSWER: A" },
    ]);
  });

  it("reads A. and A) options, a question over several lines and a missing blank line after ANSWER", () => {
    const text = [
      'What does "alleged" signal?',
      "A. The claim is proven",
      "B. The claim is not yet proven",
      "ANSWER: B",
      "Who stands behind the number?",
      "A) The ministry",
      "B) Nobody is named",
      "answer: b",
      "",
      "A prompt over",
      "two lines",
      "",
      "A. yes",
      "B. no",
      "",
      "ANSWER: A",
    ].join("\r\n");
    const result = aiken(text);
    expect(result.ok && result.value.questions.map((q) => [q.prompt, "answer" in q && q.answer])).toEqual([
      ['What does "alleged" signal?', ["b"]],
      ["Who stands behind the number?", ["b"]],
      ["A prompt over two lines", ["a"]],
    ]);
  });

  it("reports each problem with its line, keeps reading, and refuses a file with no good question", () => {
    const text = [
      "Missing answer", // 1
      "A. one", // 2
      "B. two", // 3
      "", // 4
      "Letter not among the options", // 5
      "A. one", // 6
      "B. two", // 7
      "ANSWER: D", // 8
      "", // 9
      "Out of order", // 10
      "A. one", // 11
      "C. three", // 12
      "ANSWER: A", // 13
    ].join("\n");
    const result = aiken(text);
    expect(result.ok).toBe(false);
    expect(result.notes.map((n) => [n.line, n.message])).toEqual([
      [1, "no ANSWER: line after the options: add one, e.g. ANSWER: A"],
      [8, "ANSWER: D is not one of the options (A, B)"],
      [12, "option C is out of order: expected B"],
    ]);
  });

  it("imports the first 200 questions and reports the rest", () => {
    const questions = (n: number) => Array.from({ length: n }, (_, i) => `Q${i + 1}\nA. x\nB. y\nANSWER: A`).join("\n\n");
    const result = aiken(questions(201));
    expect(result.ok && result.value.questions).toHaveLength(200);
    expect(result.notes).toEqual([expect.objectContaining({ line: 1001, outcome: "left out" })]);
  });
});
