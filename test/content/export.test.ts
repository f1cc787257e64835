import { env } from "cloudflare:workers";
import { parseXml, type XmlElement } from "@rgrove/parse-xml";
import { describe, expect, it } from "vitest";
import { type ExportDocument, type ExportFormat, exportSet } from "../../src/content/export/index.ts";
import { type ImportFormat, parseImport } from "../../src/content/import/index.ts";
import { loadLibrary } from "../../src/content/library.ts";
import { resolveReferences } from "../../src/content/references.ts";
import { htmlToText } from "../../src/content/sanitize.ts";
import { type Question, type QuestionSet, type QuestionSetInput, questionSet } from "../../src/content/schema.ts";

/* Export to GIFT and Moodle XML, written as Moodle's own exporters write them, and read back. */

const OPTIONS = { fallbackTitle: "Imported", skill: "hedging", difficulty: "medium" } as const;
const FORMATS: ExportFormat[] = ["gift", "moodle-xml"];
const NO_DOCUMENTS = new Map<string, ExportDocument>();

function set(input: QuestionSetInput): QuestionSet {
  return questionSet.parse(input);
}

function reimport(file: string, format: ExportFormat, skill: QuestionSet["skills"][number] = "hedging"): QuestionSet {
  const result = parseImport(format, `back.${format}`, file, { ...OPTIONS, skill });
  if (!result.ok) throw new Error(`expected the export to import, got ${JSON.stringify(result.issues)}\n${file}`);
  return result.value;
}

/** Moodle XML keeps a range as its middle ± half its width: the same numbers, written another way. */
function asTolerance(q: Question): Question {
  if (q.type !== "numerical") return q;
  return {
    ...q,
    answers: q.answers.map((a) =>
      a.min !== undefined && a.max !== undefined && a.max < Number.MAX_VALUE
        ? { value: (a.min + a.max) / 2, tolerance: (a.max - a.min) / 2, weight: a.weight, ...(a.feedback ? { feedback: a.feedback } : {}) }
        : a,
    ),
  } as Question;
}
const roughly = (q: Question) => JSON.parse(JSON.stringify(asTolerance(q), (_, v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v)));

const common = { skill: "hedging", difficulty: "medium" } as const;
const EVERY_TYPE: QuestionSetInput = {
  title: "Hedges: a/b",
  summary: "Every type, for the exporters.",
  skills: ["hedging"],
  sources: "none",
  questions: [
    {
      id: "one",
      type: "single",
      ...common,
      prompt: "Which word hedges? {not an answer} a=b #1 ~2 :3",
      options: [
        { id: "a", text: "may", feedback: "Right: it leaves room." },
        { id: "b", text: "%50 of" },
        { id: "c", text: "reportedly", weight: 50, feedback: "Half: it attributes." },
      ],
      answer: "a",
      explanation: "A hedge makes a claim less certain.",
    },
    {
      id: "ticks",
      type: "multiple",
      ...common,
      prompt: "Tick the hedges.",
      options: [
        { id: "a", text: "may", weight: 50 },
        { id: "b", text: "might", weight: 50 },
        { id: "c", text: "will", weight: -100 },
      ],
      answer: ["a", "b"],
    },
    {
      id: "all-or-nothing",
      type: "multiple",
      ...common,
      prompt: "Tick every hedge.",
      options: [
        { id: "a", text: "may" },
        { id: "b", text: "might" },
        { id: "c", text: "could" },
        { id: "d", text: "will" },
      ],
      answer: ["a", "b", "c"],
    },
    {
      id: "tf",
      type: "true_false",
      ...common,
      prompt: "The source is named.",
      options: [
        { id: "t", text: "True", feedback: "Read again." },
        { id: "f", text: "False", feedback: "Right." },
      ],
      answer: "f",
    },
    {
      id: "who",
      type: "short_answer",
      ...common,
      prompt: "Who said it?",
      answers: [
        { text: "the mayor", feedback: "Yes." },
        { text: "mayor*", weight: 50 },
      ],
    },
    {
      id: "days",
      type: "numerical",
      ...common,
      prompt: "How many days?",
      answers: [
        { value: 3, tolerance: 0.5, feedback: "Yes." },
        { min: 1, max: 5, weight: 50 },
        { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, weight: 0, feedback: "Count again." },
      ],
    },
    {
      id: "match",
      type: "matching",
      ...common,
      prompt: "Match each claim -> its source.",
      pairs: [
        { id: "a", prompt: "Reopens -> Monday", answer: "The mayor" },
        { id: "b", prompt: "No inspection", answer: "An official = unnamed" },
      ],
      distractors: ["Engineers"],
    },
    { id: "essay", type: "essay", ...common, prompt: "What would you check next?", explanation: "Look for a second source." },
    { id: "intro", type: "description", ...common, prompt: "Read both reports first." },
    {
      id: "rich",
      type: "single",
      ...common,
      markup: "html",
      prompt: "<p>Which is <em>hedged</em>?</p><ul><li>one</li></ul>",
      options: [
        { id: "a", text: "<b>may</b> ]]> --" },
        { id: "b", text: "will" },
      ],
      answer: "a",
    },
  ],
};

describe("export to GIFT", () => {
  it("writes each type as Moodle's GIFT exporter does, escaping GIFT's special characters", () => {
    const { body, contentType, fileName } = exportSet("hedges", set(EVERY_TYPE), NO_DOCUMENTS, "gift");
    expect([contentType, fileName]).toEqual(["text/plain; charset=utf-8", "hedges.gift.txt"]);
    const blocks = body.split("\n\n");
    expect(blocks[0]).toBe(
      "// Hedges: a/b: exported from Sourcewise as GIFT for Moodle\n// Every type, for the exporters.\n$CATEGORY: $course$/top/Hedges: a//b",
    );
    expect(blocks.slice(1, 7)).toEqual([
      "// question: one\n::one::Which word hedges? \\{not an answer\\} a\\=b \\#1 \\~2 \\:3{\n\t=may#Right\\: it leaves room.\n\t~%0%%50 of\n\t~%50%reportedly#Half\\: it attributes.\n\t####A hedge makes a claim less certain.\n}",
      "// question: ticks\n::ticks::Tick the hedges.{\n\t~%50%may\n\t~%50%might\n\t~%-100%will\n}",
      "// question: all-or-nothing\n// note: all or nothing here; Moodle has no such multiple-answer type, so each right option is worth an equal share and any wrong one takes all the marks away\n::all-or-nothing::Tick every hedge.{\n\t~%33.33333%may\n\t~%33.33333%might\n\t~%33.33333%could\n\t~%-100%will\n}",
      "// question: tf\n::tf::The source is named.{FALSE#Read again.#Right.}",
      "// question: who\n::who::Who said it?{\n\t=%100%the mayor#Yes.\n\t=%50%mayor*\n}",
      "// question: days\n::days::How many days?{#\n\t=%100%3:0.5#Yes.\n\t=%50%1..5\n\t~#Count again.\n}",
    ]);
    expect(blocks[7]).toBe(
      "// question: match\n::match::Match each claim -&gt; its source.{\n\t=Reopens -&gt; Monday -> The mayor\n\t=No inspection -> An official \\= unnamed\n\t= -> Engineers\n}",
    );
    expect(blocks.slice(8, 10)).toEqual([
      "// question: essay\n::essay::What would you check next?{####Look for a second source.}",
      "// question: intro\n::intro::Read both reports first.",
    ]);
    expect(blocks[10]).toBe("// question: rich\n::rich::[html]<p>Which is <em>hedged</em>?</p><ul><li>one</li></ul>{\n\t=<b>may</b> ]]&gt; --\n\t~will\n}\n");
  });

  it("imports back into the same questions (the all-or-nothing one with Moodle's weights)", () => {
    const original = set(EVERY_TYPE);
    const back = reimport(exportSet("hedges", original, NO_DOCUMENTS, "gift").body, "gift");
    expect(back.title).toBe("Hedges: a/b");
    const differs = original.questions.filter((q, i) => JSON.stringify(q) !== JSON.stringify(back.questions[i])).map((q) => q.id);
    expect(differs).toEqual(["all-or-nothing"]);
    expect(back.questions[2]).toMatchObject({
      answer: ["a", "b", "c"],
      options: [{ weight: 33.33333 }, { weight: 33.33333 }, { weight: 33.33333 }, { weight: -100 }],
    });
  });
});

describe("export to Moodle XML", () => {
  const children = (element: XmlElement, name: string) =>
    element.children.filter((n): n is XmlElement => n.type === "element" && (n as XmlElement).name === name);
  const text = (element: XmlElement | undefined, name: string) => (element ? children(element, name)[0]?.text.trim() : undefined);

  it("writes well-formed XML with Moodle's fields for each type, markup in CDATA", () => {
    const { body, contentType, fileName } = exportSet("hedges", set(EVERY_TYPE), NO_DOCUMENTS, "moodle-xml");
    expect([contentType, fileName]).toEqual(["application/xml; charset=utf-8", "hedges.moodle.xml"]);
    const quiz = parseXml(body).root as XmlElement;
    const [category, ...questions] = children(quiz, "question");
    expect(text(children(category as XmlElement, "category")[0], "text")).toBe("$course$/top/Hedges: a//b");
    expect(questions.map((q) => q.attributes.type)).toEqual([
      "multichoice",
      "multichoice",
      "multichoice",
      "truefalse",
      "shortanswer",
      "numerical",
      "matching",
      "essay",
      "description",
      "multichoice",
    ]);
    const [one, , , tf, who, days, match] = questions as XmlElement[];
    expect(text(children(one as XmlElement, "name")[0], "text")).toBe("one");
    expect(text(one as XmlElement, "single")).toBe("true");
    expect(children(one as XmlElement, "answer").map((a) => [a.attributes.fraction, text(a, "text")])).toEqual([
      ["100", "may"],
      ["0", "%50 of"],
      ["50", "reportedly"],
    ]);
    expect(children(tf as XmlElement, "answer").map((a) => [text(a, "text"), a.attributes.fraction])).toEqual([
      ["true", "0"],
      ["false", "100"],
    ]);
    expect(text(who as XmlElement, "usecase")).toBe("0");
    expect(children(days as XmlElement, "answer").map((a) => [text(a, "text"), text(a, "tolerance"), a.attributes.fraction])).toEqual([
      ["3", "0.5", "100"],
      ["3", "2", "50"],
      ["*", "0", "0"],
    ]);
    expect(children(match as XmlElement, "subquestion").map((s) => [text(s, "text"), text(children(s, "answer")[0], "text")])).toEqual([
      ["Reopens -&gt; Monday", "The mayor"],
      ["No inspection", "An official = unnamed"],
      ["", "Engineers"],
    ]);
    expect(body).toContain("<text><![CDATA[<b>may</b> ]]&gt; --]]></text>");
    expect(body).toContain("<!-- note: all or nothing here;");
  });

  it("imports back into the same questions", () => {
    const original = set(EVERY_TYPE);
    const back = reimport(exportSet("hedges", original, NO_DOCUMENTS, "moodle-xml").body, "moodle-xml");
    const differs = original.questions.filter((q, i) => JSON.stringify(roughly(q)) !== JSON.stringify(roughly(back.questions[i] as Question))).map((q) => q.id);
    expect(differs).toEqual(["all-or-nothing"]);
  });

  it("drops characters XML cannot hold and keeps comments well-formed", () => {
    const hostile = set({
      ...EVERY_TYPE,
      title: "A -- title",
      questions: [
        {
          id: "q",
          type: "true_false",
          ...common,
          prompt: "Bell\u0007 and \uFFFE gone -- ok",
          options: [
            { id: "t", text: "True" },
            { id: "f", text: "False" },
          ],
          answer: "t",
        },
      ],
    });
    const { body } = exportSet("x", hostile, NO_DOCUMENTS, "moodle-xml");
    expect(() => parseXml(body)).not.toThrow();
    expect(reimport(body, "moodle-xml").questions[0]?.prompt).toBe("Bell and gone -- ok");
  });
});

describe("round trips: import, export, import again", () => {
  const FIXTURES: [string, ImportFormat][] = [
    ["questions.gift.txt", "gift"],
    ["questions_in_category.gift.txt", "gift"],
    ["examples.gift.txt", "gift"],
    ["questions.aiken.txt", "aiken"],
    ["nested_categories_with_questions.xml", "moodle-xml"],
  ];

  for (const [file, format] of FIXTURES) {
    it(`gives the same questions for Moodle's ${file}, through GIFT and through Moodle XML`, () => {
      const first = parseImport(format, file, env.TEST_MOODLE_FIXTURES[file] as string, OPTIONS);
      if (!first.ok) throw new Error("expected the fixture to import");
      for (const out of FORMATS) {
        const back = reimport(exportSet("s", first.value, NO_DOCUMENTS, out).body, out);
        expect(back.questions.map(roughly), `${file} through ${out}`).toEqual(first.value.questions.map(roughly));
        expect(back.title).toBe(first.value.title);
      }
    });
  }

  it("exports every set of the built-in library with its passages and sources, and reads it back", () => {
    const library = loadLibrary(env.TEST_LIBRARY);
    const documents = new Map(library.documents.map((d) => [d.id, { ...d, url: d.url ?? null }]));
    const resolve = (text: string) =>
      resolveReferences(text, (r) =>
        r.paragraph ? `${documents.get(r.document)?.label}, paragraph ${r.paragraph}` : (documents.get(r.document)?.label ?? ""),
      );
    expect(library.sets.length).toBeGreaterThan(0);
    for (const { slug, set: original } of library.sets) {
      for (const out of FORMATS) {
        const once = reimport(exportSet(slug, original, documents, out).body, out, original.skills[0]);
        expect(
          once.questions.map((q) => q.id),
          `${slug} through ${out}`,
        ).toEqual(original.questions.map((q) => q.id));
        original.questions.forEach((q, index) => {
          const back = once.questions[index] as Question;
          const plain = htmlToText(JSON.stringify([back.prompt, back.explanation ?? ""]).replace(/\\"/g, '"'));
          // Passages are in the question, sources and the explanation in the general feedback, document labels instead of [[ids]].
          for (const ref of [...q.passages, ...q.sources]) expect(plain, `${slug}/${q.id}`).toContain(ref.quote.split("\n")[0]?.slice(0, 40));
          expect(plain).not.toMatch(/\[\[[a-z0-9-]+(#\d+)?\]\]/);
          // Option ids are not kept (Moodle has none): the same places are the key.
          const keyPlaces = (x: Question) => ("answer" in x ? x.answer.map((id) => x.options.findIndex((o) => o.id === id)).sort() : []);
          expect(keyPlaces(back), `${slug}/${q.id}`).toEqual(keyPlaces(q));
          if ("options" in q && "options" in back) expect(back.options.map((o) => htmlToText(o.text))).toEqual(q.options.map((o) => resolve(o.text)));
        });
        // A second trip changes nothing more.
        const twice = reimport(exportSet(slug, once, documents, out).body, out, original.skills[0]);
        expect(twice.questions.map(roughly), `${slug} twice through ${out}`).toEqual(once.questions.map(roughly));
      }
    }
  });
});
