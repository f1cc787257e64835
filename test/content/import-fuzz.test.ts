import { describe, expect, it } from "vitest";
import { exportSet } from "../../src/content/export/index.ts";
import { type ImportFormat, parseImport } from "../../src/content/import/index.ts";
import { markdownToHtml } from "../../src/content/markup/markdown.ts";
import { sanitizeHtml } from "../../src/content/sanitize.ts";
import { type Question, question as questionSchema } from "../../src/content/schema.ts";

/*
 * Random files built from each format's own syntax, with a fixed seed so a failure repeats:
 * no input may throw, every imported question passes the schema, no unsafe markup survives,
 * and whatever imports exports to GIFT and Moodle XML and imports back unchanged.
 */

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function build(next: () => number, tokens: readonly string[], length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += tokens[Math.floor(next() * tokens.length)];
  return out;
}

const WORDS = ["may", "the mayor", "Paris", "3", "1..5", "2:0.5", " ", " ", "x", "é", "\u00a0", "&nbsp;", "&amp;", "<", ">"];
const GIFT_TOKENS = [
  ...WORDS,
  "{",
  "}",
  "{=a ~b}",
  "{T}",
  "{#3:1}",
  "{=x -> y =z -> w}",
  "{}",
  "~",
  "=",
  "#",
  "####",
  "%50%",
  "%-100%",
  "->",
  "::",
  "::t::",
  "\\",
  "\\{",
  "\\=",
  "\\n",
  "[html]",
  "[markdown]",
  "[plain]",
  "<script>alert(1)</script>",
  '<a href="javascript:x()">l</a>',
  "<b>",
  '<img src="@@PLUGINFILE@@/i.png" onerror=x()>',
  "**",
  "_",
  "`",
  "\n",
  "\n\n",
  "// c\n",
  "$CATEGORY: c\n",
];
const AIKEN_TOKENS = [...WORDS, "\nA. x", "\nB) y", "\nC.z", "\nANSWER: A", "\nANSWER: B", "\nanswer: c", "\n", "\n\n", "\nQuestion?", "<b>"];
const XML_TOKENS = [
  ...WORDS,
  '<question type="multichoice">',
  '<question type="truefalse">',
  '<question type="shortanswer">',
  '<question type="numerical">',
  '<question type="matching">',
  '<question type="cloze">',
  "</question>",
  '<questiontext format="html"><text>',
  '<questiontext format="markdown"><text>',
  "</text></questiontext>",
  "<name><text>n</text></name>",
  '<answer fraction="100"><text>',
  '<answer fraction="50"><text>',
  '<answer fraction="-100"><text>',
  "</text></answer>",
  "<subquestion><text>s</text><answer><text>a</text></answer></subquestion>",
  "<single>false</single>",
  "<![CDATA[<script>alert(1)</script><p onclick=x()>]]>",
  "<tolerance>1</tolerance>",
  "&lt;",
  "&foo;",
];

const OPTIONS = { fallbackTitle: "Fuzz", skill: "hedging", difficulty: "medium" } as const;
/** Unsafe markup: the words themselves may appear as text, so only tags and attributes count. */
const UNSAFE = /<(?:script|iframe|img|style|object|embed)\b|<[^>]*\son[a-z]+\s*=|<[^>]*(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i;

function texts(q: Question): string[] {
  const all = [q.prompt, q.explanation ?? ""];
  if ("options" in q) for (const o of q.options) all.push(o.text, o.feedback ?? "");
  if ("answers" in q) for (const a of q.answers) all.push(a.feedback ?? "");
  if ("pairs" in q) for (const p of q.pairs) all.push(p.prompt);
  return all;
}

/** Moodle XML keeps a range as its middle ± half its width; numbers compare to 6 places. */
function roughly(q: Question): unknown {
  const ranged =
    q.type === "numerical"
      ? {
          ...q,
          answers: q.answers.map((a) =>
            a.min !== undefined && a.max !== undefined && a.max < Number.MAX_VALUE
              ? { value: (a.min + a.max) / 2, tolerance: (a.max - a.min) / 2, weight: a.weight, feedback: a.feedback }
              : a,
          ),
        }
      : q;
  return JSON.parse(JSON.stringify(ranged, (_, v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v)));
}

function check(format: ImportFormat, text: string): number {
  const result = parseImport(format, "fuzz", text, OPTIONS);
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    return 0;
  }
  for (const q of result.value.questions) {
    expect(questionSchema.safeParse(q).success).toBe(true);
    if (q.markup === "html") for (const t of texts(q)) expect(t, JSON.stringify(text)).not.toMatch(UNSAFE);
  }
  for (const out of ["gift", "moodle-xml"] as const) {
    const back = parseImport(out, "back", exportSet("fuzz", result.value, new Map(), out).body, OPTIONS);
    expect(back.ok, `${JSON.stringify(text)} through ${out}`).toBe(true);
    if (back.ok) expect(back.value.questions.map(roughly), `${JSON.stringify(text)} through ${out}`).toEqual(result.value.questions.map(roughly));
  }
  return result.value.questions.length;
}

describe("fuzzing the importers", () => {
  it("reads 400 random GIFT files without throwing, and everything imported is safe and exports", () => {
    const next = random(20_26);
    let imported = 0;
    for (let run = 0; run < 400; run++) imported += check("gift", build(next, GIFT_TOKENS, 5 + Math.floor(next() * 60)));
    // The generator must reach the importer's happy paths too, or the test says little.
    expect(imported).toBeGreaterThan(100);
  });

  it("reads 300 random Aiken files without throwing", () => {
    const next = random(7);
    let imported = 0;
    // Mostly well-formed questions (a prompt, some options, an answer) with noise between them.
    const question = () =>
      `${build(next, WORDS, 3)}?\n${["A", "B", "C", "D"]
        .slice(0, Math.floor(next() * 5))
        .map((l) => `${l}${next() < 0.5 ? "." : ")"} ${build(next, WORDS, 2)}\n`)
        .join("")}${build(next, AIKEN_TOKENS, 1)}\nANSWER: ${"ABCE"[Math.floor(next() * 4)]}\n\n`;
    for (let run = 0; run < 300; run++) imported += check("aiken", Array.from({ length: 1 + Math.floor(next() * 4) }, question).join(""));
    expect(imported).toBeGreaterThan(10);
  });

  it("reads 300 random Moodle XML files without throwing", () => {
    const next = random(42);
    for (let run = 0; run < 300; run++) check("moodle-xml", `<quiz>${build(next, XML_TOKENS, 5 + Math.floor(next() * 50))}</quiz>`);
  });

  it("renders 300 random Markdown texts, and the sanitiser leaves nothing unsafe", () => {
    const next = random(99);
    const tokens = [
      ...WORDS,
      "*",
      "**",
      "_",
      "`",
      "```\n",
      "[",
      "](",
      ")",
      "(javascript:x)",
      "<",
      "> ",
      "- ",
      "1. ",
      "# ",
      "\n",
      "\n\n",
      "    ",
      "<script>",
      "<b onclick=x>",
      "\\",
    ];
    for (let run = 0; run < 300; run++) expect(sanitizeHtml(markdownToHtml(build(next, tokens, 80)))).not.toMatch(UNSAFE);
  });
});
