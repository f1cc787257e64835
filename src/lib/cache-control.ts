import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

/**
 * Private by default: a response that did not choose its own Cache-Control gets `no-store`,
 * so no browser or shared cache keeps a page that depends on who asked (answers and keys after
 * answering, results, tokens). New routes are private unless they opt out with `cachePublicly`.
 */
export const privateByDefault = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
});

/** The one opt-out from `privateByDefault`: for responses that are the same for everyone. */
export function cachePublicly(c: Context, cacheControl: `public, ${string}` | "no-cache"): void {
  c.header("Cache-Control", cacheControl);
}
