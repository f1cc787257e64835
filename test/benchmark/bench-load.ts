import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * The load side of `npm run bench`: closed-loop clients that each send one request after the
 * other for a fixed time, rounds that alternate the app and its baseline, and the CPU time the
 * Workers' process (workerd) spent in each round.
 */

/** One request; throws with a short reason when the response is not what a browser should get. */
export type Request = () => Promise<void>;

export interface Sample {
  count: number;
  elapsedMs: number;
  latencies: number[];
  errors: number;
  firstErrors: string[];
  /** workerd's CPU time (user + system) during the round. */
  cpuMs: number;
}

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Every process started below this one (Miniflare's workerd), found through /proc. */
function descendants(of: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [of];
  while (queue.length > 0) {
    for (const child of parents.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** CPU milliseconds used so far by the Workers runtime (not by this load generator). */
export function workerdCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After "pid (name) ": state is field 0, so utime and stime (fields 14 and 15 of stat) are 11 and 12.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

export function runtimePids(): number[] {
  return descendants(process.pid);
}

export async function runFor(request: Request, concurrency: number, ms: number, pids: readonly number[]): Promise<Sample> {
  const sample: Sample = { count: 0, elapsedMs: 0, latencies: [], errors: 0, firstErrors: [], cpuMs: 0 };
  const cpuBefore = workerdCpuMs(pids);
  const started = performance.now();
  const deadline = started + ms;
  const client = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        await request();
        sample.latencies.push(performance.now() - sent);
        sample.count++;
      } catch (error) {
        if (error instanceof PoolEmpty) return;
        sample.errors++;
        if (sample.firstErrors.length < 3) sample.firstErrors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  sample.elapsedMs = performance.now() - started;
  sample.cpuMs = workerdCpuMs(pids) - cpuBefore;
  return sample;
}

/** Thrown by a request that has nothing left to send (every prepared answer was sent). */
export class PoolEmpty extends Error {}

function merge(samples: Sample[]): Sample {
  return {
    count: samples.reduce((sum, s) => sum + s.count, 0),
    elapsedMs: samples.reduce((sum, s) => sum + s.elapsedMs, 0),
    latencies: samples.flatMap((s) => s.latencies).sort((a, b) => a - b),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    firstErrors: samples.flatMap((s) => s.firstErrors).slice(0, 3),
    cpuMs: samples.reduce((sum, s) => sum + s.cpuMs, 0),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export interface Comparison {
  app: Sample;
  baseline: Sample;
  throughput: number;
  p50: number;
  p99: number;
  /** The app's CPU per request minus the baseline's, in ms of workerd CPU. */
  extraCpuMs: number;
}

/**
 * Interleaved rounds: app, baseline, baseline, app, … so slow drifts of a shared machine fall on
 * both sides alike. A short unmeasured warm-up first (JIT, caches, connections).
 */
export async function compare(app: Request, baseline: Request, options: { concurrency: number; rounds: number; roundMs: number; pids: readonly number[] }) {
  const { concurrency, rounds, roundMs, pids } = options;
  await runFor(app, concurrency, 150, pids);
  await runFor(baseline, concurrency, 150, pids);
  const appSamples: Sample[] = [];
  const baseSamples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ([app, baseline] as const) : ([baseline, app] as const);
    for (const request of order) {
      const sample = await runFor(request, concurrency, roundMs, pids);
      (request === app ? appSamples : baseSamples).push(sample);
    }
  }
  const a = merge(appSamples);
  const b = merge(baseSamples);
  const rate = (s: Sample) => s.count / s.elapsedMs;
  const comparison: Comparison = {
    app: a,
    baseline: b,
    throughput: rate(a) / rate(b),
    p50: percentile(a.latencies, 50) / percentile(b.latencies, 50),
    p99: percentile(a.latencies, 99) / percentile(b.latencies, 99),
    extraCpuMs: a.cpuMs / Math.max(1, a.count) - b.cpuMs / Math.max(1, b.count),
  };
  return comparison;
}
