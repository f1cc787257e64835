import * as z from "zod/mini";
import { documentId, question, slug } from "../../content/schema.ts";
import { DIFFICULTIES, QUESTION_TYPES, SKILL_IDS } from "../../content/skills.ts";
import { exportQuery as teachExportQuery } from "../../teach/export.ts";
import { documentUpload, setUpload } from "../../teach/upload.ts";
import { assignmentCreate, classCreate, classDetail, classList, classResultsOut, classSummary, draftQuestionOut, setDuplicate } from "./class-schemas.ts";
import { described } from "./described.ts";

/**
 * The API's request and response shapes. Requests reuse the upload schemas the web form uses;
 * responses are declared here so handlers are type-checked against what openapi.json promises.
 */

/** PUT /api/sets/{slug}: the same fields as a new set; `slug` may be left out (it is in the URL). */
export const setUpdate = z.partial(setUpload, { slug: true });
export type SetUpdate = z.output<typeof setUpdate>;

export const slugParam = z.object({ slug: described(slug.clone(), "The set's slug.") });
/** GET /api/sets/{slug}/export: the web form's query schema, with words for the reader. */
export const exportQuery = z.strictObject({
  format: described(teachExportQuery.shape.format.clone(), "`gift` (a GIFT text file) or `moodle-xml` (Moodle XML)."),
});

/** PUT /api/sets/{slug}/questions/{questionId}: one question in the set format (the upload's shape). */
export const questionIn = question;
export const documentIdParam = z.object({ id: described(documentId.clone(), "The document's id.") });

const isoDate = described(z.iso.datetime(), "When it was stored (ISO 8601, UTC).");

export const setStatus = described(
  z.enum(["draft", "published", "unpublished", "archived"]),
  "draft: never published; published: students see the current version; unpublished: hidden from students, results kept; archived: hidden and listed apart, results kept.",
);
export type SetStatus = z.output<typeof setStatus>;

export const versionInfo = z.strictObject({
  version: z.int().check(z.gte(1)),
  title: z.string(),
  summary: z.string(),
  questionCount: z.int().check(z.gte(0)),
  sourcesRequired: described(z.boolean(), "false for sets imported without citations (GIFT, Aiken)."),
  createdAt: isoDate,
});
export type VersionInfo = z.output<typeof versionInfo>;

export const setSummary = z.strictObject({
  slug: described(z.string(), "The set's name in your account (unique among your sets and the built-in ones)."),
  publicSlug: described(z.string(), "Students' address for the set: `/sets/{publicSlug}`."),
  builtIn: described(z.boolean(), "true for the built-in library: read-only."),
  status: setStatus,
  title: described(z.string(), "From the draft if there is one, else from the current version."),
  summary: z.string(),
  current: described(z.nullable(versionInfo), "The version students get; null until first published."),
  draft: described(
    z.nullable(versionInfo),
    "Unpublished changes (uploads, edits and attached quotes), with the version number they get when published; null if there are none.",
  ),
});
export type SetSummary = z.output<typeof setSummary>;

export const questionOut = described(
  z.looseObject({
    position: z.int().check(z.gte(1)),
    id: described(z.string(), "The question's id in its file, stable across versions."),
    type: z.enum(QUESTION_TYPES),
    skill: z.enum(SKILL_IDS),
    difficulty: z.enum(DIFFICULTIES),
    prompt: z.string(),
  }),
  "The question as written in the set format (options, answer, feedback, explanation, sources and the fields of its type), with its position.",
);
export type QuestionOut = z.output<typeof questionOut>;

export const setDetail = z.extend(setSummary, {
  versions: described(
    z.array(
      z.strictObject({
        version: z.int().check(z.gte(1)),
        state: z.enum(["current", "draft", "previous"]),
        title: z.string(),
        questionCount: z.int().check(z.gte(0)),
        createdAt: isoDate,
      }),
    ),
    "Every version, newest first.",
  ),
  questions: z.strictObject({
    current: z.nullable(z.array(questionOut)),
    draft: z.nullable(z.array(questionOut)),
  }),
});
export type SetDetail = z.output<typeof setDetail>;

export const setList = z.strictObject({ sets: z.array(setSummary) });

export const importNote = z.strictObject({
  line: described(z.optional(z.int()), "The line in `content` where the question starts."),
  question: described(z.string(), "The question's id in the set, or its Moodle name (or first words) if it was left out; empty for the file as a whole."),
  outcome: described(z.enum(["left out", "changed"]), "left out: not in the set; changed: imported with the change described."),
  message: described(z.string(), "What happened and, where there is something to do, what to do."),
});

export const savedVersion = z.strictObject({
  slug,
  version: described(z.int().check(z.gte(1)), "The number the draft gets when it is published."),
  status: described(z.literal("draft"), "Uploads change the set's draft: publish the set to give it to students."),
  changes: described(z.array(z.string()), "What the draft changes compared with the published version, in plain sentences."),
  warnings: described(
    z.array(
      z.strictObject({
        path: described(z.string(), "Where in the set, e.g. `questions[2].options`; empty for the whole set."),
        message: described(z.string(), "What a student could exploit or would not understand, and how to fix it."),
      }),
    ),
    "Item-writing warnings (answer cues, unbalanced keys, documents named by file id). The version is saved and can be published anyway.",
  ),
  importNotes: described(
    z.array(importNote),
    "GIFT, Aiken and Moodle XML: each question left out (with the reason) or imported with a change. Empty for the sourcewise format, which is all or nothing.",
  ),
});
export type SavedVersion = z.output<typeof savedVersion>;

export const documentSummary = z.strictObject({
  id: documentId,
  title: z.string(),
  outlet: z.string(),
  date: z.string(),
  builtIn: described(z.boolean(), "true for the built-in library; false for your own documents."),
});
export type DocumentSummary = z.output<typeof documentSummary>;

export const documentList = z.strictObject({ documents: z.array(documentSummary) });

export const documentOut = z.extend(documentSummary, {
  byline: z.string(),
  kind: z.string(),
  url: z.nullable(z.string()),
  provenance: z.array(z.string()),
  text: described(z.string(), "The document's text exactly as stored; quotes must match it."),
  createdAt: isoDate,
});
export type DocumentOut = z.output<typeof documentOut>;

export const errorOut = z.strictObject({
  error: described(z.string(), "A plain message, safe to show to a person."),
  details: described(
    z.array(
      z.strictObject({
        path: described(z.optional(z.string()), "The field, e.g. `content` or `questions[0].sources[0].quote`."),
        line: described(z.optional(z.int()), "The line in `content`, when the problem is in the uploaded text."),
        message: z.string(),
      }),
    ),
    "What is wrong, one entry per problem; empty when there is nothing more to say.",
  ),
  requestId: described(z.string(), "Quote this when reporting a problem."),
});

/** Request bodies, by the name used in components.schemas; converted with io "input". */
export const requestSchemas = {
  SetUpload: setUpload,
  SetUpdate: setUpdate,
  SetDuplicate: setDuplicate,
  Question: questionIn,
  DocumentUpload: documentUpload,
  ClassCreate: classCreate,
  AssignmentCreate: assignmentCreate,
} as const;

/** Response bodies, by the name used in components.schemas; converted with io "output". */
export const responseSchemas = {
  SetList: setList,
  SetSummary: setSummary,
  SetDetail: setDetail,
  SavedVersion: savedVersion,
  DocumentList: documentList,
  DocumentSummary: documentSummary,
  Document: documentOut,
  DraftQuestion: draftQuestionOut,
  ClassList: classList,
  ClassSummary: classSummary,
  Class: classDetail,
  ClassResults: classResultsOut,
  Error: errorOut,
} as const;
