import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/** The JSON API for teachers, authenticated with bearer tokens. */
export const apiRoutes = new Hono<AppEnv>();
