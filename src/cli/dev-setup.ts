import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Creates .dev.vars with a fresh cookie secret on first start. It is git-ignored; production
// reads the secret from `wrangler secret put COOKIE_SECRET` instead.
const file = fileURLToPath(new URL("../../.dev.vars", import.meta.url));
if (!existsSync(file)) {
  writeFileSync(file, `ENVIRONMENT=development\nCOOKIE_SECRET=${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  console.log("Created .dev.vars with a new COOKIE_SECRET for local development.");
}
