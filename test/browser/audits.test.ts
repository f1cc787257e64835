import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibility, bestPractices, loadPage, MOBILE, performance, seo } from "./audits.ts";
import { browserAvailable, launchChromium } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";
import { answerWithFirstChoice, questionCount } from "./pages.ts";

/**
 * Lighthouse's four mobile categories, as checks on the five pages the issue names: home,
 * question, feedback, summary and reader (see audits.ts for what each category checks).
 */
const STUDENT = fileURLToPath(new URL("../../test-results/audit-student.json", import.meta.url));

describe.runIf(browserAvailable())("Lighthouse-equivalent audits on a phone", () => {
  let server: DevServer;
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
    // One student: a finished attempt (feedback and summary) and a fresh one (an unanswered question).
    const context = await browser.newContext(MOBILE);
    const page = await context.newPage();
    for (const finish of [true, false]) {
      await page.goto(`${server.url}/sets/one-event-two-accounts`);
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await page.waitForURL(/questions\/1$/);
      if (!finish) {
        pages.question = page.url();
        break;
      }
      pages.feedback = page.url();
      const total = await questionCount(page);
      for (let n = 1; n <= total; n++) {
        await page.locator("h1", { hasText: `Question ${n} of ${total}` }).waitFor();
        await answerWithFirstChoice(page);
        await page.locator(".result a.button").click();
      }
      await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
      pages.summary = page.url();
    }
    pages.home = `${server.url}/`;
    pages.reader = `${server.url}/documents/004?hl=${encodeURIComponent("Ukraine denied any involvement")}#hl`;
    await context.storageState({ path: STUDENT });
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(["home", "question", "feedback", "summary", "reader"])("%s: accessibility, best practices, SEO and performance", async (name) => {
    const context = await browser.newContext({ ...MOBILE, storageState: STUDENT });
    const load = await loadPage(await context.newPage(), pages[name] ?? "");
    expect(await accessibility(load), "accessibility").toEqual([]);
    expect(await bestPractices(load), "best practices").toEqual([]);
    expect(await seo(load), "SEO").toEqual([]);
    expect(await performance(load), "performance").toEqual([]);
    await context.close();
  });
});
