import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";

describe("a student takes a quiz", () => {
  it("lists published sets with their skills, size and documents on the home page", async () => {
    const { slug, docId } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    expect((await browser.get("/")).status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(browser.lastHtml).toContain(`href="/sets/${slug}"`);
    expect(text).toContain("3 questions");
    expect(text).toContain("Attribution: who says so");
    expect(text).toContain("Fixture report");
    expect(browser.lastHtml).toContain(`href="/documents/${docId}"`);
    expect(text).toContain("Who says so? Reading a breaking story"); // the built-in library is loaded
  });

  it("shows what a set practises and which sources it uses, with a Start form", async () => {
    const { slug, docId } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    await browser.get(`/sets/${slug}`);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("What you will practise");
    expect(text).toContain("Anonymous and unnamed sources");
    expect(browser.lastHtml).toContain(`href="/documents/${docId}"`);
    expect(browser.lastHtml).toMatch(new RegExp(`<form method="post" action="/sets/${slug}/attempts"`));
  });

  it("goes from start to score, with feedback, explanation and linked sources after every answer", async () => {
    const { slug, docId } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);

    // Question 1: single choice, answered right.
    await browser.get(`/attempts/${attemptId}/questions/1`);
    expect(textOf(browser.lastHtml)).toContain("Question 1 of 3");
    expect(browser.lastHtml).toMatch(/<fieldset[^>]*><legend>Who said the bridge would reopen\?<\/legend>/);
    expect(browser.lastHtml).toContain('type="radio"');
    let answer = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    expect(answer.status).toBe(303);
    await browser.follow(answer);
    let text = textOf(browser.lastHtml);
    expect(text).toContain("✓ Correct");
    expect(text).toContain("Right: the text attributes it to the mayor.");
    expect(text).toContain("Find who makes a claim before weighing it.");
    expect(browser.lastHtml).toContain(`href="/documents/${docId}?hl=${encodeURIComponent("The mayor said the bridge would reopen on Monday.")}#hl"`);
    expect(browser.lastHtml).toContain(`href="/attempts/${attemptId}/questions/2"`);

    // Question 2: true/false, answered wrong: the verdict, then every option with the student's
    // answer, the key and each option's feedback (the missed key's included).
    await browser.get(`/attempts/${attemptId}/questions/2`);
    expect(browser.lastHtml.indexOf(">True<")).toBeLessThan(browser.lastHtml.indexOf(">False<"));
    answer = await browser.post(`/attempts/${attemptId}/questions/2`, { choice: "t" });
    await browser.follow(answer);
    text = textOf(browser.lastHtml);
    expect(text).toContain("✗ Not quite");
    expect(browser.lastHtml).toContain('True<span class="badge you">your answer</span>');
    expect(browser.lastHtml).toContain('False<span class="badge ok">correct answer</span>');
    expect(text).toContain("No: the official asked not to be named.");
    expect(text).toContain("Right: the official is unnamed.");
    expect(browser.lastHtml.indexOf('id="verdict"')).toBeLessThan(browser.lastHtml.indexOf("Right: the official is unnamed."));

    // Question 3: multiple select, all-or-nothing.
    await browser.get(`/attempts/${attemptId}/questions/3`);
    expect(browser.lastHtml).toContain('type="checkbox"');
    answer = await browser.post(`/attempts/${attemptId}/questions/3`, { choice: ["c", "a"] });
    await browser.follow(answer);
    expect(textOf(browser.lastHtml)).toContain("✓ Correct");
    expect(browser.lastHtml).toContain(`href="/attempts/${attemptId}"`);

    // Summary: score, percentage, skills breakdown, review with explanations, try again.
    await browser.get(`/attempts/${attemptId}`);
    text = textOf(browser.lastHtml);
    expect(text).toContain("2 of 3 (67%)");
    expect(text).toMatch(/Anonymous and unnamed sources 0 of 1/);
    expect(text).toMatch(/Independent verification versus a claim 1 of 1/);
    expect(text).toContain("Notice when a source is not named.");
    expect(browser.lastHtml).toContain(`action="/sets/${slug}/attempts"`);

    // Stored in D1: the attempt is finished with its score and three responses.
    const attempt = await env.DB.prepare("SELECT correct_count, answered_count, finished_at FROM attempts WHERE id = ?").bind(attemptId).first();
    expect(attempt).toMatchObject({ correct_count: 2, answered_count: 3 });
    expect(attempt?.finished_at).toEqual(expect.any(Number));
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(3);

    // The device lists the attempt; "try again" starts a fresh one.
    await browser.get("/me");
    expect(textOf(browser.lastHtml)).toContain("2 of 3 (67%)");
    await browser.get(`/attempts/${attemptId}`);
    const again = await browser.post(`/sets/${slug}/attempts`);
    expect(again.headers.get("Location")).not.toContain(attemptId);
  });

  it("sends a student with unanswered questions back to the first one instead of the summary", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    const summary = await browser.get(`/attempts/${attemptId}`);
    expect(summary.status).toBe(303);
    expect(summary.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/2`);
  });

  it("keeps an optional display name for the device", async () => {
    const browser = new StudentBrowser();
    await browser.get("/me");
    const saved = await browser.post("/me", { displayName: "  Grace  " });
    expect(saved.status).toBe(303);
    await browser.follow(saved);
    expect(browser.lastHtml).toContain('value="Grace"');
  });
});

describe("the document reader", () => {
  it("shows metadata, provenance notes and numbered paragraphs, highlighting the linked passage", async () => {
    const browser = new StudentBrowser();
    const quote = "Some information for this story came from The Associated Press.";
    const response = await browser.get(`/documents/002?hl=${encodeURIComponent(quote)}`);
    expect(response.status).toBe(200);
    expect(browser.lastHtml).toContain(`<mark id="hl">${quote}</mark>`);
    expect(browser.lastHtml).toMatch(/<p id="p-1">/);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Outlet not named in the text");
    expect(text).toContain("Provenance notes");
  });

  it("highlights a passage whose whitespace and quote marks differ from the document", async () => {
    const browser = new StudentBrowser();
    await browser.get(`/documents/000?hl=${encodeURIComponent('Putin on Thursday called the attack "terrorism".')}`);
    expect(browser.lastHtml).toContain('<mark id="hl">Putin on Thursday called the attack “terrorism”.</mark>');
  });

  it("says so when the linked passage is not in the document", async () => {
    const browser = new StudentBrowser();
    await browser.get(`/documents/001?hl=${encodeURIComponent("words that are not there")}`);
    expect(textOf(browser.lastHtml)).toContain("The passage you followed is not in this document");
    expect(browser.lastHtml).not.toContain("<mark");
  });
});
