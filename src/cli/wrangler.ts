import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Runs wrangler's D1 commands for the CLIs. The target is the local dev database (optionally
 * in another --persist-to folder, as the browser tests use) or, with --remote, the deployed one.
 */
export interface D1Target {
  name: "local" | "remote";
  args: string[];
}

export function targetFromArgs(args: readonly string[]): D1Target {
  if (args.includes("--remote")) return { name: "remote", args: ["--remote"] };
  const persistAt = args.indexOf("--persist-to");
  const persistTo = persistAt >= 0 ? args[persistAt + 1] : undefined;
  if (persistAt >= 0 && !persistTo) throw new Error("--persist-to needs a folder");
  return { name: "local", args: persistTo ? ["--local", "--persist-to", persistTo] : ["--local"] };
}

/** The project's own wrangler, run on this Node, so the CLIs work with or without npm's PATH. */
export const WRANGLER_BIN = join(dirname(createRequire(import.meta.url).resolve("wrangler/package.json")), "bin", "wrangler.js");

function wrangler(args: string[]): string {
  const result = spawnSync(process.execPath, [WRANGLER_BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** Runs one SELECT and returns its rows. */
export function queryD1<Row>(target: D1Target, sql: string): Row[] {
  const output = wrangler(["d1", "execute", "DB", ...target.args, "--json", "--command", sql]);
  const parsed = JSON.parse(output.slice(output.indexOf("["))) as { results: Row[] }[];
  return parsed[0]?.results ?? [];
}

/** Runs a whole SQL script, written to a temporary file. */
export function executeD1Script(target: D1Target, script: string): void {
  const dir = mkdtempSync(join(tmpdir(), "sourcewise-"));
  try {
    const file = join(dir, "load.sql");
    writeFileSync(file, script);
    wrangler(["d1", "execute", "DB", ...target.args, "--yes", "--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
