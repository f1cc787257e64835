import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests run in Node: they start `wrangler dev` and drive Debian's Chromium.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
