import type { Context } from "hono";
import type { Teacher } from "../../db/queries/teachers.ts";
import type { AppEnv } from "../../env.ts";
import { UnauthorizedError } from "../../lib/errors.ts";

/** The token's owner. `requireApiToken` runs first on every data route, so this never throws in practice. */
export function apiTeacher(c: Context<AppEnv>): Teacher {
  const teacher = c.var.teacher;
  if (!teacher) throw new UnauthorizedError();
  return teacher;
}
