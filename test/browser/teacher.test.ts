import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, browserAvailable, launchChromium } from "./chromium.ts";
import { type DevServer, startDevServer } from "./dev-server.ts";

const SET_WITH_ERROR = `title: "Reading a claim of responsibility"
summary: Who says the agency did it, and how do we know?
skills: [attribution]
documents: ["002"]
questions:
  - id: who-claims
    type: single
    skill: attribution
    difficulty: easy
    prompt: According to the text, who said the SBU was behind the attack?
    options:
      - {id: a, text: An SBU official who is not named, feedback: "Right: the text gives the reason the official is unnamed."}
      - {id: b, text: The U.S. State Department, feedback: "No: its spokesman says the US was not involved."}
    answer: c
    explanation: Find who makes a claim before you weigh it.
    sources:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.
`;

/** A Moodle export as teachers bring it: HTML from Moodle's editor, Markdown, weights, and one broken question. */
const MOODLE_GIFT = [
  "$CATEGORY: $course$/top/From Moodle",
  "",
  "::rich::[html]<p>Which words <strong>hedge</strong> the claim?</p><ul><li>The bridge <em>may</em> reopen.</li></ul>{",
  "~%50%[html]<em>may</em>#Yes.",
  "~%50%reportedly",
  "~%-100%will#No.",
  "####[markdown]Hedges make a claim *less* certain.",
  "}",
  "",
  // A blank line ends a GIFT question, so a paragraph break inside one is written `\n`, as Moodle exports it.
  "::md::[markdown]Read this **first**:\\n\\n- one\\n- two",
  "",
  "::num:: How many days are there in a week? {#7}",
  "",
  "::broken:: Unclosed {=a ~b",
].join("\n");

describe.runIf(browserAvailable())("a teacher in Chromium", () => {
  let server: DevServer;
  let browser: Browser;
  const email = "rivera@school.example";
  const password = "a-long-teacher-password";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
    server.createTeacher(email, password, "Ms Rivera");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const checked: string[] = [];
  async function expectAccessible(page: Page) {
    expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
    checked.push(new URL(page.url()).pathname);
  }

  it("teacher:create refuses a weak password with the shared policy's message and writes nothing", () => {
    const weak = "weak@school.example";
    expect(() => server.createTeacher(weak, "password1234", "Weak")).toThrow(/Passwords need at least 15 characters/);
    expect(() => server.createTeacher(weak, "aaaaaaaaaaaaaaaaaa", "Weak")).toThrow(/mostly repeated or sequential characters/);
    expect(() => server.createTeacher(weak, "1234567890qwerty", "Weak")).toThrow(/most common passwords/);
    expect(server.query(`SELECT id FROM teachers WHERE email = '${weak}'`)).toEqual([]);
  });

  it("teacher:reset-password refuses an unknown email and a weak password, then sets the password and ends every session", async () => {
    const forgetful = "forgetful@school.example";
    server.createTeacher(forgetful, "an-old-forgotten-passphrase", "Mr Forgetful");
    const [{ id }] = server.query<{ id: string }>(`SELECT id FROM teachers WHERE email = '${forgetful}'`) as [{ id: string }];
    const now = Date.now();
    server.query(
      `INSERT INTO teacher_sessions (token_hash, teacher_id, last_seen_at, expires_at) VALUES ('stolen-cookie-hash', '${id}', ${now}, ${now + 3_600_000})`,
    );
    const hashOf = () => server.query<{ password_hash: string }>(`SELECT password_hash FROM teachers WHERE id = '${id}'`)[0]?.password_hash;
    const before = hashOf();
    expect(() => server.resetPassword("nobody@school.example", "kettle harbour violin orchard")).toThrow(/No teacher has the email nobody@school.example/);
    expect(() => server.resetPassword(forgetful, "password1234")).toThrow(/Passwords need at least 15 characters/);
    expect(() => server.resetPassword(forgetful, "forgetful and proud of it")).toThrow(/part of your email address/);
    expect(hashOf()).toBe(before);
    expect(server.query(`SELECT token_hash FROM teacher_sessions WHERE teacher_id = '${id}'`)).toHaveLength(1);

    expect(server.resetPassword(forgetful.toUpperCase(), "kettle harbour violin orchard")).toContain("ended their sessions");
    expect(hashOf()).not.toBe(before);
    expect(server.query(`SELECT token_hash FROM teacher_sessions WHERE teacher_id = '${id}'`)).toEqual([]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/teach/login`);
    await page.getByLabel("Email").fill(forgetful);
    await page.getByLabel("Password").fill("kettle harbour violin orchard");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/teach`);
    await context.close();
  });

  it("adds a set, fixes an error, publishes it, runs a class and reads the results", async () => {
    const teacherContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const teacher = await teacherContext.newPage();

    // 1. Sign in.
    await teacher.goto(`${server.url}/teach`);
    await teacher.waitForURL("**/teach/login?next=%2Fteach");
    await expectAccessible(teacher);
    await teacher.getByLabel("Email").fill(email);
    await teacher.getByLabel("Password").fill(password);
    await teacher.getByRole("button", { name: "Sign in" }).click();
    await teacher.waitForURL(`${server.url}/teach`);
    expect(await teacher.locator("h1").textContent()).toBe("Hello, Ms Rivera");
    await expectAccessible(teacher);

    // 2. Paste a set with an error, read the message, fix it, preview and publish.
    await teacher.getByRole("navigation", { name: "Teacher" }).getByRole("link", { name: "Add a set" }).click();
    await teacher.locator("#slug").fill("claims-of-responsibility");
    await teacher.getByLabel("…or paste the set").fill(SET_WITH_ERROR);
    await teacher.getByRole("button", { name: "Check and preview" }).click();
    const alert = teacher.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain('questions[0].answer: correct option "c" is not one of the options (a, b)');
    expect(await alert.textContent()).toMatch(/Line 14: /);
    await expectAccessible(teacher);
    expect(await teacher.getByLabel("…or paste the set").inputValue()).toContain("answer: c");
    await teacher.getByLabel("…or paste the set").fill(SET_WITH_ERROR.replace("answer: c", "answer: a"));
    await teacher.getByRole("button", { name: "Check and preview" }).click();
    await teacher.waitForURL("**/teach/sets/claims-of-responsibility");
    expect(await teacher.locator("legend").first().textContent()).toBe("According to the text, who said the SBU was behind the attack?");
    await expectAccessible(teacher);
    await teacher.getByRole("button", { name: /^Publish/ }).click();
    await expect.poll(() => teacher.locator("dl.meta-list").textContent()).toContain("version 1");

    // 3. Create a class and assign the set.
    await teacher.getByRole("navigation", { name: "Teacher" }).getByRole("link", { name: "Classes" }).click();
    await expectAccessible(teacher);
    await teacher.getByLabel("Class name").fill("Year 10 media");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/teach\/classes\/[0-9a-f-]{36}$/);
    const classUrl = teacher.url();
    const joinCode = (await teacher.locator("#join-code").textContent()) ?? "";
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    await teacher.getByLabel("Assign a published set").selectOption("claims-of-responsibility");
    await teacher.getByRole("button", { name: "Assign" }).click();
    await teacher.waitForURL(classUrl);
    await expectAccessible(teacher);

    // 4. A student joins with the code in another browser context and finishes the set.
    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`${server.url}/join`);
    await expectAccessible(student);
    await student.getByLabel("Class code").fill(joinCode.toLowerCase());
    await student.getByLabel("Your name").fill("Sam Student");
    await student.getByRole("button", { name: "Join" }).click();
    await student.waitForURL(`${server.url}/`);
    expect(await student.getByRole("heading", { name: "Set by your class" }).count()).toBe(1);
    await student.getByRole("link", { name: "Reading a claim of responsibility" }).click();
    await student.getByRole("button", { name: "Start the quiz" }).click();
    await student.getByLabel("An SBU official who is not named").check();
    await student.getByRole("button", { name: "Check answer" }).click();
    await student.locator("#verdict").waitFor();
    await student.getByRole("link", { name: "See your score" }).first().click();
    expect(await student.locator(".score").textContent()).toBe("1 of 1 (100%)");
    await studentContext.close();

    // 5. The teacher sees the student's row and the item analysis, and downloads the CSV.
    await teacher.goto(classUrl);
    expect(await teacher.getByText("Sam Student").count()).toBe(1);
    await teacher.getByRole("link", { name: "results" }).click();
    await teacher.waitForURL("**/results/claims-of-responsibility");
    const studentRow = teacher.getByRole("row", { name: /Sam Student/ });
    expect(await studentRow.textContent()).toContain("1 of 1 (100%)");
    expect(await teacher.getByRole("heading", { name: "Item analysis" }).count()).toBe(1);
    expect(await teacher.getByText(/Answered by 1 · facility 100%/).count()).toBe(1);
    await expectAccessible(teacher);
    const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv.split("\r\n")[0]).toBe("Student,Attempts,First score,First percent,Best score,Time taken (seconds),Version");
    expect(csv).toContain("Sam Student,1,1 of 1,100,1 of 1,");

    // 6. The remaining teacher pages pass axe too.
    for (const path of ["/teach/documents", "/teach/account", "/teach/sets/who-says-so", "/api/docs"]) {
      await teacher.goto(`${server.url}${path}`);
      await expectAccessible(teacher);
    }
    expect(checked.length).toBeGreaterThanOrEqual(12);
    await teacherContext.close();
  });

  it("imports a Moodle file with its report, reads the formats page, downloads it for Moodle, and a student plays it", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const teacher = await context.newPage();
    await teacher.goto(`${server.url}/teach/login`);
    await teacher.getByLabel("Email").fill(email);
    await teacher.getByLabel("Password").fill(password);
    await teacher.getByRole("button", { name: "Sign in" }).click();
    await teacher.waitForURL(`${server.url}/teach`);

    await teacher.goto(`${server.url}/teach/sets/new`);
    await teacher.getByRole("link", { name: "What each format can hold" }).click();
    await teacher.waitForURL("**/teach/formats");
    await expectAccessible(teacher);
    await teacher.goBack();
    await teacher.locator("#slug").fill("from-moodle");
    await teacher.getByLabel("…or paste the set").fill(MOODLE_GIFT);
    await teacher.getByRole("button", { name: "Check and preview" }).click();
    await teacher.waitForURL("**/teach/sets/from-moodle");
    expect(await teacher.locator("h1").textContent()).toBe("From Moodle");
    expect(await teacher.getByRole("row", { name: /broken/ }).textContent()).toContain("the answer block { has no closing }");
    await expectAccessible(teacher);
    const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "download as GIFT" }).click()]);
    expect(readFileSync((await download.path()) ?? "", "utf8")).toContain("::rich::[html]<p>Which words <strong>hedge</strong> the claim?</p>");
    await teacher.getByRole("button", { name: /^Publish/ }).click();
    await expect.poll(() => teacher.locator("dl.meta-list").first().textContent()).toContain("version 1");
    // Students reach a teacher's set by its public address, shown on the set's page.
    const studentLink = await teacher.locator('dl.meta-list a[href^="/sets/"]').getAttribute("href");
    await context.close();

    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`${server.url}${studentLink}`);
    await student.getByRole("button", { name: "Start the quiz" }).click();
    expect(await student.locator(".prompt li").textContent()).toBe("The bridge may reopen.");
    await expectAccessible(student);
    await student.getByRole("checkbox", { name: /may/ }).check();
    await student.getByRole("button", { name: "Check answer" }).click();
    expect(await student.locator("#verdict").textContent()).toBe("◐ Partly right (50% of the marks)");
    expect(await student.getByRole("heading", { name: "Explanation" }).count()).toBe(1);
    expect(await student.locator(".rich em").last().textContent()).toBe("less");
    await expectAccessible(student);
    await student.getByRole("link", { name: "Next question" }).first().click();
    await student.waitForURL("**/questions/2");
    expect(await student.locator(".description li").count()).toBe(2);
    await expectAccessible(student);
    await student.getByRole("button", { name: "Continue" }).click();
    await student.getByLabel("Your answer").fill("7");
    await student.getByRole("button", { name: "Check answer" }).click();
    await student.locator("#verdict").waitFor();
    await student.getByRole("link", { name: "See your score" }).first().click();
    expect(await student.locator(".score").textContent()).toBe("1.5 of 2 (75%)");
    await expectAccessible(student);
    await studentContext.close();
  });
  it("reads the generated API description on a phone: every endpoint, no sideways scrolling, axe clean", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/api/docs`);
    expect(response?.status()).toBe(200);
    const described = (await (await page.request.get(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const text = await page.locator("main").innerText();
    for (const path of Object.keys(described.paths)) expect(text).toContain(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await context.close();
  });
});
