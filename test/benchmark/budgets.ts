import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { startDevServer } from "../browser/dev-server.ts";

/**
 * Checks the student path's budgets against the real app (both Workers) under `wrangler dev`:
 * page weight (gzipped, with CSS and JS) and D1 round trips per request, and reports response
 * times and memory. Fails (exit 1) when a page is over its weight or a request makes more round
 * trips than it may: one for every student read, one for an answer. Times are reported, never
 * judged: `npm run bench` compares speed, as ratios.
 * Usage: npm run budgets
 */
const QUESTION_PAGE_LIMIT_BYTES = 14 * 1024;
const RUNS = 25;

const server = await startDevServer();
let cookie = new Map<string, string>();
async function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie.size > 0) headers.set("Cookie", [...cookie].map(([name, value]) => `${name}=${value}`).join("; "));
  const started = performance.now();
  const response = await fetch(new URL(path, server.url), { ...init, headers, redirect: "manual" });
  const body = await response.text();
  const ms = performance.now() - started;
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    cookie = new Map(cookie).set(pair.slice(0, at), pair.slice(at + 1));
  }
  return { response, body, ms, d1: Number(response.headers.get("x-d1-round-trips") ?? Number.NaN) };
}
const gz = (text: string) => gzipSync(text).length;

let failed = false;
const rows: [string, string, string][] = [];
function budget(name: string, value: string, limit = "", ok = true) {
  rows.push([name, value, limit ? `${limit} ${ok ? "✓" : "✗"}` : ""]);
  if (!ok) failed = true;
}

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
  // As the browser sends it: the answer form names its question.
  const questionId = /name="question" value="(\d+)"/.exec(question.body)?.[1] ?? "";
  const answer = await request(questionPath, form({ question: questionId, choice: "a" }));
  const feedback = await request(questionPath);

  const assetWeight = assets.reduce((sum, a) => sum + gz(a.body), 0);
  const questionWeight = gz(question.body) + assetWeight;
  budget(
    "question page, gzipped with CSS+JS",
    `${(questionWeight / 1024).toFixed(1)} KB`,
    `≤ ${QUESTION_PAGE_LIMIT_BYTES / 1024} KB`,
    questionWeight <= QUESTION_PAGE_LIMIT_BYTES,
  );
  budget("feedback page, gzipped with CSS+JS", `${((gz(feedback.body) + assetWeight) / 1024).toFixed(1)} KB`);
  const reads = [
    ["GET / (home)", await request("/"), 1],
    ["GET set page", setPage, 1],
    ["GET question", question, 1],
    ["GET feedback", feedback, 1],
    ["GET reader", await request("/documents/002"), 1],
    ["GET /me", await request("/me"), 1],
    ["POST answer (grade and record in one batch)", answer, 1],
    ["POST start attempt (read the set, write the attempt)", start, 2],
  ] as const;
  for (const [name, result, limit] of reads) budget(`D1 round trips: ${name}`, String(result.d1), `= ${limit}`, result.d1 === limit);

  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) timings.push((await request(questionPath)).ms);
  timings.sort((a, b) => a - b);
  budget(`GET question, median of ${RUNS} (local workerd)`, `${timings[Math.floor(RUNS / 2)]?.toFixed(1)} ms`);
  budget(`GET question, slowest of ${RUNS}`, `${timings.at(-1)?.toFixed(1)} ms`);
  const rssKb = execFileSync("ps", ["-o", "rss=", "-g", String(server.pid)], { encoding: "utf8" })
    .split("\n")
    .reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
  budget("memory: wrangler dev + workerd (RSS)", `${(rssKb / 1024).toFixed(0)} MB`);

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nSourcewise budgets\n${"-".repeat(width + 30)}`);
  for (const [name, value, limit] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${limit}`);
  if (failed) {
    console.error("\nOver budget (✗). A student read makes one D1 round trip: batch new reads with the page's others (src/db/queries/student-pages.ts).");
  }
} finally {
  await server.stop();
}
if (failed) process.exit(1);
