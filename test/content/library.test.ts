import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { questionSetJsonSchema } from "../../src/content/json-schema.ts";
import { loadLibrary } from "../../src/content/library.ts";
import { formatIssue } from "../../src/content/parse.ts";
import { isScored, type Question, type QuestionOfType } from "../../src/content/schema.ts";
import { DIFFICULTIES, SKILL_IDS } from "../../src/content/skills.ts";
import { locateQuote } from "../../src/content/text.ts";

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

  it("practises every skill in at least 4 questions of the practice sets", () => {
    const practice = questions.filter(({ slug }) => !library.sets.find((s) => s.slug === slug && s.set.mode === "check"));
    const perSkill = Object.fromEntries(SKILL_IDS.map((skill) => [skill, practice.filter(({ question }) => question.skill === skill).length]));
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

  it("has two parallel diagnostic check forms, matched question by question and sharing no passage", () => {
    const forms = library.sets.filter(({ set }) => set.form?.group === "diagnostic");
    expect(forms.map(({ set }) => set.form?.form).sort()).toEqual(["A", "B"]);
    const shape = (q: Question) => `${q.skill}/${q.type}/${q.difficulty}`;
    for (const { slug, set } of forms) {
      expect(set.mode, slug).toBe("check");
      expect(set.shuffleQuestions, slug).toBe(true);
      expect(set.attempts, slug).toBe(1);
      expect(set.questions.filter(isScored).length, slug).toBeGreaterThanOrEqual(12);
      const claims = set.questions.filter((q): q is QuestionOfType<"claim"> => q.type === "claim");
      expect(claims.length, slug).toBeGreaterThanOrEqual(8);
      const supported = claims.filter((q) => q.options.some((o) => "supports" in o && o.supports && q.answer.includes(o.id))).length;
      expect(supported / claims.length, `${slug}: share of supported claims`).toBeGreaterThanOrEqual(0.4);
      expect(supported / claims.length, `${slug}: share of supported claims`).toBeLessThanOrEqual(0.6);
      expect(new Set(set.questions.map((q) => q.skill)).size, slug).toBeGreaterThanOrEqual(SKILL_IDS.length - 2);
    }
    const [a, b] = forms.map(({ set }) => set);
    expect(a?.questions.map(shape).sort()).toEqual(b?.questions.map(shape).sort());
    // One verdict scale and one claim prompt across both forms, so a score on A means the same
    // as a score on B. Claims are about what happened, never "X said Y": the prompt asks
    // students to judge the claim itself, so a reporting verb in a claim would make its level
    // ambiguous again.
    const claims = forms.flatMap(({ set }) => set.questions.filter((q): q is QuestionOfType<"claim"> => q.type === "claim"));
    const scale = (q: QuestionOfType<"claim">) => q.options.map((o) => `${o.id}|${o.text}|${"supports" in o && o.supports}`).join("\n");
    expect(new Set(claims.map(scale)).size).toBe(1);
    expect(new Set(claims.map((q) => q.prompt)).size).toBe(1);
    // The same mix of verdicts (supported, only claimed, not supported) in both forms, so that a
    // student who leans one way gains or loses the same on either form.
    const verdictMix = (set: typeof a) =>
      (set?.questions ?? [])
        .filter((q): q is QuestionOfType<"claim"> => q.type === "claim")
        .map((q) => q.answer.join())
        .sort();
    expect(verdictMix(a)).toEqual(verdictMix(b));
    for (const q of claims) expect(q.claim, q.id).not.toMatch(/\b(said|says|told|according to|claimed|claims|announced|reported)\b/i);
    const bodies = new Map(library.documents.map((d) => [d.id, d.body]));
    const ranges = (set: typeof a) =>
      (set?.questions ?? []).flatMap((q) =>
        [...q.passages, ...q.sources].map((ref) => ({ document: ref.document, at: locateQuote(bodies.get(ref.document) ?? "", ref.quote) })),
      );
    for (const x of ranges(a))
      for (const y of ranges(b)) {
        const overlaps = x.document === y.document && x.at && y.at && x.at.start < y.at.end && y.at.start < x.at.end;
        expect(overlaps, `form A and form B both quote ${x.document} at ${x.at?.start}`).toBeFalsy();
      }
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
