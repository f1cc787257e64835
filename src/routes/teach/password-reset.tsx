import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { findUsablePasswordReset, usePasswordReset } from "../../db/queries/password-resets.ts";
import type { AppEnv } from "../../env.ts";
import { clientAddress, enforceRateLimit } from "../../lib/rate-limit.ts";
import { zodDetails } from "../../lib/validation.ts";
import { passwordProblem } from "../../teach/password-policy.ts";
import { hashPassword } from "../../teach/passwords.ts";
import { ResetLinkInvalidPage, ResetPasswordPage } from "../../views/pages/teach/password-reset.tsx";
import { renderTeach } from "./render.tsx";

/** The page a reset link opens; open to anyone holding the link (no session needed). */
export const teachPasswordResetRoutes = new Hono<AppEnv>();

const tokenShape = z.string().check(z.regex(/^swr_[\w-]{20,100}$/));
const resetForm = z.object({ password: z.string().check(z.maxLength(200)), _csrf: z.string() });

function invalidLink(c: Context<AppEnv>) {
  c.status(404);
  return renderTeach(c, "Reset link", <ResetLinkInvalidPage />);
}

teachPasswordResetRoutes.get("/reset/:token", async (c) => {
  const token = c.req.param("token");
  if (!tokenShape.safeParse(token).success || !(await findUsablePasswordReset(c.var.db, token))) return invalidLink(c);
  return renderTeach(c, "Choose a new password", <ResetPasswordPage csrfToken={c.var.csrfToken} token={token} />);
});

teachPasswordResetRoutes.post("/reset/:token", async (c) => {
  const token = c.req.param("token");
  await enforceRateLimit(c.env, c.var.db, "address", clientAddress(c));
  const reset = tokenShape.safeParse(token).success ? await findUsablePasswordReset(c.var.db, token) : undefined;
  if (!reset) return invalidLink(c);
  const fail = (error: string, details: ReturnType<typeof zodDetails>) => {
    c.status(400);
    return renderTeach(c, "Choose a new password", <ResetPasswordPage csrfToken={c.var.csrfToken} token={token} error={error} details={details} />);
  };
  const parsed = resetForm.safeParse(await c.req.parseBody());
  if (!parsed.success) return fail("Check the form and try again.", zodDetails(parsed.error));
  const problem = passwordProblem(parsed.data.password, { email: reset.email });
  if (problem) return fail(problem, [{ path: "password", message: problem }]);
  // Used once: a second use (or a race with another tab) finds the link claimed.
  if (!(await usePasswordReset(c.var.db, token, await hashPassword(parsed.data.password)))) return invalidLink(c);
  return c.redirect("/teach/login?reset=1", 303);
});
