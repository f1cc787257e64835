import { fileURLToPath } from "node:url";
import { loadLibrary } from "../content/library.ts";
import { formatIssue } from "../content/parse.ts";
import { CURRENT_STATE_QUERIES, LibraryConflictError, type LibraryState, planLibrarySync, toSqlScript } from "../db/library-sync.ts";
import { readContentFiles } from "./files.ts";
import { executeD1Script, queryD1, targetFromArgs } from "./wrangler.ts";

// Usage: npm run questions:load -- [--local [--persist-to DIR] | --remote]
// Loads questions/ into D1. Safe to repeat: unchanged content does nothing.
const target = targetFromArgs(process.argv.slice(2));
const library = loadLibrary(readContentFiles(fileURLToPath(new URL("../../questions", import.meta.url))));
if (library.issues.length > 0) {
  for (const issue of library.issues) console.error(formatIssue(issue));
  console.error("\nNothing was loaded: fix the problems above (npm run questions:check).");
  process.exit(1);
}

const state: LibraryState = {
  documents: queryD1(target, CURRENT_STATE_QUERIES.documents),
  sets: queryD1(target, CURRENT_STATE_QUERIES.sets),
  teacherDocuments: queryD1(target, CURRENT_STATE_QUERIES.teacherDocuments),
  teacherSets: queryD1(target, CURRENT_STATE_QUERIES.teacherSets),
};
const plan = await planLibrarySync(library, state).catch((error: unknown) => {
  if (!(error instanceof LibraryConflictError)) throw error;
  console.error(`${error.message}\nNothing was loaded.`);
  process.exit(1);
});
if (plan.statements.length === 0) {
  console.log(`Question library is up to date (${target.name}).`);
} else {
  executeD1Script(target, toSqlScript(plan.statements));
  for (const line of plan.summary) console.log(`  ${line}`);
  console.log(`Question library loaded (${target.name}).`);
}
