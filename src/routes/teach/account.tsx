import { Hono } from "hono";
import * as z from "zod/mini";
import { createPasswordReset } from "../../db/queries/password-resets.ts";
import { createApiToken, createInvite, listApiTokens, revokeApiToken } from "../../db/queries/teachers.ts";
import type { AppEnv } from "../../env.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { routeParams, zodDetails } from "../../lib/validation.ts";
import { tokenExpiry, tokenForm } from "../../teach/token-options.ts";
import { AccountPage } from "../../views/pages/teach/account.tsx";
import { renderTeach } from "./render.tsx";

export const teachAccountRoutes = new Hono<AppEnv>();

teachAccountRoutes.get("/account", async (c) => {
  const tokens = await listApiTokens(c.var.db, currentTeacher(c).id);
  return renderTeach(c, "Account", <AccountPage tokens={tokens} csrfToken={c.var.csrfToken} />);
});

/**
 * The new token is shown in this response only; it is never stored in plain text. It may be
 * read-only and may expire; a problem with the form is shown on the page.
 */
teachAccountRoutes.post("/tokens", async (c) => {
  const teacherId = currentTeacher(c).id;
  const parsed = tokenForm.safeParse(await c.req.parseBody());
  if (!parsed.success) {
    c.status(400);
    const tokens = await listApiTokens(c.var.db, teacherId);
    return renderTeach(
      c,
      "Account",
      <AccountPage tokens={tokens} csrfToken={c.var.csrfToken} error="Check the token form and try again." details={zodDetails(parsed.error)} />,
    );
  }
  const { name, scope, lifetime } = parsed.data;
  const { token } = await createApiToken(c.var.db, teacherId, name, { scope, expiresAt: tokenExpiry(lifetime) });
  return renderTeach(c, "Account", <AccountPage tokens={await listApiTokens(c.var.db, teacherId)} csrfToken={c.var.csrfToken} newToken={token} />);
});

teachAccountRoutes.post(
  "/tokens/:id/revoke",
  routeParams(z.object({ id: z.uuid() }), () => new NotFoundError("token")),
  async (c) => {
    if (!(await revokeApiToken(c.var.db, currentTeacher(c).id, c.req.valid("param").id))) throw new NotFoundError("token");
    return c.redirect("/teach/account", 303);
  },
);

teachAccountRoutes.post("/invites", async (c) => {
  const teacherId = currentTeacher(c).id;
  const invite = await createInvite(c.var.db, teacherId);
  return renderTeach(c, "Account", <AccountPage tokens={await listApiTokens(c.var.db, teacherId)} csrfToken={c.var.csrfToken} newInvite={invite} />);
});

const resetForm = z.object({ email: z.email("enter a valid email address").check(z.maxLength(320)), _csrf: z.string() });

/**
 * A one-time reset link for a colleague's email. The answer is the same whether or not the email
 * has an account (the account is only looked up when the link is used), so it reveals nothing.
 */
teachAccountRoutes.post("/password-resets", async (c) => {
  const teacherId = currentTeacher(c).id;
  const form = await c.req.parseBody();
  const parsed = resetForm.safeParse(form);
  const tokens = await listApiTokens(c.var.db, teacherId);
  if (!parsed.success) {
    c.status(400);
    const email = typeof form.email === "string" ? form.email : "";
    const reset = { email, error: "Check the email and try again.", details: zodDetails(parsed.error) };
    return renderTeach(c, "Account", <AccountPage tokens={tokens} csrfToken={c.var.csrfToken} reset={reset} />);
  }
  const token = await createPasswordReset(c.var.db, teacherId, parsed.data.email);
  const reset = { email: parsed.data.email, link: `${new URL(c.req.url).origin}/teach/reset/${token}` };
  return renderTeach(c, "Account", <AccountPage tokens={tokens} csrfToken={c.var.csrfToken} reset={reset} />);
});
