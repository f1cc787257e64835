import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, browserAvailable, launchChromium } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";

const WIDTH = 375;

describe.runIf(browserAvailable())("a teacher writes a set in the editor, in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  const email = "okafor@school.example";
  const password = "a-long-editor-password";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
    server.createTeacher(email, password, "Ms Okafor");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Nothing is wider than the phone-sized window, and axe finds nothing (axe runs in the page, so
   * only where JavaScript is on: the pages are the same HTML either way).
   */
  async function expectUsable(page: Page, axe: boolean) {
    await page.waitForLoadState("load");
    if (axe) expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(WIDTH);
  }

  /** On the quote picker: a sentence ticked (JavaScript off) or the same words selected (on). */
  async function pickSentence(page: Page, javaScript: boolean, startsWith: string, into: "source" | "passage") {
    await expectUsable(page, javaScript);
    const sentence = page.locator("label.sentence", { hasText: startsWith }).first();
    if (javaScript) {
      // Select the first words of the sentence, as a mouse drag would.
      await sentence.locator("span[data-start]").evaluate((span, words) => {
        const text = span.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, words.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }, startsWith);
      await page.locator("#selection").waitFor({ state: "visible" });
      expect(await page.locator("#selection-text").textContent()).toBe(startsWith);
    } else {
      await sentence.locator("input").check();
    }
    await page.getByRole("button", { name: `Add as a ${into}`, exact: true }).click();
    await page.locator("#saved").waitFor();
  }

  async function signIn(page: Page) {
    await page.goto(`${server.url}/teach/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/teach`);
  }

  for (const javaScript of [true, false]) {
    it(`creates a set from scratch, picks every quote from the documents, edits, reorders and publishes one version (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const slug = javaScript ? "reading-a-claim" : "reading-a-claim-plain";
      const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: WIDTH, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const usable = (p: Page) => expectUsable(p, javaScript);
      await signIn(page);

      // 1. A new set, from scratch.
      await page.getByRole("navigation", { name: "Teacher" }).getByRole("link", { name: "Add a set" }).click();
      await usable(page);
      await page.locator("#blank-slug").fill(slug);
      await page.locator("#blank-title").fill("Reading a claim of responsibility");
      await page.locator("#blank-summary").fill("Who says the agency did it, and how do we know?");
      await page.getByRole("button", { name: "Create and open the editor" }).click();
      await page.waitForURL(`**/teach/sets/${slug}/edit`);
      await usable(page);

      // 2. A single-choice question; its source and passage are picked from document 002.
      await page.getByLabel("Add a question of type").selectOption("single");
      await page.getByRole("button", { name: "Add a question" }).click();
      await usable(page);
      await page.locator("#f-skill").selectOption("attribution");
      await page.locator("#f-prompt").fill("According to the text, who says the SBU was behind the attack?");
      await page.locator("#f-options-0-text").fill("An SBU official who is not named");
      await page.locator("#f-options-0-feedback").fill("Right: the text gives the reason the official is unnamed.");
      await page.locator("#f-options-0-correct").check();
      await page.locator("#f-options-1-text").fill("The U.S. State Department");
      await page.locator("#f-options-1-feedback").fill("No: its spokesman says the US was not involved.");
      await page.locator("#f-explanation").fill("Find who makes a claim before you weigh it.");
      await page.getByRole("button", { name: "Save and pick a source from a document" }).click();
      await usable(page);
      await page.getByRole("link", { name: "Blue report" }).click();
      await pickSentence(page, javaScript, "An SBU official, speaking on the condition of anonymity", "source");
      await usable(page);
      await page.getByRole("button", { name: "Save and pick a passage from a document" }).click();
      await page.getByRole("link", { name: "Blue report" }).click();
      await pickSentence(page, javaScript, "The official described Kirillov", "passage");

      // 3. A true/false question, with its source picked the same way.
      await page.getByRole("link", { name: "Back to the editor" }).click();
      await page.getByLabel("Add a question of type").selectOption("true_false");
      await page.getByRole("button", { name: "Add a question" }).click();
      await page.locator("#f-skill").selectOption("anonymous-sources");
      await page.locator("#f-prompt").fill("True or false: the text names the SBU official.");
      await page.locator("#f-options-1-correct").check();
      await page.locator("#f-options-0-feedback").fill("No: the official is not named.");
      await page.locator("#f-options-1-feedback").fill("Right: the official spoke on condition of anonymity.");
      await page.locator("#f-explanation").fill("Notice when a source is not named, and why.");
      await page.getByRole("button", { name: "Save and pick a source from a document" }).click();
      await page.getByRole("link", { name: "Blue report" }).click();
      await pickSentence(page, javaScript, "An SBU official, speaking on the condition of anonymity", "source");

      // 4. Edit one option of the first question, then move the second question up.
      await page.getByRole("link", { name: "Back to the editor" }).click();
      await page.getByRole("link", { name: "According to the text, who says the SBU was behind the attack?" }).click();
      await page.locator("#f-options-1-text").fill("Matthew Miller, for the State Department");
      await page.getByRole("button", { name: "Save question" }).click();
      await page.locator("#saved").waitFor();
      await page.getByRole("link", { name: "Back to the editor" }).click();
      await page.locator("ol.editor-questions > li").nth(1).getByRole("button", { name: "Move up" }).click();
      await page.locator("#saved").waitFor();
      expect(await page.locator("ol.editor-questions > li p a").allTextContents()).toEqual([
        "True or false: the text names the SBU official.",
        "According to the text, who says the SBU was behind the attack?",
      ]);
      await usable(page);

      // 5. Publish: one new version, however many saves it took.
      await page.getByRole("button", { name: "Publish version 1" }).click();
      await page.waitForURL(`**/teach/sets/${slug}`);
      await usable(page);
      const [set] = server.query<{ id: number; versions: number; draft: string | null }>(
        `SELECT id, draft, (SELECT count(*) FROM set_versions v WHERE v.set_id = s.id) AS versions FROM question_sets s WHERE s.slug = '${slug}'`,
      );
      expect(set).toMatchObject({ versions: 1, draft: null });
      const stored = server.query<{ content: string }>(
        `SELECT q.content FROM questions q JOIN set_versions v ON v.id = q.set_version_id WHERE v.set_id = ${set?.id} ORDER BY q.position`,
      );
      const questions = stored.map((row) => JSON.parse(row.content));
      expect(questions.map((q) => q.type)).toEqual(["true_false", "single"]);
      expect(questions[1].options[1].text).toBe("Matthew Miller, for the State Department");
      expect(questions[1].sources[0].quote).toMatch(/^An SBU official, speaking on the condition of anonymity/);
      expect(questions[1].passages[0].quote).toMatch(/^The official described Kirillov/);

      // 6. A student plays it from the set's student link.
      const studentLink = (await page.locator("dl.meta-list a[href^='/sets/']").getAttribute("href")) ?? "";
      const studentContext = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: WIDTH, height: 800 } });
      const student = await studentContext.newPage();
      student.setDefaultTimeout(20_000);
      await student.goto(`${server.url}${studentLink}`);
      await student.getByRole("button", { name: "Start the quiz" }).click();
      await student.getByRole("radio", { name: "False", exact: true }).check();
      await student.getByRole("button", { name: "Check answer" }).click();
      await student.locator("#verdict").waitFor();
      expect(await student.locator('main a[href*="hl="]').count()).toBeGreaterThan(0);
      await student.locator("a.button").first().click();
      await student.getByLabel("An SBU official who is not named").check();
      await student.getByRole("button", { name: "Check answer" }).click();
      await student.locator("#verdict").waitFor();
      await student.locator("a.button").first().click();
      await student.waitForURL(/\/attempts\/[0-9a-f-]+$/);
      expect(await student.locator(".score").textContent()).toBe("2 of 2 (100%)");
      await studentContext.close();

      // 7. The help pages are usable on a phone too.
      for (const path of ["/teach/help", "/teach/help/format", `/teach/sets/${slug}/delete`]) {
        await page.goto(`${server.url}${path}`);
        await usable(page);
      }
      await context.close();
    });
  }
});
