import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { createPasswordReset, PASSWORD_RESET_LIFETIME_MS } from "../../src/db/queries/password-resets.ts";
import { createSession, findSessionTeacher } from "../../src/db/queries/teachers.ts";
import worker from "../../src/index.tsx";
import { hashPassword, verifyPassword } from "../../src/teach/passwords.ts";
import { resetPasswordStatements } from "../../src/teach/reset-password-sql.ts";
import { sha256Hex } from "../../src/teach/secrets.ts";
import { count } from "../support/d1.ts";
import { unique } from "../support/fixtures.ts";
import { StudentBrowser } from "../support/student.ts";
import { createTeacherAccount, signedInTeacher } from "../support/teacher-browser.ts";

const { db } = createDb(env.DB);
const NEW_PASSWORD = "kettle harbour violin orchard";

async function passwordHashOf(teacherId: string): Promise<string> {
  const row = await env.DB.prepare("SELECT password_hash AS hash FROM teachers WHERE id = ?").bind(teacherId).first<{ hash: string }>();
  return row?.hash ?? "";
}

const sessionsOf = (teacherId: string) => count(env.DB, "SELECT count(*) AS n FROM teacher_sessions WHERE teacher_id = ?", teacherId);

/** A colleague issues a reset link from Account; returns the link's path and the page's status words. */
async function issueLink(email: string) {
  const { browser } = await signedInTeacher("Ms Colleague");
  await browser.get("/teach/account");
  const response = await browser.post("/teach/password-resets", { email });
  const html = await response.text();
  const path = /id="new-reset-link"[^>]*>\s*https?:\/\/[^/]+(\/teach\/reset\/swr_[\w-]+)/.exec(html)?.[1];
  return { response, html, path };
}

async function signIn(email: string, password: string) {
  const browser = new StudentBrowser();
  await browser.get("/teach/login");
  return browser.post("/teach/login", { email, password, next: "/teach" });
}

describe("password reset by link", () => {
  it("a colleague issues a link; its owner sets a new password once, every session of theirs ends, and the link then refuses", async () => {
    const locked = await createTeacherAccount("Mr Forgetful");
    await createSession(db, locked.id);
    const stolenCookie = await createSession(db, locked.id);
    expect(await sessionsOf(locked.id)).toBe(2);

    const { response, path } = await issueLink(locked.email.toUpperCase());
    expect(response.status).toBe(200);
    expect(path).toBeTruthy();
    // Only a hash of the token is stored.
    const token = path?.split("/").pop() ?? "";
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_password_resets WHERE token_hash = ?", token)).toBe(0);
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_password_resets WHERE token_hash = ?", await sha256Hex(token))).toBe(1);

    const owner = new StudentBrowser();
    const page = await owner.get(path ?? "");
    expect(page.status).toBe(200);
    expect(owner.lastHtml).toContain("Choose a new password");
    const done = await owner.post(path ?? "", { password: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/teach/login?reset=1");

    expect(await verifyPassword(NEW_PASSWORD, await passwordHashOf(locked.id))).toBe(true);
    expect(await sessionsOf(locked.id)).toBe(0);
    expect(await findSessionTeacher(db, stolenCookie)).toBeUndefined();
    expect((await signIn(locked.email, locked.password)).status).toBe(401);
    expect((await signIn(locked.email, NEW_PASSWORD)).status).toBe(303);

    // Used once: the page and the form both refuse it now, and the password stays.
    const hashAfter = await passwordHashOf(locked.id);
    expect((await owner.get(path ?? "")).status).toBe(404);
    expect(owner.lastHtml).toContain("This reset link does not work");
    expect((await owner.post(path ?? "", { password: "another quite long passphrase" })).status).toBe(404);
    expect(await passwordHashOf(locked.id)).toBe(hashAfter);
  });

  it("answers alike for an email with no account, and its link changes nothing", async () => {
    const known = await createTeacherAccount();
    const withAccount = await issueLink(known.email);
    const nobodyEmail = `${unique("nobody")}@example.org`;
    const nobody = await issueLink(nobodyEmail);
    const wording = (html: string) =>
      html
        .replace(/[\w.-]+@example\.org/g, "EMAIL")
        .replace(/swr_[\w-]+/g, "TOKEN")
        .replace(/name="_csrf" value="[^"]+"/g, "");
    expect(nobody.response.status).toBe(withAccount.response.status);
    const statusOf = (html: string) => wording(/<div class="result ok" role="status">[\s\S]*?<\/div>/.exec(html)?.[0] ?? "");
    expect(statusOf(nobody.html)).toBe(statusOf(withAccount.html));
    expect(statusOf(nobody.html)).toContain("If EMAIL has an account");

    const stranger = new StudentBrowser();
    expect((await stranger.get(nobody.path ?? "")).status).toBe(200);
    const done = await stranger.post(nobody.path ?? "", { password: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/teach/login?reset=1");
    expect(await count(env.DB, "SELECT count(*) AS n FROM teachers WHERE email = ?", nobodyEmail)).toBe(0);
  });

  it("refuses a weak password with the policy's message beside the field and writes nothing", async () => {
    const locked = await createTeacherAccount();
    await createSession(db, locked.id);
    const { path } = await issueLink(locked.email);
    const owner = new StudentBrowser();
    await owner.get(path ?? "");
    const hashBefore = await passwordHashOf(locked.id);
    const localPart = locked.email.split("@")[0] ?? "";
    for (const [weak, message] of [
      ["short one", "Passwords need at least 15 characters"],
      ["aaaaaaaaaaaaaaaaaa", "mostly repeated or sequential characters"],
      [`${localPart} is my password`, "part of your email address"],
    ] as const) {
      const response = await owner.post(path ?? "", { password: weak });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(await passwordHashOf(locked.id)).toBe(hashBefore);
    expect(await sessionsOf(locked.id)).toBe(1);
    // Still usable after the refusals.
    expect((await owner.get(path ?? "")).status).toBe(200);
  });

  it("refuses a bad email on the issuing form beside the field and stores nothing", async () => {
    const { browser } = await signedInTeacher();
    await browser.get("/teach/account");
    const before = await count(env.DB, "SELECT count(*) AS n FROM teacher_password_resets");
    const response = await browser.post("/teach/password-resets", { email: "not an email" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("enter a valid email address");
    expect(html).toContain('aria-invalid="true"');
    expect(await count(env.DB, "SELECT count(*) AS n FROM teacher_password_resets")).toBe(before);
  });

  it("expires after an hour, and the hourly cleanup deletes expired and used links but keeps live ones", async () => {
    const issuer = await createTeacherAccount();
    const locked = await createTeacherAccount();
    const now = Date.now();
    const live = await createPasswordReset(db, issuer.id, locked.email, now);
    const expired = await createPasswordReset(db, issuer.id, locked.email, now - PASSWORD_RESET_LIFETIME_MS - 1000);
    const used = await createPasswordReset(db, issuer.id, locked.email, now);
    const owner = new StudentBrowser();
    expect((await owner.get(`/teach/reset/${expired}`)).status).toBe(404);
    await owner.get(`/teach/reset/${live}`);
    const hashBefore = await passwordHashOf(locked.id);
    expect((await owner.post(`/teach/reset/${expired}`, { password: NEW_PASSWORD })).status).toBe(404);
    expect(await passwordHashOf(locked.id)).toBe(hashBefore);
    await owner.get(`/teach/reset/${used}`);
    expect((await owner.post(`/teach/reset/${used}`, { password: NEW_PASSWORD })).status).toBe(303);
    // A token of the wrong shape is answered like an unknown one.
    expect((await owner.get("/teach/reset/not-a-token")).status).toBe(404);

    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    await worker.scheduled(createScheduledController({ scheduledTime: now + 1000, cron: "17 * * * *" }), env);
    logged.mockRestore();
    const exists = async (token: string) => count(env.DB, "SELECT count(*) AS n FROM teacher_password_resets WHERE token_hash = ?", await sha256Hex(token));
    expect(await exists(live)).toBe(1);
    expect(await exists(expired)).toBe(0);
    expect(await exists(used)).toBe(0);
  });
});

describe("npm run teacher:reset-password's statements", () => {
  it("set the new password of that teacher only and end all of their sessions", async () => {
    const locked = await createTeacherAccount();
    const other = await createTeacherAccount();
    await createSession(db, locked.id);
    await createSession(db, locked.id);
    const otherSession = await createSession(db, other.id);
    const otherHash = await passwordHashOf(other.id);

    // Exactly what the CLI sends through wrangler, with the email as an operator might type it.
    const statements = resetPasswordStatements(` ${locked.email.toUpperCase()} `, await hashPassword(NEW_PASSWORD));
    await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));

    expect(await verifyPassword(NEW_PASSWORD, await passwordHashOf(locked.id))).toBe(true);
    expect(await sessionsOf(locked.id)).toBe(0);
    expect(await passwordHashOf(other.id)).toBe(otherHash);
    expect(await findSessionTeacher(db, otherSession)).toBeDefined();
    expect((await signIn(locked.email, NEW_PASSWORD)).status).toBe(303);
  });

  it("quote an email with an apostrophe safely", async () => {
    const [update] = resetPasswordStatements("o'brien@example.org", "hash'x");
    expect(update).toBe("UPDATE teachers SET password_hash = 'hash''x' WHERE email = 'o''brien@example.org';");
  });
});
