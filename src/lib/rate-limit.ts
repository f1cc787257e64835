import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { rateLimits } from "../db/schema.ts";
import { TooManyRequestsError } from "./errors.ts";

/** Matches `[[ratelimits]] LOGIN_RATE_LIMITER` in wrangler.toml, so both paths enforce the same rule. */
export const LOGIN_LIMIT = { limit: 5, periodSeconds: 60 };

/**
 * Allows at most LOGIN_LIMIT attempts per key per period. Uses the Workers Rate Limiting
 * binding where it is configured and a D1 counter where it is not; throws a 429 when over.
 */
export async function enforceLoginLimit(env: Partial<Pick<Env, "LOGIN_RATE_LIMITER">>, db: Database, key: string, now = Date.now()): Promise<void> {
  const message = "Too many sign-in attempts. Wait a minute, then try again.";
  if (env.LOGIN_RATE_LIMITER) {
    const { success } = await env.LOGIN_RATE_LIMITER.limit({ key });
    if (!success) throw new TooManyRequestsError(message, LOGIN_LIMIT.periodSeconds);
    return;
  }
  const windowMs = LOGIN_LIMIT.periodSeconds * 1000;
  // One statement: start a new window if the old one is over, else count this attempt in it.
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${now - windowMs} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${rateLimits.windowStartedAt} <= ${now - windowMs} THEN ${now} ELSE ${rateLimits.windowStartedAt} END`,
      },
    })
    .returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
  if (row && row.count > LOGIN_LIMIT.limit) {
    throw new TooManyRequestsError(message, Math.max(1, Math.ceil((row.windowStartedAt + windowMs - now) / 1000)));
  }
}
