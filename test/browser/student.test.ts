import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, browserAvailable, launchChromium, tabTo } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";

const SET = "who-says-so";
const screenshot = fileURLToPath(new URL("./screenshots/student-feedback.png", import.meta.url));

describe.runIf(browserAvailable())("a student in Chromium", () => {
  let server: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
  }

  it("takes a whole set with the keyboard only, seeing feedback and linked sources after every answer", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });

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

    const total = Number(/Question 1 of (\d+)/.exec(await page.locator("h1").innerText())?.[1]);
    expect(total).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= total; n++) {
      await expect.poll(() => page.locator("h1").innerText()).toBe(`Question ${n} of ${total}`);
      if (n === 1) await expectAccessible(page);
      // Choose the first option: Tab into the group, Space to select it.
      await tabTo(page, "input[name=choice]");
      await page.keyboard.press("Space");
      expect(await page.locator("input[name=choice]:checked").count()).toBe(1);
      await tabTo(page, "button[type=submit]");
      await page.keyboard.press("Enter");
      await page.locator("#verdict").waitFor();

      // Focus moves to the verdict, so keyboard and screen-reader users start at the result.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("verdict");
      // Feedback: verdict in words, an explanation, and sources linked to the highlighted passage.
      expect(await page.locator("#verdict").innerText()).toMatch(/Correct|Not quite/);
      expect(await page.getByRole("heading", { name: "Explanation" }).count()).toBe(1);
      const sourceLinks = page.locator('figcaption a[href*="/documents/"][href*="hl="]');
      expect(await sourceLinks.count()).toBeGreaterThan(0);
      if (n === 1) {
        await expectAccessible(page);
        await page.screenshot({ path: screenshot, fullPage: true });
        // The source link opens the reader at the highlighted passage.
        const href = (await sourceLinks.first().getAttribute("href")) ?? "";
        const reader = await context.newPage();
        await reader.goto(new URL(href, server.url).toString());
        expect(await reader.locator("mark#hl").count()).toBe(1);
        await expectAccessible(reader);
        await reader.close();
      }
      await tabTo(page, n < total ? `a.button[href$="/questions/${n + 1}"]` : `a.button[href="/attempts/${attemptId}"]`);
      await page.keyboard.press("Enter");
    }

    await page.waitForURL(`**/attempts/${attemptId}`);
    expect(await page.locator("h1").innerText()).toBe("Your score");
    expect(await page.locator(".score").innerText()).toMatch(new RegExp(`^\\d+ of ${total} \\(\\d+%\\)$`));
    await expectAccessible(page);

    await page.goto(`${server.url}/me`);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);

    // The attempt and every response are in D1.
    const [attempt] = server.query<{ answered_count: number; finished_at: number | null }>(
      `SELECT answered_count, finished_at FROM attempts WHERE id = '${attemptId}'`,
    );
    expect(attempt?.answered_count).toBe(total);
    expect(attempt?.finished_at).not.toBeNull();
    expect(server.query<{ n: number }>(`SELECT count(*) AS n FROM responses WHERE attempt_id = '${attemptId}'`)[0]?.n).toBe(total);
    await context.close();
  });

  it("works the same with JavaScript disabled, at 320 px wide", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sets/${SET}`);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/questions\/1$/);
    const total = Number(/of (\d+)/.exec(await page.locator("h1").innerText())?.[1]);
    for (let n = 1; n <= total; n++) {
      await page.locator("h1", { hasText: `Question ${n} of ${total}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.locator("input[name=choice]").last().check();
      await page.getByRole("button", { name: "Check answer" }).click();
      await page.locator("#verdict").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await page.locator('figcaption a[href*="hl="]').count()).toBeGreaterThan(0);
      await page.locator("a.button").first().click();
    }
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    expect(await page.locator(".score").innerText()).toMatch(new RegExp(`of ${total}`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it("plays every published set in the library to its score", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const slugs = await page.locator('ul.cards h2 a[href^="/sets/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(slugs.length).toBeGreaterThanOrEqual(6);
    for (const href of slugs) {
      await page.goto(`${server.url}${href}`);
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await page.waitForURL(/questions\/1$/);
      const total = Number(/of (\d+)/.exec((await page.locator("h1").textContent()) ?? "")?.[1]);
      for (let n = 1; n <= total; n++) {
        await page.locator("h1", { hasText: `Question ${n} of ${total}` }).waitFor();
        await page.locator("input[name=choice]").first().check();
        await page.getByRole("button", { name: "Check answer" }).click();
        // A check's last answer leads straight to its results.
        await page.locator("#verdict, .score").first().waitFor();
        if (n === total && (await page.locator(".score").count()) > 0) break;
        const sources = await page.locator('figcaption a[href*="hl="]').count();
        // A check shows no verdict or source until the end; practice cites sources after every answer.
        if ((await page.locator("#verdict").innerText()) === "Answer saved") expect(sources, `${href} question ${n} hides sources`).toBe(0);
        else expect(sources, `${href} question ${n} cites a source`).toBeGreaterThan(0);
        await page.locator("a.button").first().click();
      }
      await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
      expect(await page.locator(".score").textContent(), href).toMatch(new RegExp(`^\\d+ of ${total} \\(\\d+%\\)$`));
    }
    await context.close();
  }, 900_000); // 106 questions, one page load each: a long walk, not a slow one.
});
