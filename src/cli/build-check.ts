import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { WRANGLER_BIN } from "./wrangler.ts";

// Usage: npm run build:check [-- --report] — bundles both Workers as `wrangler deploy` would
// (minified, no upload), prints each one's gzipped size against its budget, and fails if one is
// over it or if the student Worker bundles code only teachers need. `--report` prints the same
// numbers without failing on size (the import rule always applies).
const KB = 1024;
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Worker {
  name: string;
  config: string;
  budgetBytes: number;
  /** Modules this Worker must never bundle, and why. */
  forbidden: { pattern: RegExp; why: string }[];
}

const TEACHER_ONLY = "teacher-only code; the student Worker reaches it through the STUDIO binding";
const WORKERS: Worker[] = [
  {
    name: "student Worker (wrangler.toml: home, sets, attempts, reader, join, /me)",
    config: "wrangler.toml",
    budgetBytes: 100 * KB,
    forbidden: [
      { pattern: /node_modules\/yaml\//, why: "the YAML parser (uploads and the CLI only)" },
      { pattern: /node_modules\/(xss|cssfilter)\//, why: "the HTML sanitiser (uploads only)" },
      { pattern: /node_modules\/@rgrove\/parse-xml\//, why: "the XML parser (Moodle imports only)" },
      {
        pattern: /^src\/content\/(schema|parse|sanitize|library|json-schema)\.ts$/,
        why: "the content schema and parser: use `import type`, src/content/ids.ts or src/content/question-kinds.ts",
      },
      { pattern: /^src\/content\/import\//, why: "the importers" },
      { pattern: /^src\/(studio|routes\/teach|routes\/api|views\/pages\/teach)\//, why: TEACHER_ONLY },
      {
        pattern: /^src\/teach\/(upload|results|csv|password-policy|common-passwords|keep|changes|publish|duplicate|set-uploads|public-names)\.ts$/,
        why: TEACHER_ONLY,
      },
      { pattern: /^src\/teach\/editor\//, why: "the question editor" },
      { pattern: /^src\/views\/teach-assets\.ts$/, why: "the editor's stylesheet and script" },
      { pattern: /^src\/db\/(library-sync\.ts|queries\/(teacher-sets|teacher-documents|drafts|set-lifecycle)\.ts)$/, why: TEACHER_ONLY },
    ],
  },
  {
    name: "studio Worker (src/studio/wrangler.toml: /teach and /api)",
    config: "src/studio/wrangler.toml",
    // Teacher-only: never on a student request. Raised from 200 KB when the API, class management and
    // password reset landed together (202 KB); the student Worker keeps the 100 KB budget.
    budgetBytes: 240 * KB,
    forbidden: [],
  },
];

interface Metafile {
  inputs: Record<string, { imports: { path: string }[] }>;
}

function build(worker: Worker, outdir: string): void {
  rmSync(outdir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [WRANGLER_BIN, "deploy", "-c", worker.config, "--dry-run", "--outdir", outdir, "--metafile"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    process.exit(result.status ?? 1);
  }
}

/** Paths relative to the project, whether a module came through the node_modules symlink or not. */
function normalise(path: string): string {
  const inModules = path.lastIndexOf("node_modules/");
  return inModules >= 0 ? path.slice(inModules) : path;
}

/** The chain of imports from the entry point to `target`, to show who pulled a module in. */
function importChain(meta: Metafile, entry: string, target: string): string[] {
  const previous = new Map<string, string>([[entry, ""]]);
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === target) break;
    for (const { path } of meta.inputs[current]?.imports ?? []) {
      if (!previous.has(path) && path in meta.inputs) {
        previous.set(path, current);
        queue.push(path);
      }
    }
  }
  const chain: string[] = [];
  for (let at = target; at; at = previous.get(at) ?? "") chain.unshift(normalise(at));
  return chain;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
let failed = false;
for (const [index, worker] of WORKERS.entries()) {
  const outdir = join(root, "dist", index === 0 ? "student" : "studio");
  build(worker, outdir);
  // Every module wrangler would upload counts, not just the entry point.
  const modules = readdirSync(outdir).filter((name) => /\.(m?js|wasm)$/.test(name));
  const total = modules.reduce((sum, name) => sum + gzipSync(readFileSync(join(outdir, name)), { level: 9 }).length, 0);
  const raw = modules.reduce((sum, name) => sum + readFileSync(join(outdir, name)).length, 0);
  const over = total > worker.budgetBytes;
  console.log(`${worker.name}: ${kb(total)} gzipped (${kb(raw)} minified), budget ${kb(worker.budgetBytes)} ${over ? "✗" : "✓"}`);
  if (over && !process.argv.includes("--report")) {
    console.error(
      `  Over budget by ${kb(total - worker.budgetBytes)}. See what grew: npx wrangler deploy -c ${worker.config} --dry-run --outdir /tmp/x --metafile`,
    );
    failed = true;
  }

  const meta = JSON.parse(readFileSync(join(outdir, "bundle-meta.json"), "utf8")) as Metafile;
  const entryPoint = entryOf(meta);
  for (const rule of worker.forbidden) {
    const found = Object.keys(meta.inputs).filter((path) => rule.pattern.test(normalise(path)));
    if (found.length === 0) continue;
    // The shortest chain shows the import that let the rest in.
    const [chain = []] = found.map((path) => importChain(meta, entryPoint, path)).sort((a, b) => a.length - b.length);
    console.error(
      `  Not allowed in the ${worker.name.split(" (")[0]}: ${chain.at(-1)}${found.length > 1 ? ` and ${found.length - 1} more` : ""}: ${rule.why}.`,
    );
    console.error(`    imported through: ${chain.join(" → ")}`);
    failed = true;
  }
}
if (failed) process.exit(1);

/** The module nothing else imports: the Worker's entry point. */
function entryOf(meta: Metafile): string {
  const imported = new Set(Object.values(meta.inputs).flatMap((input) => input.imports.map((i) => i.path)));
  return Object.keys(meta.inputs).find((path) => !imported.has(path) && !path.includes("node_modules")) ?? "";
}
