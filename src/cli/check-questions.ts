import { fileURLToPath } from "node:url";
import { loadLibrary } from "../content/library.ts";
import { formatIssue } from "../content/parse.ts";
import { readContentFiles } from "./files.ts";

// Usage: npm run questions:check — validates every document and question set under questions/.
const root = fileURLToPath(new URL("../../questions", import.meta.url));
const library = loadLibrary(readContentFiles(root));

if (library.issues.length > 0) {
  for (const issue of library.issues) console.error(formatIssue(issue));
  console.error(`\n${library.issues.length} problem${library.issues.length === 1 ? "" : "s"} in questions/.`);
  process.exit(1);
}
const questionCount = library.sets.reduce((n, s) => n + s.set.questions.length, 0);
console.log(`questions/ is valid: ${library.documents.length} documents, ${library.sets.length} sets, ${questionCount} questions.`);
