import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { questionSetJsonSchema } from "../../src/content/json-schema.ts";
import { loadLibrary } from "../../src/content/library.ts";
import { formatIssue } from "../../src/content/parse.ts";
import { DIFFICULTIES, SKILL_IDS } from "../../src/content/skills.ts";

// The real questions/ folder, read by test/vitest.config.ts.
const library = loadLibrary(env.TEST_LIBRARY);
const questions = library.sets.flatMap(({ slug, set }) => set.questions.map((question) => ({ slug, question })));

describe("the question library", () => {
  it("passes the schema and every quote is verbatim in its document", () => {
    expect(library.issues.map(formatIssue)).toEqual([]);
    expect(library.documents.map((d) => d.id).sort()).toEqual(["000", "001", "002", "003", "004"]);
  });

  it("has at least 6 sets and 60 questions", () => {
    expect(library.sets.length).toBeGreaterThanOrEqual(6);
    expect(questions.length).toBeGreaterThanOrEqual(60);
  });

  it("practises every skill in at least 4 questions", () => {
    const perSkill = Object.fromEntries(SKILL_IDS.map((skill) => [skill, questions.filter(({ question }) => question.skill === skill).length]));
    for (const skill of SKILL_IDS) expect(perSkill[skill], skill).toBeGreaterThanOrEqual(4);
  });

  it("mixes the question types students answer about documents, and every set has easy, medium and hard questions", () => {
    // Short answer, numerical, matching, essay and description come from Moodle imports.
    for (const type of ["single", "multiple", "true_false"] as const)
      expect(
        questions.some(({ question }) => question.type === type),
        type,
      ).toBe(true);
    for (const { slug, set } of library.sets) {
      for (const difficulty of DIFFICULTIES)
        expect(
          set.questions.some((q) => q.difficulty === difficulty),
          `${slug} has ${difficulty}`,
        ).toBe(true);
    }
  });

  it("sets two passages from different documents side by side in at least 6 questions", () => {
    const sideBySide = questions.filter(({ question }) => new Set(question.passages.map((p) => p.document)).size >= 2);
    expect(sideBySide.length).toBeGreaterThanOrEqual(6);
  });

  it("includes a before-and-after check covering most skills", () => {
    const check = library.sets.find(({ set }) => set.mode === "check");
    expect(check).toBeDefined();
    const set = check?.set;
    expect(set?.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(set?.questions.map((q) => q.skill)).size).toBeGreaterThanOrEqual(SKILL_IDS.length - 2);
  });

  it("gives every option its own feedback and every question an explanation with a cited quote", () => {
    for (const { slug, question } of questions) {
      const where = `${slug}/${question.id}`;
      if ("options" in question) {
        expect(new Set(question.options.map((o) => o.feedback)).size, `${where}: feedback differs per option`).toBe(question.options.length);
      }
      expect(question.explanation?.length ?? 0, where).toBeGreaterThan(40);
      expect(question.sources.length, where).toBeGreaterThan(0);
    }
  });

  it("keeps the published JSON Schema in step with the zod schema", () => {
    expect(JSON.parse(env.TEST_JSON_SCHEMA)).toEqual(questionSetJsonSchema());
  });
});
