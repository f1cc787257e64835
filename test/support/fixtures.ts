import { env } from "cloudflare:workers";
import { loadLibrary } from "../../src/content/library.ts";
import type { QuestionSetInput, SetSettings } from "../../src/content/schema.ts";
import { newSetVersionStatements, planLibrarySync, setContentHash } from "../../src/db/library-sync.ts";
import { documentFile, FIXTURE_BODY, questionSet, setFile } from "./content.ts";
import { applyPlan, readLibraryState } from "./d1.ts";

let counter = 0;
/** A name no other test uses, so tests never see each other's data. */
export function unique(prefix: string): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/**
 * Publishes a set (and its document) through the same code path as the library loader.
 * Returns the slug and document id it used.
 */
export async function publishFixtureSet(build: (docId: string) => QuestionSetInput = (id) => questionSet(id), body = FIXTURE_BODY) {
  const slug = unique("set");
  const docId = unique("doc");
  const library = loadLibrary([documentFile(docId, body), setFile(slug, build(docId))]);
  if (library.issues.length > 0) throw new Error(`fixture is invalid: ${JSON.stringify(library.issues)}`);
  const state = await readLibraryState(env.DB);
  // Plan only this fixture: other built-in sets must not be unpublished by it.
  const plan = await planLibrarySync(library, { documents: state.documents, sets: [] });
  await applyPlan(env.DB, plan);
  return { slug, docId };
}

/** Publishes a new version of an existing fixture set, as editing its file would. */
export async function publishNewVersion(slug: string, docId: string, set: QuestionSetInput, version: number) {
  const library = loadLibrary([documentFile(docId, FIXTURE_BODY), setFile(slug, set)]);
  const loaded = library.sets[0];
  if (!loaded) throw new Error(`new version is invalid: ${JSON.stringify(library.issues)}`);
  await applyPlan(env.DB, { statements: newSetVersionStatements(slug, loaded.set, await setContentHash(loaded.set), version), summary: [] });
}

/** A three-question fixture covering every question type. */
export function threeTypeSet(docId: string): QuestionSetInput {
  const base = questionSet(docId);
  return {
    ...base,
    skills: ["attribution", "anonymous-sources", "verification"],
    questions: [
      ...base.questions,
      {
        id: "unnamed",
        type: "true_false",
        skill: "anonymous-sources",
        difficulty: "medium",
        prompt: "True or false: the city official is named.",
        options: [
          { id: "t", text: "True", feedback: "No: the official asked not to be named." },
          { id: "f", text: "False", feedback: "Right: the official is unnamed." },
        ],
        answer: "f",
        explanation: "Notice when a source is not named.",
        sources: [{ document: docId, quote: "according to a city official who asked not to be named" }],
      },
      {
        id: "what-was-verified",
        type: "multiple",
        skill: "verification",
        difficulty: "hard",
        prompt: "Select every claim the text presents as checked by reporters.",
        options: [
          { id: "a", text: "There are cracks along the east span", feedback: "Right: the video was verified." },
          { id: "b", text: "The bridge reopens Monday", feedback: "No: that is the mayor's claim." },
          { id: "c", text: "Video shows the east span", feedback: "Right: reporters verified the video." },
        ],
        answer: ["a", "c"],
        explanation: "Look for who did the checking.",
        sources: [{ document: docId, quote: "Video verified by reporters shows cracks along the east span." }],
      },
    ],
  };
}

/** A practice set's settings, for starting attempts directly in query tests. */
export const PRACTICE: SetSettings = { mode: "practice", shuffleQuestions: false, confidence: false, certaintyMarking: false };
