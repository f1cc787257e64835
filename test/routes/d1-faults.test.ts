import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { apiRequest, createTeacherWithToken } from "../support/teachers.ts";

const NETWORK_LOST = "D1_ERROR: Network connection lost.";

/**
 * env with a D1 binding that fails the way D1 does in production, for the one request it is
 * passed to: before a batch runs (nothing written), after a batch committed (the write happened
 * but its acknowledgement was lost), or on every statement (D1 unreachable).
 */
function failingEnv(mode: "batch" | "batch-after-commit" | "everything", message = NETWORK_LOST): Env {
  return { ...env, DB: failing(env.DB, mode, message) };
}

/** The binding, or a session on it (the app queries through sessions), failing as `failingEnv` says. */
function failing<Client extends D1Database | D1DatabaseSession>(client: Client, mode: "batch" | "batch-after-commit" | "everything", message: string): Client {
  return new Proxy(client, {
    get(target, property) {
      if (property === "withSession") return (start?: string) => failing((target as D1Database).withSession(start), mode, message);
      if (property === "batch")
        return async (statements: D1PreparedStatement[]) => {
          if (mode === "batch-after-commit") await target.batch(statements);
          throw new Error(message);
        };
      if (property === "prepare" && mode === "everything")
        return () => {
          throw new Error(message);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A student on question 1 of a fresh attempt, and how to read what D1 holds for it. */
async function studentOnQuestion() {
  const { slug } = await publishFixtureSet(threeTypeSet);
  const browser = new StudentBrowser();
  const attemptId = await browser.startAttempt(slug);
  await browser.get(`/attempts/${attemptId}/questions/1`);
  const stored = async () => ({
    responses: await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId),
    answered: await count(env.DB, "SELECT answered_count AS n FROM attempts WHERE id = ?", attemptId),
    correct: await count(env.DB, "SELECT correct_count AS n FROM attempts WHERE id = ?", attemptId),
  });
  return { browser, attemptId, stored };
}

/** These requests log the fault on purpose (console.error otherwise fails a test). */
function expectedErrorLogs() {
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

describe("when D1 fails or times out", () => {
  it("answers a student mid-answer with a 503 page and Retry-After, writes nothing, and takes the answer when it is sent again", async () => {
    const logged = expectedErrorLogs();
    const { browser, attemptId, stored } = await studentOnQuestion();
    const failed = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" }, { env: failingEnv("batch") });
    expect(failed.status).toBe(503);
    expect(Number(failed.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(failed.headers.get("Cache-Control")).toBe("no-store");
    const html = await failed.text();
    expect(textOf(html)).toContain("sending it again is safe");
    expect(html).not.toMatch(/D1_ERROR|insert into|SQLITE|at .*\.ts/i);
    expect(await stored()).toEqual({ responses: 0, answered: 0, correct: 0 });
    expect(String(logged.mock.calls[0]?.[0])).toContain('"databaseFault":true');

    // The student sends the same form again once D1 is back: recorded once, as an answer.
    const retried = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    expect(retried.status).toBe(303);
    expect(retried.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/1`);
    expect(await stored()).toEqual({ responses: 1, answered: 1, correct: 1 });
    logged.mockRestore();
  });

  it("counts an answer once when D1 wrote it but the acknowledgement was lost", async () => {
    const logged = expectedErrorLogs();
    const { browser, attemptId, stored } = await studentOnQuestion();
    const failed = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "b" }, { env: failingEnv("batch-after-commit") });
    expect(failed.status).toBe(503);
    expect(await stored()).toEqual({ responses: 1, answered: 1, correct: 0 });
    const retried = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "a" });
    expect(retried.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/1?already=1`);
    expect(await stored()).toEqual({ responses: 1, answered: 1, correct: 0 });
    logged.mockRestore();
  });

  it("answers 503 with Retry-After when D1 cannot be reached at all, as a page or as JSON under /api", async () => {
    const logged = expectedErrorLogs();
    const { browser, attemptId } = await studentOnQuestion();
    const page = await browser.get(`/attempts/${attemptId}/questions/1`, {
      env: failingEnv("everything", "D1_ERROR: D1 DB is overloaded. Requests queued for too long."),
    });
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toBe("10");

    const owner = await createTeacherWithToken();
    const { default: worker } = await import("../support/combined-worker.ts");
    const api = await worker.fetch(
      new Request("https://sourcewise.test/api/sets", { headers: { Authorization: `Bearer ${owner.token}` } }),
      failingEnv("everything", "D1_ERROR: Storage operation exceeded timeout which caused object to be reset."),
      { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext,
    );
    expect(api.status).toBe(503);
    expect(api.headers.get("Retry-After")).toBe("10");
    expect(api.headers.get("Cache-Control")).toBe("no-store");
    const body = (await api.json()) as { error: string; details: unknown[]; requestId: string };
    expect(body).toEqual({ error: expect.stringContaining("try again"), details: [], requestId: expect.any(String) });
    // The same request with D1 back works.
    expect((await apiRequest("GET", "/api/sets", { token: owner.token })).status).toBe(200);
    logged.mockRestore();
  });

  it("still treats a SQL error as a bug: a 500 that names nothing", async () => {
    const logged = expectedErrorLogs();
    const { browser, attemptId, stored } = await studentOnQuestion();
    const failed = await browser.post(
      `/attempts/${attemptId}/questions/1`,
      { choice: "a" },
      { env: failingEnv("batch", "D1_ERROR: no such table: responses: SQLITE_ERROR") },
    );
    expect(failed.status).toBe(500);
    expect(failed.headers.get("Retry-After")).toBeNull();
    expect(await failed.text()).not.toMatch(/SQLITE|no such table/);
    expect(await stored()).toEqual({ responses: 0, answered: 0, correct: 0 });
    logged.mockRestore();
  });
});
