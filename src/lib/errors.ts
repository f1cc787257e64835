import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One problem with a request: where (a field path or a line) and what is wrong. */
export interface ErrorDetail {
  path?: string;
  line?: number;
  message: string;
}

/**
 * Errors the app throws on purpose. `message` is shown to the user as is, so it must be
 * plain and safe; the single `onError` in src/index.ts turns these into pages or JSON.
 */
export class AppError extends HTTPException {
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;
  constructor(status: ContentfulStatusCode, message: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}) {
    super(status, { message });
    this.details = details;
    this.headers = headers;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(400, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what = "page") {
    super(404, `We could not find that ${what}.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(409, message, details);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, `That is too large: the limit is ${Math.round(limitBytes / 1024)} KB.`);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message, [], { "Retry-After": String(retryAfterSeconds) });
  }
}

/**
 * The database failed or timed out (see src/db/faults.ts). Worth retrying: answers are written
 * in one batch, and sending one again cannot count it twice.
 */
export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds = 10) {
    super(503, "We could not reach our database just now. Wait a few seconds and try again; if you were answering a question, sending it again is safe.", [], {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}

/** A deployment mistake, such as a missing secret. Logged in full; users see a plain 500. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}
