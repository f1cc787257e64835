import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";
import { axeViolations } from "./chromium.ts";

/**
 * The checks behind Lighthouse's mobile categories, written for this app's pages, so `npm test`
 * needs no Lighthouse (a devDependency the project does not have). Each returns the problems it
 * finds; an empty list is a pass. Lighthouse's own run is described in the README.
 */

/** Lighthouse's list of link texts that say nothing about where a link goes (English). */
const VAGUE_LINK_TEXT = new Set([
  "click here",
  "click this",
  "go",
  "here",
  "information",
  "learn more",
  "more",
  "more info",
  "more information",
  "right here",
  "read more",
  "see more",
  "start",
  "this",
]);

export const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
};

export interface PageLoad {
  page: Page;
  response: Response;
  /** Every response the page loaded, with its body. */
  resources: { url: string; type: string; body: string }[];
  consoleProblems: string[];
}

/** Loads a page in a fresh tab, recording its resources and any console error. */
export async function loadPage(page: Page, url: string): Promise<PageLoad> {
  const resources: PageLoad["resources"] = [];
  const consoleProblems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleProblems.push(message.text());
  });
  page.on("pageerror", (error) => consoleProblems.push(error.message));
  page.on("response", async (response) => {
    const body = await response.text().catch(() => "");
    resources.push({ url: response.url(), type: response.request().resourceType(), body });
  });
  await page.addInitScript(() => {
    const store = globalThis as unknown as { __shifts: number; __lcp: string };
    store.__shifts = 0;
    store.__lcp = "";
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) store.__shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element }) | undefined;
      store.__lcp = last?.element?.tagName ?? "";
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${url}`);
  await page.waitForTimeout(500);
  return { page, response, resources, consoleProblems };
}

/** Accessibility: axe-core, the engine Lighthouse's accessibility category runs. */
export function accessibility(load: PageLoad): Promise<string[]> {
  return axeViolations(load.page);
}

/** Best practices: a doctype, an early charset, a CSP, nothing in the console. */
export async function bestPractices(load: PageLoad): Promise<string[]> {
  const problems = [...load.consoleProblems.map((p) => `console: ${p}`)];
  const html = load.resources.find((r) => r.type === "document")?.body ?? "";
  if (!html.startsWith("<!DOCTYPE html>")) problems.push("no HTML5 doctype");
  if (!/<meta charset="utf-8"/i.test(html.slice(0, 1024))) problems.push("charset not declared in the first 1024 bytes");
  const csp = (await load.response.allHeaders())["content-security-policy"] ?? "";
  if (!/script-src 'self'/.test(csp) || /unsafe-inline/.test(csp)) problems.push(`weak or missing CSP: ${csp}`);
  return problems;
}

/** SEO: status, title, description, viewport, language, crawlable and descriptive links, legible text. */
export async function seo(load: PageLoad): Promise<string[]> {
  const problems: string[] = [];
  if (load.response.status() !== 200) problems.push(`status ${load.response.status()}`);
  const headers = await load.response.allHeaders();
  if (/noindex/i.test(headers["x-robots-tag"] ?? "")) problems.push("X-Robots-Tag noindex");
  const facts = await load.page.evaluate(() => {
    const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? "";
    const links = [...document.querySelectorAll("a")].map((a) => ({ text: (a.textContent ?? "").trim().toLowerCase(), href: a.getAttribute("href") ?? "" }));
    // Share of visible text set at 12 px or more, as Lighthouse's font-size audit counts it.
    let legible = 0;
    let total = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const length = (node.textContent ?? "").trim().length;
      if (!parent || length === 0 || !parent.checkVisibility()) continue;
      total += length;
      if (Number.parseFloat(getComputedStyle(parent).fontSize) >= 12) legible += length;
    }
    return {
      title: document.title,
      description: meta("description"),
      viewport: meta("viewport"),
      robots: meta("robots"),
      lang: document.documentElement.lang,
      links,
      legibleShare: total === 0 ? 1 : legible / total,
    };
  });
  if (!facts.title.trim()) problems.push("no title");
  if (!facts.description.trim()) problems.push("no meta description");
  if (!/width=device-width/.test(facts.viewport)) problems.push("no mobile viewport");
  if (/noindex/.test(facts.robots)) problems.push("meta robots noindex");
  if (!facts.lang) problems.push("no lang");
  for (const link of facts.links) {
    if (VAGUE_LINK_TEXT.has(link.text)) problems.push(`vague link text "${link.text}"`);
    if (!link.href || link.href.startsWith("javascript:")) problems.push(`uncrawlable link "${link.text}"`);
  }
  if (facts.legibleShare < 0.6) problems.push(`only ${Math.round(facts.legibleShare * 100)}% of text is 12 px or more`);
  return problems;
}

/**
 * Performance: what decides Lighthouse's score for a server-rendered page with no images: the
 * bytes on the critical path (14 KB with CSS and JS), one render-blocking stylesheet and a
 * deferred script, no layout shift, and text as the largest paint. Nothing here is timed (the
 * team measures speed as ratios in benchmarks, never as a timed assertion): Lighthouse's timings
 * follow from these on a page this small.
 */
export async function performance(load: PageLoad): Promise<string[]> {
  const problems: string[] = [];
  const critical = load.resources.filter((r) => ["document", "stylesheet", "script"].includes(r.type));
  const bytes = critical.reduce((sum, r) => sum + gzipSync(r.body).length, 0);
  if (bytes > 14 * 1024) problems.push(`${bytes} bytes gzipped on the critical path (more than 14 KB)`);
  const other = load.resources.filter((r) => !["document", "stylesheet", "script"].includes(r.type));
  if (other.length > 0) problems.push(`extra requests: ${other.map((r) => r.url).join(", ")}`);
  const html = critical.find((r) => r.type === "document")?.body ?? "";
  if ((html.match(/<link rel="stylesheet"/g) ?? []).length !== 1) problems.push("not exactly one stylesheet");
  if (/<script(?![^>]*defer)[^>]*src=/.test(html)) problems.push("a script that blocks rendering");
  const measured = await load.page.evaluate(() => {
    const store = globalThis as unknown as { __shifts: number; __lcp: string };
    return { shifts: store.__shifts, lcp: store.__lcp };
  });
  if (measured.shifts > 0) problems.push(`layout shift ${measured.shifts.toFixed(3)}`);
  if (measured.lcp === "IMG") problems.push("an image is the largest paint");
  return problems;
}
