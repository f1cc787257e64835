import type { Cluster } from "./bench-cluster.ts";
import { type Request, runFor } from "./bench-load.ts";

/**
 * The shard simulation of `npm run bench`: the bare insert, spread by attempt id over 1, 2, 4 and
 * 8 local D1 databases (one binding each), at concurrency 50, in interleaved rounds. Locally every
 * database lives in the one workerd process, on its one thread, so this checks that the routing
 * spreads writes evenly and loses none, and what sharding costs the Worker; it cannot show
 * production's gain, where each database runs on its own (see the README's Scaling section).
 */
const SPREAD_WRITES = 800;

export interface ShardRow {
  shards: number;
  rate: number;
  errors: number;
}

export async function simulateShards(cluster: Cluster, options: { shardCounts: number[]; rounds: number; roundMs: number; pids: number[] }) {
  let inserts = 0;
  const insert =
    (shards: number): Request =>
    async () => {
      const n = inserts++;
      const response = await fetch(new URL(`/insert/${shards}`, cluster.shards), {
        method: "POST",
        body: new URLSearchParams({ attempt: crypto.randomUUID(), question: String(n % 16), choice: "a" }),
        redirect: "manual",
      });
      await response.arrayBuffer();
      if (response.status !== 303) throw new Error(`shard insert: ${response.status}`);
    };
  const totals = new Map(options.shardCounts.map((n) => [n, { count: 0, ms: 0, errors: 0 }]));
  for (const n of options.shardCounts) await runFor(insert(n), 50, 150, options.pids);
  for (let round = 0; round < options.rounds; round++) {
    for (const n of round % 2 === 0 ? options.shardCounts : [...options.shardCounts].reverse()) {
      const sample = await runFor(insert(n), 50, options.roundMs, options.pids);
      const total = totals.get(n) as { count: number; ms: number; errors: number };
      total.count += sample.count;
      total.ms += sample.elapsedMs;
      total.errors += sample.errors;
    }
  }
  const rows: ShardRow[] = [...totals].map(([shards, total]) => ({ shards, rate: (total.count / total.ms) * 1000, errors: total.errors }));
  // How evenly the writes spread: SPREAD_WRITES more over every database, then the fullest
  // database's share of it ÷ the mean (1.00 is perfectly even).
  const counts = () => Promise.all(cluster.shardDbs.map(async (db) => (await db.prepare("SELECT count(*) AS n FROM answers").first<{ n: number }>())?.n ?? 0));
  const before = await counts();
  const spreadWrites = insert(cluster.shardDbs.length);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let i = 0; i < SPREAD_WRITES / 50; i++) await spreadWrites();
    }),
  );
  const perShard = (await counts()).map((n, i) => n - (before[i] ?? 0));
  const mean = perShard.reduce((sum, n) => sum + n, 0) / perShard.length;
  return { rows, inserts: () => inserts, perShard, spread: Math.max(...perShard) / mean };
}

export function printShards(rows: ShardRow[], spread: number): void {
  const x = (value: number) => `${value.toFixed(2)}×`;
  const one = rows[0] as ShardRow;
  console.log(`\nWrite throughput across shards (bare insert, concurrency 50, all databases in this one workerd), ÷ one D1 database:`);
  for (const row of rows)
    console.log(`  ${String(row.shards).padStart(2)} ${row.shards === 1 ? "database " : "databases"}  ${x(row.rate / one.rate)}  (${row.rate.toFixed(0)}/s)`);
  console.log(`  Spread over the 8 databases: the fullest took ${x(spread)} the mean share of the writes.`);
}
