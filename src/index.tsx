import { csrf } from "hono/csrf";
import { createDb } from "./db/client.ts";
import { deleteExpiredRows } from "./db/queries/cleanup.ts";
import { createApp, handleErrors, limitRequestBodies } from "./lib/app.tsx";
import { identity, requireCsrfToken } from "./lib/identity.ts";
import { isStudioPath } from "./lib/studio-paths.ts";
import { assetRoutes } from "./routes/assets.ts";
import { attemptRoutes } from "./routes/attempts.tsx";
import { documentRoutes } from "./routes/documents.tsx";
import { homeRoutes } from "./routes/home.tsx";
import { joinRoutes } from "./routes/join.tsx";
import { setRoutes } from "./routes/sets.tsx";

/**
 * The student Worker: home, sets, attempts, the reader, joining a class, /me and assets. It is
 * the hot path and must stay small (npm run build:check), so it never imports teacher code: the
 * teacher area and the JSON API are the studio Worker (src/studio/), reached through the STUDIO
 * service binding with the same URLs.
 */
const app = createApp();

app.route("/assets", assetRoutes);
app.use(limitRequestBodies);
app.use(identity);
app.use(csrf(), requireCsrfToken);
app.route("/", homeRoutes);
app.route("/sets", setRoutes);
app.route("/attempts", attemptRoutes);
app.route("/documents", documentRoutes);
app.route("/join", joinRoutes);
handleErrors(app);

/** The Cron Trigger (wrangler.toml `[triggers]`): removes expired sessions, invites, tokens and rate-limit rows. */
async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const removed = await deleteExpiredRows(createDb(env.DB).db, controller.scheduledTime);
  console.log(JSON.stringify({ level: "info", task: "cleanup", cron: controller.cron, removed }));
}

export { app };
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    // Passed on untouched (method, headers, body, cf): the studio does its own checks.
    if (isStudioPath(request.url)) return env.STUDIO.fetch(request);
    return app.fetch(request, env, ctx);
  },
  scheduled,
} satisfies ExportedHandler<Env>;
