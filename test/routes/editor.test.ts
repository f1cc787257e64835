import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addQuestion, blankSet, revisionOn, singleChoiceFields, storedSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher, studentSlug } from "../support/teacher-browser.ts";

/** The error shown beside a field (its id is `err-` plus the field's id). */
function fieldError(html: string, fieldId: string): string | undefined {
  const found = new RegExp(`<p class="field-error" id="err-${fieldId}">([^<]*)</p>`).exec(html)?.[1];
  return found === undefined ? undefined : textOf(found);
}

describe("the question editor", () => {
  it("creates a set from scratch; any number of saves make one new version when it is published", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    expect((await storedSet(teacher.id, slug))?.draft?.questions).toEqual([]);
    const added = await addQuestion(browser, slug, singleChoiceFields());
    expect(added.status).toBe(303);
    const key = /\/edit\/questions\/([a-z0-9-]+)\?saved=1$/.exec(added.headers.get("Location") ?? "")?.[1] ?? "";
    expect(key).toBe("who-said-the-agency-was-behind");

    // Three more saves of the same question: still a draft, still no version.
    for (const feedback of ["First wording.", "Second wording.", "Third wording."]) {
      await browser.get(`/teach/sets/${slug}/edit/questions/${key}`);
      const saved = await browser.post(`/teach/sets/${slug}/edit/questions/${key}`, {
        ...singleChoiceFields({ id: key, "options[1].feedback": feedback }),
        revision: revisionOn(browser.lastHtml),
      });
      expect(saved.status).toBe(303);
    }
    const before = await storedSet(teacher.id, slug);
    expect(before).toMatchObject({ versions: 0, published: 0 });
    expect(before?.draft?.questions[0]).toMatchObject({ options: [{ id: "a" }, { id: "b", feedback: "Third wording." }], answer: ["a"] });

    await browser.get(`/teach/sets/${slug}/edit`);
    expect(textOf(browser.lastHtml)).toContain("Publish version 1");
    const published = await browser.post(`/teach/sets/${slug}/publish`, { revision: revisionOn(browser.lastHtml) });
    expect(published.status).toBe(303);
    expect(await storedSet(teacher.id, slug)).toMatchObject({ versions: 1, published: 1, draft: null });

    const student = new StudentBrowser();
    const attemptId = await student.startAttempt(await studentSlug(browser, slug));
    await student.get(`/attempts/${attemptId}/questions/1`);
    expect(textOf(student.lastHtml)).toContain("Who said the agency was behind the attack?");
  });

  it("shows each problem beside its field, keeps what was typed, and writes nothing", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    const before = await storedSet(teacher.id, slug);
    const refused = await addQuestion(
      browser,
      slug,
      singleChoiceFields({
        prompt: "",
        "options[0].correct": "",
        "options[1].weight": "half",
        "sources[0].quote": "An SBU official said nothing of the kind",
        "passages[0].document": "no-such-document",
        "passages[0].quote": "Anything at all",
      }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('role="alert"');
    expect(fieldError(html, "f-prompt")).toBe("must not be empty");
    expect(fieldError(html, "f-options-1-weight")).toBe("must be a number");
    expect(html).toMatch(/id="f-prompt"[^>]*aria-describedby="hint-f-prompt err-f-prompt" aria-invalid="true"/);
    expect(html).toContain("Matthew Miller"); // what was typed stays in the form
    expect(await storedSet(teacher.id, slug)).toEqual(before);

    // With the form otherwise right, the quote check and the answer key speak up, beside their fields.
    const second = await addQuestion(
      browser,
      slug,
      singleChoiceFields({ "options[0].correct": "", "sources[0].quote": "An SBU official said nothing of the kind", "passages[0].document": "nope" }),
    );
    expect(second.status).toBe(400);
    const text = await second.text();
    expect(fieldError(text, "f-sources-0-quote")).toMatch(/^not found in document 002 \(closest passage: /);
    expect(await storedSet(teacher.id, slug)).toEqual(before);
    const noKey = await addQuestion(browser, slug, singleChoiceFields({ "options[0].correct": "" }));
    expect(noKey.status).toBe(400);
    expect(await noKey.text()).toMatch(/<fieldset id="f-options"[^>]*>.*needs at least one correct option/s);
    const unknownDocument = await addQuestion(browser, slug, singleChoiceFields({ "passages[0].document": "nope", "passages[0].quote": "Anything" }));
    expect(fieldError(await unknownDocument.text(), "f-passages-0-document")).toBe('there is no document "nope" among your documents and the built-in ones');
    expect(await storedSet(teacher.id, slug)).toEqual(before);
  });

  it("refuses a save made from a page that is out of date (another tab saved first) and loses neither save silently", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    await addQuestion(browser, slug, singleChoiceFields({ id: "who" }));
    await browser.get(`/teach/sets/${slug}/edit/questions/who`);
    const shown = revisionOn(browser.lastHtml); // both tabs opened the question at this revision
    const first = await browser.post(`/teach/sets/${slug}/edit/questions/who`, {
      ...singleChoiceFields({ id: "who", explanation: "Tab one." }),
      revision: shown,
    });
    expect(first.status).toBe(303);
    const second = await browser.post(`/teach/sets/${slug}/edit/questions/who`, {
      ...singleChoiceFields({ id: "who", explanation: "Tab two." }),
      revision: shown,
    });
    expect(second.status).toBe(409);
    const page = await second.text();
    expect(textOf(page)).toContain("This set changed since you opened this page");
    expect(page).toContain("Tab two."); // the second tab's text is still in its form
    expect((await storedSet(teacher.id, slug))?.draft?.questions[0]?.explanation).toBe("Tab one.");

    // The same holds for the settings, the question list and publishing.
    for (const [path, fields] of [
      [`/teach/sets/${slug}/edit/settings`, { title: "Stale", summary: "Stale", mode: "practice", sources: "required" }],
      [`/teach/sets/${slug}/edit/questions/who/duplicate`, {}],
      [`/teach/sets/${slug}/publish`, {}],
    ] as const) {
      const stale = await browser.post(path, { ...fields, revision: shown });
      expect(stale.status, path).toBe(409);
    }
    expect(await storedSet(teacher.id, slug)).toMatchObject({ versions: 0, draft: { title: "Reading a claim", questions: [{ id: "who" }] } });
  });

  it("reorders, duplicates and deletes questions, and moves options and sources", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    for (const id of ["first", "second", "third"]) await addQuestion(browser, slug, singleChoiceFields({ id, prompt: `Question called ${id}?` }));
    const post = async (path: string, fields: Record<string, string> = {}) => {
      await browser.get(`/teach/sets/${slug}/edit`);
      return browser.post(`/teach/sets/${slug}/edit/questions/${path}`, { ...fields, revision: revisionOn(browser.lastHtml) });
    };
    const order = async () => (await storedSet(teacher.id, slug))?.draft?.questions.map((q) => q.id);
    expect((await post("third/move", { to: "up" })).status).toBe(303);
    expect(await order()).toEqual(["first", "third", "second"]);
    await post("first/move", { to: "down" });
    expect(await order()).toEqual(["third", "first", "second"]);
    await post("first/duplicate");
    expect(await order()).toEqual(["third", "first", "first-copy", "second"]);
    await post("third/delete");
    expect(await order()).toEqual(["first", "first-copy", "second"]);
    expect((await post("first/move", { to: "sideways" })).status).toBe(404);
    expect((await post("nothing-here/delete")).status).toBe(404);

    // Option rows and sources move with their buttons; the key follows its option.
    await browser.get(`/teach/sets/${slug}/edit/questions/first`);
    const moved = await browser.post(`/teach/sets/${slug}/edit/questions/first`, {
      ...singleChoiceFields({
        id: "first",
        prompt: "Question called first?",
        "options[0].id": "a",
        "options[1].id": "b",
        "sources[1].document": "002",
        "sources[1].quote": "said the agency was behind the attack",
      }),
      action: "down:options:0",
      revision: revisionOn(browser.lastHtml),
    });
    expect(moved.status).toBe(303);
    const first = (await storedSet(teacher.id, slug))?.draft?.questions[0];
    expect(first).toMatchObject({ options: [{ id: "b", text: "Matthew Miller" }, { id: "a" }], answer: ["a"] });
    expect(first?.sources.map((s) => s.quote)).toEqual(["An SBU official, speaking on the condition of anonymity", "said the agency was behind the attack"]);
  });

  it("saves the title, summary and every setting, with errors beside the fields", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    await browser.get(`/teach/sets/${slug}/edit`);
    const revision = revisionOn(browser.lastHtml);
    const refused = await browser.post(`/teach/sets/${slug}/edit/settings`, {
      revision,
      title: "",
      summary: "Fine.",
      mode: "practice",
      sources: "required",
      certaintyMarking: "on",
      attempts: "many",
      formGroup: "diagnostic",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(fieldError(html, "f-title")).toBe("must not be empty");
    expect(fieldError(html, "f-attempts")).toBe("must be a whole number, or empty for no limit");
    expect(fieldError(html, "f-formLetter")).toBe("give both the group and the form letter, or neither");
    const before = await storedSet(teacher.id, slug);
    expect(before?.draft?.title).toBe("Reading a claim");

    const saved = await browser.post(`/teach/sets/${slug}/edit/settings`, {
      revision,
      title: "Checking claims",
      summary: "Before and after.",
      mode: "check",
      sources: "none",
      shuffleQuestions: "on",
      confidence: "on",
      certaintyMarking: "on",
      attempts: "2",
      formGroup: "claims",
      formLetter: "A",
    });
    expect(saved.status).toBe(303);
    expect((await storedSet(teacher.id, slug))?.draft).toMatchObject({
      title: "Checking claims",
      summary: "Before and after.",
      mode: "check",
      sources: "none",
      shuffleQuestions: true,
      confidence: true,
      certaintyMarking: true,
      attempts: 2,
      form: { group: "claims", form: "A" },
    });
    await browser.follow(saved);
    expect(textOf(browser.lastHtml)).toContain("Saved the title and settings to the draft.");
    // Certainty-based marking without the confidence question is refused, beside its box.
    const certainty = await browser.post(`/teach/sets/${slug}/edit/settings`, {
      revision: revisionOn(browser.lastHtml),
      title: "Checking claims",
      summary: "Before and after.",
      mode: "check",
      sources: "none",
      certaintyMarking: "on",
    });
    expect(fieldError(await certainty.text(), "f-certaintyMarking")).toContain("needs");
  });

  it("refuses publishing a draft with problems, naming each one, and writes nothing", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    await addQuestion(browser, slug, singleChoiceFields({ id: "unsourced", "sources[0].quote": "" }));
    await browser.get(`/teach/sets/${slug}/edit`);
    const overview = textOf(browser.lastHtml);
    expect(overview).toContain("Before this draft can be published:");
    expect(overview).toMatch(/Question 1, sources ?: needs at least one source quote/);
    expect(overview).not.toContain("Publish version 1");
    const refused = await browser.post(`/teach/sets/${slug}/publish`, { revision: revisionOn(browser.lastHtml) });
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toMatch(/questions\[0\]\.sources ?: needs at least one source quote/);
    expect(await storedSet(teacher.id, slug)).toMatchObject({ versions: 0, published: 0 });
  });
});

describe("editing is for the set's owner only", () => {
  it("answers 404 for another teacher's set and 403 for a built-in one on every editor route, writing nothing", async () => {
    const owner = await signedInTeacher();
    const slug = await blankSet(owner.browser);
    await addQuestion(owner.browser, slug, singleChoiceFields({ id: "mine" }));
    const intruder = await signedInTeacher();
    await intruder.browser.get("/teach");
    const snapshot = () =>
      env.DB.prepare("SELECT draft, draft_revision FROM question_sets WHERE owner_id = ? AND slug = ?").bind(owner.teacher.id, slug).first();
    const before = await snapshot();
    const builtIn = await env.DB.prepare("SELECT draft, draft_revision, current_version_id FROM question_sets WHERE slug = 'who-says-so'").first();
    const gets = ["/edit", "/edit/add?type=single", "/edit/questions/mine", "/edit/questions/mine/quote?document=002"];
    const posts: [string, Record<string, string>][] = [
      ["/edit/settings", { title: "Mine now", summary: "x", mode: "practice", sources: "required" }],
      ["/edit/add", singleChoiceFields()],
      ["/edit/questions/mine", singleChoiceFields({ id: "mine" })],
      ["/edit/questions/mine/move", { to: "up" }],
      ["/edit/questions/mine/duplicate", {}],
      ["/edit/questions/mine/delete", {}],
      ["/edit/questions/mine/quote", { document: "002", s: "1.1" }],
    ];
    for (const path of gets) {
      expect((await intruder.browser.get(`/teach/sets/${slug}${path}`)).status, path).toBe(404);
      const refused = await intruder.browser.get(`/teach/sets/who-says-so${path.replace("mine", "who-claimed-the-attack")}`);
      expect(refused.status, `built-in ${path}`).toBe(403);
    }
    await intruder.browser.get("/teach");
    for (const [path, fields] of posts) {
      expect((await intruder.browser.post(`/teach/sets/${slug}${path}`, { ...fields, revision: "1" })).status, path).toBe(404);
      const refused = await intruder.browser.post(`/teach/sets/who-says-so${path.replace("mine", "who-claimed-the-attack")}`, { ...fields, revision: "1" });
      expect(refused.status, `built-in ${path}`).toBe(403);
      expect(textOf(await refused.text())).toContain("Duplicate the set to get a copy you can edit.");
    }
    expect(await snapshot()).toEqual(before);
    expect(await env.DB.prepare("SELECT draft, draft_revision, current_version_id FROM question_sets WHERE slug = 'who-says-so'").first()).toEqual(builtIn);
  });

  it("asks anonymous visitors to sign in", async () => {
    const browser = new StudentBrowser();
    const page = await browser.get(`/teach/sets/${unique("any")}/edit`);
    expect(page.status).toBe(303);
    expect(page.headers.get("Location")).toMatch(/^\/teach\/login\?next=/);
  });
});
