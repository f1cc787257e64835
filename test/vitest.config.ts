import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { readContentFiles } from "../src/cli/files.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const moodleFixtures = `${root}/test/fixtures/moodle`;

// Tests run inside workerd against a real D1, migrated with the same SQL wrangler applies.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}/wrangler.toml` },
      // Both Workers in one isolate (see the file); the student Worker's STUDIO binding points
      // back at it, so requests forwarded by the real student entry reach the studio app.
      main: `${root}/test/support/combined-worker.ts`,
      miniflare: {
        serviceBindings: { STUDIO: "sourcewise" },
        // The studio Worker's own binding (src/studio/wrangler.toml).
        ratelimits: { LOGIN_RATE_LIMITER: { namespace_id: "1001", simple: { limit: 5, period: 60 } } },
        // Empty databases: the migration tests replay history step by step in MIGRATION_DB, and
        // the read-replica tests keep a lagging copy of DB in REPLICA_DB.
        d1Databases: ["MIGRATION_DB", "REPLICA_DB"],
        bindings: {
          ENVIRONMENT: "test",
          COOKIE_SECRET: "test-only-cookie-secret-0123456789abcdef",
          TEST_MIGRATIONS: await readD1Migrations(`${root}/migrations`),
          TEST_LIBRARY: readContentFiles(`${root}/questions`),
          TEST_JSON_SCHEMA: readFileSync(`${root}/questions/question-set.schema.json`, "utf8"),
          // Moodle's own GIFT, Aiken and XML test files (see test/fixtures/moodle/README.md), by file name.
          TEST_MOODLE_FIXTURES: Object.fromEntries(
            readdirSync(moodleFixtures)
              .filter((name) => !name.endsWith(".md"))
              .map((name) => [name, readFileSync(`${moodleFixtures}/${name}`, "utf8")]),
          ),
        },
      },
    }),
  ],
  test: {
    root,
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/browser/**", "node_modules/**"],
    setupFiles: ["test/setup.ts"],
  },
}));
