import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { QuestionSetInput } from "../../src/content/schema.ts";
import { count } from "../support/d1.ts";
import { publishFixtureSet } from "../support/fixtures.ts";
import { StudentBrowser } from "../support/student.ts";

const CANARY_BODY = "Passage shown before answering.\nCANARY-SOURCE-7f3a appears only in a source quote.";

/** A set whose feedback, explanations and sources carry canary strings. */
function canarySet(docId: string, answer: "a" | "b" = "a", shuffle = true): QuestionSetInput {
  return {
    title: "Canary set",
    summary: "Seeded for the leak test.",
    skills: ["evidence"],
    documents: [docId],
    questions: [1, 2].map((n) => ({
      id: `q${n}`,
      type: "single" as const,
      skill: "evidence" as const,
      difficulty: "easy" as const,
      prompt: `Question ${n} prompt`,
      passages: [{ document: docId, quote: "Passage shown before answering." }],
      options: [
        { id: "a", text: "Option A", feedback: `CANARY-FEEDBACK-A-${n}` },
        { id: "b", text: "Option B", feedback: `CANARY-FEEDBACK-B-${n}` },
      ],
      answer,
      shuffle,
      explanation: `CANARY-EXPLANATION-${n}`,
      sources: [{ document: docId, quote: "CANARY-SOURCE-7f3a appears only in a source quote." }],
    })),
  };
}

const CANARY = /CANARY-(FEEDBACK|EXPLANATION|SOURCE)/;

/** Every student page reachable before any answer, with headers, plus rejected answers and assets. */
async function crawlBeforeAnswering(browser: StudentBrowser, slug: string, attemptId: string): Promise<string[]> {
  const pages: string[] = [];
  const visit = async (path: string) => {
    const response = await browser.get(path);
    pages.push(`${path}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${browser.lastHtml}`);
  };
  await visit("/");
  await visit(`/sets/${slug}`);
  await visit(`/attempts/${attemptId}/questions/1`);
  await visit(`/attempts/${attemptId}/questions/2`);
  await visit(`/attempts/${attemptId}`);
  await visit(`/attempts/${attemptId}/questions/3`);
  await visit("/me");
  const html = browser.lastHtml;
  for (const asset of html.match(/\/assets\/[^"]+/g) ?? []) await visit(asset);
  // Rejected answers must not leak either.
  await browser.get(`/attempts/${attemptId}/questions/1`);
  const rejected: Record<string, string | string[]>[] = [{}, { choice: "zz" }, { choice: ["a", "b"] }, { choice: "a", correct: "1" }];
  for (const fields of rejected) {
    const response = await browser.post(`/attempts/${attemptId}/questions/1`, fields);
    pages.push(`POST ${JSON.stringify(fields)}\n${await response.text()}`);
  }
  return pages;
}

describe("nothing about the answer reaches the client before answering", () => {
  it("finds no canary from feedback, explanations or sources on any page before answering", async () => {
    const { slug, docId } = await publishFixtureSet((id) => canarySet(id), CANARY_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const pages = await crawlBeforeAnswering(browser, slug, attemptId);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page).not.toMatch(CANARY);
    expect(pages.join("\n")).not.toContain(encodeURIComponent("CANARY-SOURCE"));

    // The reader shows the whole document (so the sentence a source quotes is there), but
    // only the passage linked from the question is highlighted, and no feedback appears.
    await browser.get(`/documents/${docId}?hl=${encodeURIComponent("Passage shown before answering.")}`);
    expect(browser.lastHtml).not.toMatch(/CANARY-(FEEDBACK|EXPLANATION)/);
    expect(browser.lastHtml).toContain('<mark id="hl">Passage shown before answering.</mark>');
    expect(browser.lastHtml).not.toMatch(/<mark[^>]*>CANARY/);

    // The canaries are really there: they appear as soon as the question is answered.
    await browser.get(`/attempts/${attemptId}/questions/1`);
    await browser.follow(await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "b" }));
    expect(browser.lastHtml).toContain("CANARY-FEEDBACK-B-1");
    expect(browser.lastHtml).toContain("CANARY-EXPLANATION-1");
    expect(browser.lastHtml).toContain("CANARY-SOURCE-7f3a");
    // Feedback covers every option, the key the student missed included.
    expect(browser.lastHtml).toContain("CANARY-FEEDBACK-A-1");
    // ...and only for that question.
    await browser.get(`/attempts/${attemptId}/questions/2`);
    expect(browser.lastHtml).not.toMatch(CANARY);
  });

  it("renders the same question page whichever option is correct", async () => {
    const pageFor = async (answer: "a" | "b") => {
      // File order here, so the two pages can be compared byte for byte.
      const { slug, docId } = await publishFixtureSet((id) => canarySet(id, answer, false), CANARY_BODY);
      const browser = new StudentBrowser();
      const attemptId = await browser.startAttempt(slug);
      await browser.get(`/attempts/${attemptId}/questions/1`);
      return browser.lastHtml
        .replaceAll(attemptId, "ATTEMPT")
        .replaceAll(docId, "DOC")
        .replace(/Test document [^<]+/g, "TITLE")
        .replace(/name="question" value="\d+"/, 'name="question" value="ROW"')
        .replace(/value="[^"]{40,}"/, 'value="TOKEN"');
    };
    expect(await pageFor("a")).toBe(await pageFor("b"));
  });

  it("ignores a client's attempt to set the score: extra fields are rejected and nothing is written", async () => {
    const { slug } = await publishFixtureSet((id) => canarySet(id), CANARY_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    const response = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "b", isCorrect: "1", score: "2" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("unexpected field");
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(0);
  });
});

describe("each question is answered once", () => {
  it("counts a double submit once and shows the answer already recorded", async () => {
    const { slug } = await publishFixtureSet((id) => canarySet(id), CANARY_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    const path = `/attempts/${attemptId}/questions/1`;
    const [first, second] = await Promise.all([browser.post(path, { choice: "a" }), browser.post(path, { choice: "b" })]);
    expect([first.status, second.status]).toEqual([303, 303]);

    const stored = await env.DB.prepare("SELECT chosen, is_correct FROM responses WHERE attempt_id = ?").bind(attemptId).all();
    expect(stored.results).toHaveLength(1);
    const attempt = await env.DB.prepare("SELECT answered_count, correct_count FROM attempts WHERE id = ?").bind(attemptId).first();
    expect(attempt?.answered_count).toBe(1);

    // A later replay with the other option changes nothing and says the first answer stands.
    const firstChoice = JSON.parse(String(stored.results[0]?.chosen))[0] as string;
    const replay = await browser.post(path, { choice: firstChoice === "a" ? "b" : "a" });
    expect(replay.headers.get("Location")).toBe(`${path}?already=1`);
    await browser.follow(replay);
    expect(browser.lastHtml).toContain("your first answer stands");
    expect(browser.lastHtml).toMatch(new RegExp(`Option ${firstChoice.toUpperCase()}<span class="badge you">your answer</span>`));
    const after = await env.DB.prepare("SELECT chosen FROM responses WHERE attempt_id = ?").bind(attemptId).all();
    expect(after.results).toEqual(stored.results.map(({ chosen }) => ({ chosen })));
    expect(await env.DB.prepare("SELECT answered_count, correct_count FROM attempts WHERE id = ?").bind(attemptId).first()).toEqual(attempt);
  });
});
