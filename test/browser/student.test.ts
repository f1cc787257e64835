import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, browserAvailable, launchChromium, tabTo } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";
import { answerWithFirstChoice, box, EVIDENCE_SET, overflow, publishAsTeacher, questionCount } from "./pages.ts";

/** Two accounts of one event: questions with one passage and with two. */
const SET = "one-event-two-accounts";
/** Screenshots for people to look at (dark mode, forced colours): in an ignored folder, never tracked. */
const look = (name: string) => fileURLToPath(new URL(`../../test-results/screenshots/${name}.png`, import.meta.url));

describe.runIf(browserAvailable())("a student in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  const teacher = { email: "evidence@school.example", password: "a-long-teacher-password" };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
    server.createTeacher(teacher.email, teacher.password, "Ms Evidence");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page, javaScriptOff = false) {
    expect(await axeViolations(page, { javaScriptOff }), `axe on ${page.url()}`).toEqual([]);
  }

  async function studentPage(options: BrowserContextOptions = {}) {
    const context = await browser.newContext(options);
    // A step that cannot happen fails with its locator instead of waiting for the test timeout.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    return { context, page, consoleErrors };
  }

  async function startSet(page: Page, slug: string) {
    await page.goto(`${server.url}/sets/${slug}`);
    await page.getByRole("button", { name: /^Start the/ }).click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]+\/questions\/1$/);
    return /attempts\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? "";
  }

  it("takes a set with the keyboard at 1280 px: passages beside the options, feedback first, a study plan at the end", async () => {
    const { context, page, consoleErrors } = await studentPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await expectAccessible(page);
    await tabTo(page, `a[href="/sets/${SET}"]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/sets/${SET}`);
    await expectAccessible(page);
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/attempts\/[0-9a-f-]+\/questions\/1$/);
    const attemptId = /attempts\/([0-9a-f-]+)\//.exec(page.url())?.[1];
    const total = await questionCount(page);
    const layouts = new Set<number>();

    for (let n = 1; n <= total; n++) {
      await expect.poll(() => page.locator("h1").innerText(), { timeout: 20_000 }).toBe(`Question ${n} of ${total}`);
      expect(await page.locator("progress").first().getAttribute("value")).toBe(String(n - 1));
      const passages = await page.locator("details.passage").count();
      if (passages > 0 && !layouts.has(passages)) {
        // Passages sit beside the prompt and options; two passages side by side.
        const first = await box(page, "details.passage");
        const options = await box(page, "form.answer fieldset");
        expect(first.right, "passages left of the options").toBeLessThanOrEqual(options.x);
        expect(first.y, "passages and options share the screen").toBeLessThan(options.bottom);
        expect(options.y).toBeLessThan(first.bottom + 200);
        if (passages === 2) {
          const second = await box(page, "details.passage >> nth=1");
          expect(Math.abs(second.y - first.y), "two passages start level").toBeLessThan(2);
          expect(second.x).toBeGreaterThanOrEqual(first.right);
        }
        layouts.add(passages);
        await expectAccessible(page);
      }
      await tabTo(page, "input[name=choice]");
      await page.keyboard.press("Space");
      await tabTo(page, "form.answer button[type=submit]");
      await page.keyboard.press("Enter");
      await page.locator("#verdict").waitFor();
      // Focus moves to the verdict; the next Tab reaches "Next", on screen.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 }).toBe("verdict");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.matches(".result a.button"))).toBe(true);
      expect((await box(page, ".result a.button")).bottom).toBeLessThanOrEqual(900);
      // Every option is reviewed with its feedback; the evidence links to the highlighted reader.
      expect(await page.locator(".review-options li").count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator(".review-options .badge.you").count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator(".evidence a[href*='hl=']").count()).toBeGreaterThan(0);
      if (n === 1) {
        await expectAccessible(page);
        const href = (await page.locator(".evidence a[href*='hl=']").first().getAttribute("href")) ?? "";
        const reader = await context.newPage();
        await reader.goto(new URL(href, server.url).toString());
        // The passage is highlighted and scrolled into view.
        const mark = await box(reader, "mark#hl");
        expect(mark.y).toBeGreaterThanOrEqual(0);
        expect(mark.bottom).toBeLessThanOrEqual(900);
        const id = /documents\/([a-z0-9-]+)/.exec(href)?.[1] ?? "";
        const file = readFileSync(fileURLToPath(new URL(`../../questions/documents/${id}.md`, import.meta.url)), "utf8");
        const body = file.slice(file.indexOf("---", 4) + 3);
        const paragraphs = body.split("\n").filter((line) => line.trim() !== "").length;
        expect(await reader.locator(".reader p").count(), `paragraphs of ${id}`).toBe(paragraphs);
        await expectAccessible(reader);
        await reader.close();
      }
      await page.keyboard.press("Enter");
    }
    // One passage and two side by side at least (a three-passage question stacks them beside the options).
    expect([...layouts]).toEqual(expect.arrayContaining([1, 2]));

    await page.waitForURL(`**/attempts/${attemptId}`);
    expect(await page.locator("h1").innerText()).toBe("Your score");
    expect(await page.locator(".score").innerText()).toMatch(new RegExp(`^\\d+ of ${total} \\(\\d+%\\)$`));
    expect(await page.getByRole("heading", { name: "By skill" }).count()).toBe(1);
    await expectAccessible(page);
    const review = page.getByRole("link", { name: /^Review the/ });
    if ((await review.count()) > 0) {
      await review.click();
      await page.waitForURL(`**/attempts/${attemptId}/review`);
      expect(await page.locator("h1").innerText()).toMatch(/^What you missed \(\d+\)$/);
      await expectAccessible(page);
      await page.getByRole("button", { name: /^Retry only/ }).click();
      await page.waitForURL(/\/attempts\/[0-9a-f-]+\/questions\/1$/);
      expect(page.url()).not.toContain(attemptId);
      await expectAccessible(page);
    }
    await page.goto(`${server.url}/me`);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    expect(server.query<{ n: number }>(`SELECT count(*) AS n FROM responses WHERE attempt_id = '${attemptId}'`)[0]?.n).toBe(total);
    await context.close();
  });

  it("works with JavaScript off at 320 × 640: collapsible passages, options within reach, the verdict and Next in view", async () => {
    const { context, page } = await studentPage({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    await startSet(page, SET);
    const total = await questionCount(page);
    for (let n = 1; n <= total; n++) {
      await page.locator("h1", { hasText: `Question ${n} of ${total}` }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      const passages = await page.locator("details.passage").count();
      if (passages > 1) {
        // A link skips the passages; each passage folds away.
        expect(await page.locator("a.jump").getAttribute("href")).toBe("#answer");
        const firstOption = (await box(page, "form.answer .choice")).y;
        await page.locator("details.passage summary").first().click();
        expect(await page.locator("details.passage").first().getAttribute("open")).toBeNull();
        expect((await box(page, "form.answer .choice")).y).toBeLessThan(firstOption);
      }
      if (n === 1) await expectAccessible(page, true);
      await page.locator("form.answer input[name=choice]").last().check();
      await page.getByRole("button", { name: "Check answer" }).click();
      await page.locator("#verdict").waitFor();
      expect((await box(page, ".result")).bottom, `question ${n}: verdict in view`).toBeLessThanOrEqual(640);
      expect((await box(page, ".result a.button")).bottom).toBeLessThanOrEqual(640);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (n === 1) await expectAccessible(page, true);
      await page.locator(".result a.button").click();
    }
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    expect(await page.locator(".score").innerText()).toMatch(new RegExp(`of ${total}`));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, true);
    await context.close();
  });

  it("selects evidence by tapping sentences with JavaScript on, and by ticking boxes with it off", async () => {
    const teacherContext = await browser.newContext();
    teacherContext.setDefaultTimeout(30_000);
    const publicSlug = await publishAsTeacher(await teacherContext.newPage(), server, teacher, "which-sentence", EVIDENCE_SET);
    await teacherContext.close();
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await studentPage({ javaScriptEnabled, viewport: { width: 375, height: 667 } });
      await startSet(page, publicSlug);
      expect(await page.locator("fieldset.sentences input[type=checkbox]").count()).toBe(2);
      const sentence = page.locator("fieldset.sentences label").first();
      if (javaScriptEnabled) {
        // A tap on the sentence selects it and highlights it; a second tap lets it go.
        await sentence.click();
        expect(await page.locator("#choice-a").isChecked()).toBe(true);
        const highlight = await sentence.evaluate((label) => getComputedStyle(label).backgroundColor);
        expect(highlight).not.toBe("rgba(0, 0, 0, 0)");
        await sentence.click();
        expect(await page.locator("#choice-a").isChecked()).toBe(false);
        await sentence.click();
      } else {
        await page.locator("#choice-a").check();
      }
      await expectAccessible(page, !javaScriptEnabled);
      await page.getByRole("button", { name: "Check answer" }).click();
      await page.locator("#verdict").waitFor();
      expect(await page.locator("#verdict").innerText()).toBe("✓ Correct");
      expect(await page.locator(".review-options li").count()).toBe(2);
      await expectAccessible(page, !javaScriptEnabled);
      await context.close();
    }
  });

  it("looks right in dark mode, in forced colours and in print", async () => {
    const dark = await studentPage({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
    await dark.page.goto(server.url);
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(20, 23, 27)");
    await expectAccessible(dark.page);
    await startSet(dark.page, SET);
    await expectAccessible(dark.page);
    await dark.page.locator("form.answer input[name=choice]").first().check();
    await dark.page.getByRole("button", { name: "Check answer" }).click();
    await dark.page.locator("#verdict").waitFor();
    await expectAccessible(dark.page);
    await dark.page.screenshot({ path: look("dark-feedback"), fullPage: true });
    await dark.context.close();

    const forced = await studentPage({ forcedColors: "active", viewport: { width: 1280, height: 900 } });
    await startSet(forced.page, SET);
    // Buttons keep a visible edge when forced colours drop their background.
    const button = await forced.page.getByRole("button", { name: "Check answer" }).evaluate((b) => ({
      width: getComputedStyle(b).borderTopWidth,
      color: getComputedStyle(b).borderTopColor,
      canvas: getComputedStyle(document.body).backgroundColor,
    }));
    expect(Number.parseFloat(button.width)).toBeGreaterThanOrEqual(2);
    expect(button.color).not.toBe(button.canvas);
    await forced.page.screenshot({ path: look("forced-question"), fullPage: true });
    await expectAccessible(forced.page);
    await forced.context.close();

    const print = await studentPage({ viewport: { width: 800, height: 1000 } });
    await print.page.goto(`${server.url}/documents/004`);
    await print.page.emulateMedia({ media: "print" });
    expect(await print.page.locator("header.site").isVisible()).toBe(false);
    expect(await print.page.locator("footer").isVisible()).toBe(false);
    expect(await print.page.locator(".reader p").last().isVisible()).toBe(true);
    // A closed details (the provenance notes) prints its content.
    expect(await print.page.locator("article details li").first().isVisible()).toBe(true);
    await print.page.screenshot({ path: look("print-reader"), fullPage: true });
    await print.context.close();
  });

  it("plays every published set in the library to its score", async () => {
    const { context, page } = await studentPage();
    await page.goto(server.url);
    const slugs = await page.locator('ul.sets h3 a[href^="/sets/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    for (const href of slugs) {
      await page.goto(`${server.url}${href}`);
      await page.getByRole("button", { name: /^Start the/ }).click();
      await page.waitForURL(/questions\/1$/);
      const total = await questionCount(page);
      for (let n = 1; n <= total; n++) {
        await page.locator("h1", { hasText: `Question ${n} of ${total}` }).waitFor();
        await answerWithFirstChoice(page);
        // A check's last answer leads straight to its results.
        await page.locator("#verdict, .score").first().waitFor();
        if (n === total && (await page.locator(".score").count()) > 0) break;
        const sources = await page.locator(".evidence a[href*='hl=']").count();
        // A check shows no verdict or source until the end; practice cites sources after every answer.
        if ((await page.locator("#verdict").innerText()) === "Answer saved") expect(sources, `${href} question ${n} hides sources`).toBe(0);
        else expect(sources, `${href} question ${n} cites a source`).toBeGreaterThan(0);
        await page.locator(".result a.button").click();
      }
      await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
      expect(await page.locator(".score").textContent(), href).toMatch(new RegExp(`^\\d+ of ${total} \\(\\d+%\\)$`));
    }
    await context.close();
  }, 900_000); // about a hundred questions, one page load each: a long walk, not a slow one.
});
