import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL here; wrangler applies it (local and --remote).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
  migrations: { prefix: "index" },
});
