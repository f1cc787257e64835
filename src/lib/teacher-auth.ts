import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSessionTeacher, findTokenTeacher, SESSION_ABSOLUTE_MS, type Teacher } from "../db/queries/teachers.ts";
import type { AppEnv } from "../env.ts";
import { ForbiddenError, UnauthorizedError } from "./errors.ts";
import { cookieOptions } from "./identity.ts";

const COOKIE = "sw_teacher";

function prefix(c: Context<AppEnv>) {
  return cookieOptions(c.env).prefix;
}

export function setTeacherCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, COOKIE, token, { ...cookieOptions(c.env), maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

export function teacherCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, COOKIE, prefix(c));
}

export function clearTeacherCookie(c: Context<AppEnv>): void {
  deleteCookie(c, COOKIE, { ...cookieOptions(c.env) });
}

/** Loads the signed-in teacher, if any, for every /teach page. */
export const loadTeacher = createMiddleware<AppEnv>(async (c, next) => {
  const token = teacherCookie(c);
  const teacher = token ? await findSessionTeacher(c.var.db, token) : undefined;
  if (token && !teacher) clearTeacherCookie(c);
  if (teacher) c.set("teacher", teacher);
  await next();
});

/** Pages for signed-in teachers only: others are sent to sign in (GET) or refused (POST). */
export const requireTeacher = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.teacher) {
    if (c.req.method === "GET") return c.redirect(`/teach/login?next=${encodeURIComponent(c.req.path)}`, 303);
    throw new UnauthorizedError("Your session has ended. Sign in again.");
  }
  await next();
});

/**
 * The JSON API authenticates with `Authorization: Bearer <token>` only; no cookies, so no CSRF.
 * A read-only token may only read (GET): anything else is refused before the body is read.
 */
export const requireApiToken = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const found = token ? await findTokenTeacher(c.var.db, token) : undefined;
  if (!found)
    throw new UnauthorizedError(
      "Send a valid API token as `Authorization: Bearer <token>`: this one is missing, unknown, revoked or expired. Teachers create tokens under Account.",
    );
  const { readOnly, ...teacher } = found;
  if (readOnly && c.req.method !== "GET" && c.req.method !== "HEAD")
    throw new ForbiddenError("This API token is read-only: it can only read (GET). Create a token with write access under Account to make changes.");
  c.set("teacher", teacher);
  await next();
});

/** The signed-in teacher or token owner. The require* middleware runs first, so this only throws if a route forgot it. */
export function currentTeacher(c: Context<AppEnv>): Teacher {
  const teacher = c.var.teacher;
  if (!teacher) throw new UnauthorizedError();
  return teacher;
}
