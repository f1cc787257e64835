import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pickerParagraphs, quoteFromChoices, quoteFromOffsets } from "../../src/teach/editor/sentences.ts";
import { addQuestion, blankSet, revisionOn, singleChoiceFields, storedSet } from "../support/editor.ts";
import { textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";

const BODY = "First sentence here. Second one? Yes!\n\nA new paragraph, “quoted” words. Last line.";

describe("cutting quotes from a document", () => {
  it("splits paragraphs into sentences at their own offsets", () => {
    const paragraphs = pickerParagraphs(BODY);
    expect(paragraphs.map((p) => p.sentences.map((s) => [s.key, s.text]))).toEqual([
      [
        ["1.1", "First sentence here."],
        ["1.2", "Second one?"],
        ["1.3", "Yes!"],
      ],
      [
        ["2.1", "A new paragraph, “quoted” words."],
        ["2.2", "Last line."],
      ],
    ]);
    for (const sentence of paragraphs.flatMap((p) => p.sentences)) expect(BODY.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it("makes one verbatim quote from sentences and paragraphs that follow one another", () => {
    expect(quoteFromChoices(BODY, ["1.2", "1.3"], [])).toEqual({ ok: true, quote: "Second one? Yes!" });
    expect(quoteFromChoices(BODY, ["1.3"], ["2"])).toEqual({ ok: true, quote: "Yes!\n\nA new paragraph, “quoted” words. Last line." });
    expect(quoteFromChoices(BODY, ["1.1", "1.3"], [])).toMatchObject({ ok: false, message: expect.stringContaining("follow one another") });
    expect(quoteFromChoices(BODY, [], [])).toMatchObject({ ok: false, message: expect.stringContaining("choose at least one") });
    expect(quoteFromChoices(BODY, ["9.9"], [])).toMatchObject({ ok: false });
  });

  it("widens a selection to whole words and refuses one outside the text or too long", () => {
    expect(quoteFromOffsets(BODY, 8, 17)).toEqual({ ok: true, quote: "sentence here" });
    expect(quoteFromOffsets(BODY, 8, 15)).toEqual({ ok: true, quote: "sentence" });
    expect(quoteFromOffsets(BODY, 0, 5)).toEqual({ ok: true, quote: "First" });
    expect(quoteFromOffsets(BODY, 20, 21)).toMatchObject({ ok: false, message: expect.stringContaining("empty") });
    expect(quoteFromOffsets(BODY, 5, 5000)).toMatchObject({ ok: false });
    expect(quoteFromOffsets("word ".repeat(400), 0, 1900)).toMatchObject({ ok: false, message: expect.stringContaining("at most 1200") });
  });
});

describe("picking quotes in the editor", () => {
  async function questionWithoutQuotes() {
    const { teacher, browser } = await signedInTeacher();
    const slug = await blankSet(browser);
    await addQuestion(browser, slug, singleChoiceFields({ id: "who", "sources[0].quote": "" }));
    return { teacher, browser, slug, base: `/teach/sets/${slug}/edit/questions/who` };
  }

  it("goes from the question to a document and back, adding sentences as a source and a selection as a passage", async () => {
    const { teacher, browser, slug, base } = await questionWithoutQuotes();
    await browser.get(base);
    // "Save and pick" keeps the form's edits, then opens the picker.
    const toPicker = await browser.post(base, {
      ...singleChoiceFields({ id: "who", "sources[0].quote": "", explanation: "Edited before picking." }),
      action: "pick:sources",
      revision: revisionOn(browser.lastHtml),
    });
    expect(toPicker.headers.get("Location")).toBe(`${base}/quote?into=sources`);
    await browser.follow(toPicker);
    expect(textOf(browser.lastHtml)).toContain("Choose a document");
    await browser.get(`${base}/quote?into=sources&document=002`);
    expect(browser.lastHtml).toContain('<input type="checkbox" id="s-4.1" name="s" value="4.1"/>');
    const body = (await env.DB.prepare("SELECT body FROM documents WHERE id = '002' AND owner_id IS NULL").first<{ body: string }>())?.body ?? "";
    const sentences = pickerParagraphs(body)[3]?.sentences ?? [];

    const added = await browser.post(`${base}/quote`, { document: "002", s: ["4.1"], into: "sources", revision: revisionOn(browser.lastHtml) });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe(`${base}?saved=1#f-sources`);

    await browser.get(`${base}/quote?into=passages&document=002`);
    const start = body.indexOf("speaking on the condition") + 3; // mid-word: widened to "speaking"
    const selected = await browser.post(`${base}/quote`, {
      document: "002",
      start: String(start),
      end: String(start + 30),
      into: "passages",
      revision: revisionOn(browser.lastHtml),
    });
    expect(selected.status).toBe(303);
    const question = (await storedSet(teacher.id, slug))?.draft?.questions[0];
    expect(question?.explanation).toBe("Edited before picking.");
    expect(question?.sources).toEqual([{ document: "002", quote: sentences[0]?.text }]);
    expect(question?.passages).toEqual([{ document: "002", quote: "speaking on the condition of anonymity" }]);
  });

  it("refuses sentences that do not follow one another, a stale page, a full list and an unknown document, writing nothing", async () => {
    const { teacher, browser, slug, base } = await questionWithoutQuotes();
    await browser.get(`${base}/quote?into=sources&document=002`);
    const revision = revisionOn(browser.lastHtml);
    const before = await storedSet(teacher.id, slug);
    const gap = await browser.post(`${base}/quote`, { document: "002", s: ["4.1", "5.1"], into: "sources", revision });
    expect(gap.status).toBe(400);
    expect(textOf(await gap.text())).toContain("Nothing was added: choose sentences that follow one another");
    const none = await browser.post(`${base}/quote`, { document: "002", into: "sources", revision });
    expect(none.status).toBe(400);
    const unknown = await browser.post(`${base}/quote`, { document: "no-such-doc", s: ["1.1"], into: "sources", revision });
    expect(unknown.status).toBe(404);
    expect(await storedSet(teacher.id, slug)).toEqual(before);

    expect((await browser.post(`${base}/quote`, { document: "002", s: ["1.1"], into: "passages", revision })).status).toBe(303);
    const stale = await browser.post(`${base}/quote`, { document: "002", s: ["2.1"], into: "passages", revision });
    expect(stale.status).toBe(409);
    for (const s of ["2.1", "3.1"]) {
      await browser.get(`${base}/quote?into=passages&document=002`);
      await browser.post(`${base}/quote`, { document: "002", s: [s], into: "passages", revision: revisionOn(browser.lastHtml) });
    }
    await browser.get(`${base}/quote?into=passages&document=002`);
    const full = await browser.post(`${base}/quote`, { document: "002", s: ["5.1"], into: "passages", revision: revisionOn(browser.lastHtml) });
    expect(full.status).toBe(400);
    expect(textOf(await full.text())).toContain("already has 3 passages");
    expect((await storedSet(teacher.id, slug))?.draft?.questions[0]?.passages).toHaveLength(3);
  });
});
