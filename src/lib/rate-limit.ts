import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../db/client.ts";
import { rateLimits } from "../db/schema.ts";
import type { AppEnv } from "../env.ts";
import { TooManyRequestsError } from "./errors.ts";

/**
 * Each rule matches its `[[ratelimits]]` binding, so both paths enforce the same limit. The
 * student Worker (wrangler.toml) has ADDRESS_RATE_LIMITER for joins and quiz starts; the studio
 * Worker (src/studio/wrangler.toml) has LOGIN_RATE_LIMITER and its own ADDRESS_RATE_LIMITER.
 */
export const RATE_LIMITS = {
  /** Sign-in attempts for one account from one address: slows guessing without letting others lock it out. */
  login: { binding: "LOGIN_RATE_LIMITER", limit: 5, periodSeconds: 60, message: "Too many sign-in attempts. Wait a minute, then try again." },
  /** Sign-in, sign-up and class joins from one address: slows password spraying and join-code guessing. */
  address: { binding: "ADDRESS_RATE_LIMITER", limit: 120, periodSeconds: 60, message: "Too many requests from your network. Wait a minute, then try again." },
  /** Quiz starts from one address, counted apart from the rule above: each start can be a new row in D1. */
  attemptStart: {
    binding: "ADDRESS_RATE_LIMITER",
    limit: 120,
    periodSeconds: 60,
    message: "Too many quizzes started from your network. Wait a minute, then try again.",
  },
} as const;

export type RateLimitRule = keyof typeof RATE_LIMITS;

/**
 * Counts one request against a rule and throws a 429 when over it. Uses the Workers Rate
 * Limiting binding where it is configured and a D1 fixed-window counter where it is not.
 */
export async function enforceRateLimit(
  env: Partial<Record<(typeof RATE_LIMITS)[RateLimitRule]["binding"], RateLimit>>,
  db: Database,
  rule: RateLimitRule,
  key: string,
  now = Date.now(),
): Promise<void> {
  const { binding, limit, periodSeconds, message } = RATE_LIMITS[rule];
  const limiter = env[binding];
  if (limiter) {
    const { success } = await limiter.limit({ key: `${rule}:${key}` });
    if (!success) throw new TooManyRequestsError(message, periodSeconds);
    return;
  }
  const windowMs = periodSeconds * 1000;
  // One statement: start a new window if the old one is over, else count this request in it.
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `${rule}:${key}`, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${now - windowMs} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${now - windowMs} THEN ${now} ELSE ${rateLimits.windowStartedAt} END`,
      },
    })
    .returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
  if (row && row.count > limit) {
    throw new TooManyRequestsError(message, Math.max(1, Math.ceil((row.windowStartedAt + windowMs - now) / 1000)));
  }
}

/**
 * The client's address, for rate limits. Cloudflare's edge sets CF-Connecting-IP and gives the
 * request its `cf` object; anywhere else a client can send the header itself, so it is read only
 * on requests that came through the edge, and never in local development (where every request
 * is "local"). The workerd tests (ENVIRONMENT=test) pass a `cf` object to act as the edge.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const throughEdge = c.req.raw.cf !== undefined && c.env.ENVIRONMENT !== "development";
  if (!throughEdge) return "local";
  return c.req.header("CF-Connecting-IP") ?? "unknown";
}
