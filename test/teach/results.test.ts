import { describe, expect, it } from "vitest";
import { computeClassResults, type QuestionResult, type ResultAttempt, type ResultQuestion, weakDistractors } from "../../src/teach/results.ts";

// Minutes (and seconds) after 09:00 UTC on 3 March 2025.
function at(day: number, minutes: number, seconds = 0, ms = 0): Date {
  return new Date(Date.UTC(2025, 2, 3 + day, 9, minutes, seconds, ms));
}

const opts = (...ids: string[]) => ids.map((id) => ({ id, text: `Option ${id}` }));

// Given out of position order, to check the output is sorted by position.
const QUESTIONS: ResultQuestion[] = [
  { key: "q3", position: 3, prompt: "Which two are hedges?", skill: "numbers", options: opts("a", "b", "c", "d"), answer: ["a", "c"] },
  { key: "q1", position: 1, prompt: "Who says so?", skill: "attribution", options: opts("a", "b", "c", "d"), answer: ["a"] },
  { key: "q4", position: 4, prompt: "The quote is attributed.", skill: "attribution", options: opts("true", "false"), answer: ["true"] },
  { key: "q2", position: 2, prompt: "Is it hedged?", skill: "hedging", options: opts("a", "b", "c"), answer: ["b"] },
];

type Answer = [key: string, chosen: string[], isCorrect: boolean];

function attempt(
  attemptId: string,
  studentId: string,
  studentName: string,
  startedAt: Date,
  finishedAt: Date | null,
  answers: Answer[],
  setVersion = 2,
): ResultAttempt {
  return {
    attemptId,
    studentId,
    studentName,
    setVersion,
    startedAt,
    finishedAt,
    score: answers.filter(([, , ok]) => ok).length,
    scoredCount: 4,
    responses: answers.map(([questionKey, chosen, isCorrect]) => ({ questionKey, chosen, isCorrect, score: isCorrect ? 1 : 0 })),
  };
}

/*
 * Scored (first finished) attempts, by hand:
 *
 *   student    q1      q2     q3        q4       correct
 *   Ana  s1    a  ✓    b ✓    a,c   ✓   true  ✓  4
 *   Ben  s2    b  ✗    b ✓    a     ✗   true  ✓  2   (a later, better attempt: 3 of 4)
 *   Dev  s4    a  ✓    a ✗    a,c   ✓   true  ✓  3   (after an earlier unfinished attempt)
 *   Eve  s5    a  ✓    b ✓    a,b,c ✗   —        2   (version 1: no q4; "old-q" ✗ is ignored)
 *   Finn s6    c  ✗    b ✓    c     ✗   true  ✓  2
 *   Gia  s7    b  ✗    b ✓    a,c   ✓   true  ✓  3
 *   Cleo s3    unfinished only: not scored
 *
 * Ranked by correct count, ties by id: s1(4) s4(3) s7(3) s2(2) s5(2) s6(2).
 * n = 6, k = round(1.62) = 2: upper = s1, s4; lower = s5, s6.
 */
const ATTEMPTS: ResultAttempt[] = [
  attempt("b2", "s2", "Ben", at(1, 0), at(1, 4), [
    ["q1", ["a"], true],
    ["q2", ["b"], true],
    ["q3", ["a", "c"], true],
    ["q4", ["false"], false],
  ]),
  attempt("g1", "s7", "Gia", at(0, 0), at(0, 3, 20), [
    ["q1", ["b"], false],
    ["q2", ["b"], true],
    ["q3", ["a", "c"], true],
    ["q4", ["true"], true],
  ]),
  attempt("d1", "s4", "Dev", at(0, 30), at(0, 38), [
    ["q1", ["a"], true],
    ["q2", ["a"], false],
    ["q3", ["a", "c"], true],
    ["q4", ["true"], true],
  ]),
  attempt("a1", "s1", "Ana", at(0, 0), at(0, 5), [
    ["q1", ["a"], true],
    ["q2", ["b"], true],
    ["q3", ["a", "c"], true],
    ["q4", ["true"], true],
  ]),
  attempt("c1", "s3", "Cleo", at(0, 0), null, [["q1", ["a"], true]]),
  attempt("f1", "s6", "Finn", at(0, 0), at(0, 6, 40), [
    ["q1", ["c"], false],
    ["q2", ["b"], true],
    ["q3", ["c"], false],
    ["q4", ["true"], true],
  ]),
  attempt(
    "e1",
    "s5",
    "Eve",
    at(0, 0),
    at(0, 12, 30, 600),
    [
      ["q1", ["a"], true],
      ["q2", ["b"], true],
      ["q3", ["a", "b", "c"], false],
      ["old-q", ["x"], false],
    ],
    1,
  ),
  attempt("b1", "s2", "Ben", at(0, 0), at(0, 10), [
    ["q1", ["b"], false],
    ["q2", ["b"], true],
    ["q3", ["a"], false],
    ["q4", ["true"], true],
  ]),
  attempt("d0", "s4", "Dev", at(0, -60), null, [["q1", ["c"], false]]),
];

const results = computeClassResults(QUESTIONS, ATTEMPTS);

function question(key: string): QuestionResult {
  const found = results.questions.find((q) => q.key === key);
  if (!found) throw new Error(`no result for ${key}`);
  return found;
}

describe("computeClassResults: students", () => {
  it("gives one row per student, sorted by name, with first and best scores from finished attempts", () => {
    expect(results.students).toEqual([
      // 09:00:00 → 09:05:00
      {
        studentId: "s1",
        name: "Ana",
        attempts: 1,
        finishedAttempts: 1,
        firstScore: { marks: 4, total: 4, percent: 100 },
        bestScore: { marks: 4, total: 4, percent: 100 },
        timeTakenMs: 300_000,
        version: 2,
        lateAnswers: 0,
      },
      // First is b1 (2 of 4, 10 minutes), best is the next day's b2 (3 of 4).
      {
        studentId: "s2",
        name: "Ben",
        attempts: 2,
        finishedAttempts: 2,
        firstScore: { marks: 2, total: 4, percent: 50 },
        bestScore: { marks: 3, total: 4, percent: 75 },
        timeTakenMs: 600_000,
        version: 2,
        lateAnswers: 0,
      },
      { studentId: "s3", name: "Cleo", attempts: 1, finishedAttempts: 0, firstScore: null, bestScore: null, timeTakenMs: null, version: null, lateAnswers: 0 },
      // The unfinished d0 counts as an attempt but not as the first score. 09:30 → 09:38.
      {
        studentId: "s4",
        name: "Dev",
        attempts: 2,
        finishedAttempts: 1,
        firstScore: { marks: 3, total: 4, percent: 75 },
        bestScore: { marks: 3, total: 4, percent: 75 },
        timeTakenMs: 480_000,
        version: 2,
        lateAnswers: 0,
      },
      // Older version 1; 12 min 30.6 s.
      {
        studentId: "s5",
        name: "Eve",
        attempts: 1,
        finishedAttempts: 1,
        firstScore: { marks: 2, total: 4, percent: 50 },
        bestScore: { marks: 2, total: 4, percent: 50 },
        timeTakenMs: 750_600,
        version: 1,
        lateAnswers: 0,
      },
      {
        studentId: "s6",
        name: "Finn",
        attempts: 1,
        finishedAttempts: 1,
        firstScore: { marks: 2, total: 4, percent: 50 },
        bestScore: { marks: 2, total: 4, percent: 50 },
        timeTakenMs: 400_000,
        version: 2,
        lateAnswers: 0,
      },
      {
        studentId: "s7",
        name: "Gia",
        attempts: 1,
        finishedAttempts: 1,
        firstScore: { marks: 3, total: 4, percent: 75 },
        bestScore: { marks: 3, total: 4, percent: 75 },
        timeTakenMs: 200_000,
        version: 2,
        lateAnswers: 0,
      },
    ]);
  });

  it("breaks ties in name by student id and compares best scores as proportions", () => {
    const q: ResultQuestion[] = [{ key: "k", position: 1, prompt: "P", skill: "hedging", options: opts("a", "b"), answer: ["a"] }];
    const sam = (id: string, attemptId: string) => attempt(attemptId, id, "Sam", at(0, 0), at(0, 1), [["k", ["a"], true]]);
    // 2 of 3 (67%) on a longer old version, then 2 of 2: the second is best although the count is the same.
    const longer = { ...attempt("x1", "x", "Xan", at(0, 0), at(0, 1), [["k", ["a"], true]], 1), score: 2, scoredCount: 3 };
    const shorter = { ...attempt("x2", "x", "Xan", at(0, 5), at(0, 6), [["k", ["a"], true]]), score: 2, scoredCount: 2 };
    const { students } = computeClassResults(q, [sam("s9", "p"), shorter, sam("s10", "q"), longer]);
    expect(students.map((s) => [s.name, s.studentId])).toEqual([
      ["Sam", "s10"],
      ["Sam", "s9"],
      ["Xan", "x"],
    ]);
    expect(students[2]).toMatchObject({ firstScore: { marks: 2, total: 3, percent: 67 }, bestScore: { marks: 2, total: 2, percent: 100 }, version: 1 });
  });
});

describe("computeClassResults: questions", () => {
  it("lists questions in position order", () => {
    expect(results.questions.map((q) => [q.key, q.position])).toEqual([
      ["q1", 1],
      ["q2", 2],
      ["q3", 3],
      ["q4", 4],
    ]);
  });

  it("q1: facility 3/6, discrimination 2/2 − 1/2 = 0.5", () => {
    // Correct: s1, s4, s5. Upper s1 ✓ s4 ✓; lower s5 ✓ s6 ✗.
    expect(question("q1")).toEqual({
      key: "q1",
      position: 1,
      prompt: "Who says so?",
      skill: "attribution",
      answered: 6,
      facility: 0.5,
      discrimination: 0.5,
      options: [
        { id: "a", text: "Option a", correct: true, count: 3 },
        { id: "b", text: "Option b", correct: false, count: 2 },
        { id: "c", text: "Option c", correct: false, count: 1 },
        { id: "d", text: "Option d", correct: false, count: 0 },
      ],
    });
  });

  it("q2: facility 5/6, negative discrimination 1/2 − 2/2 = −0.5", () => {
    // Only s4 wrong. Upper s1 ✓ s4 ✗; lower s5 ✓ s6 ✓. (With the s4/s7 tie broken the other way it would be 0.)
    const q2 = question("q2");
    expect([q2.answered, q2.facility, q2.discrimination]).toEqual([6, 5 / 6, -0.5]);
    expect(q2.options.map((o) => [o.id, o.correct, o.count])).toEqual([
      ["a", false, 1],
      ["b", true, 5],
      ["c", false, 0],
    ]);
  });

  it("q3 (multiple select): each chosen option counts once per student", () => {
    // Correct: s1, s4, s7. Upper 2/2; lower s5 ✗ s6 ✗ → 1 − 0 = 1.
    // a: s1 s2 s4 s5 s7 = 5; b: s5 = 1; c: s1 s4 s5 s6 s7 = 5; d: nobody.
    const q3 = question("q3");
    expect([q3.answered, q3.facility, q3.discrimination]).toEqual([6, 0.5, 1]);
    expect(q3.options.map((o) => [o.id, o.correct, o.count])).toEqual([
      ["a", true, 5],
      ["b", false, 1],
      ["c", true, 5],
      ["d", false, 0],
    ]);
  });

  it("q4: a student whose version lacked the question is not counted as answering, but counts as wrong in the lower group", () => {
    // Answered by 5 (not Eve), all correct. Upper 2/2; lower s5 (missing) ✗, s6 ✓ → 1 − 1/2 = 0.5.
    const q4 = question("q4");
    expect([q4.answered, q4.facility, q4.discrimination]).toEqual([5, 1, 0.5]);
    expect(q4.options.map((o) => [o.id, o.correct, o.count])).toEqual([
      ["true", true, 5],
      ["false", false, 0],
    ]);
  });

  it("ignores responses to questions not in the current version", () => {
    expect(results.questions.map((q) => q.key)).not.toContain("old-q");
    expect(results.questions.reduce((sum, q) => sum + q.answered, 0)).toBe(23);
  });

  it("has no discrimination with fewer than two scored students, and no facility with no answers", () => {
    const one = computeClassResults(
      QUESTIONS,
      ATTEMPTS.filter((a) => a.studentId === "s1" || a.studentId === "s3"),
    );
    expect(one.questions.map((q) => [q.answered, q.facility, q.discrimination])).toEqual([
      [1, 1, null],
      [1, 1, null],
      [1, 1, null],
      [1, 1, null],
    ]);
    const none = computeClassResults(QUESTIONS, []);
    expect(none.students).toEqual([]);
    expect(none.questions.map((q) => [q.answered, q.facility, q.discrimination])).toEqual([
      [0, null, null],
      [0, null, null],
      [0, null, null],
      [0, null, null],
    ]);
    expect(none.skills.map((s) => s.average)).toEqual([null, null, null]);
  });

  it("uses groups of one for two scored students", () => {
    // n = 2, k = max(1, round(0.54)) = 1: upper = s1 (q1 ✓), lower = s6 (q1 ✗) → 1.
    const two = computeClassResults(
      QUESTIONS,
      ATTEMPTS.filter((a) => a.studentId === "s1" || a.studentId === "s6"),
    );
    expect(two.questions.map((q) => q.discrimination)).toEqual([1, 0, 1, 0]);
  });
});

describe("computeClassResults: skills", () => {
  it("pools responses per skill, in the order skills first appear", () => {
    // attribution: q1 3/6 + q4 5/5 = 8/11 (not the 0.75 mean of the two); hedging: q2 5/6; numbers: q3 3/6.
    expect(results.skills).toEqual([
      { skill: "attribution", label: "Attribution: who says so", questions: 2, average: 8 / 11 },
      { skill: "hedging", label: "Hedging language", questions: 1, average: 5 / 6 },
      { skill: "numbers", label: "Numbers and who stands behind them", questions: 1, average: 0.5 },
    ]);
  });

  it("labels an unknown skill with its own tag", () => {
    const q: ResultQuestion[] = [{ key: "k", position: 1, prompt: "P", skill: "custom-skill", options: opts("a"), answer: ["a"] }];
    expect(computeClassResults(q, []).skills).toEqual([{ skill: "custom-skill", label: "custom-skill", questions: 1, average: null }]);
  });
});

describe("weakDistractors", () => {
  it("flags wrong options nobody chose once at least five students answered", () => {
    expect(weakDistractors(question("q1")).map((o) => o.id)).toEqual(["d"]);
    expect(weakDistractors(question("q2")).map((o) => o.id)).toEqual(["c"]);
    expect(weakDistractors(question("q3")).map((o) => o.id)).toEqual(["d"]);
    // Exactly five answered.
    expect(weakDistractors(question("q4")).map((o) => o.id)).toEqual(["false"]);
  });

  it("flags nothing with fewer than five answers, and never a correct option", () => {
    const four = computeClassResults(
      QUESTIONS,
      ATTEMPTS.filter((a) => a.studentId !== "s1" && a.studentId !== "s5"),
    );
    const q4 = four.questions.find((q) => q.key === "q4");
    expect(q4?.answered).toBe(4);
    expect(q4 && weakDistractors(q4)).toEqual([]);
    const unchosenCorrect: QuestionResult = {
      ...question("q2"),
      options: [
        { id: "a", text: "A", correct: true, count: 0 },
        { id: "b", text: "B", correct: false, count: 6 },
      ],
    };
    expect(weakDistractors(unchosenCorrect)).toEqual([]);
  });
});

describe("computeClassResults: partial credit", () => {
  // Two weighted questions and an essay: marks, facility, discrimination and skill averages all use
  // responses.score, so half marks count as half, and the essay (score null) counts nowhere.
  const q: ResultQuestion[] = [
    { key: "w", position: 1, prompt: "<p>Tick the <em>hedges</em></p>", markup: "html", skill: "hedging", options: opts("a", "b", "c"), answer: ["a", "b"] },
    { key: "n", position: 2, prompt: "How many?", skill: "numbers", options: [], answer: [] },
    { key: "e", position: 3, prompt: "Why?", skill: "hedging", options: [], answer: [] },
  ];
  const marked = (id: string, w: number, n: number): ResultAttempt => ({
    attemptId: `a-${id}`,
    studentId: id,
    studentName: id,
    setVersion: 1,
    startedAt: at(0, 0),
    finishedAt: at(0, 2),
    score: w + n,
    scoredCount: 2,
    responses: [
      { questionKey: "w", chosen: w === 1 ? ["a", "b"] : ["a"], isCorrect: w === 1, score: w },
      { questionKey: "n", chosen: { text: "3", value: 3 }, isCorrect: n === 1, score: n },
      { questionKey: "e", chosen: { text: "Because." }, isCorrect: false, score: null },
    ],
  });
  const partial = computeClassResults(q, [marked("p1", 1, 1), marked("p2", 0.5, 1), marked("p3", 0.5, 0), marked("p4", 0, 0.5)]);

  it("scores students with their marks, not their count of full marks", () => {
    expect(partial.students.map((s) => [s.name, s.firstScore])).toEqual([
      ["p1", { marks: 2, total: 2, percent: 100 }],
      ["p2", { marks: 1.5, total: 2, percent: 75 }],
      ["p3", { marks: 0.5, total: 2, percent: 25 }],
      ["p4", { marks: 0.5, total: 2, percent: 25 }],
    ]);
  });

  it("gives facility as the average mark and discrimination from the marks of the top and bottom groups", () => {
    // Ranked by marks: p1 (2), p2 (1.5), p3 (0.5), p4 (0.5); k = round(1.08) = 1: upper p1, lower p4.
    expect(partial.questions.map((r) => [r.key, r.facility, r.discrimination])).toEqual([
      ["w", 0.5, 1],
      ["n", 0.625, 0.5],
      ["e", null, null],
    ]);
    // Imported HTML is shown to the teacher as its text.
    expect(partial.questions[0]?.prompt).toBe("Tick the hedges");
    expect(partial.skills).toEqual([
      { skill: "hedging", label: "Hedging language", questions: 2, average: 0.5 },
      { skill: "numbers", label: "Numbers and who stands behind them", questions: 1, average: 0.625 },
    ]);
  });
});
