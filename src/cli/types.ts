import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WRANGLER_BIN } from "./wrangler.ts";

// Usage: npm run types [-- --check] — writes (or checks) the binding types of both Workers:
// worker-configuration.d.ts for the student Worker and src/studio/worker-configuration.d.ts for
// the studio Worker. Each declares `Env`, so each is included only by its own tsconfig.
const root = fileURLToPath(new URL("../..", import.meta.url));
const extra = process.argv.slice(2);
const workers = [
  ["-c", "wrangler.toml", "worker-configuration.d.ts"],
  ["-c", "src/studio/wrangler.toml", "src/studio/worker-configuration.d.ts"],
];
for (const args of workers) {
  const result = spawnSync(process.execPath, [WRANGLER_BIN, "types", "--include-runtime=false", "--strict-vars=false", ...args, ...extra], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
