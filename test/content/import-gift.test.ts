import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type ImportNote, type ImportResult, parseImport } from "../../src/content/import/index.ts";
import { ANY_NUMBER } from "../../src/content/import/moodle-question.ts";
import type { Question, QuestionOfType } from "../../src/content/schema.ts";
import { gradeResponse } from "../../src/quiz/grading.ts";

/*
 * GIFT, checked construct by construct against Moodle's documentation (docs.moodle.org/en/GIFT_format),
 * its importer (question/format/gift/format.php) and that importer's unit tests (giftformat_test.php).
 */

const OPTIONS = { fallbackTitle: "Imported", skill: "hedging", difficulty: "medium" } as const;
const gift = (text: string): ImportResult => parseImport("gift", "upload.gift", text, OPTIONS);

function questions(text: string): Question[] {
  const result = gift(text);
  if (!result.ok) throw new Error(`expected the import to succeed, got ${JSON.stringify(result.issues)}`);
  return result.value.questions;
}
function one<T extends Question["type"]>(text: string, type: T): QuestionOfType<T> {
  const [question] = questions(text);
  expect(question?.type).toBe(type);
  return question as QuestionOfType<T>;
}
const notes = (text: string): ImportNote[] => gift(text).notes;
const score = (q: Question, chosen: Parameters<typeof gradeResponse>[1]) => gradeResponse(q, chosen).score;

describe("Moodle's own GIFT files", () => {
  it("imports every question of question/format/gift/tests/fixtures/questions.gift.txt, as giftformat_test.php expects", () => {
    const set = questions(env.TEST_MOODLE_FIXTURES["questions.gift.txt"] as string);
    expect(set.map((q) => [q.id, q.type])).toEqual([
      ["q8", "essay"],
      ["moodle-activities", "matching"],
      ["q2", "single"],
      ["colours", "multiple"],
      ["q5", "numerical"],
      ["shortanswer", "short_answer"],
      ["q1", "true_false"],
      ["2-08-tsl", "true_false"],
      ["2-08-tsl-2", "true_false"],
    ]);
    const [essay, match, single, multiple, numerical, short, tf] = set as [Question, ...Question[]];
    expect(essay.prompt).toBe("How are you?");
    // test_import_match: four items, "= -> Chat" is an extra answer; the [html] question text keeps its <b>.
    expect(match).toMatchObject({
      markup: "html",
      prompt: "Match the <b>activity</b> to the description.",
      pairs: [
        { answer: "Forum", prompt: "An activity supporting asynchronous discussions." },
        { answer: "Choice" },
        { answer: "Database" },
        { answer: "Wiki" },
      ],
      distractors: ["Chat"],
    });
    // test_import_multichoice: fractions 1, 0, 0; "[plain]blue" is the text blue.
    expect(single).toMatchObject({
      prompt: "What's between orange and green in the spectrum?",
      options: [
        { text: "yellow", feedback: "right; good!" },
        { text: "red", feedback: "wrong, it's yellow" },
        { text: "blue", feedback: "wrong, it's yellow" },
      ],
      answer: ["a"],
    });
    // test_import_multichoice_multi: fractions 0.5, -1, 0.5, -1, single = 0.
    expect(multiple).toMatchObject({ options: [{ weight: 50 }, { weight: -100 }, { weight: 50 }, { weight: -100 }], answer: ["a", "c"] });
    // test_import_numerical: 3 ± 2, and * (any other number) worth 0 with its feedback. The fixture's
    // stray `";` after the } makes Moodle treat it as a missing-word question.
    expect(numerical).toMatchObject({
      prompt: 'What is a number from 1 to 5? _____";',
      answers: [
        { value: 3, tolerance: 2, weight: 100 },
        { ...ANY_NUMBER, weight: 0, feedback: "Completely wrong" },
      ],
    });
    // test_import_shortanswer: Frog 1, Cat 0.5, * 0.
    expect(short).toMatchObject({
      answers: [
        { text: "Frog", weight: 100, feedback: "Good!" },
        { text: "Cat", weight: 50, feedback: "What is it with Moodlers and cats?" },
        { text: "*", weight: 0, feedback: "Completely wrong" },
      ],
      caseSensitive: false,
    });
    // test_import_truefalse: FALSE#wrong#right gives feedbacktrue = the first, feedbackfalse = the second.
    expect(tf).toMatchObject({
      answer: ["f"],
      options: [
        { id: "t", text: "True", feedback: "42 is the Ultimate Answer." },
        { id: "f", text: "False", feedback: "You gave the right answer." },
      ],
      explanation: "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
    });
    expect(set.slice(7).map((q) => (q as QuestionOfType<"true_false">).answer)).toEqual([["t"], ["t"]]);
  });

  it("imports questions_in_category.gift.txt: the category names the set, escaped HTML is read, styles are dropped", () => {
    const result = gift(env.TEST_MOODLE_FIXTURES["questions_in_category.gift.txt"] as string);
    if (!result.ok) throw new Error("expected success");
    expect(result.value.title).toBe("Default for New Features");
    const [match, greeting, user, acronym] = result.value.questions;
    expect(match).toMatchObject({ type: "matching", distractors: ["Chat"] });
    expect(greeting).toMatchObject({ type: "single", markup: "html", answer: ["b"] });
    expect(greeting?.prompt).toContain('<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a>');
    // `=%100%Moodler#` is a one-answer short answer worth 100%, with no feedback.
    expect(user).toMatchObject({ type: "short_answer", answers: [{ text: "Moodler", weight: 100 }] });
    expect(acronym).toMatchObject({
      type: "true_false",
      markup: "text",
      prompt: "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.",
    });
    expect(result.notes).toEqual([]);
  });

  it("imports all 43 examples from Moodle's GIFT documentation (question/format/gift/examples.txt)", () => {
    const set = questions(env.TEST_MOODLE_FIXTURES["examples.gift.txt"] as string);
    expect(set).toHaveLength(43);
    const count = (type: string) => set.filter((q) => q.type === type).length;
    expect({
      single: count("single"),
      multiple: count("multiple"),
      true_false: count("true_false"),
      short_answer: count("short_answer"),
      numerical: count("numerical"),
      matching: count("matching"),
    }).toEqual({ single: 16, multiple: 2, true_false: 5, short_answer: 9, numerical: 8, matching: 3 });
    expect(gift(env.TEST_MOODLE_FIXTURES["examples.gift.txt"] as string).notes).toEqual([]);
  });
});

describe("multiple choice", () => {
  it("reads =right and ~wrong answers as one-answer multiple choice", () => {
    const q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}", "single");
    expect(q).toMatchObject({ prompt: "Who's buried in Grant's tomb?", answer: ["c"], shuffle: true, markup: "text" });
    expect(q.options).toEqual([
      { id: "a", text: "Grant" },
      { id: "b", text: "Jefferson" },
      { id: "c", text: "no one" },
    ]);
    expect(q.explanation).toBeUndefined();
  });

  it("puts a blank where the answers sit inside the sentence (missing word), and none when they end it", () => {
    expect(one("Grant is {~buried =entombed ~living} in Grant's tomb.", "single").prompt).toBe("Grant is _____ in Grant's tomb.");
    const multiline = "The American holiday of Thanksgiving is celebrated on the {\n    ~second\n    ~third\n    =fourth\n} Thursday of November.";
    expect(one(multiline, "single")).toMatchObject({
      prompt: "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.",
      answer: ["c"],
    });
    expect(one("Japanese characters originally came from what country? {\n ~India\n =China\n ~Korea\n ~Egypt}", "single").prompt).toBe(
      "Japanese characters originally came from what country?",
    );
  });

  it("counts every = answer as fully right, and grades a %weight% distractor with partial credit", () => {
    const q = one("Jesus Christ was from {~Jerusalem#Wrong city. ~%25%Bethlehem#Born there. ~%50%Galilee ~%-50%Rome =Nazareth#Yes! =Nazaret}", "single");
    expect(q.answer).toEqual(["e", "f"]);
    expect(q.options.map((o) => [o.text, o.weight, o.feedback])).toEqual([
      ["Jerusalem", undefined, "Wrong city."],
      ["Bethlehem", 25, "Born there."],
      ["Galilee", 50, undefined],
      ["Rome", -50, undefined],
      ["Nazareth", undefined, "Yes!"],
      ["Nazaret", undefined, undefined],
    ]);
    // Moodle grades a one-answer question with the chosen answer's fraction.
    expect([["a"], ["b"], ["c"], ["e"], ["f"]].map((chosen) => score(q, chosen))).toEqual([0, 0.25, 0.5, 1, 1]);
    expect(score(q, ["d"])).toBe(0);
    expect(notes("Q {=a ~%-50%b}")).toEqual([
      expect.objectContaining({ outcome: "changed", message: expect.stringContaining("here a question scores at least 0") }),
    ]);
  });

  it("makes a question without = a several-answer question: the sum of the chosen weights, penalties included, at least 0", () => {
    const q = one("What two people are entombed in Grant's tomb? {\n ~%-50%No one\n ~%50%Grant\n ~%50%Grant's wife\n ~%-50%Grant's father }", "multiple");
    expect(q.options.map((o) => o.weight)).toEqual([-50, 50, 50, -50]);
    expect(q.answer).toEqual(["b", "c"]);
    expect(score(q, ["b", "c"])).toBe(1);
    expect(score(q, ["b"])).toBe(0.5);
    expect(score(q, ["a", "b"])).toBe(0);
    expect(score(q, ["a", "b", "c"])).toBe(0.5);
    expect(score(q, ["a", "d"])).toBe(0);
    // Unweighted ~ answers are worth 0, as in Moodle's "Multiple Answers" example.
    expect(one("Who? {~No one ~%50%Grant ~%50%Grant's wife ~Grant's father}", "multiple").options.map((o) => o.weight)).toEqual([0, 50, 50, 0]);
    // A single ~%100% answer with penalties is still a several-answer question (test_import_multichoice_multi_tricky).
    expect(one("Q {~%100%yellow ~%-50%red ~%-50%blue}", "multiple").answer).toEqual(["a"]);
  });

  it("applies Moodle's check that the positive weights add up to 100 (to the whole percent)", () => {
    const thirds = one("Q {~%33.333%a ~%33.333%b ~%33.333%c ~%-100%d}", "multiple");
    expect(thirds.options.map((o) => Math.round((o.weight ?? 0) * 1000) / 1000)).toEqual([33.333, 33.333, 33.333, -100]);
    expect(notes("Q {~%33.3%a ~%33.3%b ~%33.3%c ~d}")).toEqual([
      expect.objectContaining({ outcome: "changed", message: "the positive weights added up to 99.9%; they were scaled to add up to exactly 100%" }),
    ]);
    expect(notes("Good {=a ~b}\n\nQ {~%50%a ~%60%b ~c}")).toEqual([
      {
        line: 3,
        question: "q2",
        outcome: "left out",
        message: "the positive weights add up to 110%, not 100%: give the right answers weights that add up to 100 (Moodle refuses this question too)",
      },
    ]);
  });

  it("says what Moodle does with surprising input, and does the same", () => {
    // Text before the first ~ or = is an answer worth 0 in Moodle.
    const lead = one("Q {oops =a ~b}", "single");
    expect(lead.options.map((o) => o.text)).toEqual(["oops", "a", "b"]);
    expect(notes("Q {oops =a ~b}")[0]?.message).toContain("comes before the first ~ or =");
    // After =, Moodle does not read a %weight%: it stays in the answer text.
    expect(one("Q {=%50%a ~b}", "single").options[0]?.text).toBe("%50%a");
    expect(notes("Q {=%50%a ~b}")[0]?.message).toContain("write ~%50% for partial credit");
    // An = inside feedback starts another right answer, as in Moodle.
    expect(one("Q {=a#1=1 ~b}", "single").options.map((o) => o.text)).toEqual(["a", "1", "b"]);
    // A blank answer with no weight and no feedback is skipped, as Moodle's save_question_options does.
    expect(one("Q {=a ~ ~b}", "single").options.map((o) => o.text)).toEqual(["a", "b"]);
  });

  it("refuses a question Moodle refuses, with its line and what to do", () => {
    expect(notes("Fine {T}\n\nOnly one {~%100%a}\n\nEmpty {=a ~#feedback}")).toEqual([
      { line: 3, question: "q2", outcome: "left out", message: "a multiple-choice question needs at least two answers" },
      { line: 5, question: "q3", outcome: "left out", message: "answer 2 has a grade or feedback but no text: give it text or delete it" },
    ]);
  });
});

describe("true/false", () => {
  it("reads {T}, {TRUE}, {F} and {FALSE}, with the wrong-answer feedback first and the right-answer feedback second", () => {
    const [t, trueWord, f, falseWord] = questions("A {T}\n\nB {TRUE}\n\nC {F}\n\nD {FALSE#No one is buried there.}") as QuestionOfType<"true_false">[];
    expect([t, trueWord, f, falseWord].map((q) => q?.answer)).toEqual([["t"], ["t"], ["f"], ["f"]]);
    expect(falseWord?.options).toEqual([
      { id: "t", text: "True", feedback: "No one is buried there." },
      { id: "f", text: "False" },
    ]);
    const both = one("Q {T#Read again.#Yes, it is true.####Both texts say so.}", "true_false");
    expect(both.options).toEqual([
      { id: "t", text: "True", feedback: "Yes, it is true." },
      { id: "f", text: "False", feedback: "Read again." },
    ]);
    expect(both.explanation).toBe("Both texts say so.");
    expect([score(both, ["t"]), score(both, ["f"])]).toEqual([1, 0]);
  });

  it("reads {true} in lower case as a short answer, as Moodle does, and says so", () => {
    expect(one("Q {true}", "short_answer").answers).toEqual([{ text: "true", weight: 100 }]);
    expect(notes("Q {true}")[0]).toMatchObject({ outcome: "changed", message: expect.stringContaining("write {T}, {TRUE}, {F} or {FALSE} in capitals") });
  });
});

describe("short answer", () => {
  it("accepts each = answer, ignoring case, with weights, feedback and * wildcards", () => {
    const q = one("Who's buried in Grant's tomb?{=no one =nobody =%50%no*#Close. =%0%*#Wrong.}", "short_answer");
    expect(q.answers).toEqual([
      { text: "no one", weight: 100 },
      { text: "nobody", weight: 100 },
      { text: "no*", weight: 50, feedback: "Close." },
      { text: "*", weight: 0, feedback: "Wrong." },
    ]);
    expect(q.caseSensitive).toBe(false);
    expect([score(q, { text: "NO ONE" }), score(q, { text: "nowhere" }), score(q, { text: "Grant" })]).toEqual([1, 0.5, 0]);
    expect(one("Two plus two equals {=four =4}.", "short_answer").prompt).toBe("Two plus two equals _____.");
  });

  it("reads a lone answer without = as a short answer, as Moodle does", () => {
    expect(one("Capital of France? {Paris}", "short_answer").answers).toEqual([{ text: "Paris", weight: 100 }]);
  });

  it("leaves out a short answer nobody could get full marks for", () => {
    expect(notes("Q {=%50%half}")[0]).toMatchObject({ outcome: "left out", message: "answers: at least one answer must be worth 100" });
  });
});

describe("numerical", () => {
  it("reads an exact value, value:tolerance, min..max and weighted answers", () => {
    expect(one("When was Grant born?{#1822}", "numerical").answers).toEqual([{ value: 1822, weight: 100 }]);
    // Moodle's documentation asks for pi to 3 places; these are its numbers, not approximations of Math.PI.
    const [pi, low, high] = [Number("3.1415"), Number("3.141"), Number("3.142")];
    expect(one("Pi? {#3.1415:0.0005}.", "numerical")).toMatchObject({ prompt: "Pi? _____.", answers: [{ value: pi, tolerance: 0.0005, weight: 100 }] });
    expect(one("Pi? {#3.141..3.142}", "numerical").answers).toEqual([{ min: low, max: high, weight: 100 }]);
    const weighted = one("When? {#\n =1822:0 #Correct!\n =%50%1822:2 #Close.\n ~#Not even close.}", "numerical");
    expect(weighted.answers).toEqual([
      { value: 1822, weight: 100, feedback: "Correct!" },
      { value: 1822, tolerance: 2, weight: 50, feedback: "Close." },
      { ...ANY_NUMBER, weight: 0, feedback: "Not even close." },
    ]);
    expect([1822, 1823, 1900].map((value) => score(weighted, { text: String(value), value }))).toEqual([1, 0.5, 0]);
  });

  it("leaves out an answer that is not a number, saying how to write one", () => {
    expect(notes("Q {#three}")[0]).toMatchObject({ line: 1, outcome: "left out", message: expect.stringContaining('"three" is not a number') });
  });
});

describe("matching", () => {
  it("reads =item -> answer pairs, with = -> answer as an extra answer", () => {
    const q = one("Match the countries with their capitals. {\n =Canada -> Ottawa\n =Italy  -> Rome\n =Japan->Tokyo\n = -> Paris }", "matching");
    expect(q.pairs).toEqual([
      { id: "a", prompt: "Canada", answer: "Ottawa" },
      { id: "b", prompt: "Italy", answer: "Rome" },
      { id: "c", prompt: "Japan", answer: "Tokyo" },
    ]);
    expect(q.distractors).toEqual(["Paris"]);
  });

  it("leaves out a matching question with an item missing its arrow, or with fewer than two items", () => {
    expect(notes("Q {=a -> b =c}\n\nR {=a -> b}")).toEqual([
      { line: 1, question: "", outcome: "left out", message: "in a matching question every item is written =item -> answer" },
      { line: 3, question: "q2", outcome: "left out", message: "a matching question needs at least two items, each written =item -> answer" },
    ]);
  });
});

describe("essays and descriptions", () => {
  it("reads {} as an essay, with its general feedback", () => {
    // A set needs one scored question, so each file here has a true/false question after the essay.
    expect(one("::Q8:: How are you? {}\n\nQ {T}", "essay")).toMatchObject({ id: "q8", prompt: "How are you?" });
    expect(one("Say why. {####Look for the source.}\n\nQ {T}", "essay").explanation).toBe("Look for the source.");
  });

  it("reads text with no answers as a description, never as an error", () => {
    const [description, question] = questions("Read both reports first.\n\nWhich is hedged? {=A ~B}");
    expect(description).toMatchObject({ type: "description", prompt: "Read both reports first." });
    expect(question?.type).toBe("single");
  });

  it("refuses a file with nothing to answer, and says why", () => {
    const result = gift("Just some prose.\n\nAnd more.");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]?.message).toBe("there is no question to answer: only descriptions (text without { }) or essays, which are never scored");
  });
});

describe("names, comments, categories and escapes", () => {
  it("makes ids from ::titles:: (unique, lower-case) and numbers the rest by their place in the file", () => {
    const text = ["::Capital:: A {=x ~y}", "::Capital:: B {=x ~y}", "::Épreuve à Paris!:: C {=x ~y}", "Broken {=x", "D {=x ~y}", "::!!!:: E {=x ~y}"].join(
      "\n\n",
    );
    expect(questions(text).map((q) => q.id)).toEqual(["capital", "capital-2", "epreuve-a-paris", "q5", "q6"]);
  });

  it("skips comment lines and reads $CATEGORY as the set's name", () => {
    const result = gift("// a comment\n$CATEGORY: $course$/top/Default for Media/Hedges\n\n// question: 1\nQ {=a ~b}");
    expect(result.ok && result.value.title).toBe("Hedges");
    expect(parseImport("gift", "x.gift", "$CATEGORY: $course$/top/Hedges\n\nQ {=a ~b}", { ...OPTIONS, title: "Mine" }).ok).toBe(true);
    const titled = parseImport("gift", "x.gift", "$CATEGORY: $course$/top/Hedges\n\nQ {=a ~b}", { ...OPTIONS, title: "Mine" });
    expect(titled.ok && titled.value.title).toBe("Mine");
  });

  it("reads every escape: \\~ \\= \\# \\{ \\} \\: \\\\ and \\n", () => {
    const q = one("::GIFT\\: escapes:: 2 \\= 1 + 1 \\{not a block\\} a\\: b \\\\ c \\~ \\# d\\nnext {=\\= 2 + 3 ~\\~ \\#}", "single");
    expect(q.id).toBe("gift-escapes");
    expect(q.prompt).toBe("2 = 1 + 1 {not a block} a: b \\ c ~ # d<br>next");
    expect(q.markup).toBe("html");
    expect(q.options.map((o) => o.text)).toEqual(["= 2 + 3", "~ #"]);
    // Moodle's own example: \\ is a backslash (MDL-34171).
    expect(one("A \\\\ B \\\\\\\\ C{}\n\nQ {T}", "essay").prompt).toBe("A \\ B \\\\ C");
  });

  it("keeps reading a title that is never closed, as Moodle does, and says so", () => {
    const q = one("::Open title {=a ~b}", "single");
    expect(q.prompt).toBe("Open title");
    expect(notes("::Open title {=a ~b}")[0]?.message).toContain("is not closed with ::");
  });
});

describe("text formats", () => {
  it("sanitises [html] and renders it; Moodle's editor wrapping and &nbsp; disappear", () => {
    const q = one('[html]<p dir="ltr" style="text-align: left;">Which&nbsp;word <span style="color:red">hedges</span>?<br></p>{=may ~will}', "single");
    expect(q).toMatchObject({ markup: "text", prompt: "Which word hedges?" });
    const rich = one("[html]<p>Read <em>both</em>:</p><ul><li>one</li></ul>{=[html]<b>may</b> ~will#[html]<i>No</i>}", "single");
    expect(rich).toMatchObject({ markup: "html", prompt: "<p>Read <em>both</em>:</p><ul><li>one</li></ul>" });
    expect(rich.options).toEqual([
      { id: "a", text: "<b>may</b>" },
      { id: "b", text: "will", feedback: "<i>No</i>" },
    ]);
  });

  it("renders [markdown], escapes [plain] and keeps [moodle] line breaks, as Moodle displays them", () => {
    expect(one("[markdown]Who's buried in **Grant's tomb**?{=no one =nobody}", "short_answer").prompt).toBe("Who's buried in <strong>Grant's tomb</strong>?");
    expect(one("[plain]Is <b> a tag?{T}", "true_false")).toMatchObject({ markup: "text", prompt: "Is <b> a tag?" });
    expect(one("[moodle]Line one\\nline <i>two</i>{T}", "true_false")).toMatchObject({ markup: "html", prompt: "Line one<br>line <i>two</i>" });
    // Answers take the question's format unless they name their own (test_import_multichoice).
    const mixed = one("[html]<b>Q</b>{=[plain]<b>bold</b> ~[markdown]*em*}", "single");
    expect(mixed.options.map((o) => o.text)).toEqual(["&lt;b&gt;bold&lt;/b&gt;", "<em>em</em>"]);
    // An unknown marker is text (format_name_to_const returns -1).
    expect(one("[HTML]Upper case {T}", "true_false").prompt).toBe("[HTML]Upper case");
  });

  it("removes hostile markup and drops images, with a note on the question", () => {
    const hostile =
      '[html]<script>alert(1)</script><p onclick="x()" style="color:red">Safe <a href="javascript:alert(1)">link</a> <img src="@@PLUGINFILE@@/a.png" onerror="x()"></p>{=<b onmouseover="x()">ok</b> ~<style>p\\{\\}</style>no}';
    const result = gift(hostile);
    if (!result.ok) throw new Error("expected success");
    const html = JSON.stringify(result.value.questions);
    for (const bad of ["<script", "alert(1)", "onclick", "onerror", "onmouseover", "style", "javascript:", "<img", "@@PLUGINFILE@@"])
      expect(html).not.toContain(bad);
    expect(result.value.questions[0]?.prompt).toBe("Safe <a>link</a>");
    expect(result.notes.map((n) => n.message)).toEqual([
      "images and other files (Moodle's @@PLUGINFILE@@) are not imported; check the question still makes sense without them",
      "unsafe markup (scripts, styles, event handlers or javascript: links) was removed",
    ]);
  });
});

describe("mixed files and mistakes", () => {
  const MIXED = [
    "// a good one", // 1
    "::ok:: Fine {=a ~b}", // 2
    "", // 3
    "Unclosed {=a ~b", // 4
    "", // 5
    "Stray } here {=a ~b}", // 6
    "", // 7
    "Two blocks {=a ~b} and {=c ~d}", // 8
    "", // 9
    "Intro line", // 10
    "second line {", // 11
    "=a", // 12
    "~{b", // 13
    "}", // 14
    "", // 15
    "::tail:: Also fine {T}", // 16
  ].join("\n");

  it("imports every question it can read and lists the others with their line and what to do", () => {
    const result = gift(MIXED);
    expect(result.ok && result.value.questions.map((q) => q.id)).toEqual(["ok", "tail"]);
    expect(result.notes).toEqual([
      { line: 4, question: "", outcome: "left out", message: "the answer block { has no closing }: add one, or write \\{ for a literal brace" },
      { line: 6, question: "", outcome: "left out", message: "a } before the answer block: write \\} for a literal brace" },
      {
        line: 8,
        question: "",
        outcome: "left out",
        message: "a second { after the answer block: separate questions with a blank line, or write \\{ for a literal brace",
      },
      { line: 13, question: "", outcome: "left out", message: "a { inside the answer block: close the block with } first, or write \\{ for a literal brace" },
    ]);
  });

  it("reports a question the schema refuses at its line, by its id", () => {
    const long = `Q {=${"x".repeat(1001)} ~b}`;
    expect(notes(`Fine {=a ~b}\n\n${long}`)).toEqual([
      { line: 3, question: "q2", outcome: "left out", message: "options[0].text: must be at most 1000 characters" },
    ]);
  });

  it("refuses a file with no question it can read, listing each problem", () => {
    const result = gift("Unclosed {=a\n\nStray } {=a ~b}");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.line, i.message])).toEqual([
        [1, "no question could be imported"],
        [1, "the answer block { has no closing }: add one, or write \\{ for a literal brace"],
        [3, "a } before the answer block: write \\} for a literal brace"],
      ]);
    expect(gift("// only a comment\n\n$CATEGORY: x\n")).toMatchObject({ ok: false, issues: [{ line: 1, message: "no questions found" }] });
  });

  it("imports the first 200 questions and reports where it stopped", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Q${i + 1} {T}`).join("\n\n");
    expect(questions(many(200))).toHaveLength(200);
    const result = gift(many(203));
    expect(result.ok && result.value.questions).toHaveLength(200);
    expect(result.notes).toEqual([
      {
        line: 401,
        question: "",
        outcome: "left out",
        message: "this question and the rest of the file: a set can have at most 200 questions, so split the file",
      },
    ]);
  });

  it("stays linear and gives one problem on pathological input", () => {
    expect(notes(`Q {${"~".repeat(250_000)}}`)).toEqual([expect.objectContaining({ message: "too many answers: a question can have at most 12" })]);
    expect(notes(`Q ${"{".repeat(250_000)}}`)).toHaveLength(1);
    expect(notes(`::${"\\:".repeat(100_000)}{T}`)).toEqual([
      expect.objectContaining({ outcome: "left out", message: "prompt: must be at most 3000 characters" }),
    ]);
    expect(notes(`Q {=a ${"#".repeat(3)} ~${"%1".repeat(100_000)}}`)).toEqual([
      expect.objectContaining({ message: "options[1].text: must be at most 1000 characters" }),
    ]);
    expect(gift(`[markdown]${"*".repeat(100_000)}{T}`).ok).toBe(true);
  });
});
