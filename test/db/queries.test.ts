import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/content/library.ts";
import { paragraphsOf } from "../../src/content/text.ts";
import { createDb } from "../../src/db/client.ts";
import { LibraryConflictError, planLibrarySync, toSqlScript } from "../../src/db/library-sync.ts";
import { recordAnswer } from "../../src/db/queries/answers.ts";
import { findAttemptQuestion, findAttemptReview, listStudentAttempts, recordResponse, setDisplayName, startAttempt } from "../../src/db/queries/attempts.ts";
import { documentLabels, findReadableDocument } from "../../src/db/queries/documents.ts";
import { findPublishedSet, listPublishedSets } from "../../src/db/queries/sets.ts";
import { documentFile, FIXTURE_BODY, questionSet, setFile } from "../support/content.ts";
import { readLibraryState } from "../support/d1.ts";
import { publishFixtureSet, publishNewVersion, threeTypeSet } from "../support/fixtures.ts";
import { createTeacherAccount } from "../support/teacher-browser.ts";

const { db } = createDb(env.DB);

async function startOn(slug: string, studentId = crypto.randomUUID()) {
  const set = await findPublishedSet(db, slug);
  if (!set) throw new Error(`no set ${slug}`);
  const attemptId = await startAttempt(db, { studentId, setVersionId: set.versionId, settings: set.settings });
  return { attemptId, studentId, set };
}

describe("set queries", () => {
  it("lists published sets at their current version, with their documents", async () => {
    const { slug, docId } = await publishFixtureSet();
    const listed = (await listPublishedSets(db, crypto.randomUUID())).find((s) => s.slug === slug);
    expect(listed).toMatchObject({ title: "Fixture set", version: 1, questionCount: 1, documentIds: [docId], skills: ["attribution"] });
    const labels = await documentLabels(db, [docId], null);
    expect(labels.get(docId)).toEqual({ id: docId, publicId: docId, label: "Fixture report", title: `Test document ${docId}`, outlet: "not stated" });
  });

  it("finds no unpublished or unknown set", async () => {
    const { slug } = await publishFixtureSet();
    await env.DB.prepare("UPDATE question_sets SET published = 0 WHERE slug = ?").bind(slug).run();
    expect(await findPublishedSet(db, slug)).toBeUndefined();
    expect(await findPublishedSet(db, "no-such-set")).toBeUndefined();
  });
});

describe("attempt queries", () => {
  it("scopes an attempt's questions to the student who owns it", async () => {
    const { slug } = await publishFixtureSet();
    const { attemptId, studentId } = await startOn(slug);
    const mine = await findAttemptQuestion(db, { attemptId, studentId, number: 1 });
    expect(mine?.question.key).toBe("who-said-it");
    expect(mine?.response?.chosen ?? null).toBeNull();
    expect(await findAttemptQuestion(db, { attemptId, studentId: crypto.randomUUID(), number: 1 })).toBeUndefined();
    expect(await findAttemptQuestion(db, { attemptId, studentId, number: 2 })).toBeUndefined();
  });

  it("records a response once and keeps counts derived from responses", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const { attemptId, studentId } = await startOn(slug);
    const q1 = await findAttemptQuestion(db, { attemptId, studentId, number: 1 });
    if (!q1) throw new Error("question 1 exists");
    const right = { score: 1, correct: true };
    expect(await recordResponse(db, { attemptId, questionId: q1.question.id, value: ["a"], grade: right, confidence: null })).toBe(true);
    expect(await recordResponse(db, { attemptId, questionId: q1.question.id, value: ["b"], grade: { score: 0, correct: false }, confidence: null })).toBe(
      false,
    );

    const again = await findAttemptQuestion(db, { attemptId, studentId, number: 1 });
    expect(again?.response).toEqual({ chosen: ["a"], isCorrect: true, score: 1, confidence: null });
    expect(again?.attempt).toMatchObject({ answeredCount: 1, finishedAt: null });
  });

  it("finishes an attempt and stores its score when the last question is answered", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const { attemptId, studentId } = await startOn(slug);
    const review = await findAttemptReview(db, { attemptId, studentId });
    if (!review) throw new Error("review exists");
    const scores = [1, 0, 0.5];
    for (const [index, item] of review.items.entries()) {
      const score = scores[index] ?? 0;
      await recordResponse(db, { attemptId, questionId: item.question.id, value: ["a"], grade: { score, correct: score === 1 }, confidence: null });
    }
    const done = await findAttemptReview(db, { attemptId, studentId });
    expect(done?.attempt).toMatchObject({ questionCount: 3, scoredCount: 3, answeredCount: 3, correctCount: 1, score: 1.5 });
    expect(done?.attempt.finishedAt).toBeInstanceOf(Date);
    expect(done?.items.map((i) => i.response?.score)).toEqual([1, 0, 0.5]);
  });

  it("records a graded answer in one batch only for the attempt's own question at that place", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const { attemptId, studentId, set } = await startOn(slug);
    const q1 = await findAttemptQuestion(db, { attemptId, studentId, number: 1 });
    const q2 = await findAttemptQuestion(db, { attemptId, studentId, number: 2 });
    if (!q1 || !q2) throw new Error("questions 1 and 2 exist");
    const target = (row: typeof q1) => ({ questionId: row.question.id, versionHash: row.set.versionHash, content: row.question.content });
    const answer = { value: ["a"], grade: { score: 1, correct: true }, confidence: null };
    const at = (number: number, row: typeof q1, who = studentId) => recordAnswer(db, { attemptId, studentId: who, number, target: target(row), ...answer });

    expect(await at(1, q1, crypto.randomUUID())).toEqual({ kind: "not-found" });
    expect(await at(2, q1)).toEqual({ kind: "other-question" });
    expect(await recordAnswer(db, { attemptId, studentId, number: 1, target: { ...target(q1), versionHash: "stale" }, ...answer })).toEqual({
      kind: "other-question",
    });
    expect(await at(4, q1)).toEqual({ kind: "not-found" });
    expect(await at(1, q1)).toEqual({ kind: "recorded", questionCount: 3, answeredCount: 1, mode: set.settings.mode });
    expect(await at(1, q1)).toEqual({ kind: "already", questionCount: 3, mode: set.settings.mode });
    const stored = await findAttemptQuestion(db, { attemptId, studentId, number: 1 });
    expect(stored?.response).toEqual({ chosen: ["a"], isCorrect: true, score: 1, confidence: null });
    expect(stored?.attempt).toMatchObject({ answeredCount: 1, finishedAt: null });
  });

  it("keeps a check in order: a later question is refused until the earlier ones are answered", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const studentId = crypto.randomUUID();
    const set = await findPublishedSet(db, slug);
    if (!set) throw new Error("set exists");
    const attemptId = await startAttempt(db, { studentId, setVersionId: set.versionId, settings: { ...set.settings, mode: "check" } });
    const q2 = await findAttemptQuestion(db, { attemptId, studentId, number: 2 });
    if (!q2) throw new Error("question 2 exists");
    const input = { attemptId, studentId, number: 2, value: ["f"], grade: { score: 1, correct: true }, confidence: null };
    const target = { questionId: q2.question.id, versionHash: q2.set.versionHash, content: q2.question.content };
    expect(await recordAnswer(db, { ...input, target })).toEqual({ kind: "out-of-order", firstOpen: 1 });
    expect((await findAttemptQuestion(db, { attemptId, studentId, number: 2 }))?.response?.chosen ?? null).toBeNull();
  });

  it("lists a student's own attempts with their display name", async () => {
    const { slug } = await publishFixtureSet();
    const { attemptId, studentId } = await startOn(slug);
    await startOn(slug); // someone else's
    await setDisplayName(db, studentId, "Ada");
    const mine = await listStudentAttempts(db, studentId);
    expect(mine.displayName).toBe("Ada");
    expect(mine.attempts.map((a) => a.id)).toEqual([attemptId]);
  });
});

describe("versioning", () => {
  it("keeps an attempt on the version it started with after the set changes", async () => {
    const { slug, docId } = await publishFixtureSet();
    const before = await startOn(slug);

    const edited = questionSet(docId);
    const [question] = edited.questions;
    if (!question) throw new Error("fixture has a question");
    question.prompt = "Edited prompt: who said the bridge would reopen?";
    await publishNewVersion(slug, docId, edited, 2);

    const after = await startOn(slug);
    expect(after.set.version).toBe(2);
    const oldView = await findAttemptQuestion(db, { attemptId: before.attemptId, studentId: before.studentId, number: 1 });
    const newView = await findAttemptQuestion(db, { attemptId: after.attemptId, studentId: after.studentId, number: 1 });
    expect(oldView?.question.content.prompt).toBe("Who said the bridge would reopen?");
    expect(newView?.question.content.prompt).toBe("Edited prompt: who said the bridge would reopen?");
  });
});

describe("document queries", () => {
  it("returns a document with its provenance notes", async () => {
    const document = await findReadableDocument(db, "002", undefined);
    expect(document?.provenance.join(" ")).toContain("Reproduced exactly as found");
    expect(document?.body).toContain("Some information for this story came from The Associated Press.");
    expect(await findReadableDocument(db, "nope", undefined)).toBeUndefined();
  });
});

describe("loading the built-in library", () => {
  it("keeps every paragraph of a document through the SQL script the CLI runs (npm start and deploy)", async () => {
    const id = `para-${crypto.randomUUID().slice(0, 8)}`;
    const library = loadLibrary([documentFile(id, "First paragraph.\n\nSecond paragraph.\nThird paragraph.")]);
    const plan = await planLibrarySync(library, { documents: [], sets: [] });
    // The script wrangler executes: each statement on its own line, values inlined.
    for (const statement of toSqlScript(plan.statements).split(/;\n(?=INSERT|UPDATE)/)) await env.DB.prepare(statement).run();
    const stored = await findReadableDocument(db, id, undefined);
    expect(stored?.body).toBe("First paragraph.\n\nSecond paragraph.\nThird paragraph.");
    expect(paragraphsOf(stored?.body ?? "")).toHaveLength(3);
  });

  it("loads the library's documents with all their paragraphs", async () => {
    const document = await findReadableDocument(db, "004", undefined);
    expect(paragraphsOf(document?.body ?? "")).toHaveLength(21);
  });

  it("refuses to take over an id or slug a teacher already uses, and writes nothing", async () => {
    const teacher = await createTeacherAccount();
    const taken = `taken-${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare(
      "INSERT INTO documents (public_id, id, label, title, outlet, byline, date, kind, provenance, body, content_hash, owner_id) VALUES (?, ?, 'l', 't', 'o', 'b', 'd', 'k', '[]', 'x', 'h', ?)",
    )
      .bind(`${taken}-pub`, taken, teacher.id)
      .run();
    const library = loadLibrary([documentFile(taken, FIXTURE_BODY), setFile(`set-${taken}`, questionSet(taken))]);
    await expect(planLibrarySync(library, await readLibraryState(env.DB))).rejects.toThrow(LibraryConflictError);
    await expect(planLibrarySync(library, await readLibraryState(env.DB))).rejects.toThrow(`A teacher already uses document id "${taken}"`);
    expect(await env.DB.prepare("SELECT owner_id FROM documents WHERE id = ?").bind(taken).first("owner_id")).toBe(teacher.id);
  });
});
