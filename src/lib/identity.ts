import type { Context } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";
import { BadRequestError, ConfigurationError, ForbiddenError } from "./errors.ts";

const COOKIE = "sw_id";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isProduction(env: Env): boolean {
  // Anything but an explicit local setting is treated as production: fail safe.
  return env.ENVIRONMENT !== "development" && env.ENVIRONMENT !== "test";
}

/** The cookie-signing secret. Without a real one the app refuses to serve anything. */
export function cookieSecret(env: Env): string {
  const secret = (env as Partial<Env>).COOKIE_SECRET;
  if (!secret || secret.length < 32) {
    throw new ConfigurationError(
      "COOKIE_SECRET is missing or shorter than 32 characters. Set it with `wrangler secret put COOKIE_SECRET` (production) or in .dev.vars (local).",
    );
  }
  return secret;
}

export function cookieOptions(env: Env) {
  const production = isProduction(env);
  return {
    path: "/",
    httpOnly: true,
    sameSite: "Lax" as const,
    secure: production,
    ...(production ? { prefix: "host" as const } : {}),
  };
}

async function hmac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return btoa(String.fromCharCode(...new Uint8Array(signature)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Gives every browser an anonymous id in a signed cookie (students need no account) and
 * derives the CSRF token for its forms from that id.
 */
export const identity = createMiddleware<AppEnv>(async (c, next) => {
  const secret = cookieSecret(c.env);
  const options = cookieOptions(c.env);
  let id = await getSignedCookie(c, secret, COOKIE, options.prefix);
  if (typeof id !== "string" || !UUID.test(id)) {
    id = crypto.randomUUID();
    await setSignedCookie(c, COOKIE, id, secret, { ...options, maxAge: ONE_YEAR_SECONDS });
  }
  c.set("studentId", id);
  c.set("csrfToken", await hmac(secret, `csrf:${id}`));
  await next();
});

/** Every form POST must carry the token from `identity` as `_csrf`; cross-site forms cannot know it. */
export const requireCsrfToken = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === "POST") {
    const token = await formToken(c);
    if (!token || !constantTimeEqual(token, c.var.csrfToken)) {
      throw new ForbiddenError("This form has expired or did not come from this site. Go back, reload the page and try again.");
    }
  }
  await next();
});

async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return undefined;
  // A body that cannot be parsed is the client's mistake: a 400, not a 500.
  const body = await c.req.parseBody({ all: true }).catch(() => {
    throw new BadRequestError("The form could not be read. Reload the page and try again.");
  });
  const token = body._csrf;
  return typeof token === "string" ? token : undefined;
}
