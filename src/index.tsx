import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { jsxRenderer } from "hono/jsx-renderer";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createDb } from "./db/client.ts";
import { isDatabaseFault } from "./db/faults.ts";
import { deleteExpiredRows } from "./db/queries/cleanup.ts";
import type { AppEnv } from "./env.ts";
import { privateByDefault } from "./lib/cache-control.ts";
import { AppError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError } from "./lib/errors.ts";
import { requireValidHost } from "./lib/host.ts";
import { identity, isProduction, requireCsrfToken } from "./lib/identity.ts";
import { apiRoutes } from "./routes/api/index.ts";
import { assetRoutes } from "./routes/assets.ts";
import { attemptRoutes } from "./routes/attempts.tsx";
import { documentRoutes } from "./routes/documents.tsx";
import { homeRoutes } from "./routes/home.tsx";
import { joinRoutes } from "./routes/join.tsx";
import { setRoutes } from "./routes/sets.tsx";
import { teachRoutes } from "./routes/teach/index.ts";
import { MAX_UPLOAD_BYTES } from "./teach/upload.ts";
import { Layout } from "./views/layout.tsx";
import { ErrorPage } from "./views/pages/error.tsx";

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation must stay an interface
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

const app = new Hono<AppEnv>();

app.use(requestId());
// Runs around everything, error pages included: a response is no-store unless its route opts out.
app.use(privateByDefault);
app.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
    referrerPolicy: "same-origin",
  }),
);
app.use(async (c, next) => {
  const { db, counter } = createDb(c.env.DB);
  c.set("db", db);
  c.set("d1Queries", counter);
  await next();
  // Reported for the budget script; production does not advertise it.
  if (!isProduction(c.env)) c.header("X-D1-Round-Trips", String(counter.count));
});
app.use(jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, { docType: true }));
app.use(requireValidHost);

app.route("/assets", assetRoutes);
// No request body may exceed the upload limit; checked before anything parses a body.
app.use(
  bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(MAX_UPLOAD_BYTES);
    },
  }),
);
// The API authenticates with bearer tokens, not cookies, so it sits before identity and CSRF.
app.route("/api", apiRoutes);

app.use(identity);
app.use(csrf(), requireCsrfToken);
app.route("/", homeRoutes);
app.route("/sets", setRoutes);
app.route("/attempts", attemptRoutes);
app.route("/documents", documentRoutes);
app.route("/join", joinRoutes);
app.route("/teach", teachRoutes);

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) throw new NotFoundError("API route");
  c.status(404);
  return c.render(<ErrorPage status={404} message="We could not find that page." details={[]} />, { title: "Not found" });
});

/**
 * The one place errors become responses. A 500 shows a reference, never a stack trace or SQL.
 * D1 failing or timing out becomes a 503 with Retry-After: the request can simply be sent again.
 */
app.onError((thrown, c) => {
  const reference = c.var.requestId;
  const databaseFault = isDatabaseFault(thrown);
  const error = databaseFault ? new ServiceUnavailableError() : thrown;
  const known = error instanceof AppError || (error instanceof HTTPException && error.status < 500);
  const status = known ? error.status : 500;
  const message = known
    ? error instanceof AppError
      ? error.message
      : defaultMessage(status)
    : "Something went wrong on our side. Please try again in a moment.";
  const details = known && error instanceof AppError ? error.details : [];
  if (!known || databaseFault)
    console.error(
      JSON.stringify({
        level: "error",
        requestId: reference,
        path: c.req.path,
        databaseFault,
        error: thrown.name,
        message: thrown.message,
        cause: thrown.cause instanceof Error ? thrown.cause.message : undefined,
        stack: thrown.stack,
      }),
    );
  if (error instanceof AppError) for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  c.status(status);
  if (c.req.path.startsWith("/api/")) return c.json({ error: message, details, requestId: reference });
  return c.render(<ErrorPage status={status} message={message} details={details} requestId={status >= 500 ? reference : undefined} />, { title: "Error" });
});

function defaultMessage(status: number): string {
  if (status === 403) return "This form did not come from this site. Go back, reload the page and try again.";
  if (status === 404) return "We could not find that page.";
  if (status === 413) return "That request is too large.";
  return "The request could not be understood.";
}

/** The Cron Trigger (wrangler.toml `[triggers]`): removes expired sessions, invites, tokens and rate-limit rows. */
async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const removed = await deleteExpiredRows(createDb(env.DB).db, controller.scheduledTime);
  console.log(JSON.stringify({ level: "info", task: "cleanup", cron: controller.cron, removed }));
}

export { app };
export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Env>;
