import { SCRIPT, STYLESHEET } from "./styles.ts";

/** A short content hash in each asset's URL lets browsers cache it forever. */
function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

export const ASSETS = {
  "app.css": { body: STYLESHEET.trim(), type: "text/css; charset=utf-8" },
  "app.js": { body: SCRIPT.trim(), type: "text/javascript; charset=utf-8" },
} as const;

export type AssetName = keyof typeof ASSETS;

const PATHS = Object.fromEntries(Object.entries(ASSETS).map(([name, asset]) => [name, `/assets/${fingerprint(asset.body)}/${name}`])) as Record<
  AssetName,
  string
>;

/** Hashed once, when the Worker starts: every page links both assets. */
export function assetPath(name: AssetName): string {
  return PATHS[name];
}
