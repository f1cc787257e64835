import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { QuestionSetInput } from "../../src/content/schema.ts";
import { questionSet } from "../support/content.ts";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet, unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { readerId, signedInTeacher } from "../support/teacher-browser.ts";

describe("a student takes a quiz", () => {
  it("says what Sourcewise is, then lists sets grouped by skill with their length and difficulty", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    expect((await browser.get("/")).status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Sourcewise is practice for reading news reports closely.");
    expect(browser.lastHtml).toContain('<meta name="description" content="Sourcewise: short quizzes');
    const card = browser.lastHtml.slice(browser.lastHtml.indexOf(`<h3><a href="/sets/${slug}"`));
    expect(textOf(card.slice(0, card.indexOf("</li>")))).toMatch(/^Fixture set 3 questions · about 5 minutes · easy to hard/);
    expect(text).toContain("Attribution: who says so");
    // The fixture's first skill is attribution: it is listed under "Who is speaking?", before the checks.
    const html = browser.lastHtml;
    expect(html.indexOf("<h2>Who is speaking?</h2>")).toBeLessThan(html.indexOf(`<h3><a href="/sets/${slug}"`));
    expect(html.indexOf(`<h3><a href="/sets/${slug}"`)).toBeLessThan(html.indexOf("<h2>What is shown, and what is only claimed?</h2>"));
    expect(text).toContain("Who says so? Reading a breaking story"); // the built-in library is loaded
    expect(text).not.toContain("[No headline]");
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
    expect(browser.lastHtml).toContain('<p class="prompt" id="prompt">Who said the bridge would reopen?</p>');
    expect(browser.lastHtml).toMatch(/<fieldset aria-labelledby="prompt" aria-describedby="answer-hint">/);
    expect(browser.lastHtml).toContain('<progress max="3" value="0" aria-label="0 of 3 answered">');
    expect(browser.lastHtml).toContain('type="radio"');
    let answer = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    expect(answer.status).toBe(303);
    await browser.follow(answer);
    let text = textOf(browser.lastHtml);
    expect(text).toContain("✓ Correct");
    expect(text).toMatch(/✓ Correct You chose [AB]\. The answer is [AB]\./);
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
    expect(browser.lastHtml).toContain('False<span class="badge ok">✓ correct answer</span>');
    expect(text).toContain("You chose A. The answer is B.");
    // Question 1 can be opened again from the map of answered questions.
    expect(browser.lastHtml).toContain(`<a href="/attempts/${attemptId}/questions/1" class="correct">`);
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

    // Summary: score, percentage, skills breakdown, the study plan, try again.
    await browser.get(`/attempts/${attemptId}`);
    text = textOf(browser.lastHtml);
    expect(text).toContain("2 of 3 (67%)");
    expect(text).toMatch(/Anonymous and unnamed sources 0 of 1/);
    expect(text).toMatch(/Independent verification versus a claim 1 of 1/);
    expect(text).toContain("Review the one I missed");
    expect(browser.lastHtml).toContain(`action="/sets/${slug}/attempts"`);
    await browser.get(`/attempts/${attemptId}/review`);
    expect(textOf(browser.lastHtml)).toContain("Notice when a source is not named.");

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

  it("shows each passage beside the question, named by its label and paragraph, collapsible and linked to the reader", async () => {
    const passages = [
      { document: "", quote: "The mayor said the bridge would reopen on Monday." },
      { document: "", quote: "Video verified by reporters shows cracks along the east span." },
    ];
    const { slug, docId } = await publishFixtureSet((id) => {
      const base = questionSet(id);
      const [question] = base.questions;
      return {
        ...base,
        questions: [
          { ...question, prompt: "Compare [[DOC#1]] with [[DOC#3]].".replaceAll("DOC", id), passages: passages.map((p) => ({ ...p, document: id })) },
        ],
      } as QuestionSetInput;
    });
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    const html = browser.lastHtml;
    expect(html).toContain('<div class="q wide q-2">');
    expect(html).toContain('<details class="passage" open=""><summary>Fixture report<span class="meta">, paragraph 1</span></summary>');
    expect(html).toContain('<summary>Fixture report<span class="meta">, paragraph 3</span></summary>');
    expect(html).toContain(`href="/documents/${docId}?hl=${encodeURIComponent(passages[0]?.quote ?? "")}#hl">Read all of Fixture report</a>`);
    // The prompt names the documents as students know them, linked to the paragraph.
    expect(html).toContain(`<a href="/documents/${docId}#p-1">Fixture report, paragraph 1</a>`);
    expect(textOf(html)).not.toContain(docId);
    // Prompt, passages, then the options, in reading order.
    expect(html.indexOf('id="prompt"')).toBeLessThan(html.indexOf('class="passages"'));
    expect(html.indexOf('class="passages"')).toBeLessThan(html.indexOf('name="choice"'));

    // Feedback: the verdict first, then the options, then the evidence, one caption per document.
    await browser.follow(await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" }));
    const feedback = browser.lastHtml;
    expect(feedback.indexOf('id="verdict"')).toBeLessThan(feedback.indexOf('class="review-options"'));
    expect(feedback.indexOf('class="review-options"')).toBeLessThan(feedback.indexOf('class="evidence"'));
    expect(feedback.match(/<figcaption>/g)).toHaveLength(1);
    expect(feedback.match(/<blockquote/g)).toHaveLength(2);
    expect(textOf(feedback)).toContain("Fixture report, paragraph 3");
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

  it("names the document by its label and gives its headline, outlet, byline and date as the text does", async () => {
    const browser = new StudentBrowser();
    await browser.get("/documents/000");
    const text = textOf(browser.lastHtml);
    const label = await env.DB.prepare("SELECT label FROM documents WHERE id = '000'").first<string>("label");
    expect(text).toContain(`${label}: no headline`);
    expect(text).toContain("The text has no headline.");
    expect(text).not.toContain("[No headline]");
    expect(text).not.toMatch(/Source document 000/);
    expect(text).toMatch(/Outlet .+ Byline .+ Date .+/);
    // Paragraph numbers link to themselves, so "paragraph 4" has an address: #p-4.
    expect(browser.lastHtml).toContain('<p id="p-4"><a class="pn" href="#p-4"><span class="vh">Paragraph </span>4</a>');
  });

  it("keeps every paragraph of a teacher's uploaded document", async () => {
    const { browser } = await signedInTeacher();
    const id = unique("doc");
    await browser.get("/teach/documents");
    const created = await browser.post("/teach/documents", {
      id,
      title: "Three paragraphs",
      text: "First paragraph.\r\n\r\nSecond paragraph.\nThird paragraph.",
    });
    expect(created.status).toBe(303);
    await browser.get(`/documents/${await readerId(browser, id)}`);
    expect(browser.lastHtml.match(/<p id="p-\d+">/g)).toHaveLength(3);
    expect(textOf(browser.lastHtml)).toContain("The text (3 paragraphs)");
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
