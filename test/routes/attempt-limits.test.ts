import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_UNFINISHED_ATTEMPTS } from "../../src/db/queries/attempt-limits.ts";
import app from "../../src/index.tsx";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet, unique } from "../support/fixtures.ts";
import { ORIGIN, StudentBrowser, textOf } from "../support/student.ts";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

async function unfinished(studentCookie: string, slug: string): Promise<number> {
  const studentId = decodeURIComponent(/sw_id=([^;.]+)/.exec(studentCookie)?.[1] ?? "");
  return count(
    env.DB,
    `SELECT count(*) AS n FROM attempts a JOIN set_versions v ON v.id = a.set_version_id JOIN question_sets s ON s.id = v.set_id
     WHERE a.student_id = ? AND s.slug = ? AND a.finished_at IS NULL`,
    studentId,
    slug,
  );
}

describe("bounded attempt starts", () => {
  it(`lets a student hold at most ${MAX_UNFINISHED_ATTEMPTS} unfinished attempts per set; starting another resumes the latest`, async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const started: string[] = [];
    for (let i = 0; i < MAX_UNFINISHED_ATTEMPTS; i++) started.push(await browser.startAttempt(slug));
    const latest = started.at(-1) ?? "";
    await browser.post(`/attempts/${latest}/questions/1`, { choice: "a" });

    for (let i = 0; i < 3; i++) {
      const again = await browser.post(`/sets/${slug}/attempts`);
      expect(again.status).toBe(303);
      expect(again.headers.get("Location")).toBe(`/attempts/${latest}`);
      // The attempt page sends the student on to their next unanswered question.
      const resumed = await browser.follow(again);
      expect(resumed.headers.get("Location")).toBe(`/attempts/${latest}/questions/2`);
    }
    expect(await unfinished(browser.cookieHeader(), slug)).toBe(MAX_UNFINISHED_ATTEMPTS);
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts WHERE id IN (?, ?, ?)", ...started)).toBe(3);

    // Another set is counted on its own.
    const other = await publishFixtureSet(threeTypeSet);
    expect(await browser.startAttempt(other.slug)).toMatch(/^[0-9a-f-]{36}$/);

    // Finishing an attempt frees a place.
    await browser.post(`/attempts/${latest}/questions/2`, { choice: "f" });
    await browser.post(`/attempts/${latest}/questions/3`, { choice: ["a", "c"] });
    const fresh = await browser.startAttempt(slug);
    expect(started).not.toContain(fresh);
    expect(await unfinished(browser.cookieHeader(), slug)).toBe(MAX_UNFINISHED_ATTEMPTS);
  });

  it("limits quiz starts per address (in D1 where no binding is configured), whatever the cookies", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const withoutBindings = { ...env, LOGIN_RATE_LIMITER: undefined, ADDRESS_RATE_LIMITER: undefined } as unknown as Env;
    const address = unique("203.0.113");
    /** A new browser (its own identity cookie and CSRF token) that posts "Start" from an address. */
    const newBrowser = async () => {
      const page = await app.fetch(new Request(`${ORIGIN}/sets/${slug}`), withoutBindings, ctx);
      const cookie = page.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      return (from: string) =>
        app.fetch(
          new Request(`${ORIGIN}/sets/${slug}/attempts`, {
            method: "POST",
            body: new URLSearchParams({ _csrf: token }),
            headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": from },
            cf: { colo: "TEST" },
          }),
          withoutBindings,
          ctx,
        );
    };
    const start = await newBrowser();
    const statuses: number[] = [];
    for (let i = 0; i < 119; i++) statuses.push((await start(address)).status);
    statuses.push((await (await newBrowser())(address)).status);
    expect(statuses.every((status) => status === 303)).toBe(true);
    // Clearing cookies (a new identity) does not reset the count for the address.
    const limited = await (await newBrowser())(address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(await limited.text())).toContain("Too many quizzes started from your network");
    expect(await count(env.DB, "SELECT count AS n FROM rate_limits WHERE key = ?", `attemptStart:${address}`)).toBe(121);
    expect((await start(unique("198.51.100"))).status).toBe(303);
  }, 30_000);
});
