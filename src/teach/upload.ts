import * as z from "zod/mini";
import { detectFormat, IMPORT_FORMATS, type ImportFormat, type ImportNote, type ImportOptions, parseImport } from "../content/import/index.ts";
import { checkQuotes } from "../content/library.ts";
import { documentMeta, type QuestionSet, type SourceDocument, slug } from "../content/schema.ts";
import { DIFFICULTIES, SKILL_IDS } from "../content/skills.ts";
import type { Database } from "../db/client.ts";
import { documentBodiesForTeacher } from "../db/queries/teacher-documents.ts";
import { BadRequestError, type ErrorDetail } from "../lib/errors.ts";
import { MAX_UPLOAD_BYTES } from "../lib/limits.ts";
import { keepWhatIsThere, mostCommon } from "./keep.ts";

export { MAX_UPLOAD_BYTES };

/** What a teacher sends to add or update a set: the same fields on the web form and the API. */
export const setUpload = z.strictObject({
  slug,
  /** Detected from the content when left out, if that is unambiguous. */
  format: z.optional(z.enum(IMPORT_FORMATS)),
  content: z.string().check(z.minLength(1, "paste or upload the set"), z.maxLength(MAX_UPLOAD_BYTES)),
  // Only GIFT, Aiken and Moodle XML need these: the project's own format carries them in the file.
  title: z.optional(z.string().check(z.trim(), z.maxLength(140))),
  summary: z.optional(z.string().check(z.trim(), z.maxLength(600))),
  // Left out: a new set's questions practise "evidence" at "medium"; an update keeps what each
  // matching question had, and new questions follow the set's most common skill and difficulty.
  skill: z.optional(z.enum(SKILL_IDS)),
  difficulty: z.optional(z.enum(DIFFICULTIES)),
});
export type SetUpload = z.output<typeof setUpload>;

const EXTENSIONS: Record<ImportFormat, string> = { sourcewise: "yaml", gift: "gift", aiken: "txt", "moodle-xml": "xml" };
const FORMAT_NAMES: Record<ImportFormat, string> = { sourcewise: "Sourcewise YAML or JSON", gift: "GIFT", aiken: "Aiken", "moodle-xml": "Moodle XML" };

const problems = (count: number) => `The set has ${count} problem${count === 1 ? "" : "s"}.`;

/** The upload's format: the one given, or the one the content shows; a 400 that says what to do when it is unclear. */
export function uploadFormat(upload: Pick<SetUpload, "format" | "content">): ImportFormat {
  const format = upload.format ?? detectFormat(undefined, upload.content);
  if (format) return format;
  throw new BadRequestError("We could not tell which format this is.", [
    { path: "format", message: `choose the format (${IMPORT_FORMATS.join(", ")}): in the form's Format list, or as "format" in the API` },
  ]);
}

/**
 * Parses an uploaded set in any supported format with the shared schema, then checks every
 * quote against the documents this teacher may cite. Returns the set and the import notes
 * (questions left out or changed); throws a 400 naming lines and paths when nothing can be saved.
 * With `previous` (an update), a GIFT, Moodle XML or Aiken upload keeps what those formats cannot carry.
 */
export async function validateSetUpload(
  db: Database,
  teacherId: string,
  upload: SetUpload,
  previous?: QuestionSet,
): Promise<{ set: QuestionSet; notes: ImportNote[] }> {
  const format = uploadFormat(upload);
  const file = `${upload.slug}.${EXTENSIONS[format]}`;
  const fallback = previous ? mostCommon(previous) : { skill: "evidence" as const, difficulty: "medium" as const };
  const title = upload.title || previous?.title;
  const summary = upload.summary || previous?.summary;
  const options: ImportOptions = {
    ...(title ? { title } : {}),
    ...(summary ? { summary } : {}),
    fallbackTitle: upload.slug,
    skill: upload.skill ?? fallback.skill,
    difficulty: upload.difficulty ?? fallback.difficulty,
  };
  const parsed = parseImport(format, file, upload.content, options);
  if (!parsed.ok) {
    const details = parsed.issues.map(toDetail);
    // A file in another format fails in confusing ways ("expected a mapping"): say what it looks like.
    const looksLike = detectFormat(undefined, upload.content);
    if (looksLike && looksLike !== format)
      details.unshift({
        path: "format",
        message: `this looks like ${FORMAT_NAMES[looksLike]}, not ${FORMAT_NAMES[format]}: choose "${looksLike}" as the format`,
      });
    throw new BadRequestError(problems(parsed.issues.length), details);
  }
  const set = previous && format !== "sourcewise" ? keepWhatIsThere(previous, parsed.value) : parsed.value;
  const bodies = await documentBodiesForTeacher(db, teacherId, [...new Set(set.documents)]);
  // Line numbers only point into the upload when the set is the upload as parsed.
  const quoteIssues = checkQuotes(file, set, set === parsed.value ? parsed.lineOf : () => undefined, bodies);
  if (quoteIssues.length > 0) throw new BadRequestError(problems(quoteIssues.length), quoteIssues.map(toDetail));
  return { set, notes: parsed.notes };
}

function toDetail(issue: { path: string; line?: number; message: string }): ErrorDetail {
  return { ...(issue.path ? { path: issue.path } : {}), ...(issue.line ? { line: issue.line } : {}), message: issue.message };
}

/** A teacher's own source document: the built-in document format, with defaults for notes. */
export const documentUpload = z.strictObject({
  id: documentMeta.shape.id,
  title: documentMeta.shape.title,
  /** How students see it named; the title when left empty. */
  label: z.optional(z.string().check(z.trim(), z.maxLength(80))),
  outlet: z._default(z.string().check(z.trim(), z.maxLength(200)), "not stated"),
  byline: z._default(z.string().check(z.trim(), z.maxLength(200)), "not stated"),
  date: z._default(z.string().check(z.trim(), z.maxLength(200)), "not stated"),
  kind: z._default(z.string().check(z.trim(), z.maxLength(100)), "added by a teacher"),
  url: z.optional(z.union([z.literal(""), z.url({ protocol: /^https?$/ })])),
  provenance: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  text: z.string().check(z.trim(), z.minLength(1, "paste the document's text"), z.maxLength(MAX_UPLOAD_BYTES)),
});

export function toSourceDocument(input: z.output<typeof documentUpload>): SourceDocument {
  const { text, provenance, url, label, ...meta } = input;
  return {
    ...meta,
    label: label || meta.title,
    ...(url ? { url } : {}),
    provenance: provenance ? provenance.split(/\n+/).filter((line) => line.trim()) : ["Added by a teacher; no provenance notes given."],
    body: text.replace(/\r\n/g, "\n"),
  };
}
