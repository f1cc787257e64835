import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { AppError, BadRequestError, PayloadTooLargeError } from "../../lib/errors.ts";
import { MAX_UPLOAD_BYTES } from "../../teach/upload.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses bodies over the upload limit with a 413, whether or not the client sent a
 * Content-Length (without one, the body is counted as it streams in).
 */
export const apiBodyLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(MAX_UPLOAD_BYTES);
  },
});

function jsonSyntaxProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "could not be read as JSON";
  }
}

/** A body must be JSON: another media type is a 415, unparseable JSON a 400 that says why. */
export const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim() ?? "";
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw new AppError(415, "Send the body as JSON, with `Content-Type: application/json`.");
  const problem = jsonSyntaxProblem(await c.req.text());
  if (problem !== undefined) throw new BadRequestError("The request body is not valid JSON.", [{ message: problem }]);
  await next();
});
