import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { startDevServer } from "../browser/dev-server.ts";

/**
 * Reports the student path's budgets against the real app under `wrangler dev`:
 * page weight (gzipped, with CSS and JS), D1 round trips per request, response times and
 * memory. A report, not a test: nothing here fails on a number.
 * Usage: npm run budgets
 */
const QUESTION_PAGE_LIMIT_BYTES = 14 * 1024;
const D1_LIMIT = 2;
const RUNS = 25;

const server = await startDevServer();
let cookie = "";
async function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  const started = performance.now();
  const response = await fetch(new URL(path, server.url), { ...init, headers, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - started;
  cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
  return { response, body, ms, d1: Number(response.headers.get("x-d1-round-trips") ?? Number.NaN) };
}
const gz = (text: string) => gzipSync(text).length;

try {
  const set = "who-says-so";
  const setPage = await request(`/sets/${set}`);
  const token = /name="_csrf" value="([^"]+)"/.exec(setPage.body)?.[1] ?? "";
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    body: new URLSearchParams({ _csrf: token, ...fields }),
    headers: { Origin: server.url },
  });
  const start = await request(`/sets/${set}/attempts`, form({}));
  const questionPath = start.response.headers.get("location") ?? "";
  const question = await request(questionPath);
  const assets = await Promise.all((question.body.match(/\/assets\/[^"]+/g) ?? []).map((path) => request(path)));
  const answer = await request(questionPath, form({ choice: "a" }));
  const feedback = await request(questionPath);

  const rows: [string, string, string][] = [];
  const budget = (name: string, value: string, limit: string) => rows.push([name, value, limit]);
  const questionWeight = gz(question.body) + assets.reduce((sum, a) => sum + gz(a.body), 0);
  budget(
    "question page, gzipped with CSS+JS",
    `${(questionWeight / 1024).toFixed(1)} KB`,
    `≤ ${QUESTION_PAGE_LIMIT_BYTES / 1024} KB ${questionWeight <= QUESTION_PAGE_LIMIT_BYTES ? "✓" : "✗"}`,
  );
  budget("feedback page, gzipped with CSS+JS", `${((gz(feedback.body) + assets.reduce((s, a) => s + gz(a.body), 0)) / 1024).toFixed(1)} KB`, "");
  for (const [name, result] of [
    ["GET / (home)", await request("/")],
    ["GET set page", setPage],
    ["POST start attempt", start],
    ["GET question", question],
    ["POST answer (one db.batch)", answer],
    ["GET feedback", feedback],
    ["GET reader", await request("/documents/002")],
  ] as const) {
    budget(`D1 round trips: ${name}`, String(result.d1), `≤ ${D1_LIMIT} ${result.d1 <= D1_LIMIT ? "✓" : "✗"}`);
  }

  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) timings.push((await request(questionPath)).ms);
  timings.sort((a, b) => a - b);
  budget(`GET question, median of ${RUNS} (local workerd)`, `${timings[Math.floor(RUNS / 2)]?.toFixed(1)} ms`, "");
  budget(`GET question, slowest of ${RUNS}`, `${timings.at(-1)?.toFixed(1)} ms`, "");
  const rssKb = execFileSync("ps", ["-o", "rss=", "-g", String(server.pid)], { encoding: "utf8" })
    .split("\n")
    .reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
  budget("memory: wrangler dev + workerd (RSS)", `${(rssKb / 1024).toFixed(0)} MB`, "");

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nSourcewise budgets\n${"-".repeat(width + 30)}`);
  for (const [name, value, limit] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${limit}`);
} finally {
  await server.stop();
}
