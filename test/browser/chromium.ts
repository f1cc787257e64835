import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether browser tests can run here. In CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI but was not found at ${CHROMIUM_PATH} (install the Debian package "chromium").`);
  console.warn(`\nSkipping browser tests: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's CSP still applies to the
 * page itself). axe needs timers, which a page opened with JavaScript off does not run: such a
 * page is checked as a copy of the DOM it rendered, loaded at the same origin and size in a tab
 * with JavaScript on.
 */
export async function axeViolations(page: Page, options: { javaScriptOff?: boolean } = {}): Promise<string[]> {
  if (!options.javaScriptOff) return runAxe(page);
  const html = await page.content();
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const copy = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const twin = await copy.newPage();
    await twin.goto(new URL("/assets/", page.url()).toString());
    await twin.setContent(html, { waitUntil: "load" });
    return await runAxe(twin);
  } finally {
    await copy.close();
  }
}

async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Presses Tab until the focused element matches a CSS selector, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}
