import { Hono } from "hono";
import * as z from "zod/mini";
import { listStudentAttempts, setDisplayName } from "../db/queries/attempts.ts";
import { loadHomePage } from "../db/queries/student-pages.ts";
import type { AppEnv } from "../env.ts";
import { formBody } from "../lib/validation.ts";
import { HomePage } from "../views/pages/home.tsx";
import { MePage } from "../views/pages/me.tsx";

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get("/", async (c) => {
  const { sets } = await loadHomePage(c.var.db, c.var.studentId);
  return c.render(<HomePage sets={sets} />, { title: "Read the news like a fact-checker" });
});

homeRoutes.get("/me", async (c) => {
  const data = await listStudentAttempts(c.var.db, c.var.studentId);
  return c.render(<MePage data={data} csrfToken={c.var.csrfToken} saved={c.req.query("saved") === "1"} />, { title: "My attempts" });
});

const displayNameForm = z.strictObject({
  _csrf: z.string(),
  displayName: z
    .string()
    .check(z.trim(), z.maxLength(40, "Display names are at most 40 characters."), z.regex(/^[^\p{Cc}]*$/u, "Display names cannot contain control characters.")),
});

homeRoutes.post("/me", formBody(displayNameForm, "That display name could not be saved."), async (c) => {
  const { displayName } = c.req.valid("form");
  await setDisplayName(c.var.db, c.var.studentId, displayName || null);
  return c.redirect("/me?saved=1", 303);
});
