import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs wrangler's D1 commands for the CLIs. `target` picks the local dev database or the deployed one. */
export type D1Target = "--local" | "--remote";

export function targetFromArgs(args: readonly string[]): D1Target {
  if (args.includes("--remote")) return "--remote";
  return "--local";
}

function wrangler(args: string[]): string {
  const result = spawnSync("wrangler", args, { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** Runs one SELECT and returns its rows. */
export function queryD1<Row>(target: D1Target, sql: string): Row[] {
  const output = wrangler(["d1", "execute", "DB", target, "--json", "--command", sql]);
  const parsed = JSON.parse(output.slice(output.indexOf("["))) as { results: Row[] }[];
  return parsed[0]?.results ?? [];
}

/** Runs a whole SQL script, written to a temporary file. */
export function executeD1Script(target: D1Target, script: string): void {
  const dir = mkdtempSync(join(tmpdir(), "sourcewise-"));
  try {
    const file = join(dir, "load.sql");
    writeFileSync(file, script);
    wrangler(["d1", "execute", "DB", target, "--yes", "--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
