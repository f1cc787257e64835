import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, vi } from "vitest";
import { loadLibrary } from "../src/content/library.ts";
import { planLibrarySync } from "../src/db/library-sync.ts";
import { applyPlan, readLibraryState } from "./support/d1.ts";

// Every test file starts from the migrated schema with the real question library loaded.
beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  const library = loadLibrary(env.TEST_LIBRARY);
  await applyPlan(env.DB, await planLibrarySync(library, await readLibraryState(env.DB)));
});

// An unexpected console.error is a bug: fail the test that caused it.
const consoleError = vi.spyOn(console, "error");
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockClear();
  if (calls.length > 0) throw new Error(`unexpected console.error: ${String(calls[0]?.[0]).slice(0, 300)}`);
});
