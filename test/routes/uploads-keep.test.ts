import { describe, expect, it } from "vitest";
import { addQuestion, publish, revisionOn, storedSet, uploadSet } from "../support/editor.ts";
import { unique } from "../support/fixtures.ts";
import { formFields } from "../support/forms.ts";
import type { StudentBrowser } from "../support/student.ts";
import { textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";
import { type ApiTeacher, apiRequest, createTeacherWithToken } from "../support/teachers.ts";

const GIFT_V1 = `::alleged:: Which word marks a claim as unproven? {=alleged#Right. ~confirmed#No.}

::unnamed:: The official who spoke was named. {F}

::declined:: What does "declined to comment" mean? {=They said nothing either way ~They denied it}

::dropped:: Which of these is a hedge? {=may ~is}
`;

// alleged: unchanged. unnamed: same id, reworded. declined: same text, new title (matched by text).
// dropped: gone. verified: new.
const GIFT_V2 = `::alleged:: Which word marks a claim as unproven? {=alleged#Right. ~confirmed#No.}

::unnamed:: True or false: the official who spoke was named. {F}

::no-comment:: What does "declined to comment" mean? {=They said nothing either way ~They denied it ~They confirmed it}

::verified:: Which word says someone checked? {=verified ~claimed}
`;

async function editQuestion(browser: StudentBrowser, slug: string, key: string, change: Record<string, string>) {
  const path = `/teach/sets/${slug}/edit/questions/${key}`;
  await browser.get(path);
  const saved = await browser.post(path, { ...formFields(browser.lastHtml, path), ...change });
  expect(saved.status, textOf(await saved.clone().text()).slice(0, 400)).toBe(303);
}

describe("uploads that keep what is there", () => {
  it("keeps the title, summary, settings and each matching question's skill, difficulty, context and sources, and says what changed", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("hedging");
    await uploadSet(browser, slug, GIFT_V1, { format: "gift", title: "Hedging words", summary: "Spot the hedge.", skill: "hedging", difficulty: "easy" });
    await editQuestion(browser, slug, "alleged", {
      context: "Read the Kremlin's statement first.",
      "sources[0].document": "003",
      "sources[0].quote": "The Kremlin said the alleged strike, in which Putin was unharmed",
    });
    await editQuestion(browser, slug, "unnamed", {
      skill: "anonymous-sources",
      difficulty: "hard",
      "sources[0].document": "002",
      "sources[0].quote": "An SBU official, speaking on the condition of anonymity",
    });
    await browser.get(`/teach/sets/${slug}/edit`);
    await browser.post(`/teach/sets/${slug}/edit/settings`, {
      ...formFields(browser.lastHtml, `/teach/sets/${slug}/edit/settings`),
      confidence: "on",
    });
    await publish(browser, slug);
    const v1 = (await storedSet(teacher.id, slug)) ?? { versions: 0 };
    expect(v1).toMatchObject({ versions: 1 });

    await browser.get(`/teach/sets/${slug}`);
    const uploaded = await browser.postMultipart(`/teach/sets/${slug}/versions`, { format: "gift", content: GIFT_V2, revision: revisionOn(browser.lastHtml) });
    expect(uploaded.status, textOf(await uploaded.clone().text()).slice(0, 800)).toBe(303);
    const draft = (await storedSet(teacher.id, slug))?.draft;
    expect(draft).toMatchObject({ title: "Hedging words", summary: "Spot the hedge.", confidence: true, sources: "none" });
    const byId = new Map(draft?.questions.map((q) => [q.id, q]));
    expect(draft?.questions.map((q) => q.id)).toEqual(["alleged", "unnamed", "declined", "verified"]);
    expect(byId.get("alleged")).toMatchObject({
      skill: "hedging",
      difficulty: "easy",
      context: "Read the Kremlin's statement first.",
      sources: [{ document: "003" }],
    });
    expect(byId.get("unnamed")).toMatchObject({
      prompt: "True or false: the official who spoke was named.",
      skill: "anonymous-sources",
      difficulty: "hard",
      sources: [{ document: "002" }],
    });
    expect(byId.get("declined")?.type).toBe("single");
    expect("options" in (byId.get("declined") ?? {}) && (byId.get("declined") as { options: unknown[] }).options).toHaveLength(3);
    // A new question gets the set's most common skill and difficulty.
    expect(byId.get("verified")).toMatchObject({ skill: "hedging", difficulty: "easy", sources: [] });

    await browser.follow(uploaded);
    const page = textOf(browser.lastHtml);
    expect(page).toContain("Unpublished changes since version 1");
    expect(page).toContain("Changed question 2 (unnamed): prompt.");
    expect(page).toContain("Changed question 3 (declined): options.");
    expect(page).toContain("Added question 4 (verified).");
    expect(page).toContain("Removed question dropped.");
    expect(page).not.toContain("(alleged)");
  });

  it("matches Aiken questions (which have no ids) by their text, so an inserted question does not shift the others", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("aiken");
    const first = "Which word hedges a claim?\nA. may\nB. is\nANSWER: A\n\nWho said the bridge would reopen?\nA. The mayor\nB. An engineer\nANSWER: A\n";
    await uploadSet(browser, slug, first, { format: "aiken", title: "Aiken set", skill: "hedging" });
    await editQuestion(browser, slug, "q2", { "sources[0].document": "002", "sources[0].quote": "said the agency was behind the attack", difficulty: "hard" });
    await browser.get(`/teach/sets/${slug}`);
    const inserted = `What does alleged signal?\nA. Proven\nB. Unproven\nANSWER: B\n\n${first}`;
    const uploaded = await browser.postMultipart(`/teach/sets/${slug}/versions`, {
      format: "aiken",
      content: inserted,
      revision: revisionOn(browser.lastHtml),
    });
    expect(uploaded.status).toBe(303);
    const draft = (await storedSet(teacher.id, slug))?.draft;
    expect(draft?.questions.map((q) => [q.id, q.prompt])).toEqual([
      ["q1-2", "What does alleged signal?"],
      ["q1", "Which word hedges a claim?"],
      ["q2", "Who said the bridge would reopen?"],
    ]);
    expect(draft?.questions[2]).toMatchObject({ difficulty: "hard", sources: [{ document: "002" }] });
    expect(draft?.title).toBe("Aiken set");
  });

  it("keeps what is there through the API too, and reports the changes", async () => {
    const owner: ApiTeacher = await createTeacherWithToken();
    const slug = unique("api-keep");
    const created = await apiRequest("POST", "/api/sets", {
      token: owner.token,
      json: { slug, format: "gift", content: GIFT_V1, title: "API set", skill: "hedging" },
    });
    expect(created.status).toBe(201);
    const updated = await apiRequest("PUT", `/api/sets/${slug}`, { token: owner.token, json: { format: "gift", content: GIFT_V2 } });
    expect(updated.status).toBe(200);
    const body = (await updated.json()) as { changes: string[]; version: number };
    expect(body.version).toBe(1);
    // Never published: the changes describe the new set.
    expect(body.changes).toEqual(["A new set with 4 questions."]);
    const detail = (await (await apiRequest("GET", `/api/sets/${slug}`, { token: owner.token })).json()) as {
      title: string;
      questions: { draft: { skill: string }[] };
    };
    expect(detail.title).toBe("API set");
    expect(detail.questions.draft.map((q) => q.skill)).toEqual(["hedging", "hedging", "hedging", "hedging"]);
  });

  it("lets an explicit title, skill and difficulty win for what they cover", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("explicit");
    await uploadSet(browser, slug, GIFT_V1, { format: "gift", title: "Old title", skill: "hedging" });
    await browser.get(`/teach/sets/${slug}`);
    await browser.postMultipart(`/teach/sets/${slug}/versions`, {
      format: "gift",
      content: GIFT_V2,
      title: "New title",
      skill: "verification",
      difficulty: "hard",
      revision: revisionOn(browser.lastHtml),
    });
    const draft = (await storedSet(teacher.id, slug))?.draft;
    expect(draft?.title).toBe("New title");
    // Matching questions keep their own skill; only the new one takes the form's.
    expect(draft?.questions.map((q) => [q.id, q.skill, q.difficulty])).toEqual([
      ["alleged", "hedging", "medium"],
      ["unnamed", "hedging", "medium"],
      ["declined", "hedging", "medium"],
      ["verified", "verification", "hard"],
    ]);
  });

  it("refuses an upload from an out-of-date page", async () => {
    const { teacher, browser } = await signedInTeacher();
    const slug = unique("stale-upload");
    await uploadSet(browser, slug, GIFT_V1, { format: "gift", title: "Stale" });
    await browser.get(`/teach/sets/${slug}`);
    const revision = revisionOn(browser.lastHtml);
    await addQuestion(browser, slug, { type: "essay", skill: "hedging", difficulty: "easy", prompt: "Explain a hedge." });
    const before = await storedSet(teacher.id, slug);
    const stale = await browser.postMultipart(`/teach/sets/${slug}/versions`, { format: "gift", content: GIFT_V2, revision });
    expect(stale.status).toBe(409);
    expect(await storedSet(teacher.id, slug)).toEqual(before);
  });
});
