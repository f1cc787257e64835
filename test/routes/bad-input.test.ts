import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { count } from "../support/d1.ts";
import { publishFixtureSet, threeTypeSet } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";

async function writes(): Promise<number> {
  return (await count(env.DB, "SELECT count(*) AS n FROM responses")) + (await count(env.DB, "SELECT count(*) AS n FROM attempts"));
}

describe("bad input gets a clear error and changes nothing", () => {
  it("answers unknown sets, documents, attempts and questions with a readable 404 page", async () => {
    const { slug } = await publishFixtureSet();
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    for (const path of [
      "/sets/no-such-set",
      "/documents/no-such-doc",
      `/attempts/${crypto.randomUUID()}`,
      `/attempts/${attemptId}/questions/99`,
      "/attempts/not-a-uuid/questions/1",
      `/attempts/${attemptId}/questions/abc`,
      "/nowhere",
    ]) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(404);
      expect(textOf(browser.lastHtml), path).toMatch(/We could not find that/);
    }
    const before = await writes();
    expect((await browser.post("/sets/no-such-set/attempts")).status).toBe(404);
    expect(await writes()).toBe(before);
  });

  it("keeps another student's attempt out of reach", async () => {
    const { slug } = await publishFixtureSet();
    const owner = new StudentBrowser();
    const attemptId = await owner.startAttempt(slug);
    const intruder = new StudentBrowser();
    expect((await intruder.get(`/attempts/${attemptId}/questions/1`)).status).toBe(404);
    expect((await intruder.get(`/attempts/${attemptId}`)).status).toBe(404);
    await intruder.get("/me");
    const before = await writes();
    expect((await intruder.post(`/attempts/${attemptId}/questions/1`, { choice: "a" })).status).toBe(404);
    expect(await writes()).toBe(before);
  });

  it("rejects an option that is not in the question, and several options for a single-choice question", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/1`);
    const before = await writes();
    const unknown = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: "z" });
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain("That answer is not one of this question's options.");
    const several = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: ["a", "b"] });
    expect(several.status).toBe(400);
    expect(textOf(await several.text())).toContain("Choose only one answer.");
    expect(await writes()).toBe(before);
  });

  it("asks again, with the question, when nothing was chosen", async () => {
    const { slug } = await publishFixtureSet(threeTypeSet);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await browser.get(`/attempts/${attemptId}/questions/3`);
    const response = await browser.post(`/attempts/${attemptId}/questions/3`, {});
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(textOf(html)).toContain("Select at least one answer, then check it.");
    expect(html).toContain('type="checkbox"');
    expect(await count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId)).toBe(0);
  });

  it("rejects a malformed body and an over-long display name without writing", async () => {
    const browser = new StudentBrowser();
    await browser.get("/me");
    const long = await browser.post("/me", { displayName: "x".repeat(41) });
    expect(long.status).toBe(400);
    expect(textOf(await long.text())).toContain("Display names are at most 40 characters.");
    const unexpected = await browser.post("/me", { displayName: "Ok", admin: "1" });
    expect(unexpected.status).toBe(400);
    expect(textOf(await unexpected.text())).toContain("admin: unknown field");
    await browser.get("/me");
    expect(browser.lastHtml).toContain('value=""');
  });

  it("refuses form posts without the page's CSRF token or from another site", async () => {
    const { slug } = await publishFixtureSet();
    const browser = new StudentBrowser();
    await browser.get(`/sets/${slug}`);
    const before = await writes();
    const noToken = await browser.post(`/sets/${slug}/attempts`, {}, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(textOf(await noToken.text())).toContain("did not come from this site");
    const crossSite = await browser.post(`/sets/${slug}/attempts`, {}, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const otherStudentsToken = new StudentBrowser();
    await otherStudentsToken.get(`/sets/${slug}`);
    const stolen = await browser.post(`/sets/${slug}/attempts`, { _csrf: otherStudentsToken.csrfToken() }, { csrf: false });
    expect(stolen.status).toBe(403);
    expect(await writes()).toBe(before);
  });

  it("answers a body that cannot be parsed with a 400, not a 500", async () => {
    const browser = new StudentBrowser();
    await browser.get("/me");
    const response = await exports.default.fetch(
      new Request("https://sourcewise.test/me", {
        method: "POST",
        body: "--not-a-real-boundary\r\ngarbage",
        headers: { "Content-Type": "multipart/form-data; boundary=expected", Origin: "https://sourcewise.test", Cookie: browser.cookieHeader() },
      }),
    );
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("The form could not be read.");
  });

  it("does not treat inherited property names as asset names", async () => {
    for (const name of ["constructor", "__proto__", "toString"]) {
      expect((await exports.default.fetch(`https://sourcewise.test/assets/x/${name}`)).status, name).toBe(404);
    }
  });
});
