import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/content/library.ts";
import { bareDocumentIds, referencedDocuments, resolveReferences } from "../../src/content/references.ts";
import type { Question } from "../../src/content/schema.ts";
import { ASSETS } from "../../src/views/assets.ts";
import { StudentBrowser, textOf } from "../support/student.ts";

/**
 * Crawls every page a student of the real library sees, answering each set to its end, and
 * checks what no single page test can: no bare document id anywhere, a passage or a link for
 * every document a question names, feedback on every option, one D1 round trip per page, and
 * the 14 KB budget (gzipped, with the stylesheet and the script).
 */
const library = loadLibrary(env.TEST_LIBRARY);
const documentIds = library.documents.map((d) => d.id);
const labels = new Map(library.documents.map((d) => [d.id, d.label]));
const PAGE_BUDGET = 14 * 1024;

async function gzipped(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
const assetBytes = (await Promise.all(Object.values(ASSETS).map((asset) => gzipped(asset.body)))).reduce((a, b) => a + b, 0);

/** What a person reads: the text, the title and the accessible names and descriptions. */
function readable(html: string): string {
  const names = [...html.matchAll(/(?:aria-label|title|alt|content)="([^"]*)"/g)].map((m) => m[1]);
  // "$1,000" or "1.000" is a number, not document 000.
  return `${textOf(html)} ${names.join(" ")}`.replace(/\d+(?:[,.]\d+)+/g, " ");
}

async function expectStudentPage(response: Response, html: string, where: string) {
  expect(response.status, where).toBe(200);
  expect(bareDocumentIds(readable(html), documentIds), `${where} names a document by its id`).toEqual([]);
  expect(response.headers.get("X-D1-Round-Trips"), `${where}: D1 round trips`).toBe("1");
  expect((await gzipped(html)) + assetBytes, `${where}: gzipped with CSS and JS`).toBeLessThanOrEqual(PAGE_BUDGET);
}

/** A valid answer for whatever form the page shows: the first option, a word, a number, the first matches. */
function answerFor(html: string): Record<string, string | string[]> {
  const choice = /name="choice" value="([^"]+)"/.exec(html);
  if (choice) return { choice: choice[1] as string };
  if (html.includes('name="text"')) return { text: "the mayor" };
  if (html.includes('name="number"')) return { number: "1" };
  const selects = [...html.matchAll(/<select[^>]*name="(match-[^"]+)"[^>]*>[\s\S]*?<option value="(c\d+)"/g)];
  if (selects.length > 0) return Object.fromEntries(selects.map((m) => [m[1] as string, m[2] as string]));
  return { seen: "1" };
}

const named = (text: string) =>
  resolveReferences(text, (ref) => `${labels.get(ref.document) ?? ref.document}${ref.paragraph ? `, paragraph ${ref.paragraph}` : ""}`);

/** The documents a question names where students see them before answering. */
function namedDocuments(question: Question): string[] {
  const texts = [question.prompt, question.context ?? "", question.type === "claim" ? question.claim : ""];
  if ("options" in question) texts.push(...question.options.map((o) => o.text));
  return [...new Set(texts.flatMap(referencedDocuments))];
}

describe("every page of the real library, as a student sees it", () => {
  it.each(library.sets.map((s) => s.slug))("%s: named documents, evidence, feedback on every option, one round trip, 14 KB", async (slug) => {
    const set = library.sets.find((s) => s.slug === slug)?.set;
    if (!set) throw new Error(`no set ${slug}`);
    const browser = new StudentBrowser();
    await expectStudentPage(await browser.get("/"), browser.lastHtml, "home");
    await expectStudentPage(await browser.get(`/sets/${slug}`), browser.lastHtml, `set ${slug}`);
    const attemptId = await browser.startAttempt(slug);
    const order = JSON.parse(
      (await env.DB.prepare("SELECT question_order FROM attempts WHERE id = ?").bind(attemptId).first<string>("question_order")) ?? "[]",
    ) as number[];

    for (const [index, position] of order.entries()) {
      const number = index + 1;
      const question = set.questions[position - 1] as Question;
      const where = `${slug} question ${number} (${question.id})`;
      const page = await browser.get(`/attempts/${attemptId}/questions/${number}`);
      const html = browser.lastHtml;
      await expectStudentPage(page, html, where);
      // Every passage is shown with its document's label; every document the question names is
      // shown or linked.
      if (question.type !== "evidence") expect(html.match(/<details class="passage" open/g)?.length ?? 0, where).toBe(question.passages.length);
      for (const passage of question.passages) expect(textOf(html), where).toContain(labels.get(passage.document));
      for (const id of namedDocuments(question)) expect(html, `${where} names ${id} without showing it`).toContain(`href="/documents/${id}`);

      const answered = await browser.post(`/attempts/${attemptId}/questions/${number}`, answerFor(html));
      expect(answered.status, where).toBe(303);
    }

    // After the last answer (a check shows its feedback only now), every feedback page.
    for (const [index, position] of order.entries()) {
      const number = index + 1;
      const question = set.questions[position - 1] as Question;
      if (question.type === "description") continue;
      const where = `${slug} feedback ${number} (${question.id})`;
      const page = await browser.get(`/attempts/${attemptId}/questions/${number}`);
      await expectStudentPage(page, browser.lastHtml, where);
      // Compared without spaces: a label rendered as a link is its own element.
      const text = textOf(browser.lastHtml).replace(/\s+/g, "");
      expect(browser.lastHtml.indexOf('id="verdict"'), where).toBeGreaterThan(0);
      if ("options" in question) {
        expect(browser.lastHtml.match(/<ul class="review-options">[\s\S]*?<\/ul>/)?.[0].match(/<li/g)?.length, where).toBe(question.options.length);
        for (const option of question.options) if (option.feedback) expect(text, where).toContain(textOf(named(option.feedback)).replace(/\s+/g, ""));
      }
      for (const source of question.sources) expect(browser.lastHtml, where).toContain(`/documents/${source.document}?hl=`);
    }

    await expectStudentPage(await browser.get(`/attempts/${attemptId}`), browser.lastHtml, `${slug} summary`);
    expect(textOf(browser.lastHtml), `${slug} summary`).not.toMatch(/\bversion \d|\bv\d+\b/i);
    for (let page = 1; page <= Math.ceil(order.length / 6); page++) {
      await expectStudentPage(await browser.get(`/attempts/${attemptId}/review?all=1&page=${page}`), browser.lastHtml, `${slug} review page ${page}`);
    }
  });

  it.each(documentIds)("the reader of %s shows every paragraph, named by its label", async (id) => {
    const browser = new StudentBrowser();
    const response = await browser.get(`/documents/${id}`);
    await expectStudentPage(response, browser.lastHtml, `reader ${id}`);
    const document = library.documents.find((d) => d.id === id);
    const paragraphs = (document?.body ?? "").split("\n").filter((line) => line.trim() !== "").length;
    expect(paragraphs).toBeGreaterThan(3);
    expect(browser.lastHtml.match(/<p id="p-\d+">/g)?.length).toBe(paragraphs);
    expect(textOf(browser.lastHtml)).toContain(`${labels.get(id)} ·`);
  });
});
