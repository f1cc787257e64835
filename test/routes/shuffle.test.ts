import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { QuestionSetInput } from "../../src/content/schema.ts";
import { FIXTURE_BODY } from "../support/content.ts";
import { publishFixtureSet } from "../support/fixtures.ts";
import { StudentBrowser } from "../support/student.ts";

const QUESTIONS = 6;
const OPTIONS = ["a", "b", "c", "d", "e"];

/** Six five-option questions (key "c"), one kept in file order and one true/false. */
function shuffledSet(docId: string): QuestionSetInput {
  return {
    title: "Shuffle set",
    summary: "Option order per attempt.",
    skills: ["attribution"],
    documents: [docId],
    questions: [
      ...Array.from({ length: QUESTIONS }, (_, n) => ({
        id: `q${n + 1}`,
        type: "single" as const,
        skill: "attribution" as const,
        difficulty: "easy" as const,
        prompt: `Question ${n + 1}?`,
        options: OPTIONS.map((id) => ({ id, text: `Option ${id.toUpperCase()} of ${n + 1}`, feedback: `Feedback ${id}` })),
        answer: "c",
        explanation: "Read the text.",
        sources: [{ document: docId, quote: "The mayor said the bridge would reopen on Monday." }],
      })),
      {
        id: "in-order",
        type: "single" as const,
        skill: "attribution" as const,
        difficulty: "easy" as const,
        prompt: "A time sequence: what came first?",
        options: OPTIONS.map((id) => ({ id, text: `Step ${id}`, feedback: `Feedback ${id}` })),
        answer: "a",
        shuffle: false,
        explanation: "Order matters here.",
        sources: [{ document: docId, quote: "The mayor said the bridge would reopen on Monday." }],
      },
      {
        id: "tf",
        type: "true_false" as const,
        skill: "attribution" as const,
        difficulty: "easy" as const,
        prompt: "The official is named.",
        options: [
          { id: "f", text: "False", feedback: "Right." },
          { id: "t", text: "True", feedback: "No." },
        ],
        answer: "f",
        explanation: "Read the text.",
        sources: [{ document: docId, quote: "according to a city official who asked not to be named" }],
      },
    ],
  };
}

/** The option ids in the order a page shows them (question form inputs or the feedback list). */
function shownOrder(html: string): string[] {
  const inputs = [...html.matchAll(/name="choice" value="([a-z0-9]+)"/g)].map((m) => m[1] as string);
  if (inputs.length > 0) return inputs;
  return [...html.matchAll(/Option ([A-E]) of \d/g)].map((m) => (m[1] as string).toLowerCase());
}

async function ordersOf(browser: StudentBrowser, attemptId: string): Promise<string[][]> {
  const orders: string[][] = [];
  for (let n = 1; n <= QUESTIONS; n++) {
    await browser.get(`/attempts/${attemptId}/questions/${n}`);
    orders.push(shownOrder(browser.lastHtml));
  }
  return orders;
}

describe("options are shuffled per attempt", () => {
  it("gives two students different option orders for most questions, labelled A, B, C… in display order", async () => {
    const { slug } = await publishFixtureSet(shuffledSet, FIXTURE_BODY);
    const first = new StudentBrowser();
    const second = new StudentBrowser();
    const orders = [await ordersOf(first, await first.startAttempt(slug)), await ordersOf(second, await second.startAttempt(slug))];
    for (const order of orders.flat()) expect([...order].sort()).toEqual(OPTIONS);
    const differing = orders[0]?.filter((order, n) => order.join() !== orders[1]?.[n]?.join()).length ?? 0;
    expect(differing).toBeGreaterThan(QUESTIONS / 2);
    // Labels follow the displayed order, whatever the option ids.
    expect(first.lastHtml).toMatch(/<span class="letter" aria-hidden="true">A<\/span>Option [A-E] of 6/);
  });

  it("keeps one student's order across reloads, the feedback page and the summary, and grades by option id", async () => {
    const { slug } = await publishFixtureSet(shuffledSet, FIXTURE_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const before = await ordersOf(browser, attemptId);
    expect(await ordersOf(browser, attemptId)).toEqual(before);

    for (let n = 1; n <= QUESTIONS; n++) {
      // The key "c" is right wherever it is displayed.
      await browser.get(`/attempts/${attemptId}/questions/${n}`);
      await browser.follow(await browser.post(`/attempts/${attemptId}/questions/${n}`, { choice: "c" }));
      expect(browser.lastHtml).toContain("✓ Correct");
      expect(shownOrder(browser.lastHtml)).toEqual(before[n - 1]);
    }
    for (const [n, choice] of [
      [QUESTIONS + 1, "a"],
      [QUESTIONS + 2, "f"],
    ] as const) {
      await browser.get(`/attempts/${attemptId}/questions/${n}`);
      await browser.post(`/attempts/${attemptId}/questions/${n}`, { choice });
    }
    // The review of every answer (from the summary) shows each question in the student's order.
    await browser.get(`/attempts/${attemptId}/review?all=1`);
    const review = browser.lastHtml;
    for (let n = 1; n <= QUESTIONS; n++) {
      const item = review.slice(review.indexOf(`<li id="q-${n}">`), review.indexOf(`<li id="q-${n + 1}">`));
      expect(shownOrder(item)).toEqual(before[n - 1]);
    }
    expect(await env.DB.prepare("SELECT correct_count FROM attempts WHERE id = ?").bind(attemptId).first("correct_count")).toBe(QUESTIONS + 2);
    // Responses are stored by option id, so statistics add up across students.
    const stored = await env.DB.prepare("SELECT DISTINCT chosen FROM responses WHERE attempt_id = ? AND chosen = '[\"c\"]'").bind(attemptId).all();
    expect(stored.results).toHaveLength(1);
  });

  it("keeps file order where a question opts out, and always shows True first", async () => {
    const { slug } = await publishFixtureSet(shuffledSet, FIXTURE_BODY);
    for (let student = 0; student < 3; student++) {
      const browser = new StudentBrowser();
      const attemptId = await browser.startAttempt(slug);
      await browser.get(`/attempts/${attemptId}/questions/${QUESTIONS + 1}`);
      expect(shownOrder(browser.lastHtml)).toEqual(OPTIONS);
      await browser.get(`/attempts/${attemptId}/questions/${QUESTIONS + 2}`);
      expect(shownOrder(browser.lastHtml)).toEqual(["t", "f"]);
    }
  });

  it("stores the order with the attempt in D1", async () => {
    const { slug } = await publishFixtureSet(shuffledSet, FIXTURE_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const row = await env.DB.prepare("SELECT question_order, option_orders FROM attempts WHERE id = ?").bind(attemptId).first<Record<string, string>>();
    expect(JSON.parse(row?.question_order ?? "null")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const orders = JSON.parse(row?.option_orders ?? "{}") as Record<string, string[]>;
    expect(Object.keys(orders).sort()).toEqual(["in-order", "q1", "q2", "q3", "q4", "q5", "q6", "tf"]);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(shownOrder(browser.lastHtml)).toEqual(orders.q1);
  });
});
