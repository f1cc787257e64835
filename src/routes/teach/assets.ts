import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { cachePublicly } from "../../lib/cache-control.ts";
import { NotFoundError } from "../../lib/errors.ts";
import { TEACH_ASSETS, type TeachAssetName, teachAssetPath } from "../../views/teach-assets.ts";

/** The editor's stylesheet and script; public (they hold nothing private), fingerprinted like /assets. */
export const teachAssetRoutes = new Hono<AppEnv>();

teachAssetRoutes.get("/:fingerprint/:name", (c) => {
  const name = c.req.param("name");
  if (!Object.hasOwn(TEACH_ASSETS, name)) throw new NotFoundError("file");
  const asset = TEACH_ASSETS[name as TeachAssetName];
  const current = c.req.path === teachAssetPath(name as TeachAssetName);
  c.header("Content-Type", asset.type);
  cachePublicly(c, current ? "public, max-age=31536000, immutable" : "no-cache");
  return c.body(asset.body);
});
