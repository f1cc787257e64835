import { stringify } from "yaml";
import type { ContentFile } from "../../src/content/library.ts";
import type { QuestionSetInput } from "../../src/content/schema.ts";

/** A small, valid source document; tests add their own sentences to quote. */
export function documentFile(id: string, body: string, extra: Record<string, unknown> = {}): ContentFile {
  const meta = {
    id,
    label: "Fixture report",
    title: `Test document ${id}`,
    outlet: "not stated",
    byline: "not stated",
    date: "not stated",
    kind: "test fixture",
    provenance: ["Written for a test."],
    ...extra,
  };
  return { path: `documents/${id}.md`, content: `---\n${stringify(meta)}---\n${body}\n` };
}

export const FIXTURE_BODY = [
  "The mayor said the bridge would reopen on Monday.",
  "Engineers have not inspected the bridge, according to a city official who asked not to be named.",
  "Video verified by reporters shows cracks along the east span.",
].join("\n");

/** A valid one-question set quoting `docId`; override anything to make it invalid. */
export function questionSet(docId: string, overrides: Partial<QuestionSetInput> = {}): QuestionSetInput {
  return {
    title: "Fixture set",
    summary: "A set written for tests.",
    skills: ["attribution"],
    documents: [docId],
    questions: [
      {
        id: "who-said-it",
        type: "single",
        skill: "attribution",
        difficulty: "easy",
        prompt: "Who said the bridge would reopen?",
        options: [
          { id: "a", text: "The mayor", feedback: "Right: the text attributes it to the mayor." },
          { id: "b", text: "Engineers", feedback: "No: the engineers have not inspected it." },
        ],
        answer: "a",
        explanation: "Find who makes a claim before weighing it.",
        sources: [{ document: docId, quote: "The mayor said the bridge would reopen on Monday." }],
      },
    ],
    ...overrides,
  };
}

export function setFile(slug: string, set: unknown): ContentFile {
  return { path: `sets/${slug}.yaml`, content: stringify(set) };
}
