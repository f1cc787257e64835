import { validator } from "hono/validator";
import type * as z from "zod/mini";
import { BadRequestError, type ErrorDetail } from "./errors.ts";
import { formatPath } from "./field-path.ts";

/** zod's issues as the `details` of a 400; each unknown field is named in its own `path`. */
export function zodDetails(error: z.core.$ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: "unknown field" }))
      : [{ path: formatPath(issue.path) || undefined, message: issue.message }],
  );
}

/** Validates a form body with zod; every failure becomes the same 400 shape. */
export function formBody<Schema extends z.ZodMiniType>(schema: Schema, message = "Check the form and try again.") {
  return validator("form", (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new BadRequestError(message, zodDetails(result.error));
    return result.data as z.output<Schema>;
  });
}

/** Validates route parameters; a malformed id is simply not found. */
export function routeParams<Schema extends z.ZodMiniType>(schema: Schema, notFound: () => Error) {
  return validator("param", (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw notFound();
    return result.data as z.output<Schema>;
  });
}

/** Validates the query string with zod; failures are the same 400 shape as a body's. */
export function queryParams<Schema extends z.ZodMiniType>(schema: Schema) {
  return validator("query", (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new BadRequestError("Check the address and try again.", zodDetails(result.error));
    return result.data as z.output<Schema>;
  });
}
