import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/content/library.ts";
import { type LintContext, lintLibrary, lintSetContent, lintUpload } from "../../src/content/lint/index.ts";
import { setStats } from "../../src/content/lint/stats.ts";
import { formatIssue } from "../../src/content/parse.ts";
import { type QuestionInput, type QuestionSet, type QuestionSetInput, questionSet as questionSetSchema } from "../../src/content/schema.ts";
import { documentFile, setFile } from "../support/content.ts";
import { claims, goodQuestions, goodSet, LINT_DOC_BODY, OTHER_BODY, opt, P } from "../support/lint-sets.ts";

const context: LintContext = {
  documents: new Map([
    ["lint-doc", { label: "Report L", body: LINT_DOC_BODY }],
    ["other-doc", { label: "Report O", body: "Another text." }],
  ]),
  candidateIds: ["lint-doc", "other-doc"],
};

function parse(input: QuestionSetInput): QuestionSet {
  const result = questionSetSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** The rules a set breaks, by name, sorted: per question and per set, as an upload is checked. */
function rulesOf(input: QuestionSetInput): string[] {
  const set = parse(input);
  const perQuestion: string[] = lintSetContent(set, context).map((f) => f.rule);
  const perSet = lintUpload(set, context).length - perQuestion.length;
  return [...new Set(perQuestion)].sort().concat(perSet > 0 ? ["(set-level)"] : []);
}

/** The good set with question `index` changed. */
function withQuestion(index: number, change: (q: Record<string, unknown>) => void): QuestionSetInput {
  const set = goodSet();
  change(set.questions[index] as unknown as Record<string, unknown>);
  return set;
}

const libraryFiles = (...sets: [string, QuestionSetInput][]) => [
  documentFile("lint-doc", LINT_DOC_BODY, { label: "Report L" }),
  documentFile("other-doc", "Another text.", { label: "Report O" }),
  // A JSON round trip, so shared fixture objects do not become YAML aliases.
  ...sets.map(([slug, set]) => setFile(slug, JSON.parse(JSON.stringify(set)))),
];

describe("item-writing lint: one question", () => {
  it("stays quiet on a set with no cues, as an upload and in the library", () => {
    expect(lintUpload(parse(goodSet()), context)).toEqual([]);
    const library = loadLibrary(libraryFiles(["good", goodSet()]));
    expect(library.issues.map(formatIssue)).toEqual([]);
    const lint = lintLibrary(library);
    expect(lint.errors.map(formatIssue)).toEqual([]);
    expect(lint.warnings.map(formatIssue)).toEqual([]);
  });

  it("flags a key much longer than the distractors, with both lengths", () => {
    const set = withQuestion(0, (q) => {
      q.options = [opt("a", "The mayor, speaking at a briefing at city hall"), opt("b", "A city official"), opt("c", "The engineers"), opt("d", "Reporters")];
    });
    expect(rulesOf(set)).toEqual(["longest-key"]);
    const [finding] = lintSetContent(parse(set), context);
    expect(finding).toEqual({
      rule: "longest-key",
      path: ["questions", 0, "options"],
      message:
        "Question 1: the correct answer is much longer than the others (46 vs 12 characters on average). Students pick the longest option without reading. Make the other options as specific, or shorten the answer.",
    });
  });

  it("does not flag a key that is longest by a small margin (not over 1.3 times the distractors' mean)", () => {
    const set = withQuestion(0, (q) => {
      q.options = [opt("a", "The city's mayor"), opt("b", "A city official"), opt("c", "The engineers"), opt("d", "City reporters")];
    });
    expect(rulesOf(set)).toEqual([]);
  });

  it("flags correct options of a multiple-select question that are all the longest", () => {
    const set = withQuestion(4, (q) => {
      q.options = [
        opt("a", "The reopening date, from the mayor by name"),
        opt("b", "The missing inspection, from an unnamed official"),
        opt("c", "The cracks"),
        opt("d", "The budget"),
      ];
    });
    expect(rulesOf(set)).toEqual(["longest-key"]);
    expect(lintSetContent(parse(set), context)[0]?.message).toMatch(/^Question 5: the correct options are all much longer than the others/);
  });

  it("flags a key that alone repeats the prompt's words", () => {
    const set = withQuestion(0, (q) => {
      q.options = [opt("a", "The mayor gives the date"), opt("b", "A city official"), opt("c", "The engineers' office"), opt("d", "Reporters at the scene")];
      q.prompt = "Who gives the reopening date?";
    });
    expect(rulesOf(set)).toEqual(["echoes-prompt"]);
    expect(lintSetContent(parse(set), context)[0]?.message).toContain('only the correct answer repeats the question\'s words ("give", "date")');
  });

  it('flags "all of the above" and "none of the above"', () => {
    const set = withQuestion(0, (q) => {
      (q.options as unknown[])[3] = opt("d", "None of the above");
    });
    expect(rulesOf(set)).toEqual(["about-other-options"]);
    expect(lintSetContent(parse(set), context)[0]).toMatchObject({
      path: ["questions", 0, "options", 3, "text"],
      message: expect.stringContaining('says "None of the above"'),
    });
    const all = withQuestion(4, (q) => {
      (q.options as unknown[])[3] = opt("d", "All of these");
    });
    expect(rulesOf(all)).toEqual(["about-other-options"]);
  });

  it("flags absolute words in the wrong options only, and not once the key has one too", () => {
    const absolutes = withQuestion(1, (q) => {
      (q.options as unknown[])[2] = opt("c", "A crack the mayor always blamed on the union");
    });
    expect(rulesOf(absolutes)).toEqual(["absolutes-in-distractors"]);
    expect(lintSetContent(parse(absolutes), context)[0]?.message).toContain('only the wrong options use absolute words ("always")');
    const balanced = withQuestion(1, (q) => {
      (q.options as unknown[])[0] = opt("a", "Cracks, shown only in verified video");
      (q.options as unknown[])[2] = opt("c", "A crack the mayor always blamed on the union");
    });
    expect(rulesOf(balanced)).toEqual([]);
  });

  it("flags options that differ only in case, punctuation or articles, but not a one-word change", () => {
    const duplicate = withQuestion(0, (q) => {
      (q.options as unknown[])[3] = opt("d", "the Mayor.");
    });
    expect(rulesOf(duplicate)).toEqual(["duplicate-options"]);
    expect(lintSetContent(parse(duplicate), context)[0]?.message).toBe("Question 1: options a and d say the same thing. Make every option a different answer.");
    const oneWord = withQuestion(0, (q) => {
      (q.options as unknown[])[3] = opt("d", "The deputy mayor");
    });
    expect(rulesOf(oneWord)).toEqual([]);
    const twoDocuments = withQuestion(0, (q) => {
      (q.options as unknown[])[2] = opt("c", "Only [[lint-doc]]");
      (q.options as unknown[])[3] = opt("d", "Only [[other-doc]]");
    });
    expect(lintSetContent(parse({ ...twoDocuments, documents: ["lint-doc", "other-doc"] }), context).map((f) => f.rule)).not.toContain("duplicate-options");
  });

  it("flags a multiple-select key that selects every option", () => {
    const set = withQuestion(4, (q) => {
      q.answer = ["a", "b", "c", "d"];
    });
    expect(rulesOf(set)).toEqual(["selects-every-option"]);
  });

  it("requires feedback on every option and an explanation in the library only", () => {
    const set = withQuestion(0, (q) => {
      delete q.explanation;
      q.options = [opt("a", "The mayor"), { id: "b", text: "A city official" }, opt("c", "The engineers"), opt("d", "Reporters")];
    });
    expect(lintUpload(parse(set), context)).toEqual([]);
    const lint = lintLibrary(loadLibrary(libraryFiles(["gaps", set])));
    expect(lint.errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^sets\/gaps\.yaml:\d+: questions\[0\]\.options\[1\]\.feedback: Question 1: option b has no feedback/),
      expect.stringMatching(/^sets\/gaps\.yaml:\d+: questions\[0\]\.explanation: Question 1 has no explanation/),
    ]);
  });
});

describe("item-writing lint: documents named in text", () => {
  it("flags a document named by its bare file id, anywhere students read", () => {
    const set = withQuestion(0, (q) => {
      q.prompt = "Who gives the reopening date in lint-doc?";
      (q.options as { feedback: string }[])[1] = opt("b", "A city official", { feedback: "No: other-doc is a different text." });
    });
    expect(rulesOf(set)).toEqual(["bare-document-id"]);
    expect(lintSetContent(parse(set), context).map((f) => f.message)).toEqual([
      'Question 1: the prompt names document lint-doc by its file id, which students never see. Write [[lint-doc]] instead: students see "Report L".',
      'Question 1: the feedback on option b names document other-doc by its file id, which students never see. Write [[other-doc]] instead: students see "Report O".',
    ]);
  });

  it("does not take a number with a thousands separator for a document id", () => {
    const numbers = { ...context, candidateIds: ["000", "lint-doc"] };
    const set = parse(
      withQuestion(0, (q) => {
        q.prompt = "Who gives the reopening date for the $1,000 bridge?";
      }),
    );
    expect(lintSetContent(set, numbers)).toEqual([]);
    set.questions[0] = { ...(set.questions[0] as QuestionSet["questions"][number]), prompt: "Who in 000 gives the reopening date?" };
    expect(lintSetContent(set, numbers).map((f) => f.rule)).toEqual(["bare-document-id"]);
  });

  it("flags a reference to a document the set does not list, and a paragraph that does not exist", () => {
    const set = withQuestion(0, (q) => {
      q.explanation = "Compare [[other-doc]] and [[lint-doc#9]].";
    });
    expect(rulesOf(set)).toEqual(["missing-paragraph", "unlisted-reference"]);
    expect(lintSetContent(parse(set), context).map((f) => f.message)).toEqual([
      'Question 1: the explanation refers to document other-doc, which is not in the set\'s documents. Add "other-doc" to documents, or fix the id.',
      'Question 1: the explanation points to paragraph 9 of document lint-doc ("Report L"), which has 5 paragraphs.',
    ]);
  });

  it("flags a question that names a document but shows nothing of it, unless it points to a paragraph", () => {
    const unseen = withQuestion(1, (q) => {
      q.passages = [];
    });
    expect(rulesOf(unseen)).toEqual(["evidence-not-shown"]);
    expect(lintSetContent(parse(unseen), context)[0]).toMatchObject({
      path: ["questions", 1, "passages"],
      message: expect.stringContaining('it refers to document lint-doc ("Report L") but shows no passage from it'),
    });
    const pointed = withQuestion(1, (q) => {
      q.passages = [];
      q.prompt = "What does [[lint-doc#3]] report about the east span?";
    });
    expect(rulesOf(pointed)).toEqual([]);
  });
});

/** A hand-worked example for the cue-only score. */
const CUE_EXAMPLE: QuestionInput[] = [
  // Two options tie for longest (7 characters), one is the key: expected 1/2.
  {
    id: "tie",
    type: "single",
    skill: "attribution",
    difficulty: "easy",
    prompt: "Q1",
    options: [opt("a", "Alpha A"), opt("b", "Bravo B"), opt("c", "C"), opt("d", "D")],
    answer: "a",
  },
  // The key is the shortest: the longest pick scores 0.
  {
    id: "short-key",
    type: "single",
    skill: "attribution",
    difficulty: "easy",
    prompt: "Q2",
    options: [opt("a", "A"), opt("b", "Bravo"), opt("c", "Charlie")],
    answer: "a",
  },
  // Two of three statements true: the majority answer "True" scores 2 of 3.
  ...["t", "t", "f"].map(
    (answer, i): QuestionInput => ({
      id: `tf-${i}`,
      type: "true_false",
      skill: "attribution",
      difficulty: "easy",
      prompt: `S${i}`,
      options: [opt("t", "True"), opt("f", "False")],
      answer,
    }),
  ),
  // The key is the two longest options: 1.
  {
    id: "two-longest",
    type: "multiple",
    skill: "attribution",
    difficulty: "easy",
    prompt: "Q6",
    options: [opt("a", "Longest one"), opt("b", "Second"), opt("c", "x"), opt("d", "y")],
    answer: ["a", "b"],
  },
  // Typed answers have no cue strategy: 0. An essay counts nowhere.
  { id: "typed", type: "short_answer", skill: "attribution", difficulty: "easy", prompt: "Q7", answers: [{ text: "mayor" }] },
  { id: "essay", type: "essay", skill: "attribution", difficulty: "easy", prompt: "Q8" },
];

describe("item-writing lint: set statistics", () => {
  it("computes the cue-only score of a hand-worked example: (1/2 + 0 + 2 + 1 + 0) / 7 scored", () => {
    const set = parse({ title: "Cues", summary: "Hand-worked.", skills: ["attribution"], sources: "none", questions: CUE_EXAMPLE });
    const stats = setStats(set);
    expect(stats.scored).toBe(7);
    expect(stats.cuePoints).toBeCloseTo(3.5);
    // Chance: 1/4 + 1/3 on the singles, 1/2 per statement, 1 pair in 6 on the multiple select.
    expect(stats.chancePoints).toBeCloseTo(1 / 4 + 1 / 3 + 3 / 2 + 1 / 6);
    expect(stats.single).toEqual({ count: 2, longestKeyed: 0.5 });
    expect(stats.trueFalse).toEqual({ count: 3, keyedTrue: 2 });
  });

  it("counts the two longest sentences on evidence and the longest verdict on claims", () => {
    const claim = parse(goodSet()).questions[5];
    const evidence = parse(goodSet()).questions[7];
    if (claim?.type !== "claim" || evidence?.type !== "evidence") throw new Error("fixture order changed");
    expect(setStats({ questions: [{ ...claim, answer: ["c"] }] }).cuePoints).toBe(1);
    expect(setStats({ questions: [{ ...evidence, answer: ["b", "c"] }] }).cuePoints).toBe(1);
    expect(setStats({ questions: [claim, evidence] }).cuePoints).toBe(0);
  });

  it("warns about an upload's unbalanced true/false keys, key positions, longest keys and cue-only score, in plain words", () => {
    const statements = Array.from(
      { length: 4 },
      (_, i): QuestionInput => ({
        id: `statement-${i}`,
        type: "true_false",
        skill: "attribution",
        difficulty: "easy",
        prompt: `Statement ${i}.`,
        options: [opt("t", "True"), opt("f", "False")],
        answer: "t",
      }),
    );
    const fixed = Array.from(
      { length: 4 },
      (_, i): QuestionInput => ({
        id: `fixed-${i}`,
        type: "single",
        skill: "attribution",
        difficulty: "easy",
        prompt: `Question ${i}?`,
        options: [opt("a", `Answer number ${i} in full`), opt("b", `Wrong ${i}`), opt("c", `Other ${i}`)],
        answer: "a",
        shuffle: false,
      }),
    );
    const set = parse({ title: "Cued", summary: "Cues everywhere.", skills: ["attribution"], sources: "none", questions: [...statements, ...fixed] });
    const setLevel = lintUpload(set, context).filter((w) => w.path === "");
    expect(setLevel.map((w) => w.message)).toEqual([
      'A student who never reads the documents would score 100% on this set (chance: 42%) by picking the longest option and answering "True" to every true/false statement. Aim for at most 52%: the question warnings show where the cues are.',
      "The correct answer is the longest option in 4 of 4 single-choice questions (100%). Students who always pick the longest option gain from it. Keep it to at most 30%: make the wrong options as long and specific as the answers.",
      '4 of 4 true/false statements are true (100%): students who answer "True" every time score 100%. Aim for 35–65% true: rewrite some statements by one meaningful change (a dropped hedge, a swapped speaker).',
      "In questions shown in a fixed order, the correct answer is option 1 in 4 of 4 (100%). Students who always pick option 1 gain from it. Vary which option is correct, or let the app shuffle the options where their order carries no meaning (remove shuffle: false).",
    ]);
  });

  it("warns about one question's absolutes in the library, and fails it when wrong options carry absolutes more often than keys", () => {
    const set = withQuestion(1, (q) => {
      (q.options as unknown[])[2] = opt("c", "A crack the mayor always blamed on the union");
    });
    const lint = lintLibrary(loadLibrary(libraryFiles(["absolutes", set])));
    expect(lint.warnings.map(formatIssue)).toEqual([
      expect.stringMatching(/^sets\/absolutes\.yaml:\d+: questions\[1\]\.options: Question 2: only the wrong options use absolute words \("always"\)/),
    ]);
    expect(lint.errors.map(formatIssue)).toEqual([
      'questions/: Absolute words ("always", "only", "nothing"…) are in 14% of the wrong options but 0% of the correct ones (single choice and multiple select). Students who avoid absolutes gain from it. Keep the two within 5 points: the question warnings show where.',
    ]);
  });

  it("fails the library on its cue limits: cue-only per set and overall, longest keys and true/false balance overall", () => {
    const cued = goodSet("lint-doc", {
      questions: goodQuestions().map((q) => {
        if (q.type === "single") return { ...q, answer: "b" }; // the longest option
        if (q.type === "true_false") return { ...q, answer: "t" };
        return q;
      }),
    });
    const lint = lintLibrary(loadLibrary(libraryFiles(["cued", cued])));
    expect(lint.errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^sets\/cued\.yaml:\d+: questions\[0\]\.options: Question 1: the correct answer is much longer than the others \(15 vs 10/),
      expect.stringMatching(/^sets\/cued\.yaml: A student who never reads the documents would score 50% on this set \(chance: \d+%\)/),
      expect.stringMatching(/^questions\/: A student who never reads the documents would score 50% on the library/),
      expect.stringMatching(/^questions\/: The correct answer is the longest option in 2 of 2 single-choice questions in the library \(100%\)/),
      expect.stringMatching(/^questions\/: 2 of 2 true\/false statements in the library are true \(100%\)/),
    ]);
    expect(lint.total.scored).toBe(8);
  });
});

describe("parallel forms of one check", () => {
  const form = (letter: string, doc: string, body: typeof P, group = "pre"): QuestionSetInput =>
    goodSet(doc, {
      mode: "check",
      form: { group, form: letter },
      // 8 claims, 4 of them supported; 14 scored questions in all.
      questions: [...goodQuestions(doc, body), ...claims(doc, body, ["a", "a", "a", "b", "b", "b"], 2)],
    });
  const otherBody = OTHER_BODY.split("\n") as typeof P;
  const files = (...sets: [string, QuestionSetInput][]) => [documentFile("other-text", OTHER_BODY, { label: "Report T" }), ...libraryFiles(...sets)];
  const formFindings = (...sets: [string, QuestionSetInput][]) =>
    lintLibrary(loadLibrary(files(...sets)))
      .errors.filter((e) => /Form|form/.test(e.message))
      .map(formatIssue);

  it("accepts two forms matched on skill, type and difficulty, with similar options and no shared passage", () => {
    const library = loadLibrary(files(["pre-a", form("A", "lint-doc", P)], ["pre-b", form("B", "other-text", otherBody)]));
    expect(library.issues.map(formatIssue)).toEqual([]);
    expect(lintLibrary(library).errors.map(formatIssue)).toEqual([]);
  });

  it("reports a different mix, longer options and a passage the other form quotes", () => {
    const b = form("B", "other-text", otherBody);
    b.documents = ["other-text", "lint-doc"];
    const [first, second] = b.questions as unknown as [Record<string, unknown>, Record<string, unknown>];
    first.difficulty = "hard";
    second.sources = [{ document: "lint-doc", quote: "Video verified by reporters shows cracks along the east span." }];
    for (const q of b.questions as { type: string; options?: { text: string }[] }[])
      if (q.type === "claim") for (const o of q.options ?? []) o.text = `${o.text}, judged from both texts`;
    expect(formFindings(["pre-a", form("A", "lint-doc", P)], ["pre-b", b])).toEqual([
      'sets/pre-b.yaml:9: questions: Forms A and B of "pre" are not matched on skill, type and difficulty: 1 more (attribution, single, easy) in form A; 1 more (attribution, single, hard) in form B.',
      expect.stringMatching(/^sets\/pre-b\.yaml:\d+: questions: Options average 4\d characters in form B and 2\d in form A of "pre"\. Keep them within 15%/),
      expect.stringMatching(
        /^sets\/pre-b\.yaml:\d+: questions\[1\]\.sources\[0\]\.quote: Form B quotes "Video verified by reporters shows cracks along the east span\.", which overlaps form A's quote at questions\[1\]\.passages\[0\]\.quote/,
      ),
    ]);
  });

  it("reports a form that is too small, not a check, short of claims, and alone in its group", () => {
    const solo = goodSet("lint-doc", { mode: "practice", form: { group: "solo", form: "A" } });
    expect(formFindings(["solo", solo])).toEqual([
      expect.stringMatching(
        /^sets\/solo\.yaml:\d+: mode: Form A of "solo" is a parallel form of a check: set mode: check, so every form is taken the same way\.$/,
      ),
      expect.stringContaining('questions: Form A of "solo" has 8 scored questions; a parallel form needs at least 12'),
      expect.stringContaining('questions: Form A of "solo" has 2 claim-judgement questions (type: claim); it needs at least 8'),
      expect.stringContaining('form: Form A is the only form of "solo": add a parallel form, or remove form.'),
    ]);
  });

  it("reports claims that are mostly supported", () => {
    const trusting = form("A", "lint-doc", P);
    trusting.questions = [...goodQuestions(), ...claims("lint-doc", P, ["a", "a", "a", "a", "a", "a"], 2)];
    expect(formFindings(["pre-a", trusting], ["pre-b", form("B", "other-text", otherBody)])).toEqual([
      expect.stringContaining('Form A of "pre": 7 of 8 claims are supported (88%). Aim for 40–60%, so that neither trusting nor doubting everything pays.'),
    ]);
  });
});
