import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { startDevServer } from "./dev-server.ts";
import { answerWithFirstChoice, questionCount } from "./pages.ts";

/**
 * Usage: npm run screenshots — writes the README's screenshots to docs/screenshots/ from the
 * real app (its own temporary D1, as in the browser tests). Tests never write tracked files;
 * this command is the one place that does.
 */
const out = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
mkdirSync(out, { recursive: true });
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${out}${name}.png`, fullPage });

const TEACHER = { email: "screens@school.example", password: "a-long-teacher-password", name: "Ms Rivera" };
const TEACHER_SET = `title: "Reading a claim of responsibility"
summary: Who says the agency did it, and how do we know?
skills: [attribution]
documents: ["002"]
questions:
  - id: who-claims
    type: single
    skill: attribution
    difficulty: easy
    prompt: According to [[002]], who said the SBU was behind the attack?
    passages:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.
    options:
      - {id: a, text: An SBU official who is not named, feedback: "Right: the text gives the reason the official is unnamed."}
      - {id: b, text: The U.S. State Department, feedback: "No: its spokesman says the US was not involved."}
    answer: a
    explanation: Find who makes a claim before you weigh it.
    sources:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.
`;

async function student(browser: Browser, server: { url: string }) {
  // Desktop: home, a two-passage question, then its feedback in dark mode, then the summary.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await desktop.newPage();
  await page.goto(server.url);
  await shot(page, "home");
  await page.goto(`${server.url}/sets/one-event-two-accounts`);
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/questions\/1$/);
  const total = await questionCount(page);
  let n = 1;
  while ((await page.locator("details.passage").count()) < 2 && n < total) {
    await answerWithFirstChoice(page);
    await page.locator(".result a.button").click();
    n++;
    await page.locator("h1", { hasText: `Question ${n} ` }).waitFor();
  }
  await shot(page, "student-question");
  await answerWithFirstChoice(page);
  await page.locator("#verdict").waitFor();
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "student-feedback-dark");
  await page.emulateMedia({ colorScheme: "light" });
  for (; n < total; n++) {
    await page.locator(".result a.button").click();
    await page.locator("h1", { hasText: `Question ${n + 1} ` }).waitFor();
    await answerWithFirstChoice(page);
    await page.locator("#verdict").waitFor();
  }
  await page.locator(".result a.button").click();
  await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
  await shot(page, "student-summary", true);
  await desktop.close();

  // A phone without JavaScript: the verdict and "Next" first; the reader at the passage.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
  const small = await phone.newPage();
  await small.goto(`${server.url}/sets/claims-hedges-evidence`);
  await small.getByRole("button", { name: "Start the quiz" }).click();
  await small.waitForURL(/questions\/1$/);
  await shot(small, "phone-question");
  await small.locator("form.answer input[name=choice]").last().check();
  await small.getByRole("button", { name: "Check answer" }).click();
  await small.locator("#verdict").waitFor();
  await shot(small, "phone-feedback");
  await small.goto(`${server.url}/documents/004?hl=${encodeURIComponent("Ukraine denied any involvement")}#hl`);
  await shot(small, "phone-reader");
  await phone.close();
}

async function teacher(browser: Browser, server: Awaited<ReturnType<typeof startDevServer>>) {
  server.createTeacher(TEACHER.email, TEACHER.password, TEACHER.name);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/teach/login`);
  await page.getByLabel("Email").fill(TEACHER.email);
  await page.getByLabel("Password").fill(TEACHER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/teach`);
  await page.goto(`${server.url}/teach/sets/new`);
  await page.locator("#slug").fill("claims-of-responsibility");
  await page.getByLabel("…or paste the set").fill(TEACHER_SET);
  await page.getByRole("button", { name: "Check and preview" }).click();
  await page.waitForURL("**/teach/sets/claims-of-responsibility");
  await shot(page, "teacher-preview");
  await page.getByRole("button", { name: /^Publish/ }).click();
  await page.locator("dl.meta-list", { hasText: "version 1" }).waitFor();
  // Students reach a teacher's set by its public address, shown on the set's page.
  const studentPath = (await page.locator('dl.meta-list a[href^="/sets/"]').getAttribute("href")) ?? "";
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const editor = await phone.newPage();
  await editor.goto(`${server.url}/teach/login`);
  await editor.getByLabel("Email").fill(TEACHER.email);
  await editor.getByLabel("Password").fill(TEACHER.password);
  await editor.getByRole("button", { name: "Sign in" }).click();
  await editor.waitForURL(`${server.url}/teach`);
  await editor.goto(`${server.url}/teach/sets/claims-of-responsibility/edit`);
  await shot(editor, "teacher-editor");
  await phone.close();
  await page.goto(`${server.url}/teach/classes`);
  await page.getByLabel("Class name").fill("Year 10 media");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/teach\/classes\/[0-9a-f-]{36}$/);
  const classUrl = page.url();
  const joinCode = (await page.locator("#join-code").textContent()) ?? "";
  await page.getByLabel("Assign a published set").selectOption("claims-of-responsibility");
  await page.getByRole("button", { name: "Assign" }).click();
  await page.waitForURL(classUrl);

  for (const [name, choice] of [
    ["Sam Student", "An SBU official who is not named"],
    ["Ada Student", "The U.S. State Department"],
  ]) {
    const studentContext = await browser.newContext();
    const learner = await studentContext.newPage();
    await learner.goto(`${server.url}/join/${joinCode}`);
    await learner.getByLabel("Your name").fill(name ?? "");
    await learner.getByRole("button", { name: "Join" }).click();
    await learner.goto(`${server.url}${studentPath}`);
    await learner.getByRole("button", { name: "Start the quiz" }).click();
    await learner.getByLabel(choice ?? "").check();
    await learner.getByRole("button", { name: "Check answer" }).click();
    await learner.locator("#verdict").waitFor();
    await studentContext.close();
  }
  await page.goto(`${classUrl}/results/claims-of-responsibility`);
  await shot(page, "teacher-results");
  await context.close();
}

const server = await startDevServer();
const browser = await launchChromium();
try {
  await student(browser, server);
  await teacher(browser, server);
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
