import { DrizzleQueryError } from "drizzle-orm";

// D1's transient failures, from "List of D1_ERRORs" in Cloudflare's D1 docs (recommended
// action: retry), plus SQLite's busy and locked errors. A SQL error (no such table, a
// constraint) is a bug, not one of these: retrying would not help.
const TRANSIENT = new RegExp(
  [
    "Network connection lost",
    "object to be reset",
    "reset because its code was updated",
    "D1 DB is overloaded",
    "queued for too long",
    "exceeded timeout",
    "timed out",
    "transient issue",
    "SQLITE_BUSY",
    "database is locked",
  ].join("|"),
  "i",
);

/**
 * Whether an error means D1 failed or timed out. Drizzle wraps D1's error in a
 * DrizzleQueryError (whose own message holds the SQL, so it is not matched); its cause is read.
 */
export function isDatabaseFault(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++, current = current.cause) {
    if (!(current instanceof DrizzleQueryError) && TRANSIENT.test(current.message)) return true;
  }
  return false;
}
