import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WRANGLER_BIN } from "../../src/cli/wrangler.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** The student Worker (served) and the studio Worker (behind its STUDIO binding), as `npm start` runs them. */
export const WORKER_CONFIGS = ["-c", "wrangler.toml", "-c", "src/studio/wrangler.toml"];

export interface DevServer {
  url: string;
  /** The process group of `wrangler dev` and the workerd it runs. */
  pid: number;
  /** Creates a teacher with `npm run teacher:create`'s code, in the server's own D1. */
  createTeacher(email: string, password: string, name: string): void;
  /** Sets a teacher's password with `npm run teacher:reset-password`'s code, in the server's own D1. */
  resetPassword(email: string, password: string): string;
  /** Runs SQL against the server's own local D1 and returns the rows. */
  query<Row>(sql: string): Row[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false", ...extraEnv } });
  if (result.status !== 0) throw new Error(`${args.slice(0, 4).join(" ")} failed:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/**
 * The real app (both Workers) under `wrangler dev`, with its own freshly migrated and loaded D1
 * in a temporary folder, so tests never touch a developer's local data.
 */
export async function startDevServer(): Promise<DevServer> {
  const persistTo = mkdtempSync(join(tmpdir(), "sourcewise-e2e-"));
  const node = process.execPath;
  run(node, [WRANGLER_BIN, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  run(node, ["src/cli/load-questions.ts", "--local", "--persist-to", persistTo]);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Both Workers read the same variables (one file, as `npm start` does with .dev.vars): the
  // identity cookie and CSRF tokens must mean the same in each.
  const envFile = join(persistTo, "dev.env");
  writeFileSync(envFile, `ENVIRONMENT=development\nCOOKIE_SECRET=${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  const child: ChildProcess = spawn(
    node,
    [
      WRANGLER_BIN,
      "dev",
      ...WORKER_CONFIGS,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistTo,
      "--show-interactive-dev-session=false",
      "--env-file",
      envFile,
    ],
    { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(persistTo, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) {
        return {
          url,
          pid: child.pid ?? 0,
          stop,
          query: (sql) => queryLocal(persistTo, sql),
          createTeacher: (email, password, name) => {
            run(node, ["src/cli/create-teacher.ts", "--email", email, "--name", name, "--local", "--persist-to", persistTo], { TEACHER_PASSWORD: password });
          },
          resetPassword: (email, password) =>
            run(node, ["src/cli/reset-password.ts", "--email", email, "--local", "--persist-to", persistTo], { TEACHER_PASSWORD: password }),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not start:\n${output.slice(-2000)}`);
}

function queryLocal<Row>(persistTo: string, sql: string): Row[] {
  const output = run(process.execPath, [WRANGLER_BIN, "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql]);
  return (JSON.parse(output.slice(output.indexOf("["))) as { results: Row[] }[])[0]?.results ?? [];
}
