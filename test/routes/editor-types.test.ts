import { describe, expect, it } from "vitest";
import type { Question } from "../../src/content/schema.ts";
import { revisionOn, storedSet } from "../support/editor.ts";
import { EVERY_TYPE } from "../support/every-type.ts";
import { unique } from "../support/fixtures.ts";
import { formFields } from "../support/forms.ts";
import { type StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";

async function everyTypeSet() {
  const { teacher, browser } = await signedInTeacher();
  const slug = unique("every-type");
  await browser.get("/teach/sets/new");
  const created = await browser.postMultipart("/teach/sets", { slug, format: "sourcewise", content: JSON.stringify(EVERY_TYPE) });
  expect(created.status, await created.clone().text()).toBe(303);
  const original = (await storedSet(teacher.id, slug))?.draft;
  if (!original) throw new Error("no draft");
  return { teacher, browser, slug, original };
}

/** Opens a question's form and posts it back with some fields changed, as a teacher would. */
async function editQuestion(browser: StudentBrowser, slug: string, key: string, change: Record<string, string | undefined> = {}) {
  const path = `/teach/sets/${slug}/edit/questions/${key}`;
  await browser.get(path);
  const fields = { ...formFields(browser.lastHtml, path), ...change };
  const sent = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return browser.post(path, sent);
}

describe("the editor covers every field of every question type", () => {
  it("carries every question through its form unchanged", async () => {
    const { teacher, browser, slug, original } = await everyTypeSet();
    expect(original.questions.map((q) => q.type)).toEqual([
      "single",
      "multiple",
      "true_false",
      "claim",
      "evidence",
      "short_answer",
      "numerical",
      "matching",
      "essay",
      "description",
      "single",
    ]);
    for (const question of original.questions) {
      const saved = await editQuestion(browser, slug, question.id);
      expect(saved.status, `${question.id}: ${textOf(await saved.clone().text()).slice(0, 600)}`).toBe(303);
    }
    const after = await storedSet(teacher.id, slug);
    expect(after?.draft?.questions).toEqual(original.questions);
    expect(after?.versions).toBe(0);
  });

  it("edits the fields of each type", async () => {
    const { teacher, browser, slug } = await everyTypeSet();
    const edits: [string, Record<string, string | undefined>][] = [
      ["weighted-single", { "options[1].weight": "25", "options[2].feedback": "Not him.", shuffle: "on", difficulty: "easy", context: "" }],
      ["weighted-multiple", { "options[2].weight": "-100", type: "multiple", "options[1].text": "They were anonymous" }],
      ["true-or-false", { answer: "0", "options[0].feedback": "Right: it is true now." }],
      ["judge-the-claim", { claim: "The SBU planned the attack.", "options[0].supports": "no", "options[2].supports": "yes", answer: "2" }],
      ["which-sentence", { "options[0].correct": "on", "options[2].remove": "on" }],
      ["name-the-agency", { "answers[1].weight": "25", caseSensitive: undefined, "answers[2].text": "Ukraine's security service", "answers[2].weight": "10" }],
      ["how-old", { "answers[0].tolerance": "1", "answers[1].max": "70", "answers[1].feedback": "Roughly." }],
      [
        "who-said-what",
        {
          "pairs[1].answer": "Washington was not involved",
          "pairs[2].prompt": "Russian news reports",
          "pairs[2].answer": "The bomb was triggered remotely",
          distractors: "Nobody was hurt",
        },
      ],
      ["in-your-words", { prompt: "Why might an official speak without their name?", explanation: "" }],
      ["read-this-first", { prompt: "Read [[002#4]] and [[002#5]] first.", skill: "attribution" }],
    ];
    for (const [key, change] of edits) {
      const saved = await editQuestion(browser, slug, key, change);
      expect(saved.status, `${key}: ${textOf(await saved.clone().text()).slice(0, 600)}`).toBe(303);
    }
    const draft = (await storedSet(teacher.id, slug))?.draft;
    const byId = new Map(draft?.questions.map((q) => [q.id, q as Question & Record<string, unknown>]));
    expect(byId.get("weighted-single")).toMatchObject({ difficulty: "easy", shuffle: true, options: [{}, { weight: 25 }, { feedback: "Not him." }] });
    expect(byId.get("weighted-single")?.context).toBeUndefined();
    expect(byId.get("weighted-multiple")).toMatchObject({ options: [{}, { text: "They were anonymous" }, { weight: -100 }], answer: ["a", "b"] });
    expect(byId.get("true-or-false")).toMatchObject({ answer: ["t"], options: [{ feedback: "Right: it is true now." }, {}] });
    expect(byId.get("judge-the-claim")).toMatchObject({
      claim: "The SBU planned the attack.",
      options: [{ supports: false }, { supports: false }, { supports: true }],
      answer: ["absent"],
    });
    expect(byId.get("which-sentence")).toMatchObject({ options: [{ id: "a" }, { id: "b" }], answer: ["a", "b"] });
    expect(byId.get("name-the-agency")).toMatchObject({
      caseSensitive: false,
      answers: [{ text: "SBU*", weight: 100 }, { weight: 25 }, { text: "Ukraine's security service", weight: 10 }],
    });
    expect(byId.get("how-old")).toMatchObject({
      answers: [
        { value: 54, tolerance: 1 },
        { min: 50, max: 70, weight: 50, feedback: "Roughly." },
      ],
    });
    expect(byId.get("who-said-what")).toMatchObject({
      pairs: [{ id: "p1" }, { id: "p2", answer: "Washington was not involved" }, { id: "p3", prompt: "Russian news reports" }],
      distractors: ["Nobody was hurt"],
    });
    expect(byId.get("in-your-words")).toMatchObject({ prompt: "Why might an official speak without their name?" });
    expect(byId.get("in-your-words")?.explanation).toBeUndefined();
    expect(byId.get("read-this-first")).toMatchObject({ skill: "attribution", prompt: "Read [[002#4]] and [[002#5]] first." });
    // The set's skills follow its questions.
    expect(draft?.skills).toEqual(["attribution", "anonymous-sources", "verification", "evidence", "numbers"]);
  });

  it("shows imported HTML markup read-only and keeps it, sanitising what is saved", async () => {
    const { teacher, browser, slug } = await everyTypeSet();
    await browser.get(`/teach/sets/${slug}/edit/questions/html-question`);
    expect(textOf(browser.lastHtml)).toContain("Markup: HTML (imported).");
    expect(browser.lastHtml).not.toMatch(/name="markup"/);
    const saved = await editQuestion(browser, slug, "html-question", {
      prompt: '<p onclick="steal()">Who <strong>speaks</strong>?<script>alert(1)</script></p>',
      markup: "text",
    });
    expect(saved.status).toBe(303);
    const question = (await storedSet(teacher.id, slug))?.draft?.questions.find((q) => q.id === "html-question");
    expect(question?.markup).toBe("html");
    expect(question?.prompt).toBe("<p>Who <strong>speaks</strong>?</p>");
  });

  it("switches a single-choice question to multiple select, but not to an unrelated type", async () => {
    const { teacher, browser, slug } = await everyTypeSet();
    expect(
      (
        await editQuestion(browser, slug, "weighted-multiple", {
          type: "single",
          "options[2].weight": "",
          "options[0].weight": "",
          "options[1].weight": "",
          "options[1].correct": "",
        })
      ).status,
    ).toBe(303);
    expect((await editQuestion(browser, slug, "true-or-false", { type: "matching" })).status).toBe(303);
    const draft = (await storedSet(teacher.id, slug))?.draft;
    expect(draft?.questions.find((q) => q.id === "weighted-multiple")).toMatchObject({ type: "single", answer: ["a"] });
    expect(draft?.questions.find((q) => q.id === "true-or-false")?.type).toBe("true_false");
  });

  it("starts every type of new question from its own form", async () => {
    const { teacher, browser, slug } = await everyTypeSet();
    const add = async (type: string, fields: Record<string, string>) => {
      await browser.get(`/teach/sets/${slug}/edit/add?type=${type}`);
      const form = formFields(browser.lastHtml, `/teach/sets/${slug}/edit/add`);
      return browser.post(`/teach/sets/${slug}/edit/add`, { ...form, revision: revisionOn(browser.lastHtml), ...fields });
    };
    const source = { "sources[0].document": "002", "sources[0].quote": "said the agency was behind the attack" };
    const prompt = (text: string) => ({ prompt: text, explanation: "Because.", ...source });
    const added = [
      await add("true_false", { ...prompt("True or false: Miller spoke?"), answer: "0" }),
      await add("claim", { ...prompt("What do the texts do with it?"), claim: "Miller knew in advance.", answer: "1" }),
      await add("short_answer", { ...prompt("Name the agency."), "answers[0].text": "SBU" }),
      await add("numerical", { ...prompt("How many casualties?"), "answers[0].min": "100", "answers[0].max": "900" }),
      await add("matching", { ...prompt("Match them."), "pairs[0].prompt": "One", "pairs[0].answer": "1", "pairs[1].prompt": "Two", "pairs[1].answer": "2" }),
      await add("essay", { prompt: "Explain." }),
      await add("description", { prompt: "Now read on." }),
    ];
    expect(added.map((r) => r.status)).toEqual([303, 303, 303, 303, 303, 303, 303]);
    const draft = (await storedSet(teacher.id, slug))?.draft;
    expect(draft?.questions.slice(-7).map((q) => [q.type, q.id])).toEqual([
      ["true_false", "true-or-false-miller-spoke"],
      ["claim", "what-do-the-texts-do-with"],
      ["short_answer", "name-the-agency-2"],
      ["numerical", "how-many-casualties"],
      ["matching", "match-them"],
      ["essay", "explain"],
      ["description", "now-read-on"],
    ]);
    expect(draft?.questions.at(-6)).toMatchObject({ options: [{ id: "supported", supports: true }, { id: "claimed" }, { id: "absent" }], answer: ["claimed"] });
    expect((await browser.get(`/teach/sets/${slug}/edit/add?type=nonsense`)).status).toBe(400);
  });
});
