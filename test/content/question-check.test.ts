import { describe, expect, it } from "vitest";
import { type ContentFile, loadLibrary } from "../../src/content/library.ts";
import { formatIssue, parseQuestionSet } from "../../src/content/parse.ts";
import type { QuestionSetInput } from "../../src/content/schema.ts";
import { documentFile, FIXTURE_BODY, questionSet, setFile } from "../support/content.ts";

const doc = documentFile("doc-a", FIXTURE_BODY);

function check(...files: ContentFile[]): string[] {
  return loadLibrary(files).issues.map(formatIssue);
}

function withQuestion(change: (q: Record<string, unknown>) => void): QuestionSetInput {
  const set = questionSet("doc-a");
  change(set.questions[0] as unknown as Record<string, unknown>);
  return set;
}

describe("questions:check", () => {
  it("accepts a valid set and document", () => {
    const library = loadLibrary([doc, setFile("fixture", questionSet("doc-a"))]);
    expect(library.issues).toEqual([]);
    expect(library.sets.map((s) => s.slug)).toEqual(["fixture"]);
  });

  it("names the file, line, path and closest passage for a quote that is not in its document", () => {
    const set = withQuestion((q) => {
      q.sources = [{ document: "doc-a", quote: "The mayor said the bridge would open on Monday." }];
    });
    const [issue, ...rest] = check(doc, setFile("fixture", set));
    expect(rest).toEqual([]);
    expect(issue).toMatch(
      /^sets\/fixture\.yaml:\d+: questions\[0\]\.sources\[0\]\.quote: not found in document doc-a \(closest passage: "The mayor said the bridge would reopen on Monday\."\)$/,
    );
  });

  it("points at the line of the bad quote", () => {
    const source = `title: T\nsummary: S\nskills: [attribution]\ndocuments: ["doc-a"]\nquestions:\n  - id: q\n    type: single\n    skill: attribution\n    difficulty: easy\n    prompt: P\n    options:\n      - {id: a, text: A, feedback: FA}\n      - {id: b, text: B, feedback: FB}\n    answer: a\n    explanation: E\n    sources:\n      - document: "doc-a"\n        quote: "Not in the text."\n`;
    expect(check(doc, { path: "sets/lines.yaml", content: source })).toEqual([
      expect.stringMatching(/^sets\/lines\.yaml:18: questions\[0\]\.sources\[0\]\.quote: not found in document doc-a/),
    ]);
  });

  it("accepts quotes that differ only in whitespace and quote-mark style", () => {
    const curly = documentFile("doc-c", "He called it \u201Ca\u00A0legitimate target\u201D and said it\u2019s over.");
    const set = questionSet("doc-c", {});
    (set.questions[0] as { sources: unknown }).sources = [{ document: "doc-c", quote: 'called it "a   legitimate\ntarget" and said it\'s over.' }];
    expect(check(curly, setFile("fixture", set))).toEqual([]);
  });

  it("rejects an unknown document id", () => {
    const set = questionSet("doc-missing");
    expect(check(doc, setFile("fixture", set))).toContainEqual(
      expect.stringMatching(/^sets\/fixture\.yaml:\d+: documents\[0\]: unknown document "doc-missing"$/),
    );
  });

  it("rejects a source citing a document the set does not list", () => {
    const set = withQuestion((q) => {
      q.sources = [{ document: "doc-b", quote: "x" }];
    });
    expect(check(doc, setFile("fixture", set))).toContainEqual(
      expect.stringContaining('questions[0].sources[0].document: document "doc-b" is not listed in the set\'s documents'),
    );
  });

  it("rejects duplicate set slugs", () => {
    const issues = check(doc, setFile("fixture", questionSet("doc-a")), { path: "sets/fixture.json", content: JSON.stringify(questionSet("doc-a")) });
    expect(issues).toEqual([expect.stringContaining('duplicate set slug "fixture"')]);
  });

  it("rejects duplicate document ids", () => {
    const issues = check(doc, { ...documentFile("doc-a", "Other text."), path: "documents/doc-a-copy.md" });
    expect(issues).toContainEqual(expect.stringContaining('duplicate document id "doc-a"'));
  });

  it("rejects duplicate question and option ids", () => {
    const set = questionSet("doc-a");
    const [first] = set.questions;
    if (!first) throw new Error("fixture has a question");
    set.questions.push(structuredClone(first));
    const options = (first as { options: { id: string; text: string; feedback?: string }[] }).options;
    options[1] = { ...(options[1] as { id: string; text: string }), id: "a" };
    const issues = check(doc, setFile("fixture", set));
    expect(issues).toContainEqual(expect.stringContaining('questions[1].id: duplicate question id "who-said-it"'));
    expect(issues).toContainEqual(expect.stringContaining('questions[0].options[1].id: duplicate option id "a"'));
  });

  it("rejects a correct option that is not one of the options", () => {
    const set = withQuestion((q) => {
      q.answer = "z";
    });
    expect(check(doc, setFile("fixture", set))).toContainEqual(
      expect.stringContaining('questions[0].answer: correct option "z" is not one of the options (a, b)'),
    );
  });

  it("rejects a single-choice question with no correct answer", () => {
    const set = withQuestion((q) => {
      delete q.answer;
    });
    expect(check(doc, setFile("fixture", set))).toContainEqual(expect.stringMatching(/questions\[0\]\.answer: /));
  });

  it("accepts several fully correct answers on single choice, as Moodle does, but not on true/false or a claim", () => {
    const single = withQuestion((q) => {
      q.answer = ["a", "b"];
    });
    expect(check(doc, setFile("fixture", single))).toEqual([]);
    const claim = withQuestion((q) => {
      Object.assign(q, {
        type: "claim",
        claim: "The mayor said it.",
        options: [
          { id: "a", text: "Supported", feedback: "x", supports: true },
          { id: "b", text: "Not supported", feedback: "y", supports: false },
        ],
      });
      q.answer = ["a", "b"];
    });
    expect(check(doc, setFile("fixture", claim))).toContainEqual(
      expect.stringContaining("questions[0].answer: a claim-judgement question needs exactly one correct option, not 2"),
    );
  });

  it("requires true/false questions to offer exactly True and False", () => {
    const set = withQuestion((q) => {
      q.type = "true_false";
    });
    expect(check(doc, setFile("fixture", set))).toContainEqual(
      expect.stringContaining('questions[0].options: a true/false question has exactly two options, "True" and "False"'),
    );
  });

  it("requires sources unless the set is marked as having none", () => {
    const unsourced = withQuestion((q) => {
      q.sources = [];
    });
    expect(check(doc, setFile("fixture", unsourced))).toContainEqual(expect.stringContaining("questions[0].sources: needs at least one source quote"));
    expect(check(doc, setFile("fixture", { ...unsourced, sources: "none" }))).toEqual([]);
  });

  it("rejects unknown fields, naming them", () => {
    const set = { ...questionSet("doc-a"), author: "someone" };
    expect(check(doc, setFile("fixture", set))).toContainEqual(expect.stringContaining('unknown field "author"'));
  });

  it("explains that an unquoted numeric document id must be quoted", () => {
    const source = setFile("fixture", questionSet("doc-a")).content.replace("- doc-a\n", "- 002\n");
    expect(check(doc, { path: "sets/fixture.yaml", content: source })).toContainEqual(
      expect.stringContaining('documents[0]: document ids are text: write it in quotes, e.g. "002"'),
    );
  });

  it("rejects YAML aliases, duplicate keys and prototype keys, with their lines", () => {
    const aliasBomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
    expect(parseQuestionSet("bomb.yaml", aliasBomb)).toMatchObject({
      ok: false,
      issues: [expect.objectContaining({ message: "aliases (*name) are not allowed", line: 2 })],
    });
    const duplicate = "title: A\ntitle: B\n";
    expect(parseQuestionSet("dup.yaml", duplicate)).toMatchObject({
      ok: false,
      issues: [expect.objectContaining({ line: 2, message: expect.stringContaining("unique") })],
    });
    const proto = "title: A\n__proto__:\n  polluted: true\n";
    expect(parseQuestionSet("proto.yaml", proto)).toMatchObject({
      ok: false,
      issues: [expect.objectContaining({ line: 2, message: 'the key "__proto__" is not allowed' })],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports malformed YAML with its line", () => {
    const result = parseQuestionSet("broken.yaml", "title: ok\nsummary: [unclosed\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("rejects a document whose front matter does not match its file name", () => {
    const misnamed = { ...documentFile("doc-x", "Text."), path: "documents/doc-y.md" };
    expect(check(misnamed)).toEqual([expect.stringMatching(/^documents\/doc-y\.md:2: id: must match the file name \("doc-y"\)$/)]);
  });

  it("stops adding closest-passage hints after 20 misquotes in one file", () => {
    const set = questionSet("doc-a");
    const [first] = set.questions;
    if (!first) throw new Error("fixture has a question");
    (first as { sources: unknown }).sources = Array.from({ length: 6 }, (_, i) => ({ document: "doc-a", quote: `Missing sentence ${i}.` }));
    set.questions = Array.from({ length: 4 }, (_, i) => ({ ...structuredClone(first), id: `q${i}` }));
    const issues = check(doc, setFile("fixture", set));
    expect(issues).toHaveLength(24);
    expect(issues.filter((issue) => issue.includes("closest passage"))).toHaveLength(20);
    expect(issues[23]).toMatch(/questions\[3\]\.sources\[5\]\.quote: not found in document doc-a$/);
  });
});
