import { createMiddleware } from "hono/factory";
import { BadRequestError } from "./errors.ts";

// A DNS name (labels of letters, digits, hyphens and, leniently, underscores), an IPv4 address
// or a bracketed IPv6 address, with an optional port.
const LABEL = "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?";
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`, "i");

export function isValidHost(host: string): boolean {
  const match = HOST.exec(host);
  return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
}

/** A request whose Host header is not a host name is the client's mistake: a 400, never a 500. */
export const requireValidHost = createMiddleware(async (c, next) => {
  const host = c.req.header("Host");
  if (host !== undefined && !isValidHost(host)) throw new BadRequestError("The request's Host header is not a valid host name.");
  await next();
});
