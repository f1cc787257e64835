import { describe, expect, it } from "vitest";
import { storedSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";
import { apiRequest, createTeacherWithToken } from "../support/teachers.ts";

/*
 * Moodle files through the real routes: hostile GIFT and Moodle XML uploaded, previewed,
 * published and played as a student, with every page checked for markup that must never reach
 * it; the import report; format detection; downloads back to Moodle.
 */

const HOSTILE_GIFT = [
  "// Hostile and ordinary questions, as a teacher might paste them", // 1
  "$CATEGORY: $course$/top/Hostile imports", // 2
  "", // 3
  // Moodle's exporter escapes = and : as \= and \: (an unescaped = would start another answer).
  '::html-choice::[html]<p onclick\\="steal()">Which word <span style\\="color\\:red">hedges</span>?<script>alert(\'s1\')</script></p>{', // 4
  '=[html]<b onmouseover\\="steal()">may</b>#[html]<a href\\="javascript\\:alert(2)">Right</a>&nbsp;it hedges.', // 5
  '~%50%[html]<img src\\="@@PLUGINFILE@@/x.png" onerror\\="steal()">reportedly#Half marks.', // 6
  "~will", // 7
  "}", // 8
  "", // 9
  "::plain-tf:: Is <b>this</b> bold? {T#No.#Yes\\: GIFT's default format allows HTML.}", // 10
  "", // 11
  "::short:: Who said it? {=the mayor =%50%mayor*#Close.}", // 12
  "", // 13
  "::md:: [markdown]Why is **this** bold? <script>alert(3)</script> {####[markdown]Because *Markdown*.}", // 14
  "", // 15
  "::broken:: Unclosed {=a ~b", // 16
].join("\n");

const HOSTILE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>xml-choice</text></name>
    <questiontext format="html"><text><![CDATA[<p style="x" onload="steal()">Which are hedged?<iframe src="https://evil.example"></iframe></p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Because <a href="javascript:alert(4)">reasons</a>.</p><p>Two paragraphs.</p>]]></text></generalfeedback>
    <single>false</single>
    <answer fraction="50"><text>may</text><feedback><text><![CDATA[<script>alert(5)</script>Yes]]></text></feedback></answer>
    <answer fraction="50"><text>might</text></answer>
    <answer fraction="-100"><text>will</text></answer>
  </question>
  <question type="matching">
    <name><text>xml-match</text></name>
    <questiontext format="html"><text>Match them.</text></questiontext>
    <subquestion format="html"><text><![CDATA[<em>Reopens</em>]]></text><answer><text>The mayor</text></answer></subquestion>
    <subquestion format="html"><text>Unchecked</text><answer><text>An official</text></answer></subquestion>
  </question>
  <question type="numerical">
    <name><text>xml-number</text></name>
    <questiontext format="plain_text"><text>How many &lt;days&gt;?</text></questiontext>
    <answer fraction="100"><text>3</text><tolerance>0</tolerance></answer>
    <answer fraction="50"><text>3</text><tolerance>1</tolerance></answer>
  </question>
  <question type="cloze">
    <name><text>xml-cloze</text></name>
    <questiontext format="html"><text>{1:SHORTANSWER:=Paris}</text></questiontext>
  </question>
</quiz>`;

/** What must never reach a page, whatever a teacher uploaded. */
function expectClean(html: string, where: string): void {
  for (const bad of [
    "alert(",
    "steal()",
    "onclick",
    "onmouseover",
    "onerror",
    "onload",
    "javascript:alert",
    "<iframe",
    'style="',
    "@@PLUGINFILE@@/",
    "<script>a",
  ])
    expect(html, `${where}: ${bad}`).not.toContain(bad);
  // Tags or entities escaped once more would show students "<p>" or "&nbsp;".
  for (const raw of ["&lt;p", "&lt;b&gt;", "&lt;span", "&amp;nbsp;", "&amp;lt;"]) expect(html, `${where} shows ${raw}`).not.toContain(raw);
  expect(textOf(html), `${where} shows Markdown`).not.toContain("**this**");
}

/** Plays a published set through: `answers[n]` are the form fields for question n+1. */
async function play(slug: string, answers: Record<string, string | string[]>[]): Promise<{ pages: string[]; summary: string }> {
  const student = new StudentBrowser();
  const attemptId = await student.startAttempt(slug);
  const pages: string[] = [];
  for (const [index, fields] of answers.entries()) {
    await student.get(`/attempts/${attemptId}/questions/${index + 1}`);
    pages.push(student.lastHtml);
    const response = await student.post(`/attempts/${attemptId}/questions/${index + 1}`, fields);
    expect(response.status, `question ${index + 1}`).toBe(303);
    await student.follow(response);
    pages.push(student.lastHtml);
  }
  await student.get(`/attempts/${attemptId}`);
  return { pages, summary: student.lastHtml };
}

describe("hostile Moodle files, end to end", () => {
  it("imports GIFT through the web form with an import report, previews and plays it with nothing unsafe or raw on any page", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("gift");
    await browser.get("/teach/sets/new");
    const created = await browser.postMultipart("/teach/sets", { slug, format: "auto", file: new File([HOSTILE_GIFT], "hostile.gift"), content: "" });
    expect(created.status).toBe(303);
    await browser.follow(created);
    const preview = browser.lastHtml;
    expectClean(preview, "preview");
    const report = textOf(preview);
    expect(report).toContain("Hostile imports");
    expect(report).toContain("Import report 1 left out; 3 changes to check.");
    expect(report).toContain("16 broken left out : the answer block { has no closing }: add one, or write \\{ for a literal brace");
    expect(report).toContain("4 html-choice changed : images and other files (Moodle's @@PLUGINFILE@@) are not imported");
    expect(report).toContain("4 html-choice changed : unsafe markup (scripts, styles, event handlers or javascript: links) was removed");
    expect(report).toContain("14 md changed : unsafe markup");
    expect(report).toContain("No feedback on option C: students see only whether they were right.");
    expect(preview).toContain("<b>may</b>");

    await browser.post(`/teach/sets/${slug}/publish`);
    // Students reach a teacher's set by its public address.
    const publicSlug = (await storedSet(teacher.id, slug))?.public_slug ?? "";
    const { pages, summary } = await play(publicSlug, [{ choice: "b" }, { choice: "t" }, { text: "Mayor Jones" }, { text: "Because it is." }]);
    for (const [index, page] of pages.entries()) expectClean(page, `page ${index}`);
    expectClean(summary, "summary");
    expect(textOf(pages[1] as string)).toContain("◐ Partly right (50% of the marks)");
    expect(textOf(pages[1] as string)).toContain("Half marks.");
    expect(pages[0]).toContain("Which word hedges?");
    expect(pages[2]).toContain("Is <b>this</b> bold?");
    expect(textOf(pages[5] as string)).toContain("◐ Partly right (50% of the marks)");
    expect(pages[7]).toContain("Because <em>Markdown</em>.");
    expect(textOf(summary)).toContain("2 of 3 (67%)");
  });

  it("imports Moodle XML through the API with its import notes, and plays it safely with partial credit", async () => {
    const owner = await createTeacherWithToken();
    const slug = unique("xml");
    const created = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug, content: HOSTILE_XML, title: "XML hostile" } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { importNotes: { line: number; question: string; outcome: string; message: string }[] };
    const lineOf = (name: string) => HOSTILE_XML.split("\n").findIndex((line) => line.includes(`<name><text>${name}</text></name>`));
    expect(body.importNotes).toEqual([
      {
        line: 3,
        question: "xml-choice",
        outcome: "changed",
        message: "images and other files (Moodle's @@PLUGINFILE@@) are not imported; check the question still makes sense without them",
      },
      { line: 3, question: "xml-choice", outcome: "changed", message: "unsafe markup (scripts, styles, event handlers or javascript: links) was removed" },
      {
        line: lineOf("xml-cloze"),
        question: "xml-cloze",
        outcome: "left out",
        message: "Moodle's embedded answers (cloze) questions have no equivalent here: rewrite it as multiple choice, short answer, numerical or matching",
      },
    ]);
    const detail = (await (await apiRequest("GET", `/api/sets/${slug}`, { token: owner.token })).json()) as { publicSlug: string };
    const stored = JSON.stringify(detail);
    for (const bad of ["alert(", "steal()", "javascript:", "<iframe", "onload"]) expect(stored).not.toContain(bad);
    await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token });

    const student = new StudentBrowser();
    const attemptId = await student.startAttempt(detail.publicSlug);
    await student.get(`/attempts/${attemptId}/questions/2`);
    const choiceIds = [...student.lastHtml.matchAll(/<option value="(c\d+)">([^<]+)<\/option>/g)].map((m) => [m[2], m[1]]);
    const choice = Object.fromEntries(choiceIds) as Record<string, string>;
    const { pages, summary } = await play(detail.publicSlug, [
      { choice: ["a", "c"] },
      { "match-a": choice["The mayor"] as string, "match-b": choice["The mayor"] as string },
      { number: "4" },
    ]);
    for (const [index, page] of pages.entries()) expectClean(page, `page ${index}`);
    expectClean(summary, "summary");
    // may (+50%) and will (−100%): Moodle floors the sum at 0.
    expect(textOf(pages[1] as string)).toContain("✗ Not quite");
    expect(textOf(pages[1] as string)).toContain("Because reasons . Two paragraphs.");
    expect(textOf(pages[3] as string)).toContain("◐ Partly right (50% of the marks)");
    expect(textOf(pages[5] as string)).toContain("◐ Partly right (50% of the marks)");
    expect(pages[4]).toContain("How many &lt;days&gt;?");
    expect(textOf(summary)).toContain("1 of 3 (33%)");
  });
});

describe("formats and messages", () => {
  it("detects a missing API format from the content, or says how to send it", async () => {
    const owner = await createTeacherWithToken();
    const gift = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("g"), content: "Which hedges? {=may ~will}" } });
    expect(gift.status).toBe(201);
    const unclear = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: unique("p"), content: "Just some prose." } });
    expect(unclear.status).toBe(400);
    expect(await unclear.json()).toMatchObject({
      error: "We could not tell which format this is.",
      details: [{ path: "format", message: 'choose the format (sourcewise, gift, aiken, moodle-xml): in the form\'s Format list, or as "format" in the API' }],
    });
    const wrong = await apiRequest("POST", "/api/sets", {
      token: owner.token,
      json: { slug: unique("w"), format: "sourcewise", content: "Which hedges? {=may ~will}" },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { details: { path?: string; message: string }[] }).details[0]).toEqual({
      path: "format",
      message: 'this looks like GIFT, not Sourcewise YAML or JSON: choose "gift" as the format',
    });
  });

  it("explains every format on a teacher page linked from the upload form", async () => {
    const { browser } = await signedInTeacher();
    await browser.get("/teach/sets/new");
    expect(browser.lastHtml).toContain('href="/teach/formats"');
    expect(browser.lastHtml).toContain('<option value="moodle-xml"');
    const page = await browser.get("/teach/formats");
    expect(page.status).toBe(200);
    const text = textOf(browser.lastHtml);
    for (const construct of [
      "Missing word",
      "Partial credit",
      "Several answers to tick",
      "Numerical",
      "Matching",
      "Essay",
      "Description",
      "General feedback",
      "Escapes",
      "[markdown]",
      "Moodle XML",
      "Aiken",
    ])
      expect(text).toContain(construct);
  });
});

describe("export to Moodle", () => {
  it("downloads any set as GIFT or Moodle XML from its page and the API, and the file imports back", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("round");
    await browser.get("/teach/sets/new");
    await browser.postMultipart("/teach/sets", { slug, format: "gift", content: "::hedge:: Which hedges? {=may#Yes. ~%50%might ~will}\n\n::tf:: Named? {F}" });
    await browser.get(`/teach/sets/${slug}`);
    expect(browser.lastHtml).toContain(`href="/teach/sets/${slug}/export?format=gift"`);
    expect(browser.lastHtml).toContain(`href="/teach/sets/${slug}/export?format=moodle-xml"`);

    const gift = await browser.get(`/teach/sets/${slug}/export?format=gift`);
    expect(gift.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(gift.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}.gift.txt"`);
    const giftText = await gift.text();
    expect(giftText).toContain("::hedge::Which hedges?{\n\t=may#Yes.\n\t~%50%might\n\t~will\n}");
    const xml = await browser.get(`/teach/sets/${slug}/export?format=moodle-xml`);
    expect(xml.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}.moodle.xml"`);
    const xmlText = await xml.text();

    const owner = await createTeacherWithToken();
    for (const [format, content] of [
      ["gift", giftText],
      ["moodle-xml", xmlText],
    ]) {
      const back = unique("back");
      const response = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: back, format, content } });
      expect(response.status, format).toBe(201);
      const detail = (await (await apiRequest("GET", `/api/sets/${back}`, { token: owner.token })).json()) as { questions: { draft: unknown[] } };
      expect(detail.questions.draft).toMatchObject([
        { id: "hedge", type: "single", answer: ["a"], options: [{ text: "may", feedback: "Yes." }, { text: "might", weight: 50 }, { text: "will" }] },
        { id: "tf", type: "true_false", answer: ["f"] },
      ]);
    }
  });

  it("exports the built-in library with its sources, through the API too, and refuses what it should", async () => {
    const { browser } = await signedInTeacher();
    const builtIn = await browser.get("/teach/sets/who-says-so/export?format=moodle-xml");
    expect(builtIn.status).toBe(200);
    const text = await builtIn.text();
    expect(text).toContain("<strong>Sources</strong>");
    expect(text).not.toMatch(/\[\[[a-z0-9-]+/);
    expect((await browser.get("/teach/sets/who-says-so/export?format=docx")).status).toBe(400);
    expect((await browser.get("/teach/sets/who-says-so/export")).status).toBe(400);

    const owner = await createTeacherWithToken();
    const api = await apiRequest("GET", "/api/sets/who-says-so/export?format=gift", { token: owner.token });
    expect(api.status).toBe(200);
    expect(await api.text()).toContain("$CATEGORY: $course$/top/");
    const mine = unique("mine");
    await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug: mine, format: "gift", content: "Q {T}" } });
    const stranger = await createTeacherWithToken();
    expect((await apiRequest("GET", `/api/sets/${mine}/export?format=gift`, { token: stranger.token })).status).toBe(404);
    expect((await apiRequest("GET", `/api/sets/${mine}/export?format=xml`, { token: owner.token })).status).toBe(400);
  });
});
