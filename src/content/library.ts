import { type ContentIssue, formatPath, type ParsedFile, parseDocumentFile, parseQuestionSet } from "./parse.ts";
import type { QuestionSet, SourceDocument } from "./schema.ts";
import { closestPassage, locateQuote, normalise, type PreparedDocument, prepareDocument } from "./text.ts";

/** A file under `questions/`, named relative to it: `documents/002.md`, `sets/attribution.yaml`. */
export type ContentFile = {
  path: string;
  content: string;
};

export interface LoadedSet {
  slug: string;
  file: string;
  set: QuestionSet;
  /** Where a path sits in the file, for the lint's messages. */
  lineOf?: ParsedFile["lineOf"];
}

export interface Library {
  documents: SourceDocument[];
  sets: LoadedSet[];
  issues: ContentIssue[];
}

const SET_FILE = /^sets\/([^/]+)\.(ya?ml|json)$/;
const DOCUMENT_FILE = /^documents\/([^/]+)\.md$/;

/** Past this many misquotes in one file, errors skip the (costlier) closest-passage hint. */
const MAX_HINTS_PER_FILE = 20;

/**
 * Checks that every passage and source quote appears verbatim in the document it names.
 * `documents` holds every document the set may cite, keyed by id. Each document is
 * normalised once, however many quotes cite it.
 */
export function checkQuotes(
  file: string,
  set: QuestionSet,
  lineOf: ParsedFile["lineOf"],
  documents: ReadonlyMap<string, Pick<SourceDocument, "body">>,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const prepared = new Map<string, PreparedDocument>();
  const prepare = (id: string, body: string) => {
    const cached = prepared.get(id) ?? prepareDocument(body);
    prepared.set(id, cached);
    return cached;
  };
  set.documents.forEach((id, index) => {
    if (!documents.has(id))
      issues.push({ file, path: formatPath(["documents", index]), line: lineOf(["documents", index]), message: `unknown document "${id}"` });
  });
  set.questions.forEach((question, qIndex) => {
    for (const field of ["passages", "sources"] as const) {
      question[field].forEach((ref, rIndex) => {
        const document = documents.get(ref.document);
        if (!document) return; // reported once above, against the set's document list
        const text = prepare(ref.document, document.body);
        if (locateQuote(text, ref.quote)) return;
        const path = ["questions", qIndex, field, rIndex, "quote"];
        const hint = issues.length < MAX_HINTS_PER_FILE ? ` (closest passage: "${closestPassage(text, ref.quote)}")` : "";
        issues.push({ file, path: formatPath(path), line: lineOf(path), message: `not found in document ${ref.document}${hint}` });
      });
    }
    // Evidence sentences are chosen from the passage, so each must be part of it, word for word.
    const passage = question.type === "evidence" ? question.passages[0] : undefined;
    if (question.type === "evidence" && passage) {
      const within = normalise(passage.quote);
      question.options.forEach((option, oIndex) => {
        if (within.includes(normalise(option.text))) return;
        const path = ["questions", qIndex, "options", oIndex, "text"];
        issues.push({
          file,
          path: formatPath(path),
          line: lineOf(path),
          message: "an evidence sentence must be quoted word for word from the question's passage",
        });
      });
    }
  });
  return issues;
}

/** Parses and cross-checks the whole `questions/` folder. Runtime-neutral: no file system here. */
export function loadLibrary(files: readonly ContentFile[]): Library {
  const issues: ContentIssue[] = [];
  const documents: SourceDocument[] = [];
  const documentFiles = new Map<string, string>();

  for (const file of files.filter((f) => f.path.startsWith("documents/"))) {
    const name = DOCUMENT_FILE.exec(file.path)?.[1];
    if (!name) {
      issues.push({ file: file.path, path: "", message: "documents are Markdown files: documents/<id>.md" });
      continue;
    }
    const parsed = parseDocumentFile(file.path, file.content);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const { value } = parsed;
    if (value.id !== name) issues.push({ file: file.path, path: "id", line: parsed.lineOf(["id"]), message: `must match the file name ("${name}")` });
    const earlier = documentFiles.get(value.id);
    if (earlier) {
      issues.push({ file: file.path, path: "id", line: parsed.lineOf(["id"]), message: `duplicate document id "${value.id}" (also in ${earlier})` });
      continue;
    }
    documentFiles.set(value.id, file.path);
    documents.push(value);
  }

  const byId = new Map(documents.map((d) => [d.id, d]));
  const sets: LoadedSet[] = [];
  const setFiles = new Map<string, string>();
  for (const file of files.filter((f) => f.path.startsWith("sets/"))) {
    const slug = SET_FILE.exec(file.path)?.[1];
    if (!slug || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) {
      issues.push({ file: file.path, path: "", message: "set files are named <slug>.yaml (or .json), with a slug of lower-case letters, digits and hyphens" });
      continue;
    }
    const earlier = setFiles.get(slug);
    if (earlier) {
      issues.push({ file: file.path, path: "", message: `duplicate set slug "${slug}" (also ${earlier})` });
      continue;
    }
    setFiles.set(slug, file.path);
    const parsed = parseQuestionSet(file.path, file.content);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const quoteIssues = checkQuotes(file.path, parsed.value, parsed.lineOf, byId);
    issues.push(...quoteIssues);
    if (quoteIssues.length === 0) sets.push({ slug, file: file.path, set: parsed.value, lineOf: parsed.lineOf });
  }

  for (const file of files) {
    if (!file.path.startsWith("documents/") && !file.path.startsWith("sets/")) {
      issues.push({ file: file.path, path: "", message: "unexpected file: question content lives in documents/ and sets/" });
    }
  }
  return { documents, sets, issues };
}
