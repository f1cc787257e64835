import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createDb } from "../db/client.ts";
import { isDatabaseFault } from "../db/faults.ts";
import { keepBookmark, openSession } from "../db/session.ts";
import type { AppEnv } from "../env.ts";
import { Layout } from "../views/layout.tsx";
import { ErrorPage } from "../views/pages/error.tsx";
import { privateByDefault } from "./cache-control.ts";
import { AppError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError } from "./errors.ts";
import { requireValidHost } from "./host.ts";
import { isProduction } from "./identity.ts";
import { MAX_UPLOAD_BYTES } from "./limits.ts";

/**
 * What both Workers share: the student Worker (src/index.tsx) and the studio Worker
 * (src/studio/index.tsx) each build their app on this, then add their own routes, then
 * `handleErrors`. Nothing here may import teacher-only code: it is in the student bundle.
 */

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation must stay an interface
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

/** The shared middleware, in order: every response passes through all of it, error pages included. */
export function createApp(): Hono<AppEnv> {
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
    const { session, bookmark } = openSession(c);
    const { db, counter } = createDb(session);
    c.set("db", db);
    c.set("d1Queries", counter);
    await next();
    keepBookmark(c, session, bookmark);
    // Reported for the budget script; production does not advertise it.
    if (!isProduction(c.env)) c.header("X-D1-Round-Trips", String(counter.count));
  });
  // Pages render inside the layout. Not hono's jsxRenderer: it pulls in the client-side JSX runtime.
  app.use(async (c, next) => {
    c.setRenderer((content, { title }) => c.html(html`<!DOCTYPE html>${<Layout title={title}>{content}</Layout>}`));
    await next();
  });
  app.use(requireValidHost);
  return app;
}

/** No request body may exceed the upload limit; checked before anything parses a body. */
export const limitRequestBodies = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(MAX_UPLOAD_BYTES);
  },
});

/** The one place errors become responses, and the 404 page. Call after every route is added. */
export function handleErrors(app: Hono<AppEnv>): void {
  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) throw new NotFoundError("API route");
    c.status(404);
    return c.render(<ErrorPage status={404} message="We could not find that page." details={[]} />, { title: "Not found" });
  });

  /**
   * A 500 shows a reference, never a stack trace or SQL. D1 failing or timing out becomes a
   * 503 with Retry-After: the request can simply be sent again.
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
    return c.render(<ErrorPage status={status} message={message} details={details} requestId={status >= 500 ? reference : undefined} />, {
      title: "Error",
    });
  });
}

function defaultMessage(status: number): string {
  if (status === 403) return "This form did not come from this site. Go back, reload the page and try again.";
  if (status === 404) return "We could not find that page.";
  if (status === 413) return "That request is too large.";
  return "The request could not be understood.";
}
