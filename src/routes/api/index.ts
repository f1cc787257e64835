import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { docsApi } from "./docs.tsx";
import { documentApi } from "./documents.ts";
import { setApi } from "./sets.ts";

/**
 * The JSON API for teachers, authenticated with bearer tokens. Described at /api/openapi.json
 * and /api/docs (both public); every other route checks the token in its own sub-app.
 */
export const apiRoutes = new Hono<AppEnv>();

apiRoutes.route("/", docsApi);
apiRoutes.route("/sets", setApi);
apiRoutes.route("/documents", documentApi);
