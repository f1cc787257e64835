import { Browser } from "./bench-client.ts";
import { buildApp, coldStart, loadQuestions, migrate, removeBuild, SHARD_COUNT, startCluster } from "./bench-cluster.ts";
import { type Comparison, compare, type Request, runtimePids } from "./bench-load.ts";
import { createTeacher, seedClass } from "./bench-seed.ts";
import { printShards, simulateShards } from "./bench-shards.ts";
import { checkIntegrity, prepareAnswers, prepareStudents } from "./bench-students.ts";

/**
 * `npm run bench`: the built Workers against a bare Worker that makes one D1 query, in one
 * Miniflare process, each side with its own local D1. Reports ratios (app ÷ bare) and the app's
 * CPU per request over the bare Worker's; checks every response and, after the run, that every
 * acknowledged answer is in D1 exactly once. Fails (exit 1) only on errors or lost or doubled
 * writes, never on speed. `--long` runs longer rounds for steadier figures.
 */
const long = process.argv.includes("--long");
// --quick: one short round, to check the bench itself works (its figures mean little).
const quick = process.argv.includes("--quick");
const ROUNDS = long ? 6 : quick ? 1 : 3;
const ROUND_MS = long ? 2000 : quick ? 250 : 500;
const CONCURRENCY = [1, 10, 50];
const CLASS_SIZE = 300;
const SMALL_CLASS = 30;
const RESULTS_SET = "who-says-so";
const EXTRA_SETS = [
  { slug: "bench-copy-a", of: "who-says-so" },
  { slug: "bench-copy-b", of: "the-spun-copy" },
];
const TEACHER = { email: "bench@example.org", password: "correct horse battery staple bench" };

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

log("building both Workers as wrangler deploy would (minified)");
const built = buildApp();
const cluster = await startCluster(built);
let failures: string[] = [];
try {
  await migrate(cluster.appDb);
  await loadQuestions(cluster.appDb, EXTRA_SETS);
  const { results: sets } = await cluster.appDb.prepare("SELECT slug FROM question_sets ORDER BY id").all<{ slug: string }>();
  const slugs = sets.map((s) => s.slug);
  const teacherId = await createTeacher(cluster.appDb, TEACHER.email, TEACHER.password);
  const bigClass = await seedClass(cluster.appDb, { teacherId, name: "Year 9, all", joinCode: "BENCHA", students: CLASS_SIZE, slugs });
  const smallClass = await seedClass(cluster.appDb, { teacherId, name: "Year 9, one group", joinCode: "BENCHB", students: SMALL_CLASS, slugs });
  log(`seeded a class of ${CLASS_SIZE} and one of ${SMALL_CLASS}, each with ${slugs.length} sets and one finished attempt per student and set`);

  const teacher = new Browser(cluster.app);
  await teacher.openForm("/teach/login");
  const signIn = await teacher.post("/teach/login", { email: TEACHER.email, password: TEACHER.password, next: "/teach" });
  if (signIn.status !== 303) throw new Error(`teacher sign-in answered ${signIn.status}`);

  // Enough answers for the longest answer rounds at this machine's pace, with room to spare.
  const students = await prepareStudents(cluster.app, long ? 60 : 16);
  const pool = await prepareAnswers(cluster.appDb, students);
  log(`${students.browsers.length} virtual students; ${pool.answers.length} unanswered questions ready to answer`);

  const pids = runtimePids();
  let next = 0;
  const pick = <T>(items: readonly T[]): T => items[next++ % items.length] as T;
  let baselineInserts = 0;
  const bareRead: Request = async () => {
    const { status, body } = await fetch(new URL(`/read?id=${1 + (next++ % 1000)}`, cluster.baseline)).then(async (r) => ({
      status: r.status,
      body: await r.text(),
    }));
    if (status !== 200 || !body.includes("Item")) throw new Error(`bare read: ${status}`);
  };
  const bareInsert: Request = async () => {
    const n = baselineInserts++;
    const response = await fetch(new URL("/insert", cluster.baseline), {
      method: "POST",
      body: new URLSearchParams({ attempt: `bare-${n % 997}-${n}`, question: String(n), choice: "a" }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`bare insert: ${response.status}`);
  };
  const cases: { name: string; app: Request; baseline: Request; concurrency: number[] }[] = [
    {
      name: "Question page ÷ bare single-row read",
      app: async () => {
        const { browser, path } = pick(students.questionPages);
        await browser.page(path, 'name="question"');
      },
      baseline: bareRead,
      concurrency: CONCURRENCY,
    },
    { name: "Answer POST ÷ bare insert", app: () => pool.send(), baseline: bareInsert, concurrency: CONCURRENCY },
    {
      name: "Home page ÷ bare single-row read",
      app: async () => {
        await pick(students.browsers).page("/", "</main>");
      },
      baseline: bareRead,
      concurrency: CONCURRENCY,
    },
    {
      name: `Results, class of ${CLASS_SIZE} ÷ bare single-row read`,
      app: async () => {
        await teacher.page(`/teach/classes/${bigClass}/results/${RESULTS_SET}`, `Student ${CLASS_SIZE}`);
      },
      baseline: bareRead,
      concurrency: CONCURRENCY,
    },
    {
      name: `Results, class of ${SMALL_CLASS} ÷ bare single-row read`,
      app: async () => {
        await teacher.page(`/teach/classes/${smallClass}/results/${RESULTS_SET}`, `Student 0${SMALL_CLASS}`);
      },
      baseline: bareRead,
      concurrency: [1],
    },
  ];

  const rows: { name: string; concurrency: number; result: Comparison }[] = [];
  for (const item of cases) {
    for (const concurrency of item.concurrency) {
      const result = await compare(item.app, item.baseline, { concurrency, rounds: ROUNDS, roundMs: ROUND_MS, pids });
      rows.push({ name: item.name, concurrency, result });
      for (const [side, sample] of [
        ["app", result.app],
        ["baseline", result.baseline],
      ] as const) {
        if (sample.errors > 0) failures.push(`${item.name}, concurrency ${concurrency}, ${side}: ${sample.errors} errors (${sample.firstErrors.join("; ")})`);
      }
    }
    log(`measured ${item.name}`);
  }

  const shards = await simulateShards(cluster, { shardCounts: [1, 2, 4, SHARD_COUNT], rounds: ROUNDS, roundMs: ROUND_MS, pids });
  const shardInserts = shards.inserts();
  log("measured the shard simulation");

  const integrity = await checkIntegrity(cluster, pool, { baselineInserts, shardInserts });
  failures = [...failures, ...integrity.failures, ...shards.rows.filter((s) => s.errors > 0).map((s) => `${s.shards} shards: ${s.errors} errors`)];
  const cold = await coldStart(built, long ? 5 : quick ? 1 : 3);
  log("measured cold starts");

  const x = (value: number) => `${value.toFixed(2)}×`;
  console.log(
    `\nSourcewise bench: the built Workers ÷ a bare Worker (one D1 query), one Miniflare process, ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s per side.`,
  );
  console.log("Throughput above 1× is better; latencies below 1× are better. CPU: workerd's CPU per request, app minus bare.\n");
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"".padEnd(width)}  conc  throughput    p50     p99   CPU/request over bare`);
  for (const { name, concurrency, result } of rows) {
    console.log(
      `${name.padEnd(width)}  ${String(concurrency).padStart(4)}  ${x(result.throughput).padStart(10)}  ${x(result.p50).padStart(6)}  ${x(result.p99).padStart(6)}   ${result.extraCpuMs >= 0 ? "+" : ""}${result.extraCpuMs.toFixed(2)} ms`,
    );
  }
  const p50Of = (size: number) => rows.find((r) => r.name.startsWith(`Results, class of ${size} `) && r.concurrency === 1)?.result.app.latencies;
  const big = p50Of(CLASS_SIZE);
  const small = p50Of(SMALL_CLASS);
  if (big && small) {
    const median = (l: number[]) => l[Math.floor(l.length / 2)] as number;
    console.log(`\nResults page, class of ${CLASS_SIZE} ÷ class of ${SMALL_CLASS} (same database, concurrency 1, p50): ${x(median(big) / median(small))}`);
  }
  printShards(shards.rows, shards.spread);
  console.log(`\nCold start (new workerd to first response), student Worker ÷ hello-world Worker: ${x(cold)}`);
  console.log(
    `\nChecked: every response; ${integrity.acknowledged} acknowledged answers all in D1 once (${integrity.replayed} replayed, none counted twice); ${baselineInserts} bare and ${shardInserts} shard inserts.`,
  );
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cluster.dispose();
  removeBuild(built.dir);
}
if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
log("done");
