import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";

/** Answers the three-type fixture: question 1 right, 2 and 3 wrong (display order is file order). */
async function finishWithTwoMissed(browser: StudentBrowser, slug: string): Promise<string> {
  const attemptId = await browser.startAttempt(slug);
  for (const [n, choice] of [
    [1, "a"],
    [2, "t"],
    [3, ["a"]],
  ] as const) {
    await browser.get(`/attempts/${attemptId}/questions/${n}`);
    await browser.post(`/attempts/${attemptId}/questions/${n}`, { choice: [...choice] });
  }
  return attemptId;
}

const attemptRow = (id: string) =>
  env.DB.prepare("SELECT question_count, mode, retry_of, set_version_id, score, question_order FROM attempts WHERE id = ?")
    .bind(id)
    .first<{ question_count: number; mode: string; retry_of: string | null; set_version_id: number; score: number; question_order: string }>();

describe("the summary is a study plan", () => {
  it("shows the score, marks per skill, then review, retry and a set for the weakest skill, with no version numbers", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await finishWithTwoMissed(browser, slug);

    const summary = await browser.get(`/attempts/${attemptId}`);
    expect(summary.status).toBe(200);
    const html = browser.lastHtml;
    const text = textOf(html);
    expect(text).toContain("1 of 3 (33%)");
    // Score, then skills, then the plan, then the answers.
    const at = (words: string) => text.indexOf(words);
    expect(at("1 of 3 (33%)")).toBeLessThan(at("By skill"));
    expect(at("By skill")).toBeLessThan(at("Your study plan"));
    expect(at("Your study plan")).toBeLessThan(at("Your answers"));
    expect(html).toContain('<progress max="1" value="0" aria-label="Anonymous and unnamed sources: 0 of 1">');
    expect(text).toMatch(/Anonymous and unnamed sources 0 of 1 Your weakest skill here/);
    expect(html).toContain(`<a class="button" href="/attempts/${attemptId}/review">Review the 2 I missed</a>`);
    expect(html).toContain(`action="/attempts/${attemptId}/retry"`);
    expect(text).toContain("Retry only the 2 I got wrong");
    // The suggested set practises the weakest skill and is not this one.
    expect(text).toContain("Practise next: Anonymous and unnamed sources");
    const suggested = /<a class="button secondary" href="\/sets\/([a-z0-9-]+)">Go to/.exec(html)?.[1];
    expect(suggested).toBeDefined();
    expect(suggested).not.toBe(slug);
    const skills = await env.DB.prepare("SELECT v.skills FROM question_sets s JOIN set_versions v ON v.id = s.current_version_id WHERE s.slug = ?")
      .bind(suggested)
      .first<string>("skills");
    expect(JSON.parse(skills ?? "[]")).toContain("anonymous-sources");
    expect(text).not.toMatch(/\bversion \d|\bv\d+\b/i);
    // Each answer links to its feedback page.
    for (const n of [1, 2, 3]) expect(html).toContain(`href="/attempts/${attemptId}/questions/${n}"`);
  });

  it("reviews only the missed questions, with every option's feedback, the explanation and the evidence", async () => {
    const { slug, docId } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await finishWithTwoMissed(browser, slug);
    expect((await browser.get(`/attempts/${attemptId}/review`)).status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("What you missed (2)");
    expect(text).not.toContain("Who said the bridge would reopen?");
    expect(text).toContain("True or false: the city official is named.");
    expect(text).toContain("✗ Not quite You chose A. The answer is B.");
    expect(text).toContain("No: the official asked not to be named.");
    expect(text).toContain("Right: the official is unnamed.");
    expect(text).toContain("Notice when a source is not named.");
    expect(text).toContain("No: that is the mayor's claim.");
    expect(browser.lastHtml).toContain(`/documents/${docId}?hl=`);
    // One caption per document, however many quotes it has.
    expect(browser.lastHtml.match(/<figcaption>/g)).toHaveLength(2);

    await browser.get(`/attempts/${attemptId}/review?all=1`);
    expect(textOf(browser.lastHtml)).toContain("Who said the bridge would reopen?");
  });

  it("retries only the questions got wrong: a new practice attempt of the same version, scored on its own", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await finishWithTwoMissed(browser, slug);
    await browser.get(`/attempts/${attemptId}`);
    const started = await browser.post(`/attempts/${attemptId}/retry`);
    expect(started.status).toBe(303);
    const retryId = /\/attempts\/([0-9a-f-]{36})\/questions\/1$/.exec(started.headers.get("Location") ?? "")?.[1] ?? "";
    expect(retryId).not.toBe(attemptId);

    const original = await attemptRow(attemptId);
    const retry = await attemptRow(retryId);
    expect(retry).toMatchObject({ question_count: 2, mode: "practice", retry_of: attemptId, set_version_id: original?.set_version_id });
    expect(JSON.parse(retry?.question_order ?? "[]")).toEqual([2, 3]);

    await browser.get(`/attempts/${retryId}/questions/1`);
    expect(textOf(browser.lastHtml)).toContain("Question 1 of 2");
    expect(textOf(browser.lastHtml)).toContain("True or false: the city official is named.");
    await browser.post(`/attempts/${retryId}/questions/1`, { choice: "f" });
    await browser.get(`/attempts/${retryId}/questions/2`);
    await browser.post(`/attempts/${retryId}/questions/2`, { choice: ["a", "c"] });

    await browser.get(`/attempts/${retryId}`);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("2 of 2 (100%)");
    expect(text).toContain("a retry of the questions you missed");
    expect(text).toContain("Every question right");
    expect(text).not.toContain("Retry only");
    expect((await attemptRow(attemptId))?.score).toBe(1);

    // Nothing left to retry, and nobody else can retry this student's attempt.
    expect((await browser.post(`/attempts/${retryId}/retry`)).status).toBe(409);
    const stranger = new StudentBrowser();
    await stranger.get(`/sets/${slug}`);
    expect((await stranger.post(`/attempts/${attemptId}/retry`)).status).toBe(404);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE retry_of = ?").bind(attemptId).first("n")).toBe(1);
  });

  it("offers no retry of a check, and no retry before the attempt is finished", async () => {
    const { slug } = await publishFixtureSet((id) => ({ ...threeTypeSet(id), mode: "check" }));
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const order = JSON.parse((await attemptRow(attemptId))?.question_order ?? "[]") as number[];
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(browser.lastHtml).not.toContain('class="qmap"');
    expect((await browser.post(`/attempts/${attemptId}/retry`)).status).toBe(409);

    const wrong: Record<number, string | string[]> = { 1: "b", 2: "t", 3: ["b"] };
    for (const [index, position] of order.entries()) {
      await browser.get(`/attempts/${attemptId}/questions/${index + 1}`);
      // A running check shows no map of earlier answers.
      expect(browser.lastHtml).not.toContain('class="qmap"');
      await browser.post(`/attempts/${attemptId}/questions/${index + 1}`, { choice: wrong[position] ?? "" });
    }
    await browser.get(`/attempts/${attemptId}`);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Your check results");
    expect(text).toContain("Review the 3 I missed");
    expect(browser.lastHtml).not.toContain("/retry");
    expect((await browser.post(`/attempts/${attemptId}/retry`)).status).toBe(409);
    // Once the check is over, its feedback pages and their map are open.
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(browser.lastHtml).toContain('class="qmap"');
  });
});

describe("progress and pacing", () => {
  it("shows where the student is, and lets them go back to any answered question in practice", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    await browser.get(`/attempts/${attemptId}/questions/2`);
    const html = browser.lastHtml;
    expect(textOf(html)).toContain("Question 2 of 3");
    expect(html).toContain('<progress max="3" value="1" aria-label="1 of 3 answered">');
    expect(html).toContain(
      `<a href="/attempts/${attemptId}/questions/1" class="correct"><span class="vh">Question </span>1<span class="vh">: correct</span></a>`,
    );
    expect(html).toContain(`<a href="/attempts/${attemptId}/questions/2" aria-current="step" class="open">`);
    // Question 3 is not open yet: listed, not linked.
    expect(html).toContain('<span><span class="vh">Question </span>3<span class="vh">: not answered yet</span></span>');

    // Going back shows question 1's feedback again, with a way on to question 2.
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(textOf(browser.lastHtml)).toContain("✓ Correct");
    expect(browser.lastHtml).toContain(`<a class="button" href="/attempts/${attemptId}/questions/2">Next question</a>`);
  });
});
