import { apiApp } from "./define.ts";
import "./docs.tsx";
import "./sets.ts";
import "./set-lifecycle.ts";
import "./questions.ts";
import "./documents.ts";
import "./classes.ts";

/**
 * The JSON API for teachers, authenticated with bearer tokens. Each module declares its routes
 * with `defineRoute` (define.ts), which also describes them at /api/openapi.json and /api/docs.
 */
export const apiRoutes = apiApp;
