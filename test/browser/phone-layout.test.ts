import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, browserAvailable, launchChromium } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";
import { PHONE_WIDTH, sidewaysScroll, teacherPages } from "./teacher-pages.ts";

describe.runIf(browserAvailable())("every teacher page on a 375 px phone", () => {
  let server: DevServer;
  let browser: Browser;
  const account = { email: "okafor@school.example", password: "a-long-teacher-password" };

  // Starting wrangler dev takes minutes on a busy 2-core machine.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
    server.createTeacher(account.email, account.password, "Mr Okafor");
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("walks the dashboard, set, editor, documents, classes, results, account, help, formats and API docs without sideways scroll or axe violations", async () => {
    const context = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const paths = await teacherPages(browser, page, server, account);
    expect(paths).toHaveLength(29);
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      const { scrollWidth, culprits } = await sidewaysScroll(page);
      if (scrollWidth > PHONE_WIDTH) problems.push(`${path}: ${scrollWidth} px wide (${culprits.join(", ")})`);
      const violations = await axeViolations(page);
      if (violations.length) problems.push(`${path}: axe ${violations.join("; ")}`);
    }
    // The sign-in and sign-up pages too, signed out.
    await context.clearCookies();
    for (const path of ["/teach/login", "/teach/signup"]) {
      await page.goto(`${server.url}${path}`);
      const { scrollWidth, culprits } = await sidewaysScroll(page);
      if (scrollWidth > PHONE_WIDTH) problems.push(`${path}: ${scrollWidth} px wide (${culprits.join(", ")})`);
      const violations = await axeViolations(page);
      if (violations.length) problems.push(`${path}: axe ${violations.join("; ")}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);
});
