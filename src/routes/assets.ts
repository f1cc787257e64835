import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { cachePublicly } from "../lib/cache-control.ts";
import { NotFoundError } from "../lib/errors.ts";
import { ASSETS, assetPath } from "../views/assets.ts";

export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get("/:fingerprint/:name", (c) => {
  const name = c.req.param("name");
  if (!Object.hasOwn(ASSETS, name)) throw new NotFoundError("file");
  const asset = ASSETS[name as keyof typeof ASSETS];
  // An old fingerprint still gets the current file, but only the current one is cached forever.
  const current = c.req.path === assetPath(name as keyof typeof ASSETS);
  c.header("Content-Type", asset.type);
  cachePublicly(c, current ? "public, max-age=31536000, immutable" : "no-cache");
  return c.body(asset.body);
});
