import { describe, expect, it } from "vitest";
import { type Question, type QuestionInput, question as questionSchema } from "../../src/content/schema.ts";
import { parseAnswerForm, parseNumber } from "../../src/quiz/answer-form.ts";
import { gradeResponse } from "../../src/quiz/grading.ts";
import { matchingChoices } from "../../src/quiz/matching.ts";

const base = { id: "q", skill: "evidence", difficulty: "easy", prompt: "Prompt?" } as const;

function parse(input: Record<string, unknown>): Question {
  const result = questionSchema.safeParse({ ...base, ...input } as QuestionInput);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

const abc = [
  { id: "a", text: "Alpha" },
  { id: "b", text: "Bravo" },
  { id: "c", text: "Charlie" },
];

describe("grading choice questions", () => {
  it("gives full marks only for the key on single choice, and any of several keys", () => {
    const q = parse({ type: "single", options: abc, answer: "b" });
    expect(gradeResponse(q, ["b"])).toEqual({ score: 1, correct: true });
    expect(gradeResponse(q, ["a"])).toEqual({ score: 0, correct: false });
    const twoKeys = parse({ type: "single", options: abc, answer: ["a", "c"] });
    expect(gradeResponse(twoKeys, ["c"])).toEqual({ score: 1, correct: true });
  });

  it("gives partial credit to a weighted distractor and floors penalties at zero (Moodle)", () => {
    const q = parse({
      type: "single",
      options: [
        { id: "a", text: "Alpha" },
        { id: "b", text: "Bravo", weight: 50 },
        { id: "c", text: "Charlie", weight: -100 },
      ],
      answer: "a",
    });
    expect(gradeResponse(q, ["b"])).toEqual({ score: 0.5, correct: false });
    expect(gradeResponse(q, ["c"])).toEqual({ score: 0, correct: false });
  });

  it("scores multiple select all or nothing without weights", () => {
    const q = parse({ type: "multiple", options: abc, answer: ["a", "c"] });
    expect(gradeResponse(q, ["a", "c"]).score).toBe(1);
    expect(gradeResponse(q, ["a"]).score).toBe(0);
    expect(gradeResponse(q, ["a", "b", "c"]).score).toBe(0);
  });

  it("sums weights on multiple select, with penalties, floored at zero (Moodle)", () => {
    const q = parse({
      type: "multiple",
      options: [
        { id: "a", text: "Alpha", weight: 50 },
        { id: "b", text: "Bravo", weight: -100 },
        { id: "c", text: "Charlie", weight: 50 },
      ],
      answer: ["a", "c"],
    });
    expect(gradeResponse(q, ["a", "c"])).toEqual({ score: 1, correct: true });
    expect(gradeResponse(q, ["a"])).toEqual({ score: 0.5, correct: false });
    expect(gradeResponse(q, ["a", "b"])).toEqual({ score: 0, correct: false });
  });

  it("refuses weights that do not follow Moodle's rules", () => {
    const bad = questionSchema.safeParse({
      ...base,
      type: "multiple",
      options: [
        { id: "a", text: "Alpha", weight: 40 },
        { id: "b", text: "Bravo", weight: 40 },
        { id: "c", text: "Charlie" },
      ],
      answer: ["a", "b"],
    });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toContain("give every option a weight once one has a weight");
    expect(messages).toContain("the positive weights add up to 80, not 100");
  });

  it("grades evidence selection and claim judgements by option id", () => {
    const evidence = parse({
      type: "evidence",
      passages: [{ document: "d", quote: "One. Two. Three." }],
      options: [
        { id: "s1", text: "One." },
        { id: "s2", text: "Two." },
        { id: "s3", text: "Three." },
      ],
      answer: ["s2"],
    });
    expect(gradeResponse(evidence, ["s2"]).correct).toBe(true);
    expect(gradeResponse(evidence, ["s1", "s2"]).correct).toBe(false);
    const claim = parse({
      type: "claim",
      claim: "The mayor said it.",
      options: [
        { id: "yes", text: "Supported", supports: true },
        { id: "no", text: "Only claimed", supports: false },
      ],
      answer: "no",
    });
    expect(gradeResponse(claim, ["no"]).correct).toBe(true);
  });
});

describe("grading typed answers", () => {
  it("matches short answers ignoring case and spaces, with * wildcards and weights", () => {
    const q = parse({
      type: "short_answer",
      answers: [{ text: "Associated Press" }, { text: "AP*", weight: 50 }],
    });
    expect(gradeResponse(q, { text: "  associated   press " }).score).toBe(1);
    expect(gradeResponse(q, { text: "APnews" }).score).toBe(0.5);
    expect(gradeResponse(q, { text: "Reuters" }).score).toBe(0);
    const cased = parse({ type: "short_answer", caseSensitive: true, answers: [{ text: "SBU" }] });
    expect(gradeResponse(cased, { text: "sbu" }).score).toBe(0);
    const literal = parse({ type: "short_answer", answers: [{ text: "a\\*b" }] });
    expect(gradeResponse(literal, { text: "a*b" }).score).toBe(1);
    expect(gradeResponse(literal, { text: "axxb" }).score).toBe(0);
  });

  it("accepts numbers within a tolerance or a range, with the best weight", () => {
    const q = parse({
      type: "numerical",
      answers: [
        { value: 3.14, tolerance: 0.01 },
        { min: 3, max: 4, weight: 50 },
      ],
    });
    expect(gradeResponse(q, { text: "3.145", value: 3.145 }).score).toBe(1);
    expect(gradeResponse(q, { text: "3.5", value: 3.5 }).score).toBe(0.5);
    expect(gradeResponse(q, { text: "pi", value: null }).score).toBe(0);
    expect(parseNumber("3,14")).toBe(3.14);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("12abc")).toBeNull();
  });

  it("gives each correct pair of a matching question its share", () => {
    const q = parse({
      type: "matching",
      pairs: [
        { id: "a", prompt: "SBU", answer: "Ukraine" },
        { id: "b", prompt: "FSB", answer: "Russia" },
      ],
      distractors: ["Belarus"],
    });
    const choices = matchingChoices(q as Extract<Question, { type: "matching" }>);
    expect(choices.map((c) => c.text)).toEqual(["Ukraine", "Russia", "Belarus"]);
    const id = (text: string) => choices.find((c) => c.text === text)?.id as string;
    expect(gradeResponse(q, { matches: { a: id("Ukraine"), b: id("Russia") } }).score).toBe(1);
    expect(gradeResponse(q, { matches: { a: id("Ukraine"), b: id("Belarus") } }).score).toBe(0.5);
  });

  it("never scores essays or descriptions", () => {
    expect(gradeResponse(parse({ type: "essay" }), { text: "My view" })).toEqual({ score: null, correct: false });
    expect(gradeResponse(parse({ type: "description" }), { seen: true })).toEqual({ score: null, correct: false });
  });
});

describe("reading answer forms", () => {
  const single = () => parse({ type: "single", options: abc, answer: "a" });

  it("refuses fields that are not the answer, and confidence the set does not ask for", () => {
    expect(() => parseAnswerForm(single(), { choice: "a", score: "1" }, { askConfidence: false })).toThrow("fields it should not");
    expect(() => parseAnswerForm(single(), { choice: "a", confidence: "3" }, { askConfidence: false })).toThrow("does not ask");
  });

  it("asks again for an empty answer or a missing confidence, and refuses a confidence outside the three levels", () => {
    expect(parseAnswerForm(single(), {}, { askConfidence: false })).toEqual({ ok: false, prompt: "Choose an answer, then check it." });
    expect(parseAnswerForm(single(), { choice: "a" }, { askConfidence: true })).toMatchObject({ ok: false });
    expect(() => parseAnswerForm(single(), { choice: "a", confidence: "4" }, { askConfidence: true })).toThrow("guessing, fairly sure or certain");
    expect(parseAnswerForm(single(), { choice: "a", confidence: "2" }, { askConfidence: true })).toEqual({ ok: true, value: ["a"], confidence: 2 });
  });

  it("reads matches only for known pairs and choices", () => {
    const q = parse({
      type: "matching",
      pairs: [
        { id: "a", prompt: "SBU", answer: "Ukraine" },
        { id: "b", prompt: "FSB", answer: "Russia" },
      ],
    });
    expect(parseAnswerForm(q, { "match-a": "c1", "match-b": "c2" }, { askConfidence: false })).toEqual({
      ok: true,
      value: { matches: { a: "c1", b: "c2" } },
      confidence: null,
    });
    expect(parseAnswerForm(q, { "match-a": "c1" }, { askConfidence: false })).toMatchObject({ ok: false });
    expect(() => parseAnswerForm(q, { "match-a": "c9", "match-b": "c2" }, { askConfidence: false })).toThrow("not one of the choices");
    expect(() => parseAnswerForm(q, { "match-z": "c1" }, { askConfidence: false })).toThrow();
  });
});
