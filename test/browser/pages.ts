import type { Page } from "playwright-core";
import type { DevServer } from "./dev-server.ts";

/** A page's geometry, for layout assertions: where an element sits and whether it is on screen. */
export async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page (or not rendered)`);
  return { ...found, bottom: found.y + found.height, right: found.x + found.width };
}

/** Scroll width beyond the viewport: sideways scrolling a student would have to do. */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Answers whatever the page asks with its first choice (or a word), and submits the form. */
export async function answerWithFirstChoice(page: Page): Promise<void> {
  const choice = page.locator("form.answer input[name=choice]");
  if (await choice.count()) await choice.first().check();
  else if (await page.locator("form.answer [name=text]").count()) await page.locator("form.answer [name=text]").fill("the mayor");
  else if (await page.locator("form.answer [name=number]").count()) await page.locator("form.answer [name=number]").fill("1");
  for (const select of await page.locator("form.answer select").all()) await select.selectOption({ index: 1 });
  await page.locator("form.answer button[type=submit]").click();
}

/** The question count from "Question 4 of 11". */
export async function questionCount(page: Page): Promise<number> {
  return Number(/of (\d+)/.exec((await page.locator("h1").textContent()) ?? "")?.[1]);
}

/** Signs in as a teacher, pastes a set, publishes it: students then reach it at /sets/<slug>. */
/** Publishes a set as a teacher; returns the students' address of the set (its public slug). */
export async function publishAsTeacher(
  page: Page,
  server: DevServer,
  account: { email: string; password: string },
  slug: string,
  yaml: string,
): Promise<string> {
  await page.goto(`${server.url}/teach/login`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/teach`);
  await page.goto(`${server.url}/teach/sets/new`);
  await page.locator("#slug").fill(slug);
  await page.getByLabel("…or paste the set").fill(yaml);
  await page.getByRole("button", { name: "Check and preview" }).click();
  await page.waitForURL(`**/teach/sets/${slug}`);
  await page.getByRole("button", { name: /^Publish/ }).click();
  await page.locator("dl.meta-list", { hasText: "version 1" }).waitFor();
  const link = await page.locator('dl.meta-list a[href^="/sets/"]').getAttribute("href");
  return (link ?? "").replace("/sets/", "");
}

/** An evidence-selection set on document 002, for the tap-to-highlight journey. */
export const EVIDENCE_SET = `title: "Who says the SBU did it?"
summary: Select the sentence that carries the claim.
skills: [anonymous-sources]
documents: ["002"]
questions:
  - id: which-sentence
    type: evidence
    skill: anonymous-sources
    difficulty: easy
    prompt: Select the sentence in which an unnamed official says who was behind the attack.
    passages:
      - document: "002"
        quote: "An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack. The official described Kirillov as a “war criminal and an entirely legitimate target.”"
    options:
      - id: a
        text: "An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack."
        feedback: Right. The official is not named, and this is the sentence that says who was behind it.
      - id: b
        text: "The official described Kirillov as a “war criminal and an entirely legitimate target.”"
        feedback: No. This sentence describes Kirillov; it does not say who carried out the attack.
    answer: [a]
    explanation: Find the sentence that carries the claim, then notice who makes it.
    sources:
      - document: "002"
        quote: "An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack."
`;
