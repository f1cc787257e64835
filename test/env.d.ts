import type { D1Migration } from "cloudflare:test";
import type { ContentFile } from "../src/content/library.ts";

// Test-only bindings added in test/vitest.config.ts.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      TEST_LIBRARY: ContentFile[];
      TEST_JSON_SCHEMA: string;
      TEST_MOODLE_FIXTURES: Record<string, string>;
      MIGRATION_DB: D1Database;
      REPLICA_DB: D1Database;
    }
  }
}
