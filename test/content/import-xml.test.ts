import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type ImportResult, parseImport } from "../../src/content/import/index.ts";
import { ANY_NUMBER } from "../../src/content/import/moodle-question.ts";
import type { Question } from "../../src/content/schema.ts";
import { gradeResponse } from "../../src/quiz/grading.ts";

/* Moodle XML, checked against Moodle's reader (question/format/xml/format.php) and its fixtures. */

const OPTIONS = { fallbackTitle: "Imported", skill: "evidence", difficulty: "hard" } as const;
const xml = (text: string): ImportResult => parseImport("moodle-xml", "upload.xml", text, OPTIONS);

function imported(text: string) {
  const result = xml(text);
  if (!result.ok) throw new Error(`expected the import to succeed, got ${JSON.stringify(result.issues)}`);
  return result;
}

const quiz = (...questions: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join("\n")}\n</quiz>\n`;
const header = (type: string, name: string, text: string, format = "html", extra = "") =>
  `<question type="${type}"><name><text>${name}</text></name><questiontext format="${format}"><text><![CDATA[${text}]]></text></questiontext>${extra}`;
const answer = (fraction: number, text: string, feedback = "", extra = "") =>
  `<answer fraction="${fraction}" format="html"><text><![CDATA[${text}]]></text><feedback format="html"><text><![CDATA[${feedback}]]></text></feedback>${extra}</answer>`;

/** One question of every type this project has, as Moodle 4 exports them, and three it has not. */
const EVERY_TYPE = quiz(
  `<question type="category"><category><text>$course$/top/Default for Media 9/Hedging</text></category><info format="moodle_auto_format"><text>Unit 2</text></info></question>`,
  `${header("multichoice", "Which hedges", '<p dir="ltr" style="text-align: left;">Which word hedges the claim?</p>')}
   <generalfeedback format="html"><text><![CDATA[<p>Hedges make a claim <em>less</em> certain.</p>]]></text></generalfeedback>
   <defaultgrade>1.0000000</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden><idnumber></idnumber>
   <single>true</single><shuffleanswers>false</shuffleanswers><answernumbering>abc</answernumbering>
   <correctfeedback format="html"><text>Your answer is correct.</text></correctfeedback>
   <partiallycorrectfeedback format="html"><text>Your answer is partially correct.</text></partiallycorrectfeedback>
   <incorrectfeedback format="html"><text>Your answer is incorrect.</text></incorrectfeedback>
   ${answer(100, "<p>may</p>", "<p>Right.</p>")}${answer(50, "reportedly", "Half.")}${answer(-50, "confirmed", "No.")}${answer(0, "is")}</question>`,
  `${header("multichoice", "Two hedges", "Tick the hedges.", "moodle_auto_format")}<single>false</single><shuffleanswers>1</shuffleanswers>
   ${answer(50, "may")}${answer(50, "might")}${answer(-100, "will")}</question>`,
  `${header("truefalse", "Named source", "The source is named.")}<penalty>1.0000000</penalty>
   <answer fraction="0" format="moodle_auto_format"><text>true</text><feedback format="html"><text>Read it again.</text></feedback></answer>
   <answer fraction="100" format="moodle_auto_format"><text>false</text><feedback format="html"><text>Right: nobody is named.</text></feedback></answer></question>`,
  `${header("shortanswer", "Who said it", "Who said it?")}<usecase>1</usecase>
   <answer fraction="100" format="moodle_auto_format"><text>The Mayor</text><feedback format="html"><text>Yes.</text></feedback></answer>
   <answer fraction="50" format="moodle_auto_format"><text>Mayor*</text><feedback format="html"><text></text></feedback></answer></question>`,
  `${header("numerical", "How many", "How many days?", "html", "<defaultgrade>2</defaultgrade>")}
   <answer fraction="100" format="moodle_auto_format"><text>3</text><feedback format="html"><text>Yes.</text></feedback><tolerance>0.5</tolerance></answer>
   <answer fraction="0" format="moodle_auto_format"><text>*</text><feedback format="html"><text>Count again.</text></feedback><tolerance>0</tolerance></answer>
   <units><unit><multiplier>1</multiplier><unit_name>days</unit_name></unit></units></question>`,
  `${header("matching", "Who claims", "Match each claim to who makes it.")}<shuffleanswers>true</shuffleanswers>
   <subquestion format="html"><text><![CDATA[<p>Reopens Monday</p>]]></text><answer><text>The mayor</text></answer></subquestion>
   <subquestion format="html"><text>No inspection</text><answer><text>An official</text></answer></subquestion>
   <subquestion format="html"><text></text><answer><text>Engineers</text></answer></subquestion>
   <hint format="html"><text>Look at the verbs.</text></hint></question>`,
  `${header("essay", "Check next", "What would you check next?")}<graderinfo format="html"><text>Look for a second source.</text></graderinfo><responsetemplate format="html"><text></text></responsetemplate></question>`,
  `${header("description", "Read first", "Read both reports first.", "markdown")}</question>`,
  `${header("cloze", "Cloze", "{1:SHORTANSWER:=Paris}")}</question>`,
  `${header("calculated", "Calc", "What is {a} + {b}?")}</question>`,
  `${header("ddwtos", "Drag", "Drag [[1]] here")}</question>`,
);

describe("Moodle XML", () => {
  it("imports Moodle's nested_categories_with_questions.xml: every question, the first category naming the set", () => {
    const result = imported(env.TEST_MOODLE_FIXTURES["nested_categories_with_questions.xml"] as string);
    expect(result.value.title).toBe("Iota");
    expect(result.value.questions.map((q) => [q.id, q.type, q.prompt])).toEqual([
      ["iota-question", "true_false", "Testing Iota Question"],
      ["kappa-essay-question", "essay", "Testing Kappa Essay Question"],
      ["kappa-question", "true_false", "Testing Kappa Question"],
      ["lambda-question", "true_false", "Testing Lambda Question"],
      ["mu-question", "true_false", "Testing Mu Question"],
    ]);
    expect(result.notes).toEqual([
      {
        line: 1,
        question: "",
        outcome: "changed",
        message: "the file's 4 Moodle categories (Iota, Kappa, Lambda, Mu) were merged into this one set",
      },
    ]);
  });

  it("imports every type this project has, with feedback, general feedback and weights", () => {
    const result = imported(EVERY_TYPE);
    expect(result.value.title).toBe("Hedging");
    const [single, multiple, tf, short, numerical, matching, essay, description] = result.value.questions as Question[];
    expect(single).toMatchObject({
      id: "which-hedges",
      type: "single",
      markup: "html",
      skill: "evidence",
      difficulty: "hard",
      prompt: "Which word hedges the claim?",
      // One paragraph needs no <p>: the text fits where a paragraph cannot go.
      explanation: "Hedges make a claim <em>less</em> certain.",
      options: [
        { id: "a", text: "may", feedback: "Right." },
        { id: "b", text: "reportedly", feedback: "Half.", weight: 50 },
        { id: "c", text: "confirmed", feedback: "No.", weight: -50 },
        { id: "d", text: "is" },
      ],
      answer: ["a"],
      // <shuffleanswers>false</shuffleanswers> is kept.
      shuffle: false,
    });
    expect(multiple).toMatchObject({
      type: "multiple",
      markup: "text",
      shuffle: true,
      answer: ["a", "b"],
      options: [{ weight: 50 }, { weight: 50 }, { weight: -100 }],
    });
    expect(tf).toMatchObject({ type: "true_false", answer: ["f"], options: [{ feedback: "Read it again." }, { feedback: "Right: nobody is named." }] });
    expect(short).toMatchObject({
      type: "short_answer",
      caseSensitive: true,
      answers: [
        { text: "The Mayor", weight: 100, feedback: "Yes." },
        { text: "Mayor*", weight: 50 },
      ],
    });
    expect(gradeResponse(short as Question, { text: "the mayor" }).score).toBe(0);
    expect(gradeResponse(short as Question, { text: "Mayor Jones" }).score).toBe(0.5);
    expect(numerical).toMatchObject({
      type: "numerical",
      answers: [
        { value: 3, tolerance: 0.5, weight: 100, feedback: "Yes." },
        { ...ANY_NUMBER, weight: 0, feedback: "Count again." },
      ],
    });
    expect(matching).toMatchObject({
      type: "matching",
      pairs: [
        { id: "a", prompt: "Reopens Monday", answer: "The mayor" },
        { id: "b", prompt: "No inspection", answer: "An official" },
      ],
      distractors: ["Engineers"],
    });
    expect(essay).toMatchObject({ type: "essay", prompt: "What would you check next?" });
    expect(description).toMatchObject({ type: "description", prompt: "Read both reports first." });
  });

  it("reports what it left out and what it changed, with the line of each question", () => {
    const lines = EVERY_TYPE.split("\n");
    const lineOf = (name: string) => lines.findIndex((line) => line.includes(`<name><text>${name}</text></name>`)) + 1;
    const rewrite = "have no equivalent here: rewrite it as multiple choice, short answer, numerical or matching";
    expect(imported(EVERY_TYPE).notes).toEqual([
      {
        line: lineOf("Which hedges"),
        question: "which-hedges",
        outcome: "changed",
        message: "Moodle can give this question a negative mark when a negative-weight answer is chosen; here a question scores at least 0",
      },
      {
        line: lineOf("How many"),
        question: "how-many",
        outcome: "changed",
        message: "Moodle's default mark 2 is not kept: every question counts the same here",
      },
      { line: lineOf("How many"), question: "how-many", outcome: "changed", message: "units are not imported: students type the number only" },
      {
        line: lineOf("Who claims"),
        question: "who-claims",
        outcome: "changed",
        message: "hints for Moodle's multiple tries are not imported: students answer once here",
      },
      {
        line: lineOf("Check next"),
        question: "check-next",
        outcome: "changed",
        message: "the information for graders is not imported: it is only for the people marking",
      },
      { line: lineOf("Cloze"), question: "Cloze", outcome: "left out", message: `Moodle's embedded answers (cloze) questions ${rewrite}` },
      { line: lineOf("Calc"), question: "Calc", outcome: "left out", message: `Moodle's calculated questions ${rewrite}` },
      { line: lineOf("Drag"), question: "Drag", outcome: "left out", message: `Moodle's drag and drop into text questions ${rewrite}` },
    ]);
  });

  it("keeps non-default combined feedback out of sight but says so, and drops attached files with a note", () => {
    const withFiles = `<question type="multichoice"><name><text>With files</text></name>
      <questiontext format="html"><text><![CDATA[<p>Listen: <a href="@@PLUGINFILE@@/a.mp3">audio</a> <img src="@@PLUGINFILE@@/b.png"></p>]]></text>
      <file name="b.png" path="/" encoding="base64">iVBORw0KGgo=</file></questiontext>
      <correctfeedback format="html"><text>Well read!</text></correctfeedback>${answer(100, "yes")}${answer(0, "no")}</question>`;
    const result = imported(quiz(withFiles));
    expect(result.notes.map((n) => n.message)).toEqual([
      "the feedback for any correct, partly correct or incorrect response is not shown here: add it to the general feedback if students need it",
      "files attached in Moodle (images, audio) are not imported",
      "images and other files (Moodle's @@PLUGINFILE@@) are not imported; check the question still makes sense without them",
    ]);
    expect(result.value.questions[0]?.prompt).toBe("Listen: <a>audio</a>");
  });

  it("sanitises hostile HTML in every text and keeps none of it", () => {
    const hostile = '<p onclick="steal()">Hi<script>alert(1)</script><a href="javascript:alert(2)">x</a><iframe src="//evil"></iframe><style>*{}</style></p>';
    const result = imported(quiz(`${header("multichoice", "H", hostile)}${answer(100, hostile, hostile)}${answer(0, "no")}</question>`));
    const text = JSON.stringify(result.value.questions);
    for (const bad of ["onclick", "<script", "alert(", "javascript:", "<iframe", "<style", "steal"]) expect(text).not.toContain(bad);
    expect(result.notes.map((n) => n.message)).toContain("unsafe markup (scripts, styles, event handlers or javascript: links) was removed");
  });

  it("leaves out questions Moodle would refuse, each with its line", () => {
    const result = xml(
      quiz(
        `${header("truefalse", "Fine", "Fine?")}${answer(100, "true")}${answer(0, "false")}</question>`,
        `${header("multichoice", "No full marks", "Q")}<single>true</single>${answer(50, "a")}${answer(0, "b")}</question>`,
        `${header("numerical", "Not a number", "Q")}<answer fraction="100"><text>three</text></answer></question>`,
        `<question type="mystery"><name><text>Odd</text></name></question>`,
      ),
    );
    expect(result.notes).toEqual([
      {
        line: 4,
        question: "No full marks",
        outcome: "left out",
        message: "no answer is worth 100% (the best is 50%): mark the right answer with =, as Moodle requires for a one-answer question",
      },
      { line: 5, question: "Not a number", outcome: "left out", message: 'the numerical answer "three" is not a number: write digits, e.g. 3.14' },
      { line: 6, question: "Odd", outcome: "left out", message: '"mystery" is not a Moodle question type this importer knows' },
    ]);
  });

  it("refuses a file that is not well-formed XML or not a Moodle quiz, naming the line", () => {
    expect(xml("<?xml version='1.0'?>\n<quiz>\n<question type='truefalse'>\n</quiz>")).toMatchObject({
      ok: false,
      issues: [{ line: 4, message: expect.stringContaining("this is not well-formed XML: Missing end tag for element question") }],
    });
    expect(xml("<html><body>hi</body></html>")).toMatchObject({ ok: false, issues: [{ line: 1, message: expect.stringContaining("<quiz>") }] });
    expect(xml(quiz('<question type="category"><category><text>$course$/top/Empty</text></category></question>'))).toMatchObject({
      ok: false,
      issues: [{ message: "no questions found" }],
    });
  });

  it("expands no DTD entities (no billion laughs) and keeps an undefined HTML entity as text", () => {
    const bomb = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      '<quiz><question type="truefalse"><name><text>Bomb</text></name>',
      '<questiontext format="html"><text>&b; Is it&nbsp;true?</text></questiontext>',
      `${answer(100, "true")}${answer(0, "false")}</question></quiz>`,
    ].join("\n");
    const result = imported(bomb);
    expect(result.value.questions[0]?.prompt).toBe("&b; Is it true?");
  });
});
