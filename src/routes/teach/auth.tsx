import { Hono } from "hono";
import * as z from "zod/mini";
import { createSession, deleteSession, findTeacherByEmail, normaliseEmail, redeemInvite } from "../../db/queries/teachers.ts";
import type { AppEnv } from "../../env.ts";
import { clientAddress, enforceRateLimit } from "../../lib/rate-limit.ts";
import { clearTeacherCookie, setTeacherCookie, teacherCookie } from "../../lib/teacher-auth.ts";
import { zodDetails } from "../../lib/validation.ts";
import { passwordProblem } from "../../teach/password-policy.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../../teach/passwords.ts";
import { LoginPage, SignupPage } from "../../views/pages/teach/auth.tsx";
import { formValues, renderTeach } from "./render.tsx";

export const teachAuthRoutes = new Hono<AppEnv>();

/** Only same-site paths under /teach are followed after sign-in. */
function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/teach(\/[\w\-./]*)?$/.test(next) ? next : "/teach";
}

teachAuthRoutes.get("/login", (c) => {
  if (c.var.teacher) return c.redirect("/teach", 303);
  return renderTeach(
    c,
    "Sign in",
    <LoginPage
      csrfToken={c.var.csrfToken}
      next={safeNext(c.req.query("next"))}
      signedUp={c.req.query("signedUp") === "1"}
      passwordReset={c.req.query("reset") === "1"}
    />,
  );
});

const loginForm = z.object({
  email: z.string().check(z.maxLength(320)),
  password: z.string().check(z.maxLength(200)),
  next: z.optional(z.string()),
  _csrf: z.string(),
});

teachAuthRoutes.post("/login", async (c) => {
  const parsed = loginForm.safeParse(await c.req.parseBody());
  const email = parsed.success ? normaliseEmail(parsed.data.email) : "";
  const next = safeNext(parsed.success ? parsed.data.next : undefined);
  const address = clientAddress(c);
  await enforceRateLimit(c.env, c.var.db, "address", address);
  // Keyed by account and address together, so nobody elsewhere can lock a teacher out.
  await enforceRateLimit(c.env, c.var.db, "login", `${email}|${address}`);
  const password = parsed.success ? parsed.data.password : "";
  const teacher = parsed.success ? await findTeacherByEmail(c.var.db, email) : undefined;
  let valid = false;
  if (teacher) valid = await verifyPassword(password, teacher.passwordHash);
  else await burnPasswordCheck(password); // same work for an unknown email, so timing reveals nothing
  if (!teacher || !valid) {
    c.status(401);
    return renderTeach(
      c,
      "Sign in",
      <LoginPage csrfToken={c.var.csrfToken} next={next} email={email} error="That email and password do not match an account." />,
    );
  }
  // A fresh session id at every sign-in; any old session cookie is ended first.
  const old = teacherCookie(c);
  if (old) await deleteSession(c.var.db, old);
  setTeacherCookie(c, await createSession(c.var.db, teacher.id));
  return c.redirect(next, 303);
});

teachAuthRoutes.post("/logout", async (c) => {
  const token = teacherCookie(c);
  if (token) await deleteSession(c.var.db, token);
  clearTeacherCookie(c);
  return c.redirect("/teach/login", 303);
});

teachAuthRoutes.get("/signup", (c) => renderTeach(c, "Sign up", <SignupPage csrfToken={c.var.csrfToken} values={{ invite: c.req.query("invite") ?? "" }} />));

const signupForm = z.object({
  invite: z.string().check(z.trim(), z.minLength(1, "enter your invite code"), z.maxLength(100)),
  displayName: z.string().check(z.trim(), z.minLength(1, "enter your name"), z.maxLength(80)),
  email: z.email("enter a valid email address").check(z.maxLength(320)),
  password: z.string().check(z.maxLength(200)),
  _csrf: z.string(),
});

teachAuthRoutes.post("/signup", async (c) => {
  const form = await c.req.parseBody();
  const values = formValues(form);
  const fail = (error: string, details = [] as ReturnType<typeof zodDetails>) => {
    c.status(400);
    return renderTeach(c, "Sign up", <SignupPage csrfToken={c.var.csrfToken} values={values} error={error} details={details} />);
  };
  const parsed = signupForm.safeParse(form);
  if (!parsed.success) return fail("Check the form and try again.", zodDetails(parsed.error));
  const problem = passwordProblem(parsed.data.password, { email: parsed.data.email });
  if (problem) return fail(problem, [{ path: "password", message: problem }]);
  await enforceRateLimit(c.env, c.var.db, "address", clientAddress(c));
  const redeemed = await redeemInvite(c.var.db, parsed.data.invite, {
    email: parsed.data.email,
    displayName: parsed.data.displayName,
    passwordHash: await hashPassword(parsed.data.password),
  });
  if (!redeemed) return fail("That invite code is not valid: it may be mistyped, used already or expired.");
  // A new email and one that already has an account get the same answer (and use up the
  // invite alike), so sign-up never tells whether an email is registered.
  return c.redirect("/teach/login?signedUp=1", 303);
});
