import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { QuestionSetInput } from "../../src/content/schema.ts";
import { FIXTURE_BODY } from "../support/content.ts";
import { publishFixtureSet } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";

const common = { skill: "evidence", difficulty: "medium" } as const;

/** One question of every type students can meet, in file order. */
function everyType(docId: string, extra: Partial<QuestionSetInput> = {}): QuestionSetInput {
  const source = [{ document: docId, quote: "Video verified by reporters shows cracks along the east span." }];
  return {
    title: "Every type",
    summary: "One question of each type.",
    skills: ["evidence"],
    documents: [docId],
    sources: "none",
    ...extra,
    questions: [
      {
        id: "intro",
        type: "description",
        ...common,
        prompt: "Read [[DOC]] before you start.".replace("DOC", docId),
      },
      {
        id: "which-sentence",
        type: "evidence",
        ...common,
        prompt: "Select the sentence that says who checked the video.",
        passages: [{ document: docId, quote: FIXTURE_BODY }],
        options: FIXTURE_BODY.split("\n").map((text, n) => ({ id: `s${n + 1}`, text, feedback: `Sentence ${n + 1}.` })),
        answer: ["s3"],
        explanation: "Look for the verb that says who checked.",
        sources: source,
      },
      {
        id: "claim",
        type: "claim",
        ...common,
        claim: "Reporters verified a video of the east span.",
        prompt: "What does the text do with this claim?",
        options: [
          { id: "v", text: "Reports it as checked by reporters", feedback: "Right.", supports: true },
          { id: "c", text: "Passes it on from someone else", feedback: "No.", supports: false },
          { id: "n", text: "Does not mention it", feedback: "No.", supports: false },
        ],
        answer: "v",
        explanation: "The text says reporters verified it.",
      },
      {
        id: "who",
        type: "short_answer",
        ...common,
        prompt: "Who said the bridge would reopen?",
        answers: [{ text: "the mayor", feedback: "Yes, the mayor." }, { text: "mayor" }],
      },
      {
        id: "when",
        type: "numerical",
        ...common,
        prompt: "How many days until Monday, if today is Saturday?",
        answers: [{ value: 2 }, { min: 1, max: 3, weight: 50 }],
      },
      {
        id: "match",
        type: "matching",
        ...common,
        prompt: "Match each claim to who makes it.",
        pairs: [
          { id: "a", prompt: "The bridge reopens Monday", answer: "The mayor" },
          { id: "b", prompt: "No inspection yet", answer: "A city official" },
        ],
        distractors: ["Engineers"],
      },
      { id: "essay", type: "essay", ...common, prompt: "In your own words, what would you check next?" },
    ],
  };
}

async function answer(browser: StudentBrowser, attemptId: string, n: number, fields: Record<string, string | string[]>) {
  await browser.get(`/attempts/${attemptId}/questions/${n}`);
  const before = browser.lastHtml;
  const response = await browser.post(`/attempts/${attemptId}/questions/${n}`, fields);
  expect(response.status, `question ${n}`).toBe(303);
  await browser.follow(response);
  return before;
}

function choiceId(html: string, text: string): string {
  const match = new RegExp(`<option value="(c\\d+)">${text}</option>`).exec(html);
  if (!match) throw new Error(`no choice ${text}`);
  return match[1] as string;
}

describe("every question type, end to end", () => {
  it("shows each type's controls, grades on the server with partial credit and leaves essays unscored", async () => {
    const { slug, docId } = await publishFixtureSet((id) => everyType(id));
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);

    // A description is a page to read, then continue: no feedback page.
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(textOf(browser.lastHtml)).toContain("Read Fixture report before you start.");
    expect(textOf(browser.lastHtml)).not.toContain(docId);
    const next = await browser.post(`/attempts/${attemptId}/questions/1`, { seen: "1" });
    expect(next.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/2`);

    // Evidence: the passage's sentences are checkboxes, in reading order.
    const evidencePage = await answer(browser, attemptId, 2, { choice: "s3" });
    expect([...evidencePage.matchAll(/value="(s\d)"/g)].map((m) => m[1])).toEqual(["s1", "s2", "s3"]);
    expect(evidencePage).toContain('type="checkbox"');
    // The sentences are the passage: named by its document's label, each a label to tap.
    expect(evidencePage).toContain('<fieldset aria-labelledby="prompt" aria-describedby="answer-hint" class="sentences">');
    expect(textOf(evidencePage)).toContain("From Fixture report");
    expect(evidencePage).toContain('<label for="choice-s3">Video verified by reporters shows cracks along the east span.</label>');
    expect(textOf(browser.lastHtml)).toContain("✓ Correct");

    const claimPage = await answer(browser, attemptId, 3, { choice: "c" });
    expect(textOf(claimPage)).toContain("Claim: Reporters verified a video of the east span.");
    expect(textOf(browser.lastHtml)).toContain("✗ Not quite");

    await answer(browser, attemptId, 4, { text: "  The MAYOR " });
    expect(textOf(browser.lastHtml)).toContain("✓ Correct");
    expect(textOf(browser.lastHtml)).toContain("Accepted the mayor; mayor");
    expect(textOf(browser.lastHtml)).toContain("Yes, the mayor.");

    await answer(browser, attemptId, 5, { number: "3" });
    expect(textOf(browser.lastHtml)).toContain("Partly right (50% of the marks)");

    const matchPage = await answer(browser, attemptId, 6, { "match-a": "c1", "match-b": "c3" });
    expect(matchPage).toContain('<select id="match-a" name="match-a" required="">');
    expect(choiceId(matchPage, "The mayor")).toBe("c1");
    expect(choiceId(matchPage, "Engineers")).toBe("c3");
    expect(textOf(browser.lastHtml)).toContain("Partly right (50% of the marks)");

    await answer(browser, attemptId, 7, { text: "I would look for the inspection report." });
    expect(textOf(browser.lastHtml)).toContain("Saved");
    expect(textOf(browser.lastHtml)).toContain("I would look for the inspection report.");

    // 1 + 0 + 1 + 0.5 + 0.5 out of the five scored questions.
    await browser.get(`/attempts/${attemptId}`);
    expect(textOf(browser.lastHtml)).toContain("3 of 5 (60%)");
    const attempt = await env.DB.prepare("SELECT score, scored_count, question_count, correct_count, finished_at FROM attempts WHERE id = ?")
      .bind(attemptId)
      .first<Record<string, number | null>>();
    expect(attempt).toMatchObject({ score: 3, scored_count: 5, question_count: 7, correct_count: 2 });
    expect(attempt?.finished_at).not.toBeNull();
    const essay = await env.DB.prepare(
      "SELECT r.score, r.chosen FROM responses r JOIN questions q ON q.id = r.question_id WHERE r.attempt_id = ? AND q.key = 'essay'",
    )
      .bind(attemptId)
      .first<Record<string, unknown>>();
    expect(essay).toEqual({ score: null, chosen: JSON.stringify({ text: "I would look for the inspection report." }) });
  });

  it("asks again, writing nothing, when a typed answer is empty or a match is missing", async () => {
    const { slug } = await publishFixtureSet((id) => everyType(id));
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    for (const [n, fields] of [
      [4, { text: "   " }],
      [5, { number: "" }],
      [6, { "match-a": "c1" }],
    ] as const) {
      await browser.get(`/attempts/${attemptId}/questions/${n}`);
      const response = await browser.post(`/attempts/${attemptId}/questions/${n}`, fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('role="alert"');
    }
    expect(await env.DB.prepare("SELECT count(*) AS n FROM responses WHERE attempt_id = ?").bind(attemptId).first("n")).toBe(0);
  });
});

describe("confidence", () => {
  it("asks how sure the student is, stores it, and refuses a value outside the three levels", async () => {
    const { slug } = await publishFixtureSet((id) => everyType(id, { confidence: true }));
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/3`);
    expect(textOf(browser.lastHtml)).toContain("How sure are you? Guessing Fairly sure Certain");
    const bad = await browser.post(`/attempts/${attemptId}/questions/3`, { choice: "v", confidence: "5" });
    expect(bad.status).toBe(400);
    const missing = await browser.post(`/attempts/${attemptId}/questions/3`, { choice: "v" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Say how sure you are");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM responses WHERE attempt_id = ?").bind(attemptId).first("n")).toBe(0);
    await browser.post(`/attempts/${attemptId}/questions/3`, { choice: "v", confidence: "3" });
    expect(await env.DB.prepare("SELECT confidence FROM responses WHERE attempt_id = ?").bind(attemptId).first("confidence")).toBe(3);
  });
});

describe("check mode", () => {
  it("shows no verdict, feedback or source until the end, keeps to order and refuses the summary early", async () => {
    const { slug } = await publishFixtureSet((id) => everyType(id, { mode: "check" }));
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const order = JSON.parse(
      String(await env.DB.prepare("SELECT question_order FROM attempts WHERE id = ?").bind(attemptId).first("question_order")),
    ) as number[];
    expect([...order].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Skipping ahead and the early summary are refused, and write nothing.
    expect((await browser.get(`/attempts/${attemptId}/questions/3`)).status).toBe(409);
    expect((await browser.get(`/attempts/${attemptId}`)).status).toBe(409);
    expect(textOf(browser.lastHtml)).toContain("Finish the check first");

    await browser.get(`/attempts/${attemptId}/questions/1`);
    const page = browser.lastHtml;
    const fields: Record<string, string> = page.includes('name="seen"')
      ? { seen: "1" }
      : page.includes('name="number"')
        ? { number: "2" }
        : page.includes('name="text"')
          ? { text: "mayor" }
          : page.includes("match-a")
            ? { "match-a": "c1", "match-b": "c2" }
            : { choice: /name="choice" value="([a-z0-9]+)"/.exec(page)?.[1] ?? "" };
    const answered = await browser.post(`/attempts/${attemptId}/questions/1`, fields);
    expect(answered.status).toBe(303);
    await browser.follow(answered);
    const text = textOf(browser.lastHtml);
    expect(text).not.toMatch(/Correct|Not quite|Partly right|Explanation|Sources|Right\.|Accepted/);
    // Answering twice changes nothing.
    const again = await browser.post(`/attempts/${attemptId}/questions/1`, fields);
    expect(again.headers.get("Location")).toContain("already=1");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM responses WHERE attempt_id = ?").bind(attemptId).first("n")).toBe(1);
  });
});
