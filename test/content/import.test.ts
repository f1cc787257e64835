import { describe, expect, it } from "vitest";
import {
  DEFAULT_EXPLANATION,
  DEFAULT_RIGHT_FEEDBACK,
  DEFAULT_WRONG_FEEDBACK,
  detectFormat,
  type ImportOptions,
  parseImport,
} from "../../src/content/import/index.ts";
import { type ContentIssue, type ParseResult, parseQuestionSet } from "../../src/content/parse.ts";
import { type QuestionSet, questionSet as questionSetSchema } from "../../src/content/schema.ts";
import { questionSet, setFile } from "../support/content.ts";

const OPTIONS: ImportOptions = { title: "Imported set", summary: "Questions imported for a test.", skill: "hedging", difficulty: "medium" };

const gift = (text: string) => parseImport("gift", "upload.gift", text, OPTIONS);
const aiken = (text: string) => parseImport("aiken", "upload.txt", text, OPTIONS);

function imported(result: ParseResult<QuestionSet>): QuestionSet {
  if (!result.ok) throw new Error(`expected the import to succeed, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issuesOf(result: ParseResult<QuestionSet>): ContentIssue[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.issues;
}

/** The fields every imported question shares. */
const common = { skill: "hedging", difficulty: "medium", passages: [], sources: [], markup: "text" } as const;

it("uses defaults that still say right or wrong", () => {
  expect([DEFAULT_RIGHT_FEEDBACK, DEFAULT_WRONG_FEEDBACK, DEFAULT_EXPLANATION]).toEqual([
    "This is a correct answer.",
    "This is not a correct answer.",
    "No explanation was given for this question.",
  ]);
});

describe("detectFormat", () => {
  const GIFT = "::Q:: Is it hedged? {T}";
  const AIKEN = "Is it hedged?\nA. Yes\nB. No\nANSWER: A";

  it("trusts .yaml, .yml, .json and .gift extensions", () => {
    expect(detectFormat("set.yaml", AIKEN)).toBe("sourcewise");
    expect(detectFormat("set.YML", GIFT)).toBe("sourcewise");
    expect(detectFormat("folder/set.json", "")).toBe("sourcewise");
    expect(detectFormat("quiz.gift", AIKEN)).toBe("gift");
  });

  it("reads .txt and unnamed text by its syntax", () => {
    expect(detectFormat("quiz.txt", GIFT)).toBe("gift");
    expect(detectFormat("quiz.txt", "What rises? {=sun ~moon}")).toBe("gift");
    expect(detectFormat("quiz.txt", AIKEN)).toBe("aiken");
    expect(detectFormat(undefined, AIKEN)).toBe("aiken");
    expect(detectFormat(undefined, "Is it? {FALSE}")).toBe("gift");
    expect(detectFormat(undefined, JSON.stringify(questionSet("doc-a")))).toBe("sourcewise");
    expect(detectFormat(undefined, setFile("s", questionSet("doc-a")).content)).toBe("sourcewise");
    expect(detectFormat("notes.txt", "Just some prose.")).toBe("gift");
  });
});

describe("parseImport: sourcewise", () => {
  it("delegates to the project's own parser", () => {
    const content = setFile("s", questionSet("doc-a")).content;
    const result = parseImport("sourcewise", "sets/s.yaml", content, OPTIONS);
    expect(imported(result)).toEqual(imported(parseQuestionSet("sets/s.yaml", content)));
    expect(imported(result).title).toBe("Fixture set");
  });
});

describe("parseImport: GIFT", () => {
  const FILE = [
    "// A comment line is ignored", // 1
    "$CATEGORY: $course$/Media literacy", // 2
    "", // 3
    '::Alleged claim:: [html]What does "alleged" signal?{', // 4
    "=The claim is not yet proven#Right: it marks a claim that is not established.", // 5
    "~The claim is proven#No: nothing has been proven yet.", // 6
    '####Reporters write "alleged" until a claim is established.', // 7
    "}", // 8
    "", // 9
    "Which words hedge? {~%50%may ~%50%reportedly ~%-100%confirmed#A confirmation is not a hedge.}", // 10
    "", // 11
    "::TF:: An anonymous source is always unreliable. {F#It can be reliable when corroborated.#Right: not always.}", // 12
    "", // 13
    "Escapes: 2 \\= 1 + 1 \\{not a block\\} a\\: b \\\\ c \\~ \\# d\\nnext {TRUE}", // 14
    "", // 15
    "The {=mayor ~engineer} said the bridge would reopen.", // 16
  ].join("\n");

  it("reads single choice, multiple select, true/false and fill-in-the-blank questions", () => {
    const set = imported(gift(FILE));
    expect({ ...set, questions: [] }).toEqual({
      title: "Imported set",
      summary: "Questions imported for a test.",
      skills: ["hedging"],
      sources: "none",
      mode: "practice",
      shuffleQuestions: false,
      confidence: false,
      certaintyMarking: false,
      documents: [],
      questions: [],
    });
    expect(set.questions).toEqual([
      {
        id: "alleged-claim",
        type: "single",
        ...common,
        prompt: 'What does "alleged" signal?',
        options: [
          { id: "a", text: "The claim is not yet proven", feedback: "Right: it marks a claim that is not established." },
          { id: "b", text: "The claim is proven", feedback: "No: nothing has been proven yet." },
        ],
        answer: ["a"],
        shuffle: true,
        explanation: 'Reporters write "alleged" until a claim is established.',
      },
      {
        id: "q2",
        type: "multiple",
        ...common,
        prompt: "Which words hedge?",
        options: [
          { id: "a", text: "may", feedback: DEFAULT_RIGHT_FEEDBACK },
          { id: "b", text: "reportedly", feedback: DEFAULT_RIGHT_FEEDBACK },
          { id: "c", text: "confirmed", feedback: "A confirmation is not a hedge." },
        ],
        answer: ["a", "b"],
        shuffle: true,
        explanation: DEFAULT_EXPLANATION,
      },
      {
        id: "tf",
        type: "true_false",
        ...common,
        prompt: "An anonymous source is always unreliable.",
        options: [
          { id: "t", text: "True", feedback: "It can be reliable when corroborated." },
          { id: "f", text: "False", feedback: "Right: not always." },
        ],
        answer: ["f"],
        explanation: DEFAULT_EXPLANATION,
      },
      {
        id: "q4",
        type: "true_false",
        ...common,
        prompt: "Escapes: 2 = 1 + 1 {not a block} a: b \\ c ~ # d\nnext",
        options: [
          { id: "t", text: "True", feedback: DEFAULT_RIGHT_FEEDBACK },
          { id: "f", text: "False", feedback: DEFAULT_WRONG_FEEDBACK },
        ],
        answer: ["t"],
        explanation: DEFAULT_EXPLANATION,
      },
      {
        id: "q5",
        type: "single",
        ...common,
        prompt: "The _____ said the bridge would reopen.",
        options: [
          { id: "a", text: "mayor", feedback: DEFAULT_RIGHT_FEEDBACK },
          { id: "b", text: "engineer", feedback: DEFAULT_WRONG_FEEDBACK },
        ],
        answer: ["a"],
        shuffle: true,
        explanation: DEFAULT_EXPLANATION,
      },
    ]);
  });

  it("produces a set the schema accepts, with exactly True and False for true/false", () => {
    const set = imported(gift(FILE));
    expect(questionSetSchema.safeParse(set).success).toBe(true);
    for (const question of set.questions.filter((q) => q.type === "true_false")) {
      expect(question.options.map((o) => [o.id, o.text])).toEqual([
        ["t", "True"],
        ["f", "False"],
      ]);
    }
  });

  it("reads {T}, {F}, {TRUE} and {FALSE}, with general feedback", () => {
    const set = imported(gift("A {T}\n\nB {F}\n\nC {TRUE####Because.}\n\nD {false}"));
    expect(set.questions.map((q) => ["answer" in q ? q.answer : null, q.explanation])).toEqual([
      [["t"], DEFAULT_EXPLANATION],
      [["f"], DEFAULT_EXPLANATION],
      [["t"], "Because."],
      [["f"], DEFAULT_EXPLANATION],
    ]);
  });

  it("knows the line each question starts on", () => {
    const result = gift(FILE);
    if (!result.ok) throw new Error("expected success");
    expect([0, 1, 2, 3, 4].map((index) => result.lineOf(["questions", index, "prompt"]))).toEqual([4, 10, 12, 14, 16]);
  });

  it("makes unique lower-case ids from titles and numbers the rest", () => {
    const text = ["::Capital:: A {=x ~y}", "::Capital:: B {=x ~y}", "::Épreuve à Paris!:: C {=x ~y}", "D {=x ~y}", "::!!!:: E {=x ~y}"].join("\n\n");
    expect(imported(gift(text)).questions.map((q) => q.id)).toEqual(["capital", "capital-2", "epreuve-a-paris", "q4", "q5"]);
  });

  it("gives each unsupported question type a line-numbered error and keeps counting questions", () => {
    const text = [
      "Good question {=a ~b}", // 1
      "", // 2
      "Match these. {", // 3
      "=cat -> animal", // 4
      "=rose -> flower", // 5
      "}", // 6
      "", // 7
      "How many? {#2}", // 8
      "", // 9
      "Capital of France? {=Paris =paris}", // 10
      "", // 11
      "// an essay follows", // 12
      "Write an essay. {}", // 13
      "", // 14
      "A question with no answers.", // 15
      "", // 16
      "Unclosed {=a ~b", // 17
      "", // 18
      "Which outlet? {", // 19
      "=one", // 20
      "~two", // 21
      "", // 22
      "::Tail:: Fine {T}", // 23
    ].join("\n");
    expect(issuesOf(gift(text))).toEqual([
      { file: "upload.gift", path: "questions[1]", line: 3, message: "matching questions are not supported" },
      { file: "upload.gift", path: "questions[2]", line: 8, message: "numeric questions are not supported" },
      {
        file: "upload.gift",
        path: "questions[3]",
        line: 10,
        message: "short-answer questions are not supported: add wrong answers with ~ to make it multiple choice",
      },
      { file: "upload.gift", path: "questions[4]", line: 13, message: "essay questions are not supported" },
      { file: "upload.gift", path: "questions[5]", line: 15, message: "missing answer block: put the answers in { } after the question text" },
      { file: "upload.gift", path: "questions[6]", line: 17, message: "unclosed {: the answer block needs a closing }" },
      { file: "upload.gift", path: "questions[7]", line: 19, message: "unclosed {: the answer block needs a closing }" },
    ]);
  });

  it("points at the line of a problem inside a multi-line question", () => {
    const text = ["Intro line", "second line {", "=a", "~%50%b", "}", "", "Two blocks {=a ~b} and {=c ~d}", "", "Stray } {=a ~b}"].join("\n");
    expect(issuesOf(gift(text))).toEqual([
      {
        file: "upload.gift",
        path: "questions[0]",
        line: 4,
        message: "partial credit (~%50%) cannot be mixed with an = answer: mark the one right answer with =, or give every answer a % weight",
      },
      { file: "upload.gift", path: "questions[1]", line: 7, message: "a second answer block { }: separate questions with a blank line" },
      { file: "upload.gift", path: "questions[2]", line: 9, message: "unexpected }: write \\} for a literal brace" },
    ]);
  });

  it("rejects answers it cannot read", () => {
    expect(issuesOf(gift("No right answer {~a ~b}\n\nLead text {oops =a ~b}\n\nWhat? {maybe}\n\n::Open title {=a ~b}"))).toEqual([
      {
        file: "upload.gift",
        path: "questions[0]",
        line: 1,
        message: "no correct answer: mark it with =, or give each correct answer a positive weight such as ~%50%",
      },
      { file: "upload.gift", path: "questions[1]", line: 3, message: "text before the first answer: start each answer with = (right) or ~ (wrong)" },
      { file: "upload.gift", path: "questions[2]", line: 5, message: "unrecognised answers: write =right ~wrong answers, or T / F for true/false" },
      { file: "upload.gift", path: "questions[3]", line: 7, message: "the ::title:: is not closed with ::" },
    ]);
  });

  it("maps schema errors back to the line and file position of the question", () => {
    const text = [
      "One {=a ~b}", // 1
      "", // 2
      "Essay {}", // 3
      "", // 4
      "// comment before the question", // 5
      "Two right answers are fine, as in Moodle {=a =b ~c}", // 6
      "", // 7
      "Empty option {=a ~ #feedback}", // 8
    ].join("\n");
    expect(issuesOf(gift(text))).toEqual([
      { file: "upload.gift", path: "questions[1]", line: 3, message: "essay questions are not supported" },
      { file: "upload.gift", path: "questions[3].options[1].text", line: 8, message: "must not be empty" },
    ]);
  });

  it("reports invalid import options without a line", () => {
    const result = parseImport("gift", "upload.gift", "Q {T}", { ...OPTIONS, title: " " });
    expect(issuesOf(result)).toEqual([{ file: "upload.gift", path: "title", line: undefined, message: "must not be empty" }]);
  });

  it("rejects a file with no questions", () => {
    expect(issuesOf(gift("// nothing here\n\n$CATEGORY: x\n"))).toEqual([{ file: "upload.gift", path: "", line: 1, message: "no questions found" }]);
  });

  it("accepts 200 questions and rejects the 201st", () => {
    const questions = (n: number) => Array.from({ length: n }, (_, i) => `Q${i + 1} {T}`).join("\n\n");
    expect(imported(gift(questions(200))).questions).toHaveLength(200);
    expect(issuesOf(gift(questions(201)))).toEqual([
      { file: "upload.gift", path: "questions", line: 401, message: "too many questions: a set can have at most 200" },
    ]);
  });

  it("stays fast and gives one issue on pathological input", () => {
    expect(issuesOf(gift(`Q {${"~".repeat(250_000)}}`))).toEqual([
      { file: "upload.gift", path: "questions[0]", line: 1, message: "too many answers: a question can have at most 8" },
    ]);
    expect(issuesOf(gift(`Q ${"{".repeat(250_000)}`))).toEqual([
      { file: "upload.gift", path: "questions[0]", line: 1, message: "unclosed {: the answer block needs a closing }" },
    ]);
    expect(issuesOf(gift(`::${"\\:".repeat(100_000)}`))).toEqual([
      { file: "upload.gift", path: "questions[0]", line: 1, message: "the ::title:: is not closed with ::" },
    ]);
    expect(issuesOf(gift(`Q {=a ${"#".repeat(3)} ~${"%1".repeat(100_000)}}`))).toHaveLength(1);
  });
});

describe("parseImport: Aiken", () => {
  it("reads questions with A. and A) options, tolerating a missing blank line after ANSWER", () => {
    const text = [
      'What does "alleged" signal?',
      "A. The claim is proven",
      "B. The claim is not yet proven",
      "ANSWER: B",
      "Who stands behind the number?",
      "A) The ministry",
      "B) Nobody is named",
      "C) An independent audit",
      "answer: c",
      "",
      "",
      "A prompt over",
      "two lines",
      "",
      "A. yes",
      "B. no",
      "",
      "ANSWER: A",
    ].join("\r\n");
    const set = imported(aiken(text));
    expect(set.sources).toBe("none");
    expect(set.documents).toEqual([]);
    expect(set.questions).toEqual([
      {
        id: "q1",
        type: "single",
        ...common,
        prompt: 'What does "alleged" signal?',
        options: [
          { id: "a", text: "The claim is proven", feedback: DEFAULT_WRONG_FEEDBACK },
          { id: "b", text: "The claim is not yet proven", feedback: DEFAULT_RIGHT_FEEDBACK },
        ],
        answer: ["b"],
        shuffle: true,
        explanation: DEFAULT_EXPLANATION,
      },
      {
        id: "q2",
        type: "single",
        ...common,
        prompt: "Who stands behind the number?",
        options: [
          { id: "a", text: "The ministry", feedback: DEFAULT_WRONG_FEEDBACK },
          { id: "b", text: "Nobody is named", feedback: DEFAULT_WRONG_FEEDBACK },
          { id: "c", text: "An independent audit", feedback: DEFAULT_RIGHT_FEEDBACK },
        ],
        answer: ["c"],
        shuffle: true,
        explanation: DEFAULT_EXPLANATION,
      },
      {
        id: "q3",
        type: "single",
        ...common,
        prompt: "A prompt over\ntwo lines",
        options: [
          { id: "a", text: "yes", feedback: DEFAULT_RIGHT_FEEDBACK },
          { id: "b", text: "no", feedback: DEFAULT_WRONG_FEEDBACK },
        ],
        answer: ["a"],
        shuffle: true,
        explanation: DEFAULT_EXPLANATION,
      },
    ]);
    expect(questionSetSchema.safeParse(set).success).toBe(true);
  });

  it("reports each error with its line and keeps reading", () => {
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
      "Only one option", // 10
      "A. one", // 11
      "ANSWER: A", // 12
      "", // 13
      "Out of order", // 14
      "A. one", // 15
      "C. three", // 16
      "B. two", // 17
      "ANSWER: A", // 18
      "", // 19
      "Fine", // 20
      "A. one", // 21
      "B. two", // 22
      "ANSWER: B", // 23
      "Missing answer without a blank line", // 24
      "A. one", // 25
      "B. two", // 26
      "Not a letter", // 27
      "A. one", // 28
      "B. two", // 29
      "ANSWER: one", // 30
      "ANSWER: B", // 31
      "", // 32
      "Prose with no options", // 33
    ].join("\n");
    expect(issuesOf(aiken(text))).toEqual([
      { file: "upload.txt", path: "questions[0]", line: 1, message: "missing ANSWER: line after the options" },
      { file: "upload.txt", path: "questions[1]", line: 8, message: "ANSWER: D is not one of the options (A, B)" },
      { file: "upload.txt", path: "questions[2]", line: 10, message: "needs at least two options (A. …, B. …)" },
      { file: "upload.txt", path: "questions[3]", line: 16, message: "option C is out of order: expected B" },
      { file: "upload.txt", path: "questions[5]", line: 24, message: "missing ANSWER: line after the options" },
      { file: "upload.txt", path: "questions[6]", line: 30, message: 'ANSWER: must be one option letter, e.g. "ANSWER: A"' },
      { file: "upload.txt", path: "", line: 31, message: "ANSWER: line without a question before it" },
      { file: "upload.txt", path: "questions[7]", line: 33, message: "missing options (A. …, B. …) and ANSWER: line" },
    ]);
  });

  it("reports a question that starts with its options", () => {
    expect(issuesOf(aiken("A. one\nB. two\nANSWER: A"))).toEqual([
      { file: "upload.txt", path: "questions[0]", line: 1, message: "the question text is missing before the options" },
    ]);
  });

  it("accepts 200 questions and rejects the 201st", () => {
    const questions = (n: number) => Array.from({ length: n }, (_, i) => `Q${i + 1}\nA. x\nB. y\nANSWER: A`).join("\n\n");
    expect(imported(aiken(questions(200))).questions).toHaveLength(200);
    expect(issuesOf(aiken(questions(201)))).toEqual([
      { file: "upload.txt", path: "questions", line: 1001, message: "too many questions: a set can have at most 200" },
    ]);
  });
});
