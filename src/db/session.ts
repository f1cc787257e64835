import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env.ts";
import { cookieOptions } from "../lib/identity.ts";

/**
 * D1's Sessions API, so reads can go to the nearest read replica while each browser still reads
 * its own writes. The latest bookmark (D1's position in its commit log) rides in a cookie: the
 * next request's session starts at least there, so a replica that has not caught up with this
 * browser's last write (or last read) is never used for it. Without a cookie, the first query may
 * go anywhere. With read replication off (the default, see the README), every query goes to the
 * primary and the bookmark costs nothing.
 */
const BOOKMARK_COOKIE = "sw_d1";
// What D1 hands out: hex groups joined by hyphens. Anything else (a hand-edited cookie) is
// ignored, so it can never reach D1; a well-formed forged bookmark only slows its own browser.
const BOOKMARK = /^[0-9a-f]{1,64}(?:-[0-9a-f]{1,64}){0,7}$/i;

export function openSession(c: Context<AppEnv>): { session: D1DatabaseSession; bookmark: string | undefined } {
  const cookie = getCookie(c, BOOKMARK_COOKIE, cookieOptions(c.env).prefix);
  const bookmark = cookie && BOOKMARK.test(cookie) ? cookie : undefined;
  return { session: c.env.DB.withSession(bookmark ?? "first-unconstrained"), bookmark };
}

/** Hands the browser the session's latest bookmark, when it moved on. */
export function keepBookmark(c: Context<AppEnv>, session: D1DatabaseSession, previous: string | undefined): void {
  const bookmark = session.getBookmark();
  if (bookmark && bookmark !== previous && BOOKMARK.test(bookmark)) setCookie(c, BOOKMARK_COOKIE, bookmark, cookieOptions(c.env));
}
