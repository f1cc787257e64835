import { Hono } from "hono";
import { z } from "zod";
import { createApiToken, createInvite, listApiTokens, revokeApiToken } from "../../db/queries/teachers.ts";
import type { AppEnv } from "../../env.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { currentTeacher } from "../../lib/teacher-auth.ts";
import { formBody, routeParams } from "../../lib/validation.ts";
import { AccountPage } from "../../views/pages/teach/account.tsx";
import { renderTeach } from "./render.tsx";

export const teachAccountRoutes = new Hono<AppEnv>();

teachAccountRoutes.get("/account", async (c) => {
  const tokens = await listApiTokens(c.var.db, currentTeacher(c).id);
  return renderTeach(c, "Account", <AccountPage tokens={tokens} csrfToken={c.var.csrfToken} />);
});

/** The new token is shown in this response only; it is never stored in plain text. */
teachAccountRoutes.post("/tokens", formBody(z.strictObject({ name: z.string().trim().min(1, "Name the token.").max(60), _csrf: z.string() })), async (c) => {
  const teacherId = currentTeacher(c).id;
  const { token } = await createApiToken(c.var.db, teacherId, c.req.valid("form").name);
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
