import { describe, expect, it } from "vitest";
import { storedSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";
import { apiRequest, createTeacherWithToken } from "../support/teachers.ts";

const QUOTE =
  "An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.";

/** A set quoting built-in document 002 ("Blue report"); `cued` pads the key and names 002 bare. */
function yamlSet(cued: boolean) {
  const [prompt, key] = cued
    ? ["Who does 002 say was behind the attack?", "An official of Ukraine's security service who was not named"]
    : ["Who said the agency was behind the attack?", "An unnamed SBU official"];
  return `title: "Who is speaking?"
summary: A teacher's own set.
skills: [attribution]
documents: ["002"]
questions:
  - id: who-said-it
    type: single
    skill: attribution
    difficulty: easy
    prompt: ${prompt}
    options:
      - {id: a, text: "${key}", feedback: "Right: the official is not named."}
      - {id: b, text: "Matthew Miller, of State", feedback: "No: he spoke for the State Department."}
      - {id: c, text: "Dmitry Medvedev, in Moscow", feedback: "No: he blamed Kyiv."}
    answer: a
    sources:
      - document: "002"
        quote: ${QUOTE}
`;
}

const LONG_KEY =
  "Question 1: the correct answer is much longer than the others (59 vs 25 characters on average). Students pick the longest option without reading. Make the other options as specific, or shorten the answer.";
const BARE_ID = 'Question 1: the prompt names document 002 by its file id, which students never see. Write [[002]] instead: students see "Blue report".';

describe("item-writing warnings on teachers' sets", () => {
  it("shows each warning in plain words in the preview, and the set still publishes", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("cued");
    await browser.get("/teach/sets/new");
    const created = await browser.postMultipart("/teach/sets", { slug, format: "auto", content: yamlSet(true) });
    expect(created.status).toBe(303);
    await browser.follow(created);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Before you publish: 2 things to check");
    expect(text).toContain(LONG_KEY);
    expect(text).toContain(BARE_ID);

    await browser.post(`/teach/sets/${slug}/publish`);
    const publicSlug = (await storedSet(teacher.id, slug))?.public_slug;
    expect((await new StudentBrowser().get(`/sets/${publicSlug}`)).status).toBe(200);
  });

  it("shows no warnings for a set without cues", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("clean");
    await browser.get("/teach/sets/new");
    await browser.follow(await browser.postMultipart("/teach/sets", { slug, format: "auto", content: yamlSet(false) }));
    expect(textOf(browser.lastHtml)).toContain("Question 1 of 1");
    expect(browser.lastHtml).not.toContain("Before you publish");
  });

  it("returns the warnings from the API on create and update, and describes them in the OpenAPI document", async () => {
    const owner = await createTeacherWithToken();
    const slug = unique("cued");
    const created = await apiRequest("POST", "/api/sets", { token: owner.token, json: { slug, content: yamlSet(true) } });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      slug,
      version: 1,
      status: "draft",
      changes: ["A new set with 1 question."],
      warnings: [
        { path: "questions[0].options", message: LONG_KEY },
        { path: "questions[0].prompt", message: BARE_ID },
      ],
      importNotes: [],
    });
    const updated = await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { content: yamlSet(false) } });
    // The update replaces the unpublished draft, which still becomes version 1.
    expect(await updated.json()).toEqual({ slug, version: 1, status: "draft", changes: ["A new set with 1 question."], warnings: [], importNotes: [] });
    expect((await apiRequest("POST", `/api/sets/${slug}/publish`, { token: owner.token })).status).toBe(200);

    const openapi = (await (await apiRequest("GET", "/api/openapi.json")).json()) as { components: { schemas: Record<string, { required?: string[] }> } };
    expect(openapi.components.schemas.SavedVersion?.required).toContain("warnings");
  });
});
