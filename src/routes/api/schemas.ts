import { z } from "zod";
import { documentId, slug } from "../../content/schema.ts";
import { DIFFICULTIES, QUESTION_TYPES, SKILL_IDS } from "../../content/skills.ts";
import { documentUpload, setUpload } from "../../teach/upload.ts";

/**
 * The API's request and response shapes. Requests reuse the upload schemas the web form uses;
 * responses are declared here so handlers are type-checked against what openapi.json promises.
 */

/** PUT /api/sets/{slug}: the same fields as a new set; `slug` may be left out (it is in the URL). */
export const setUpdate = setUpload.partial({ slug: true });
export type SetUpdate = z.output<typeof setUpdate>;

export const slugParam = z.object({ slug });
export const documentIdParam = z.object({ id: documentId });

const isoDate = z.iso.datetime().describe("When it was stored (ISO 8601, UTC).");

export const setStatus = z
  .enum(["draft", "published", "unpublished"])
  .describe("draft: never published; published: students see the current version; unpublished: hidden from students, results kept.");
export type SetStatus = z.output<typeof setStatus>;

export const versionInfo = z.strictObject({
  version: z.int().min(1),
  title: z.string(),
  summary: z.string(),
  questionCount: z.int().min(0),
  sourcesRequired: z.boolean().describe("false for sets imported without citations (GIFT, Aiken)."),
  createdAt: isoDate,
});
export type VersionInfo = z.output<typeof versionInfo>;

export const setSummary = z.strictObject({
  slug,
  builtIn: z.boolean().describe("true for the built-in library: read-only."),
  status: setStatus,
  title: z.string().describe("From the draft if there is one, else from the current version."),
  summary: z.string(),
  current: versionInfo.nullable().describe("The version students get; null until first published."),
  draft: versionInfo.nullable().describe("An uploaded version not yet published; null if there is none."),
});
export type SetSummary = z.output<typeof setSummary>;

const sourceRefOut = z.strictObject({ document: documentId, quote: z.string() });

export const questionOut = z.strictObject({
  position: z.int().min(1),
  id: z.string().describe("The question's id in its file, stable across versions."),
  type: z.enum(QUESTION_TYPES),
  skill: z.enum(SKILL_IDS),
  difficulty: z.enum(DIFFICULTIES),
  prompt: z.string(),
  context: z.string().nullable(),
  passages: z.array(sourceRefOut),
  options: z.array(
    z.strictObject({
      id: z.string(),
      text: z.string(),
      feedback: z.string(),
    }),
  ),
  answer: z.array(z.string()).describe("Correct option ids."),
  explanation: z.string(),
  sources: z.array(sourceRefOut),
});
export type QuestionOut = z.output<typeof questionOut>;

export const setDetail = setSummary.extend({
  versions: z
    .array(
      z.strictObject({
        version: z.int().min(1),
        state: z.enum(["current", "draft", "previous"]),
        title: z.string(),
        questionCount: z.int().min(0),
        createdAt: isoDate,
      }),
    )
    .describe("Every version, newest first."),
  questions: z.strictObject({
    current: z.array(questionOut).nullable(),
    draft: z.array(questionOut).nullable(),
  }),
});
export type SetDetail = z.output<typeof setDetail>;

export const setList = z.strictObject({ sets: z.array(setSummary) });

export const savedVersion = z.strictObject({
  slug,
  version: z.int().min(1).describe("The new version's number."),
  status: z.literal("draft").describe("A new version is always a draft: publish the set to give it to students."),
});
export type SavedVersion = z.output<typeof savedVersion>;

export const documentSummary = z.strictObject({
  id: documentId,
  title: z.string(),
  outlet: z.string(),
  date: z.string(),
  builtIn: z.boolean().describe("true for the built-in library; false for your own documents."),
});
export type DocumentSummary = z.output<typeof documentSummary>;

export const documentList = z.strictObject({ documents: z.array(documentSummary) });

export const documentOut = documentSummary.extend({
  byline: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  provenance: z.array(z.string()),
  text: z.string().describe("The document's text exactly as stored; quotes must match it."),
  createdAt: isoDate,
});
export type DocumentOut = z.output<typeof documentOut>;

export const errorOut = z.strictObject({
  error: z.string().describe("A plain message, safe to show to a person."),
  details: z
    .array(
      z.strictObject({
        path: z.string().optional().describe("The field, e.g. `content` or `questions[0].sources[0].quote`."),
        line: z.int().optional().describe("The line in `content`, when the problem is in the uploaded text."),
        message: z.string(),
      }),
    )
    .describe("What is wrong, one entry per problem; empty when there is nothing more to say."),
  requestId: z.string().describe("Quote this when reporting a problem."),
});

/** Request bodies, by the name used in components.schemas; converted with io "input". */
export const requestSchemas = { SetUpload: setUpload, SetUpdate: setUpdate, DocumentUpload: documentUpload } as const;

/** Response bodies, by the name used in components.schemas; converted with io "output". */
export const responseSchemas = {
  SetList: setList,
  SetSummary: setSummary,
  SetDetail: setDetail,
  SavedVersion: savedVersion,
  DocumentList: documentList,
  DocumentSummary: documentSummary,
  Document: documentOut,
  Error: errorOut,
} as const;
