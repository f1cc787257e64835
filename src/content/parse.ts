import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument, visit } from "yaml";
import type * as z from "zod/mini";
import { formatPath } from "../lib/field-path.ts";
import { type DocumentMeta, documentMeta, type QuestionSet, questionSet, type SourceDocument } from "./schema.ts";

/** One problem in one content file: enough for an author to find and fix it. */
export interface ContentIssue {
  file: string;
  path: string;
  line?: number;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

export { formatPath };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A parsed YAML (or JSON) file that can still say on which line any value sits. */
export interface ParsedFile {
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type ParseResult<T> = { ok: true; value: T; lineOf: ParsedFile["lineOf"] } | { ok: false; issues: ContentIssue[] };

/**
 * Parse YAML or JSON defensively: no aliases (alias bombs), no duplicate keys, and no keys
 * that could reach an object prototype. `lineOffset` shifts lines for text cut from a larger file.
 */
export function parseYaml(file: string, source: string, lineOffset = 0): { ok: true; parsed: ParsedFile } | { ok: false; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const issues: ContentIssue[] = doc.errors.map((error) => ({
    file,
    path: "",
    line: lineAt(error.pos[0]),
    message: error.code === "DUPLICATE_KEY" ? error.message.replace(/ at line.*$/s, "") : (error.message.split("\n")[0] ?? error.message),
  }));
  visit(doc, {
    Alias(_, node) {
      // One report is enough: a file with aliases is rejected whole.
      issues.push({ file, path: "", line: lineAt(node.range?.[0] ?? 0), message: "aliases (*name) are not allowed" });
      return visit.BREAK;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        issues.push({ file, path: "", line: lineAt(pair.key.range?.[0] ?? 0), message: `the key "${String(pair.key.value)}" is not allowed` });
      }
    },
  });
  if (issues.length > 0) return { ok: false, issues };
  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  return {
    ok: true,
    parsed: {
      data,
      lineOf(path) {
        // Walk up the path until a node exists: a missing key is reported where its parent is.
        for (let depth = path.length; depth >= 0; depth--) {
          const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
          const range = node && "range" in node ? node.range : undefined;
          if (range) {
            if (depth < path.length && isMap(node)) {
              const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path[depth]);
              if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
            }
            return lineAt(range[0]);
          }
        }
        return undefined;
      },
    },
  };
}

function zodIssues(file: string, error: z.core.$ZodError, lineOf: ParsedFile["lineOf"]): ContentIssue[] {
  return error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    line: lineOf(issue.path),
    message:
      issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message,
  }));
}

function parseWith<T>(schema: z.ZodMiniType<T>, file: string, source: string, lineOffset = 0): ParseResult<T> {
  const parsed = parseYaml(file, source, lineOffset);
  if (!parsed.ok) return parsed;
  if (parsed.parsed.data === null || typeof parsed.parsed.data !== "object" || Array.isArray(parsed.parsed.data)) {
    return { ok: false, issues: [{ file, path: "", line: 1 + lineOffset, message: "expected a mapping of fields (title, summary, …)" }] };
  }
  const result = schema.safeParse(parsed.parsed.data);
  if (!result.success) return { ok: false, issues: zodIssues(file, result.error, parsed.parsed.lineOf) };
  return { ok: true, value: result.data, lineOf: parsed.parsed.lineOf };
}

/** A question-set file in the project's own format (YAML or JSON). */
export function parseQuestionSet(file: string, source: string): ParseResult<QuestionSet> {
  return parseWith(questionSet, file, source);
}

/** A document file: YAML front matter between `---` lines, then the text exactly as published. */
export function parseDocumentFile(file: string, source: string): ParseResult<SourceDocument> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) return { ok: false, issues: [{ file, path: "", line: 1, message: "expected front matter between two --- lines, then the document text" }] };
  const [, frontMatter = "", body = ""] = match;
  const meta = parseWith<DocumentMeta>(documentMeta, file, frontMatter, 1);
  if (!meta.ok) return meta;
  const text = body.replace(/\r\n/g, "\n").replace(/\s+$/, "");
  if (text.trim().length === 0) return { ok: false, issues: [{ file, path: "", message: "the document has no text after its front matter" }] };
  return { ok: true, value: { ...meta.value, body: text }, lineOf: meta.lineOf };
}
