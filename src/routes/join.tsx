import { Hono } from "hono";
import * as z from "zod/mini";
import { findClassByCode, joinClass } from "../db/queries/classes.ts";
import type { AppEnv } from "../env.ts";
import { clientAddress, enforceRateLimit } from "../lib/rate-limit.ts";
import { normaliseJoinCode } from "../teach/secrets.ts";
import { JoinPage } from "../views/pages/join.tsx";

/** Students join a class with its code and a display name: no email, no password. */
export const joinRoutes = new Hono<AppEnv>();

joinRoutes.get("/", (c) => c.render(<JoinPage csrfToken={c.var.csrfToken} code="" displayName="" />, { title: "Join your class" }));

joinRoutes.get("/:code", async (c) => {
  // Join codes are short: every lookup counts against the address, so guessing them is slow.
  await enforceRateLimit(c.env, c.var.db, "address", clientAddress(c));
  const code = normaliseJoinCode(c.req.param("code")).slice(0, 12);
  const found = await findClassByCode(c.var.db, code);
  return c.render(
    <JoinPage
      csrfToken={c.var.csrfToken}
      code={found ? code : ""}
      displayName=""
      error={found ? undefined : "That link has no valid class code. Type the code your teacher gave you."}
    />,
    {
      title: "Join your class",
    },
  );
});

const joinForm = z.strictObject({
  code: z.string().check(z.maxLength(20)),
  displayName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Type the name your teacher will see."),
      z.maxLength(40, "Names are at most 40 characters."),
      z.regex(/^[^\p{Cc}]*$/u, "Names cannot contain control characters."),
    ),
  _csrf: z.string(),
});

joinRoutes.post("/", async (c) => {
  await enforceRateLimit(c.env, c.var.db, "address", clientAddress(c));
  const form = await c.req.parseBody();
  const parsed = joinForm.safeParse(form);
  const code = typeof form.code === "string" ? normaliseJoinCode(form.code).slice(0, 12) : "";
  const displayName = typeof form.displayName === "string" ? form.displayName.slice(0, 40) : "";
  const joined = parsed.success ? await joinClass(c.var.db, { code, studentId: c.var.studentId, displayName: parsed.data.displayName }) : undefined;
  if (!joined) {
    c.status(400);
    const error = parsed.success ? "No class has that code. Check it with your teacher." : (parsed.error.issues[0]?.message ?? "Check the form.");
    return c.render(<JoinPage csrfToken={c.var.csrfToken} code={code} displayName={displayName} error={error} />, { title: "Join your class" });
  }
  return c.redirect("/", 303);
});
