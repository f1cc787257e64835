import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { answerCheck, CHECK_BODY, claimCheck, LEAK_MARKERS } from "../support/checks.ts";
import { count } from "../support/d1.ts";
import { publishFixtureSet, unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { signedInTeacher } from "../support/teacher-browser.ts";

const responses = (attemptId: string) => count(env.DB, "SELECT count(*) AS n FROM responses WHERE attempt_id = ?", attemptId);

describe("a check shows nothing before the end, then everything", () => {
  it("keeps verdicts, feedback, explanations and sources off every question and answer page, then reports discernment and scepticism", async () => {
    const { slug } = await publishFixtureSet((id) => claimCheck(id), CHECK_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    const pages: string[] = [];
    await answerCheck(browser, attemptId, "key", {
      inspect: (html, where) => {
        pages.push(where);
        const text = textOf(html);
        for (const marker of LEAK_MARKERS) expect(html, `${marker} on ${where}`).not.toContain(marker);
        expect(text, where).not.toMatch(/Correct|Not quite|Partly right|correct answer|your answer|Explanation|Sources/);
      },
    });
    // Nine question pages and eight acknowledgements were looked at.
    expect(pages).toHaveLength(17);

    const summary = await browser.get(`/attempts/${attemptId}`);
    expect(summary.status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Your check results");
    expect(text).toContain("You accepted 4 of 4 supported claims and rejected 4 of 4 unsupported ones.");
    expect(text).toContain("You lean neither towards doubting nor towards trusting.");
    // d′ for 4 of 4 and 0 of 4 with the log-linear correction: z(0.9) − z(0.1) = 2.56.
    expect(text).toMatch(/Discernment \(d′: 0 is chance, higher is better\) 2\.56/);
    expect(text).toContain("✓ Correct");
    // The picture is drawn on the server and hidden from screen readers, which read the table.
    expect(browser.lastHtml).toMatch(/<svg class="chart"[^>]*aria-hidden="true"/);
    // Now everything is shown, question by question, with sources, on the review the summary links to (six a page).
    expect(browser.lastHtml).toContain(`href="/attempts/${attemptId}/review?all=1"`);
    let reviewed = "";
    for (const page of [1, 2]) {
      expect((await browser.get(`/attempts/${attemptId}/review?all=1&page=${page}`)).status).toBe(200);
      reviewed += browser.lastHtml;
    }
    for (const marker of ["FEEDBACK-1-s", "EXPLAIN-1", "EXPLAIN-single", ...CHECK_BODY.split("\n")]) expect(reviewed).toContain(marker);
  });

  it('gives a student who answers "not supported" to every claim discernment 0 and a strong lean to doubting, not a good grade', async () => {
    const { slug } = await publishFixtureSet((id) => claimCheck(id), CHECK_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    await answerCheck(browser, attemptId, "all-not-supported");
    await browser.get(`/attempts/${attemptId}`);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("You accepted 0 of 4 supported claims and rejected 4 of 4 unsupported ones. You lean strongly towards doubting.");
    expect(text).toMatch(/Discernment \(d′: 0 is chance, higher is better\) 0\.00/);
    expect(text).toMatch(/Lean \(c: above 0 doubting, below 0 trusting\) \+1\.28 \(strongly towards doubting\)/);
    expect(text).toContain("−4: you accepted 4 fewer claims than the texts support (towards distrust)");
    expect(text).toContain("You did not yet tell supported and unsupported claims apart");
  });

  it("refuses skipping ahead, the early summary, a second answer and a second sitting, and changes nothing", async () => {
    const { slug } = await publishFixtureSet((id) => claimCheck(id), CHECK_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);

    const ahead = await browser.post(`/attempts/${attemptId}/questions/3`, { choice: "s" });
    expect(ahead.status).toBe(409);
    expect(textOf(await ahead.text())).toContain("This check is answered in order. Answer question 1 first.");
    expect((await browser.get(`/attempts/${attemptId}`)).status).toBe(409);
    expect(await responses(attemptId)).toBe(0);

    await browser.get(`/attempts/${attemptId}/questions/1`);
    const first = /name="choice" value="([a-z])"/.exec(browser.lastHtml)?.[1] ?? "";
    await browser.post(`/attempts/${attemptId}/questions/1`, { choice: first });
    const stored = await env.DB.prepare("SELECT chosen FROM responses WHERE attempt_id = ?").bind(attemptId).first("chosen");
    const other = first === "s" ? "n" : first === "a" ? "b" : "s";
    const again = await browser.post(`/attempts/${attemptId}/questions/1`, { choice: other });
    expect(again.headers.get("Location")).toBe(`/attempts/${attemptId}/questions/1?already=1`);
    await browser.follow(again);
    expect(textOf(browser.lastHtml)).toContain("You had already answered this question, so your first answer stands.");
    expect(await env.DB.prepare("SELECT chosen FROM responses WHERE attempt_id = ?").bind(attemptId).first("chosen")).toBe(stored);
    expect(await responses(attemptId)).toBe(1);

    // Starting again while unfinished continues this attempt; once finished, a second sitting is refused.
    const resumed = await browser.post(`/sets/${slug}/attempts`);
    expect(resumed.headers.get("Location")).toBe(`/attempts/${attemptId}`);
    await browser.get(`/attempts/${attemptId}/questions/2`);
    await answerCheckFrom(browser, attemptId, 2);
    await browser.get(`/sets/${slug}`);
    expect(textOf(browser.lastHtml)).toContain("one attempt");
    const second = await browser.post(`/sets/${slug}/attempts`);
    expect(second.status).toBe(409);
    expect(textOf(await second.text())).toContain("You have already used the one attempt this quiz allows.");
    expect(await count(env.DB, "SELECT count(*) AS n FROM attempts a JOIN responses r ON r.attempt_id = a.id WHERE a.id = ?", attemptId)).toBe(9);
  });

  it("allows as many sittings as the set's attempts setting says", async () => {
    const { slug } = await publishFixtureSet((id) => claimCheck(id, { attempts: 2 }), CHECK_BODY);
    const browser = new StudentBrowser();
    const first = await browser.startAttempt(slug);
    await answerCheck(browser, first, "key");
    const second = await browser.startAttempt(slug);
    expect(second).not.toBe(first);
    await answerCheck(browser, second, "key");
    expect((await browser.post(`/sets/${slug}/attempts`)).status).toBe(409);
  });
});

/** Answers the rest of a check (from question `from`) with the first option shown. */
async function answerCheckFrom(browser: StudentBrowser, attemptId: string, from: number): Promise<void> {
  for (let n = from; n <= 9; n++) {
    await browser.get(`/attempts/${attemptId}/questions/${n}`);
    const choice = /name="choice" value="([a-z])"/.exec(browser.lastHtml)?.[1] ?? "";
    expect((await browser.post(`/attempts/${attemptId}/questions/${n}`, { choice })).status).toBe(303);
  }
}

describe("confidence and certainty-based marking end to end", () => {
  it("shows accuracy by confidence level and Moodle's CBM figures on the summary", async () => {
    const { slug } = await publishFixtureSet((id) => claimCheck(id, { mode: "practice", confidence: true, certaintyMarking: true }), CHECK_BODY);
    const browser = new StudentBrowser();
    const attemptId = await browser.startAttempt(slug);
    for (let n = 1; n <= 9; n++) {
      await browser.get(`/attempts/${attemptId}/questions/${n}`);
      expect(textOf(browser.lastHtml)).toContain("How sure are you? Guessing Fairly sure Certain");
      const claim = /Claim number (\d+)/.exec(browser.lastHtml)?.[1];
      // Certain and right on the claims, certain and wrong on the last question (the single-choice one is 9th in file order).
      const choice = claim ? (Number(claim) % 2 === 1 ? "s" : Number(claim) % 4 === 2 ? "c" : "n") : "b";
      const response = await browser.post(`/attempts/${attemptId}/questions/${n}`, { choice, confidence: "3" });
      expect(response.status).toBe(303);
    }
    await browser.get(`/attempts/${attemptId}`);
    const text = textOf(browser.lastHtml);
    // 8 right and 1 wrong, all "certain": 89% right, inside C3's 80–100% window.
    expect(text).toMatch(/Certain 9 89% 80–100% about right/);
    expect(text).toMatch(/Guessing 0 – 0–67% –/);
    // CBM: 8 × 3 − 6 = 18 of 27; average 2.00; Moodle's grade 200% of all right at C1.
    expect(text).toContain("18 of 27 (200% of all right while guessing; the most is 300%)");
    expect(text).toMatch(/Average mark per question 2\.00/);
    // Accuracy 8/9 = 88.9%; expected at C3 for that accuracy = 3 × 0.889 − 6 × 0.111 = 2; bonus 0.1 × (2 − 2) = 0.
    expect(text).toMatch(/Accuracy 88\.9% Certainty bonus 0\.0% Accuracy \+ bonus 88\.9%/);
    // A practice set shows no discernment scores.
    expect(text).not.toContain("how you judged the claims");
  });
});

describe("the teacher's set page", () => {
  it("shows whether a set is a check, its attempts, confidence, marking and parallel form", async () => {
    const { browser } = await signedInTeacher();
    const docId = unique("doc");
    await browser.get("/teach/documents");
    await browser.post("/teach/documents", { id: docId, title: "Bridge report", text: CHECK_BODY });
    const slug = unique("own-check");
    await browser.get("/teach/sets/new");
    const content = stringify(claimCheck(docId, { attempts: 2, confidence: true, certaintyMarking: true, form: { group: "bridge", form: "B" } }));
    expect((await browser.postMultipart("/teach/sets", { slug, format: "auto", content })).status).toBe(303);
    await browser.get(`/teach/sets/${slug}`);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Mode Check (before and after): no verdict, feedback or source until the student finishes");
    expect(text).toContain("Attempts per student 2");
    expect(text).toContain('Asks "How sure are you?" yes, with certainty-based marking (Moodle CBM)');
    expect(text).toContain('Parallel form form B of the "bridge" check');

    const practice = await publishFixtureSet();
    await browser.get(`/teach/sets/${practice.slug}`);
    expect(textOf(browser.lastHtml)).toContain("Mode Practice: feedback after every answer Attempts per student unlimited");
  });
});
