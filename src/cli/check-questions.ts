import { fileURLToPath } from "node:url";
import { loadLibrary } from "../content/library.ts";
import { lintLibrary } from "../content/lint/index.ts";
import { formatIssue } from "../content/parse.ts";
import { readContentFiles } from "./files.ts";

// Usage: npm run questions:check — validates every document and question set under questions/,
// then runs the item-writing lint (npm run questions:lint shows the statistics behind it).
const root = fileURLToPath(new URL("../../questions", import.meta.url));
const library = loadLibrary(readContentFiles(root));

if (library.issues.length > 0) {
  for (const issue of library.issues) console.error(formatIssue(issue));
  console.error(`\n${library.issues.length} problem${library.issues.length === 1 ? "" : "s"} in questions/.`);
  process.exit(1);
}

const lint = lintLibrary(library);
for (const warning of lint.warnings) console.warn(`warning: ${formatIssue(warning)}`);
if (lint.errors.length > 0) {
  for (const error of lint.errors) console.error(formatIssue(error));
  console.error(`\n${lint.errors.length} item-writing problem${lint.errors.length === 1 ? "" : "s"} in questions/ (and ${lint.warnings.length} warnings).`);
  process.exit(1);
}
const questionCount = library.sets.reduce((n, s) => n + s.set.questions.length, 0);
const warned = lint.warnings.length > 0 ? `, ${lint.warnings.length} warning${lint.warnings.length === 1 ? "" : "s"}` : "";
console.log(`questions/ is valid: ${library.documents.length} documents, ${library.sets.length} sets, ${questionCount} questions${warned}.`);
