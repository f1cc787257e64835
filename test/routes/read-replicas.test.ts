import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { assetPath } from "../../src/views/assets.ts";
import worker from "../support/combined-worker.ts";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { laggingReplica } from "../support/replica.ts";
import { ORIGIN, StudentBrowser } from "../support/student.ts";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
const BOOKMARK_COOKIE = /^sw_d1=([^;]+)/;

beforeAll(async () => {
  await applyD1Migrations(env.REPLICA_DB, env.TEST_MIGRATIONS);
});

/** The bookmark a response hands the browser, if any. */
function bookmarkSet(response: Response): string | undefined {
  for (const cookie of response.headers.getSetCookie()) {
    const match = BOOKMARK_COOKIE.exec(cookie);
    if (match) return match[1];
  }
  return undefined;
}

/** env whose DB records how each request opens its session, and otherwise is the real binding. */
function observedEnv() {
  const opened: (string | undefined)[] = [];
  const DB = new Proxy(env.DB, {
    get(target, property) {
      if (property === "withSession")
        return (start?: string) => {
          opened.push(start);
          return target.withSession(start);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { env: { ...env, DB } as Env, opened };
}

describe("read replicas through D1's Sessions API", () => {
  it("lets a student read their own answer back while the nearest replica still lags", async () => {
    const replicated = await laggingReplica(env.DB, env.REPLICA_DB);
    const withReplica = { ...env, DB: replicated.binding } as Env;
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const question = `/attempts/${attemptId}/questions/1`;
    await browser.get(question);
    // The replica now has the attempt, and will not see the answer until it catches up again.
    await replicated.catchUp();

    const answered = await browser.post(question, { choice: "a" }, { env: withReplica });
    expect(answered.status).toBe(303);
    expect(bookmarkSet(answered)).toBeDefined();

    // The browser sends the write's bookmark back, so its next read is served by an instance
    // that has the answer: the feedback, not the question again.
    const feedback = await browser.get(question, { env: withReplica });
    expect(feedback.status).toBe(200);
    expect(browser.lastHtml).toContain("✓ Correct");

    // The same student without the bookmark reads the lagging replica: the question is still
    // unanswered there. This is the stale read the bookmark prevents.
    const cookieWithoutBookmark = browser
      .cookieHeader()
      .split("; ")
      .filter((pair) => !pair.startsWith("sw_d1="))
      .join("; ");
    const stale = await worker.fetch(new Request(new URL(question, ORIGIN), { headers: { Cookie: cookieWithoutBookmark } }), withReplica, ctx);
    const staleHtml = await stale.text();
    expect(staleHtml).not.toContain("✓ Correct");
    expect(staleHtml).toContain('name="choice"');

    // Once the replica has caught up, it serves the answer to anyone.
    await replicated.catchUp();
    const caughtUp = await worker.fetch(new Request(new URL(question, ORIGIN), { headers: { Cookie: cookieWithoutBookmark } }), withReplica, ctx);
    expect(await caughtUp.text()).toContain("✓ Correct");
  });

  it("keeps the summary consistent with the last answer, as read through the replica", async () => {
    const replicated = await laggingReplica(env.DB, env.REPLICA_DB);
    const withReplica = { ...env, DB: replicated.binding } as Env;
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    await browser.post(`/attempts/${attemptId}/questions/2`, { choice: "f" });
    await replicated.catchUp();
    // The last answer finishes the attempt; the replica still has it unfinished.
    await browser.post(`/attempts/${attemptId}/questions/3`, { choice: ["a", "c"] }, { env: withReplica });
    const summary = await browser.get(`/attempts/${attemptId}`, { env: withReplica });
    expect(summary.status).toBe(200);
    expect(browser.lastHtml).toContain("3 of 3");
  });

  it("carries the bookmark in a cookie: handed out after each query, sent back to open the next session", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const observed = observedEnv();
    const browser = new StudentBrowser();

    // No bookmark yet: the first query may go to any replica.
    const setPage = await browser.get(`/sets/${slug}`, { env: observed.env });
    expect(observed.opened).toEqual(["first-unconstrained"]);
    const afterRead = bookmarkSet(setPage);
    expect(afterRead).toMatch(/^[0-9a-f-]+$/);

    // A write moves the bookmark on; the next request opens its session there.
    const started = await browser.post(`/sets/${slug}/attempts`, {}, { env: observed.env });
    const afterWrite = bookmarkSet(started);
    expect(afterWrite).toBeDefined();
    expect((afterWrite ?? "") > (afterRead ?? "")).toBe(true);
    await browser.get(started.headers.get("Location") ?? "", { env: observed.env });
    expect(observed.opened.at(-1)).toBe(afterWrite);
  });

  it("ignores a bookmark cookie that is not one, and never sets one on a cacheable asset", async () => {
    const observed = observedEnv();
    const forged = await worker.fetch(new Request(`${ORIGIN}/`, { headers: { Cookie: "sw_d1=<script>; x" } }), observed.env, ctx);
    expect(forged.status).toBe(200);
    expect(observed.opened).toEqual(["first-unconstrained"]);
    const asset = await worker.fetch(new Request(new URL(assetPath("app.css"), ORIGIN)), env, ctx);
    expect(asset.headers.get("Cache-Control")).toContain("public");
    expect(asset.headers.getSetCookie()).toEqual([]);
  });

  it("uses a __Host- prefixed, Secure, HttpOnly cookie in production", async () => {
    const response = await worker.fetch(new Request(`${ORIGIN}/`), { ...env, ENVIRONMENT: "production" }, ctx);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("sw_d1=")) ?? "";
    expect(cookie).toMatch(/^__Host-sw_d1=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("HttpOnly");
  });
});
