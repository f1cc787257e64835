import type { Browser, Page } from "playwright-core";
import { QUESTION_TYPES } from "../../src/content/skills.ts";
import type { DevServer } from "./dev-server.ts";
import { answerWithFirstChoice, EVIDENCE_SET, publishAsTeacher } from "./pages.ts";

/** A phone's width (iPhone SE and most small Androids): no teacher page may scroll sideways here. */
export const PHONE_WIDTH = 375;

/** Pixels of scroll width, and the elements that stick out past the phone's edge, to say what to fix. */
export async function sidewaysScroll(page: Page) {
  return page.evaluate((width) => {
    const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}`,
      );
    return { scrollWidth, culprits };
  }, PHONE_WIDTH);
}

/**
 * Signs in, publishes a set, runs a class with one student's attempt and issues a reset link, so
 * every teacher page has something on it; returns every teacher page's path.
 */
export async function teacherPages(browser: Browser, page: Page, server: DevServer, account: { email: string; password: string }): Promise<string[]> {
  await publishAsTeacher(page, server, account, "phone-set", EVIDENCE_SET);
  await page.goto(`${server.url}/teach/classes`);
  await page.getByLabel("Class name").fill("Year 9 media literacy, Tuesday group");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.waitForURL(/\/teach\/classes\/[\w-]+$/);
  const classPath = new URL(page.url()).pathname;
  const joinCode = (await page.locator("#join-code").textContent()) ?? "";
  await page.getByLabel("Assign a published set").selectOption("phone-set");
  await page.getByRole("button", { name: "Assign" }).click();
  await page.waitForURL(`**${classPath}`);

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto(`${server.url}/join`);
  await student.getByLabel("Class code").fill(joinCode);
  await student.getByLabel("Your name").fill("Maximiliana Oyelaran-Fitzgerald");
  await student.getByRole("button", { name: "Join" }).click();
  await student.waitForURL(`${server.url}/`);
  await student.getByRole("link", { name: "Who says the SBU did it?" }).first().click();
  await student.getByRole("button", { name: "Start the quiz" }).click();
  await answerWithFirstChoice(student);
  await student.locator("#verdict").waitFor();
  await studentContext.close();

  await page.goto(`${server.url}/teach/account`);
  await page.getByLabel("Their email").fill("a.colleague.with.a.long.address@school.example");
  await page.getByRole("button", { name: "Make a reset link" }).click();
  const resetPath = new URL((await page.locator("#new-reset-link").textContent()) ?? "").pathname;

  await page.goto(`${server.url}/teach/sets/phone-set/edit`);
  const questionPath = (await page.locator('a[href*="/edit/questions/"]').first().getAttribute("href")) ?? "";
  return [
    "/teach",
    "/teach/sets/new",
    "/teach/sets/phone-set",
    "/teach/sets/who-says-so",
    "/teach/sets/phone-set/edit",
    ...QUESTION_TYPES.map((type) => `/teach/sets/phone-set/edit/add?type=${type}`),
    questionPath,
    `${questionPath}/quote`,
    `${questionPath}/quote?document=002`,
    "/teach/sets/phone-set/delete",
    "/teach/documents",
    "/teach/classes",
    classPath,
    `${classPath}/results/phone-set`,
    "/teach/account",
    "/teach/help",
    "/teach/help/format",
    "/teach/formats",
    "/api/docs",
    resetPath,
  ];
}
