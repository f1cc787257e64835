import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { findSessionTeacher, findTokenTeacher, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../src/db/queries/teachers.ts";
import app from "../support/combined-worker.ts";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser, textOf } from "../support/student.ts";
import { createTeacherAccount, readerId, signedInTeacher, studentSlug } from "../support/teacher-browser.ts";

const { db } = createDb(env.DB);
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

/** A valid set quoting built-in document 002, in the project's own YAML format. */
function yamlSet(title = "Who is speaking?") {
  return `title: "${title}"
summary: A teacher's own set.
skills: [attribution]
documents: ["002"]
questions:
  - id: who-said-it
    type: single
    skill: attribution
    difficulty: easy
    prompt: Who said the agency was behind the attack?
    options:
      - {id: a, text: An unnamed SBU official, feedback: "Right: the official is not named."}
      - {id: b, text: Matthew Miller, feedback: "No: he spoke for the State Department."}
    answer: a
    explanation: Find who makes a claim before weighing it.
    sources:
      - document: "002"
        quote: An SBU official, speaking on the condition of anonymity because they were not authorized to release the information, said the agency was behind the attack.
`;
}

const GIFT = `::Hedge:: Which word hedges a claim? {=alleged#Right: it marks a claim as unproven. ~confirmed#No: it asserts a check.}
`;

async function createSet(browser: StudentBrowser, slug: string, content = yamlSet(), extra: Record<string, string> = {}) {
  await browser.get("/teach/sets/new");
  return browser.postMultipart("/teach/sets", { slug, format: "auto", content, ...extra });
}

async function createPublishedClassSet() {
  const { teacher, browser } = await signedInTeacher("Ms Rivera");
  const slug = unique("class-set");
  await createSet(browser, slug);
  await browser.post(`/teach/sets/${slug}/publish`);
  await browser.get("/teach/classes");
  const created = await browser.post("/teach/classes", { name: "Year 10 media" });
  const classId = /\/teach\/classes\/([0-9a-f-]{36})$/.exec(created.headers.get("Location") ?? "")?.[1] ?? "";
  await browser.get(`/teach/classes/${classId}`);
  const joinCode = /id="join-code">([A-Z0-9]+)</.exec(browser.lastHtml)?.[1] ?? "";
  await browser.post(`/teach/classes/${classId}/sets`, { slug });
  return { teacher, browser, slug, publicSlug: await studentSlug(browser, slug), classId, joinCode };
}

describe("teacher accounts and sessions", () => {
  it("signs in with email and password and starts a server-side session", async () => {
    const { teacher, browser } = await signedInTeacher("Ms Okafor");
    const dashboard = await browser.get("/teach");
    expect(dashboard.status).toBe(200);
    expect(textOf(browser.lastHtml)).toContain("Hello, Ms Okafor");
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_sessions WHERE teacher_id = ?", teacher.id)).toBe(1);
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const teacher = await createTeacherAccount();
    const browser = new StudentBrowser();
    await browser.get("/teach/login");
    const response = await browser.post("/teach/login", { email: teacher.email, password: "not-the-password" });
    expect(response.status).toBe(401);
    expect(textOf(await response.text())).toContain("That email and password do not match an account.");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("sw_teacher="))).toBe(false);
  });

  it("sends anonymous visitors to sign in and refuses their form posts", async () => {
    const browser = new StudentBrowser();
    const page = await browser.get("/teach/classes");
    expect(page.status).toBe(303);
    expect(page.headers.get("Location")).toBe("/teach/login?next=%2Fteach%2Fclasses");
    await browser.get("/me");
    const post = await browser.post("/teach/classes", { name: "Sneaky" });
    expect(post.status).toBe(401);
  });

  it("issues a new session id at every sign-in and ends the old one", async () => {
    const teacher = await createTeacherAccount();
    const browser = new StudentBrowser();
    await browser.get("/teach/login");
    const first = await browser.post("/teach/login", { email: teacher.email, password: teacher.password });
    const firstToken = first.headers.getSetCookie().find((c) => c.startsWith("sw_teacher="));
    const second = await browser.post("/teach/login", { email: teacher.email, password: teacher.password });
    const secondToken = second.headers.getSetCookie().find((c) => c.startsWith("sw_teacher="));
    expect(firstToken).toMatch(/HttpOnly/);
    expect(firstToken).toMatch(/SameSite=Lax/);
    expect(secondToken?.split(";")[0]).not.toBe(firstToken?.split(";")[0]);
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_sessions WHERE teacher_id = ?", teacher.id)).toBe(1);
  });

  it("ends the session on the server at sign-out", async () => {
    const { teacher, browser } = await signedInTeacher();
    await browser.get("/teach");
    const out = await browser.post("/teach/logout");
    expect(out.headers.get("Location")).toBe("/teach/login");
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_sessions WHERE teacher_id = ?", teacher.id)).toBe(0);
    expect((await browser.get("/teach")).status).toBe(303);
  });

  it("expires sessions after the idle timeout and after the absolute timeout", async () => {
    const teacher = await createTeacherAccount();
    const { createSession } = await import("../../src/db/queries/teachers.ts");
    const start = Date.now();
    const token = await createSession(db, teacher.id, start);
    expect(await findSessionTeacher(db, token, start + SESSION_IDLE_MS - 1000)).toMatchObject({ id: teacher.id });
    const idle = await createSession(db, teacher.id, start);
    expect(await findSessionTeacher(db, idle, start + SESSION_IDLE_MS + 1000)).toBeUndefined();
    // Active all along, but past the absolute lifetime.
    const busy = await createSession(db, teacher.id, start);
    for (let t = start; t < start + SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) expect(await findSessionTeacher(db, busy, t)).toBeDefined();
    expect(await findSessionTeacher(db, busy, start + SESSION_ABSOLUTE_MS + 1000)).toBeUndefined();
  });

  it("uses a __Host- prefixed Secure session cookie in production", async () => {
    const teacher = await createTeacherAccount();
    const production = { ...env, ENVIRONMENT: "production" };
    const page = await app.fetch(new Request("https://sourcewise.test/teach/login"), production, ctx);
    const identity = page.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const body = new URLSearchParams({ _csrf: token, email: teacher.email, password: teacher.password });
    const login = await app.fetch(
      new Request("https://sourcewise.test/teach/login", {
        method: "POST",
        body,
        headers: { Cookie: identity, Origin: "https://sourcewise.test", "Content-Type": "application/x-www-form-urlencoded" },
      }),
      production,
      ctx,
    );
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().find((c) => c.includes("sw_teacher=")) ?? "";
    expect(cookie).toMatch(/^__Host-sw_teacher=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("HttpOnly");
  });
});

describe("rate limits", () => {
  const withoutBindings = { ...env, LOGIN_RATE_LIMITER: undefined, ADDRESS_RATE_LIMITER: undefined } as unknown as Env;

  /**
   * A browser's identity cookie and CSRF token for posting straight to `app.fetch` with a chosen env.
   * Requests come "through Cloudflare's edge" (a `cf` object) unless `throughEdge` is false.
   */
  async function formSession(environment: Env, { throughEdge = true } = {}) {
    const page = await app.fetch(new Request("https://sourcewise.test/teach/login"), environment, ctx);
    const cookie = page.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    return (path: string, fields: Record<string, string>, address: string) =>
      app.fetch(
        new Request(`https://sourcewise.test${path}`, {
          method: "POST",
          body: new URLSearchParams({ _csrf: token, ...fields }),
          headers: { Cookie: cookie, Origin: "https://sourcewise.test", "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": address },
          ...(throughEdge ? { cf: { colo: "TEST" } } : {}),
        }),
        environment,
        ctx,
      );
  }

  async function signInAttempts(environment: Env, email: string, address: string, n: number): Promise<number[]> {
    const post = await formSession(environment);
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await post("/teach/login", { email, password: "wrong-password-123" }, address)).status);
    return statuses;
  }

  it("answers 429 with Retry-After after five sign-in attempts for one account from one address, counting in D1 where no binding is configured", async () => {
    const email = `${unique("limited")}@example.org`;
    const address = unique("203.0.113");
    expect(await signInAttempts(withoutBindings, email, address, 5)).toEqual([401, 401, 401, 401, 401]);
    const post = await formSession(withoutBindings);
    const limited = await post("/teach/login", { email, password: "wrong-password-123" }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(await limited.text())).toContain("Too many sign-in attempts");
    expect(await count(env.DB, "SELECT count AS n FROM rate_limits WHERE key = ?", `login:${email}|${address}`)).toBe(6);
    // Someone else's guessing does not lock the teacher out on their own network.
    expect((await post("/teach/login", { email, password: "wrong-password-123" }, unique("198.51.100"))).status).toBe(401);
  });

  it("uses the Workers Rate Limiting bindings where they are configured", async () => {
    const email = `${unique("limited")}@example.org`;
    const statuses = await signInAttempts(env, email, unique("203.0.113"), 7);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    expect(await count(env.DB, "SELECT count(*) AS n FROM rate_limits WHERE key LIKE ?", `login:${email}%`)).toBe(0);
  });

  it("ignores a client's CF-Connecting-IP outside Cloudflare's edge, so changing it does not escape a limit", async () => {
    // Local development: wrangler dev gives requests a `cf` object, but the header is the client's own.
    const development = { ...withoutBindings, ENVIRONMENT: "development" } as Env;
    const email = `${unique("spoofer")}@example.org`;
    const post = await formSession(development);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post("/teach/login", { email, password: "wrong-password-123" }, unique("203.0.113"))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await count(env.DB, "SELECT count AS n FROM rate_limits WHERE key = ?", `login:${email}|local`)).toBe(6);

    // A request that did not come through the edge (no `cf` object), even outside development.
    const direct = await formSession(withoutBindings, { throughEdge: false });
    const other = `${unique("spoofer")}@example.org`;
    for (let i = 0; i < 5; i++) await direct("/teach/login", { email: other, password: "wrong-password-123" }, unique("198.51.100"));
    expect((await direct("/teach/login", { email: other, password: "wrong-password-123" }, unique("198.51.100"))).status).toBe(429);
    expect(await count(env.DB, "SELECT count(*) AS n FROM rate_limits WHERE key LIKE ?", `login:${other}|%`)).toBe(1);
  });

  it("slows join-code guessing from one address", async () => {
    const post = await formSession(withoutBindings);
    const address = unique("192.0.2");
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await post("/join", { code: "ZZZZZZ", displayName: "Guesser" }, address)).status);
    expect(statuses.slice(0, 120).every((status) => status === 400)).toBe(true);
    expect(statuses[120]).toBe(429);
  });
});

describe("invites and API tokens", () => {
  it("lets a teacher invite a colleague, once", async () => {
    const { browser } = await signedInTeacher();
    await browser.get("/teach/account");
    const invitePage = await browser.post("/teach/invites");
    const code = /id="new-invite">([^<]+)</.exec(await invitePage.text())?.[1] ?? "";
    expect(code).toMatch(/^swi_/);

    const colleague = new StudentBrowser();
    await colleague.get("/teach/signup");
    const email = `${unique("colleague")}@example.org`;
    const short = await colleague.post("/teach/signup", { invite: code, displayName: "Mr Chen", email, password: "short" });
    expect(short.status).toBe(400);
    expect(textOf(await short.text())).toContain("Passwords need at least 15 characters.");
    const ok = await colleague.post("/teach/signup", { invite: code, displayName: "Mr Chen", email, password: "long-enough-password" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/teach/login?signedUp=1");
    await colleague.follow(ok);
    expect(textOf(colleague.lastHtml)).toContain("Sign in with your email and the password you chose.");
    await colleague.follow(await colleague.post("/teach/login", { email, password: "long-enough-password" }));
    expect(textOf(colleague.lastHtml)).toContain("Hello, Mr Chen");

    const again = new StudentBrowser();
    await again.get("/teach/signup");
    const reused = await again.post("/teach/signup", {
      invite: code,
      displayName: "Someone",
      email: `${unique("x")}@example.org`,
      password: "long-enough-password",
    });
    expect(reused.status).toBe(400);
    expect(textOf(await reused.text())).toContain("That invite code is not valid");
  });

  async function invites(n: number): Promise<string[]> {
    const { browser } = await signedInTeacher();
    await browser.get("/teach/account");
    const codes: string[] = [];
    for (let i = 0; i < n; i++) codes.push(/id="new-invite">([^<]+)</.exec(await (await browser.post("/teach/invites")).text())?.[1] ?? "");
    return codes;
  }

  async function signUp(invite: string, email: string, password = "a fresh signup passphrase") {
    const browser = new StudentBrowser();
    await browser.get("/teach/signup");
    const response = await browser.post("/teach/signup", { invite, displayName: "Newcomer", email, password });
    const page = response.status === 303 ? await browser.follow(response) : response;
    // The D1 bookmark (read replicas) comes with every response and says nothing about the account.
    const cookies = response.headers.getSetCookie().filter((cookie) => !cookie.startsWith("sw_d1="));
    return { status: response.status, location: response.headers.get("Location"), cookies, text: textOf(await page.text()) };
  }

  it("answers sign-up the same way whether or not the email has an account, and uses the invite up either way", async () => {
    const existing = await createTeacherAccount("Ms Existing");
    const [first = "", second = ""] = await invites(2);
    const taken = await signUp(first, existing.email.toUpperCase());
    const fresh = await signUp(second, `${unique("new")}@example.org`);
    expect(taken).toEqual(fresh);
    expect(taken.status).toBe(303);
    expect(taken.cookies).toEqual([]);
    expect(taken.text).toContain("check with the teacher who invited you");
    expect(taken.text).not.toMatch(/already exists|already registered/i);

    // Neither invite can be tried again with another email.
    for (const code of [first, second]) {
      const reused = await signUp(code, `${unique("again")}@example.org`);
      expect(reused.status).toBe(400);
      expect(reused.text).toContain("That invite code is not valid");
    }
    // The existing account is untouched: its own password still works, the sign-up's does not.
    expect(await count(env.DB, "SELECT count(*) AS n FROM teachers WHERE email = ?", existing.email)).toBe(1);
    const owner = new StudentBrowser();
    await owner.get("/teach/login");
    expect((await owner.post("/teach/login", { email: existing.email, password: "a fresh signup passphrase" })).status).toBe(401);
    expect((await owner.post("/teach/login", { email: existing.email, password: existing.password })).status).toBe(303);
  });

  it("keeps the invite when the sign-up form has a problem, so the colleague can correct it", async () => {
    const [code = ""] = await invites(1);
    const email = `${unique("careful")}@example.org`;
    const weak = await signUp(code, email, "password1234");
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("Passwords need at least 15 characters.");
    expect((await signUp(code, email, "aaaaaaaaaaaaaaaaaaaa")).text).toContain("mostly repeated or sequential characters");
    expect((await signUp(code, email)).status).toBe(303);
    expect(await count(env.DB, "SELECT count(*) AS n FROM teachers WHERE email = ?", email)).toBe(1);
  });

  it("shows a new API token once, stores only its hash, and revokes it", async () => {
    const { teacher, browser } = await signedInTeacher();
    await browser.get("/teach/account");
    const created = await browser.post("/teach/tokens", { name: "grading script" });
    const token = /id="new-token">([^<]+)</.exec(await created.text())?.[1] ?? "";
    expect(token).toMatch(/^swt_/);
    expect(await count(env.DB, "SELECT count(*) AS n FROM api_tokens WHERE token_hash = ?", token)).toBe(0);
    expect(await findTokenTeacher(db, token)).toMatchObject({ id: teacher.id });
    await browser.get("/teach/account");
    expect(browser.lastHtml).not.toContain(token);
    const tokenId = /\/teach\/tokens\/([0-9a-f-]{36})\/revoke/.exec(browser.lastHtml)?.[1] ?? "";

    const other = await signedInTeacher();
    await other.browser.get("/teach/account");
    expect((await other.browser.post(`/teach/tokens/${tokenId}/revoke`)).status).toBe(404);
    expect(await findTokenTeacher(db, token)).toBeDefined();

    expect((await browser.post(`/teach/tokens/${tokenId}/revoke`)).status).toBe(303);
    expect(await findTokenTeacher(db, token)).toBeUndefined();
  });
});

describe("adding question sets", () => {
  it("shows errors inline with their line and path, and writes nothing", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("broken");
    const broken = yamlSet().replace("answer: a", "answer: z");
    const response = await createSet(browser, slug, broken);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toMatch(/Line \d+: questions\[0\]\.answer ?: correct option "z" is not one of the options/);
    expect(html).toContain("answer: z"); // the pasted text is kept for fixing
    expect(await count(env.DB, "SELECT count(*) AS n FROM question_sets WHERE slug = ?", slug)).toBe(0);
  });

  it("rejects a misquote with the closest passage", async () => {
    const { browser } = await signedInTeacher();
    const response = await createSet(browser, unique("misquote"), yamlSet().replace("were not authorized", "was not allowed"));
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("not found in document 002 (closest passage:");
  });

  it("previews a valid set as a draft, publishes it, and can unpublish it", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("mine");
    const created = await createSet(browser, slug);
    expect(created.headers.get("Location")).toBe(`/teach/sets/${slug}`);
    await browser.follow(created);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Status draft");
    expect(text).toContain("Question 1 of 1");
    expect(browser.lastHtml).toMatch(/<fieldset aria-describedby="q-1" disabled=""><legend>Who said the agency was behind the attack\?<\/legend>/);

    const student = new StudentBrowser();
    const address = await studentSlug(browser, slug);
    expect(address).toMatch(new RegExp(`^${slug}-[a-z2-9]{6}$`));
    expect((await student.get(`/sets/${address}`)).status).toBe(404);
    await browser.post(`/teach/sets/${slug}/publish`);
    expect((await student.get(`/sets/${address}`)).status).toBe(200);
    await browser.post(`/teach/sets/${slug}/unpublish`);
    expect((await student.get(`/sets/${address}`)).status).toBe(404);
  });

  it("refuses a built-in set's slug with a 409 and a clear message", async () => {
    const { browser } = await signedInTeacher();
    const response = await createSet(browser, "who-says-so");
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain('"who-says-so" is the slug of a built-in set. Choose another one.');
  });

  it("answers an upload over 256 KB with 413 and writes nothing", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("huge");
    const response = await createSet(browser, slug, `${yamlSet()}#${"x".repeat(300 * 1024)}\n`);
    expect(response.status).toBe(413);
    expect(await count(env.DB, "SELECT count(*) AS n FROM question_sets WHERE slug = ?", slug)).toBe(0);
  });

  it("imports GIFT as a 'no sources' set and lets the teacher attach a verified quote", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("gift");
    const created = await createSet(browser, slug, GIFT, { format: "gift", title: "Hedging words", skill: "hedging" });
    expect(created.status).toBe(303);
    await browser.follow(created);
    expect(textOf(browser.lastHtml)).toContain("This set has no sources");

    const wrong = await browser.post(`/teach/sets/${slug}/sources`, { question: "hedge", document: "003", quote: "the claimed strike" });
    expect(wrong.status).toBe(400);
    expect(textOf(await wrong.text())).toContain("not found in document 003");

    const right = await browser.post(`/teach/sets/${slug}/sources`, {
      question: "hedge",
      document: "003",
      quote: "The Kremlin said the alleged strike, in which Putin was unharmed",
    });
    expect(right.status).toBe(303);
    await browser.follow(right);
    expect(textOf(browser.lastHtml)).not.toContain("This set has no sources");
    // Attaching changes the draft: still no version until the set is published.
    expect(textOf(browser.lastHtml)).toContain("Status draft");
    expect(await count(env.DB, "SELECT count(*) AS n FROM set_versions v JOIN question_sets s ON s.id = v.set_id WHERE s.slug = ?", slug)).toBe(0);
  });

  it("creates a new version on edit and keeps started attempts on theirs", async () => {
    const { browser } = await signedInTeacher();
    const slug = unique("versioned");
    await createSet(browser, slug, yamlSet("First title"));
    await browser.post(`/teach/sets/${slug}/publish`);

    const student = new StudentBrowser();
    const address = await studentSlug(browser, slug);
    const attemptId = await student.startAttempt(address);

    await browser.get(`/teach/sets/${slug}`);
    const edited = await browser.postMultipart(`/teach/sets/${slug}/versions`, { format: "sourcewise", content: yamlSet("Second title") });
    expect(edited.status).toBe(303);
    await browser.post(`/teach/sets/${slug}/publish`);

    await student.get(`/attempts/${attemptId}/questions/1`);
    expect(textOf(student.lastHtml)).toContain("First title");
    const fresh = new StudentBrowser();
    await fresh.get(`/sets/${address}`);
    expect(textOf(fresh.lastHtml)).toContain("Second title");
    // Students never see internal version numbers.
    expect(textOf(fresh.lastHtml)).not.toMatch(/version \d/i);
  });

  it("adds a teacher's own document that their sets can quote, and refuses a duplicate id", async () => {
    const { browser } = await signedInTeacher();
    const id = unique("doc");
    await browser.get("/teach/documents");
    const added = await browser.post("/teach/documents", {
      id,
      title: "School newsletter",
      outlet: "The Bulletin",
      text: "The council confirmed the pool will reopen in May.",
    });
    expect(added.status).toBe(303);
    const duplicate = await browser.post("/teach/documents", { id, title: "Again", text: "Other text." });
    expect(duplicate.status).toBe(409);
    expect(textOf(await duplicate.text())).toContain(`You already have a document with the id "${id}"`);

    const set = yamlSet()
      .replaceAll('"002"', `"${id}"`)
      .replace(/quote: An SBU official.*\n/, "quote: The council confirmed the pool will reopen in May.\n");
    expect((await createSet(browser, unique("quotes-own"), set)).status).toBe(303);

    const other = await signedInTeacher();
    const stranger = await createSet(other.browser, unique("quotes-other"), set);
    expect(stranger.status).toBe(400);
    expect(textOf(await stranger.text())).toContain(`unknown document "${id}"`);
  });

  it("keeps a teacher's document out of the public reader until a published set cites it", async () => {
    const { browser } = await signedInTeacher();
    const id = unique("private-doc");
    await browser.get("/teach/documents");
    await browser.post("/teach/documents", { id, title: "Draft memo", text: "The council confirmed the pool will reopen in May." });
    const anonymous = new StudentBrowser();
    const other = await signedInTeacher();
    const address = await readerId(browser, id);
    expect((await anonymous.get(`/documents/${address}`)).status).toBe(404);
    expect((await other.browser.get(`/documents/${address}`)).status).toBe(404);
    expect((await browser.get(`/documents/${address}`)).status).toBe(200);

    const slug = unique("cites-memo");
    const set = yamlSet()
      .replaceAll('"002"', `"${id}"`)
      .replace(/quote: An SBU official.*\n/, "quote: The council confirmed the pool will reopen in May.\n");
    await createSet(browser, slug, set);
    expect((await anonymous.get(`/documents/${address}`)).status).toBe(404); // only a draft cites it: still private
    await browser.post(`/teach/sets/${slug}/publish`);
    expect((await anonymous.get(`/documents/${address}`)).status).toBe(200);
    expect(textOf(anonymous.lastHtml)).toContain("The council confirmed the pool will reopen in May.");
  });
});

describe("ownership: another teacher's ids get 404 and change nothing", () => {
  it("covers sets, classes, results and CSV", async () => {
    const owner = await createPublishedClassSet();
    const intruder = await signedInTeacher();
    const b = intruder.browser;
    await b.get("/teach/account");
    const state = "SELECT published, current_version_id, draft, draft_revision, archived_at FROM question_sets WHERE slug = ? AND owner_id = ?";
    const before = await env.DB.prepare(state).bind(owner.slug, owner.teacher.id).first();
    const classSetsBefore = await count(env.DB, "SELECT count(*) AS n FROM class_sets WHERE class_id = ?", owner.classId);

    for (const path of [
      `/teach/sets/${owner.slug}`,
      `/teach/classes/${owner.classId}`,
      `/teach/classes/${owner.classId}/results/${owner.slug}`,
      `/teach/classes/${owner.classId}/results/${owner.slug}.csv`,
    ]) {
      expect((await b.get(path)).status, path).toBe(404);
    }
    for (const [path, fields] of [
      [`/teach/sets/${owner.slug}/publish`, {}],
      [`/teach/sets/${owner.slug}/unpublish`, {}],
      [`/teach/sets/${owner.slug}/sources`, { question: "who-said-it", document: "002", quote: "Russian news reports said" }],
      [`/teach/sets/${owner.slug}/archive`, {}],
      [`/teach/sets/${owner.slug}/delete`, {}],
      [`/teach/sets/${owner.slug}/draft/discard`, {}],
      [`/teach/sets/${owner.slug}/duplicate`, { slug: unique("stolen") }],
      [`/teach/classes/${owner.classId}/sets`, { slug: "who-says-so" }],
    ] as const) {
      expect((await b.post(path, fields)).status, path).toBe(404);
    }
    expect((await b.postMultipart(`/teach/sets/${owner.slug}/versions`, { format: "sourcewise", content: yamlSet("Hijacked") })).status).toBe(404);

    expect(await env.DB.prepare(state).bind(owner.slug, owner.teacher.id).first()).toEqual(before);
    expect(await count(env.DB, "SELECT count(*) AS n FROM class_sets WHERE class_id = ?", owner.classId)).toBe(classSetsBefore);
  });

  it("lets every teacher open built-in sets read-only", async () => {
    const { browser } = await signedInTeacher();
    expect((await browser.get("/teach/sets/who-says-so")).status).toBe(200);
    expect(textOf(browser.lastHtml)).toContain("part of the built-in library");
    const refused = await browser.post("/teach/sets/who-says-so/unpublish");
    expect(refused.status).toBe(403);
    expect(textOf(await refused.text())).toContain("Built-in sets cannot be changed. Duplicate the set to get a copy you can edit.");
    expect(await count(env.DB, "SELECT count(*) AS n FROM question_sets WHERE slug = 'who-says-so' AND published = 1")).toBe(1);
  });
});

describe("classes and results", () => {
  it("gives a short unambiguous join code; students join with a code and a name and see assigned sets first", async () => {
    const { publicSlug, joinCode } = await createPublishedClassSet();
    expect(joinCode).toMatch(/^[ABCDEFGHJKMNPQRTUVWXYZ2346789]{6}$/);
    const student = new StudentBrowser();
    await student.get("/");
    expect(student.lastHtml).not.toContain(`/sets/${publicSlug}"`); // a teacher's set is only shown to their classes
    await student.get("/join");
    const bad = await student.post("/join", { code: "ZZZZZZ", displayName: "Sam" });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("No class has that code.");
    const joined = await student.post("/join", { code: joinCode.toLowerCase(), displayName: "Sam" });
    expect(joined.status).toBe(303);
    await student.get("/");
    const text = textOf(student.lastHtml);
    expect(text).toContain("Set by your class");
    // The class's set comes before the library, whose first group shares the set's title here.
    expect(student.lastHtml.indexOf(`href="/sets/${publicSlug}"`)).toBeLessThan(student.lastHtml.indexOf('href="/sets/who-says-so"'));
    expect(text.indexOf("Set by your class")).toBeLessThan(text.indexOf("Who is speaking? Attribution"));
  });

  it("shows each student's score, item analysis and skill averages, and exports CSV safely", async () => {
    const { browser, slug, publicSlug, classId, joinCode } = await createPublishedClassSet();
    const answers = { '=HYPERLINK("http://x")': "a", "Beth, B.": "b" } as const;
    for (const [name, choice] of Object.entries(answers)) {
      const student = new StudentBrowser();
      await student.get(`/join/${joinCode}`);
      await student.post("/join", { code: joinCode, displayName: name });
      const attemptId = await student.startAttempt(publicSlug);
      await student.get(`/attempts/${attemptId}/questions/1`);
      await student.post(`/attempts/${attemptId}/questions/1`, { choice });
      expect(await env.DB.prepare("SELECT class_id FROM attempts WHERE id = ?").bind(attemptId).first("class_id")).toBe(classId);
    }
    const page = await browser.get(`/teach/classes/${classId}/results/${slug}`);
    expect(page.status).toBe(200);
    const text = textOf(browser.lastHtml);
    expect(text).toContain("Beth, B. 1 0 of 1 (0%)");
    expect(text).toContain('=HYPERLINK("http://x") 1 1 of 1 (100%)');
    expect(text).toContain("Answered by 2 · facility 50% · discrimination 1.00");
    expect(text).toMatch(/Attribution: who says so 1 50%/);

    const csv = await browser.get(`/teach/classes/${classId}/results/${slug}.csv`);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toContain("attachment");
    const body = await csv.text();
    expect(body.split("\r\n")[0]).toBe("Student,Attempts,First score,First percent,Best score,Time taken (seconds),Version");
    expect(body).toContain('"Beth, B.",1,0 of 1,0,0 of 1,');
    expect(body).toContain(`"'=HYPERLINK(""http://x"")",1,1 of 1,100`);
  });
});
