import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { StudentBrowser } from "../support/student.ts";

/**
 * D1 round trips per student request, as the app reports them (X-D1-Round-Trips, outside
 * production). Each one is a wait on the database, so a student read makes exactly one: the
 * page's reads are one batch (src/db/queries/student-pages.ts). `npm run budgets` checks the
 * same numbers against `wrangler dev`.
 */
const ADVICE =
  "A student page reads in one D1 round trip: add the new read to the page's readTogether batch in src/db/queries/student-pages.ts instead of awaiting another query.";

function roundTrips(response: Response): number {
  return Number(response.headers.get("X-D1-Round-Trips"));
}

describe("D1 round trips per student request", () => {
  it("reads every student page in one round trip, and records an answer in one", async () => {
    const { slug, docId } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const expectOne = (name: string, response: Response) => expect(roundTrips(response), `${name}: ${ADVICE}`).toBe(1);

    expectOne("GET /", await browser.get("/"));
    expectOne("GET /sets/:slug", await browser.get(`/sets/${slug}`));
    // Starting writes the attempt after reading the set and its questions: a read, then a write.
    const started = await browser.post(`/sets/${slug}/attempts`);
    expect(roundTrips(started)).toBe(2);
    const question = started.headers.get("Location") ?? "";
    const attemptId = question.split("/")[2] ?? "";

    expectOne("GET /attempts/:id/questions/:n (question)", await browser.get(question));
    // The form names its question, so the answer is graded and recorded in one batch.
    const answered = await browser.post(question, { choice: "a" });
    expect(answered.status).toBe(303);
    expect(roundTrips(answered), "POST answer: grade and record in one batch").toBe(1);
    expectOne("GET /attempts/:id/questions/:n (feedback)", await browser.get(question));
    await browser.get(`/attempts/${attemptId}/questions/2`);
    // Wrong on purpose: the retry below takes it again.
    await browser.post(`/attempts/${attemptId}/questions/2`, { choice: "t" });
    await browser.get(`/attempts/${attemptId}/questions/3`);
    await browser.post(`/attempts/${attemptId}/questions/3`, { choice: ["a", "c"] });
    expectOne("GET /attempts/:id (summary)", await browser.get(`/attempts/${attemptId}`));
    expectOne("GET /attempts/:id/review", await browser.get(`/attempts/${attemptId}/review?all=1`));
    // A retry of the missed questions is a start: a read (with the version's questions), then the write.
    const retried = await browser.post(`/attempts/${attemptId}/retry`);
    expect(retried.headers.get("Location")).toMatch(/^\/attempts\/[0-9a-f-]{36}\/questions\/1$/);
    expect(roundTrips(retried)).toBe(2);
    expectOne("GET /me", await browser.get("/me"));
    expectOne("GET /documents/:id", await browser.get(`/documents/${docId}`));
    expectOne("GET /join/:code", await browser.get("/join/ZZZZZZ"));
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(3);
  });

  it("falls back to reading the question first when the form does not name it, and still records once", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const question = `/attempts/${attemptId}/questions/1`;
    // Posted without loading the page: no question id in the form.
    const answered = await browser.post(question, { choice: "a" });
    expect(answered.headers.get("Location")).toBe(question);
    expect(roundTrips(answered)).toBe(2);
    const replay = await browser.post(question, { choice: "b" });
    expect(replay.headers.get("Location")).toBe(`${question}?already=1`);
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(1);
  });

  it("records nothing when the form names a question that is not this attempt's at that place", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    const first = /name="question" value="(\d+)"/.exec(browser.lastHtml)?.[1] ?? "";
    await browser.get(`/attempts/${attemptId}/questions/3`);
    // Question 1's id sent with question 3's answer (a stale tab, or a forged form); "a" is an
    // option of both. The batch finds question 3 at that place and writes nothing; the answer is
    // then graded against question 3 and recorded there (not fully right: its key is a and c).
    const crossed = await browser.post(`/attempts/${attemptId}/questions/3`, { question: first, choice: "a" });
    expect(crossed.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/3`);
    const stored = await env.DB.prepare(
      "SELECT q.key, r.is_correct FROM responses r JOIN questions q ON q.id = r.question_id WHERE r.attempt_id = ? ORDER BY r.id",
    )
      .bind(attemptId)
      .all<{ key: string; is_correct: number }>();
    expect(stored.results).toEqual([{ key: "what-was-verified", is_correct: 0 }]);
  });

  it("answers another student's attempt with 404 and writes nothing, even when the question is known", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const owner = new StudentBrowser();
    const attemptId = await owner.startAttempt(slug);
    await owner.get(`/attempts/${attemptId}/questions/1`);
    const questionId = /name="question" value="(\d+)"/.exec(owner.lastHtml)?.[1] ?? "";
    const other = new StudentBrowser();
    await other.get(`/sets/${slug}`);
    const response = await other.post(`/attempts/${attemptId}/questions/1`, { question: questionId, choice: "a" });
    expect(response.status).toBe(404);
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(0);
  });
});
