import { csrf } from "hono/csrf";
import { createApp, handleErrors, limitRequestBodies } from "../lib/app.tsx";
import { identity, requireCsrfToken } from "../lib/identity.ts";
import { apiRoutes } from "../routes/api/index.ts";
import { teachRoutes } from "../routes/teach/index.ts";

/**
 * The studio Worker: the teacher area (/teach) and the JSON API (/api). It has no public route
 * (src/studio/wrangler.toml): the student Worker passes these URLs to it through its STUDIO
 * service binding. Same D1 database, same COOKIE_SECRET, so the identity cookie and CSRF token
 * mean the same in both Workers.
 */
const app = createApp();

app.use(limitRequestBodies);
// The API authenticates with bearer tokens, not cookies, so it sits before identity and CSRF.
app.route("/api", apiRoutes);
app.use(identity);
app.use(csrf(), requireCsrfToken);
app.route("/teach", teachRoutes);
handleErrors(app);

export { app };
export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
