import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertV4MiniflareOptions, Miniflare, type V4WorkerOptions as WorkerOptions } from "miniflare";
import { readContentFiles } from "../../src/cli/files.ts";
import { WRANGLER_BIN } from "../../src/cli/wrangler.ts";
import { type LoadedSet, loadLibrary } from "../../src/content/library.ts";
import { planLibrarySync, type SqlStatement } from "../../src/db/library-sync.ts";

/**
 * The benchmark's one Miniflare process: the built student Worker (with the studio Worker behind
 * its STUDIO binding, as deployed), a bare baseline Worker, and a shard Worker, each on its own
 * socket so no router Worker sits in front of either side. The app and the baseline each get a
 * local D1 of the same kind; the shard Worker gets SHARD_COUNT more.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const COMPATIBILITY_DATE = "2026-11-01";
const COMPATIBILITY_FLAGS = ["nodejs_compat"];
export const SHARD_COUNT = 8;
export type D1Database = Awaited<ReturnType<Miniflare["getD1Database"]>>;

/** A bare Worker: one single-row read and one insert, each one D1 query, and a hello route. */
const BASELINE_SCRIPT = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/read") {
      const row = await env.DB.prepare("SELECT id, body FROM items WHERE id = ?").bind(Number(url.searchParams.get("id") ?? 1)).first();
      return new Response("<!doctype html><title>Item</title><p>" + (row ? row.body : "") + "</p>", { headers: { "content-type": "text/html" } });
    }
    if (url.pathname === "/insert" && request.method === "POST") {
      const form = await request.formData();
      await env.DB.prepare("INSERT INTO answers (attempt, question, chosen) VALUES (?, ?, ?)")
        .bind(String(form.get("attempt")), Number(form.get("question")), String(form.get("choice"))).run();
      return new Response(null, { status: 303, headers: { location: "/read" } });
    }
    return new Response("hello");
  },
};`;

/** The baseline insert, spread over the first N of SHARD_COUNT databases by the attempt id. */
const SHARD_SCRIPT = `
// FNV-1a: a multiplier of 31 would send ids that differ only in digits to a few databases.
function shardOf(key, shards) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}
export default {
  async fetch(request, env) {
    const shards = Number(new URL(request.url).pathname.split("/")[2] ?? 1);
    const form = await request.formData();
    const attempt = String(form.get("attempt"));
    await env["SHARD" + shardOf(attempt, shards)].prepare("INSERT INTO answers (attempt, question, chosen) VALUES (?, ?, ?)")
      .bind(attempt, Number(form.get("question")), String(form.get("choice"))).run();
    return new Response(null, { status: 303, headers: { location: "/" } });
  },
};`;

export const BASELINE_SCHEMA = [
  "CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
  "CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, attempt TEXT NOT NULL, question INTEGER NOT NULL, chosen TEXT NOT NULL)",
  "CREATE UNIQUE INDEX answers_attempt_question ON answers (attempt, question)",
];
export const BASELINE_ITEMS = 1000;

export interface Cluster {
  mf: Miniflare;
  app: URL;
  baseline: URL;
  shards: URL;
  appDb: D1Database;
  baselineDb: D1Database;
  shardDbs: D1Database[];
  dispose(): Promise<void>;
}

/** Bundles a Worker exactly as `wrangler deploy` would (minified), without uploading it. */
export function buildWorker(config: string, outdir: string): string {
  const result = spawnSync(process.execPath, [WRANGLER_BIN, "deploy", "-c", config, "--dry-run", "--outdir", outdir], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) throw new Error(`wrangler deploy --dry-run -c ${config} failed:\n${result.stderr}${result.stdout}`);
  return join(outdir, "index.js");
}

export function buildApp(): { student: string; studio: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "sourcewise-bench-"));
  return { student: buildWorker("wrangler.toml", join(dir, "student")), studio: buildWorker("src/studio/wrangler.toml", join(dir, "studio")), dir };
}

const socket = (name: string) => ({ unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }], name });

export function appWorkers(built: { student: string; studio: string }, secret: string): WorkerOptions[] {
  const vars = { ENVIRONMENT: "production", COOKIE_SECRET: secret };
  const common = { modules: true, compatibilityDate: COMPATIBILITY_DATE, compatibilityFlags: COMPATIBILITY_FLAGS, bindings: vars, d1Databases: { DB: "app" } };
  // Every virtual student comes from this one machine: the per-address limit on quiz starts would
  // stop the set-up, so the bench gives that binding room. Nothing measured starts a quiz.
  const roomy = { simple: { limit: 1_000_000, period: 60 as const } };
  return [
    {
      ...socket("student"),
      ...common,
      scriptPath: built.student,
      modulesRoot: dirname(built.student),
      serviceBindings: { STUDIO: "studio" },
      ratelimits: { ADDRESS_RATE_LIMITER: { namespace_id: "1002", ...roomy } },
    },
    {
      name: "studio",
      ...common,
      scriptPath: built.studio,
      modulesRoot: dirname(built.studio),
      ratelimits: { LOGIN_RATE_LIMITER: { namespace_id: "1001", ...roomy }, ADDRESS_RATE_LIMITER: { namespace_id: "1003", ...roomy } },
    },
  ];
}

export function baselineWorker(): WorkerOptions {
  return { ...socket("baseline"), modules: true, script: BASELINE_SCRIPT, compatibilityDate: COMPATIBILITY_DATE, d1Databases: { DB: "baseline" } };
}

export async function startCluster(built: { student: string; studio: string }): Promise<Cluster> {
  const shardBindings = Object.fromEntries(Array.from({ length: SHARD_COUNT }, (_, i) => [`SHARD${i}`, `shard-${i}`]));
  // Miniflare 5 takes wrangler-shaped configs; it still converts the documented v4 options.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        ...appWorkers(built, randomBytes(32).toString("hex")),
        baselineWorker(),
        { ...socket("shards"), modules: true, script: SHARD_SCRIPT, compatibilityDate: COMPATIBILITY_DATE, d1Databases: shardBindings },
      ],
    }),
  );
  await mf.ready;
  const shardDbs = await Promise.all(Array.from({ length: SHARD_COUNT }, (_, i) => mf.getD1Database(`SHARD${i}`, "shards")));
  const cluster: Cluster = {
    mf,
    app: await mf.unsafeGetDirectURL("student"),
    baseline: await mf.unsafeGetDirectURL("baseline"),
    shards: await mf.unsafeGetDirectURL("shards"),
    appDb: await mf.getD1Database("DB", "student"),
    baselineDb: await mf.getD1Database("DB", "baseline"),
    shardDbs,
    dispose: () => mf.dispose(),
  };
  for (const db of [cluster.baselineDb, ...shardDbs]) await db.batch(BASELINE_SCHEMA.map((sql) => db.prepare(sql)));
  const items = Array.from({ length: BASELINE_ITEMS }, (_, i) => `(${i + 1}, 'Item ${i + 1}: a short line of text, as the prompt of a question would be')`);
  await cluster.baselineDb.prepare(`INSERT INTO items (id, body) VALUES ${items.join(", ")}`).run();
  return cluster;
}

/** Applies migrations/ in order, as `wrangler d1 migrations apply` does. */
export async function migrate(db: D1Database): Promise<void> {
  const files = readdirSync(join(root, "migrations"))
    .filter((name) => name.endsWith(".sql"))
    .sort();
  for (const file of files) {
    const statements = readFileSync(join(root, "migrations", file), "utf8")
      .split("--> statement-breakpoint")
      .map((sql) => sql.trim())
      .filter(Boolean);
    await db.batch(statements.map((sql) => db.prepare(sql)));
  }
}

export async function runStatements(db: D1Database, statements: readonly SqlStatement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += 50) {
    await db.batch(statements.slice(i, i + 50).map(({ sql, params }) => db.prepare(sql).bind(...params)));
  }
}

/**
 * Loads questions/ as `npm run questions:load` does, plus copies of two practice sets under other
 * slugs, so a class can have 10 sets assigned.
 */
export async function loadQuestions(db: D1Database, extraCopies: { slug: string; of: string }[]): Promise<void> {
  const library = loadLibrary(readContentFiles(join(root, "questions")));
  if (library.issues.length > 0) throw new Error(`questions/ has problems: run npm run questions:check`);
  const copies: LoadedSet[] = extraCopies.map(({ slug, of }) => {
    const original = library.sets.find((s) => s.slug === of);
    if (!original) throw new Error(`no set ${of}`);
    return { slug, file: `sets/${slug}.yaml`, set: { ...original.set, title: `${original.set.title} (copy)` } };
  });
  const plan = await planLibrarySync({ documents: library.documents, sets: [...library.sets, ...copies] }, { documents: [], sets: [] });
  await runStatements(db, plan.statements);
}

export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Cold start: a fresh workerd, from start to the first response, for the student Worker and for a
 * hello-world Worker, alternated; the median ratio. workerd compiles and runs a Worker's top level
 * when it starts, so the difference is the bundle's load; the runtime's own start is on both sides,
 * which pulls the ratio towards 1. Each side has a second, hello-world Worker (the student Worker's
 * STUDIO, which a student request does not load) and a D1 binding.
 */
export async function coldStart(built: { student: string }, runs: number): Promise<number> {
  const hello = { ...baselineWorker(), unsafeDirectSockets: undefined };
  const other = { ...hello, name: "other" };
  const [student] = appWorkers({ student: built.student, studio: built.student }, randomBytes(32).toString("hex"));
  const time = async (workers: WorkerOptions[]) => {
    const begin = performance.now();
    const mf = new Miniflare(convertV4MiniflareOptions({ workers }));
    const url = await mf.ready;
    await (await fetch(new URL("/no-such-page", url))).arrayBuffer();
    const ms = performance.now() - begin;
    await mf.dispose();
    return ms;
  };
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const appWorkers: WorkerOptions[] = [{ ...(student as WorkerOptions), unsafeDirectSockets: undefined, serviceBindings: { STUDIO: "other" } }, other];
    const bare = i % 2 === 0 ? await time([hello, other]) : 0;
    const app = await time(appWorkers);
    ratios.push(app / (bare || (await time([hello, other]))));
  }
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)] as number;
}
