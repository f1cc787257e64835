import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { WRANGLER_BIN } from "./wrangler.ts";

// Usage: npm run build:check [-- --report] — bundles the Worker as `wrangler deploy` would
// (minified, no upload) and fails if the whole upload is over the budget, gzipped.
// `--report` prints the same numbers without failing.
const BUDGET_BYTES = 100 * 1024;
const root = fileURLToPath(new URL("../..", import.meta.url));
const outdir = join(root, "dist");

const build = spawnSync(process.execPath, [WRANGLER_BIN, "deploy", "--dry-run", "--outdir", outdir], {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.exit(build.status ?? 1);
}

// Every module wrangler would upload counts, not just the entry point.
const modules = readdirSync(outdir).filter((name) => /\.(m?js|wasm)$/.test(name));
const sizes = modules.map((name) => {
  const bytes = readFileSync(join(outdir, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const s of sizes) console.log(`${s.name}: ${kb(s.raw)} minified, ${kb(s.gzip)} gzipped`);
console.log(`Worker bundle: ${kb(total)} gzipped (budget ${kb(BUDGET_BYTES)}).`);
if (total > BUDGET_BYTES && !process.argv.includes("--report")) {
  console.error(`Over budget by ${kb(total - BUDGET_BYTES)}. Check what grew: npx wrangler deploy --dry-run --outdir dist --metafile`);
  process.exit(1);
}
