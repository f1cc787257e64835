import { type Context, Hono, type MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import type { AppEnv } from "../../env.ts";
import { BadRequestError, NotFoundError } from "../../lib/errors.ts";
import { requireApiToken } from "../../lib/teacher-auth.ts";
import { zodDetails } from "../../lib/validation.ts";
import { apiBodyLimit, requireJson } from "./validation.ts";

/**
 * Each API route is declared once: method, path, words for the reader, the zod/mini schemas
 * of its parameters, query, body and responses, and its handler. `defineRoute` registers the
 * Hono route with validators built from those schemas and records the declaration, and
 * /api/openapi.json is generated from the records (see openapi.ts): the validators and the
 * description cannot drift apart.
 */

export type HttpMethod = "get" | "post" | "put" | "delete";
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put", "delete"];

export type ObjectSchema = z.ZodMiniObject;

/** A response: JSON described by `schema`, text in the listed media types, or no body. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodMiniType;
  text?: readonly string[];
}

export interface RouteSpec<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, B extends z.ZodMiniType | undefined> {
  method: HttpMethod;
  /** Hono's path under /api, e.g. `/sets/:slug`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** No token needed (the descriptions of the API only). */
  public?: boolean;
  /** What a malformed or unknown path parameter is not found as: "set", "class"… */
  notFound?: string;
  params?: P;
  query?: Q;
  body?: B;
  example?: unknown;
  responses: Record<number, ResponseSpec>;
  handler: (c: Context<AppEnv>, input: { param: Out<P>; query: Out<Q>; body: Out<B> }) => Response | Promise<Response>;
}

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export type ApiRoute = RouteSpec<ObjectSchema | undefined, ObjectSchema | undefined, z.ZodMiniType | undefined>;

/** The API's Hono app, mounted at /api, and the routes declared on it. */
export const apiApp = new Hono<AppEnv>();
export const apiRouteList: ApiRoute[] = [];
export const API_BASE = "/api";

function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, fail: (details: ReturnType<typeof zodDetails>) => Error): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fail(zodDetails(result.error));
  return result.data;
}

export function defineRoute<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): void {
  apiRouteList.push(spec as unknown as ApiRoute);
  // The token first: without one nothing else is looked at; a read-only token is refused a write before the body is read.
  const guards: MiddlewareHandler<AppEnv>[] = [];
  if (!spec.public) guards.push(requireApiToken);
  if (spec.body) guards.push(apiBodyLimit, requireJson);
  const notFound = () => new NotFoundError(spec.notFound ?? "page");
  const handle: MiddlewareHandler<AppEnv> = async (c) => {
    const param = spec.params ? parseWith(spec.params, c.req.param(), notFound) : undefined;
    const query = spec.query ? parseWith(spec.query, c.req.query(), (details) => new BadRequestError("Check the address and try again.", details)) : undefined;
    const body = spec.body
      ? parseWith(spec.body, await c.req.json(), (details) => new BadRequestError("Check the request body and try again.", details))
      : undefined;
    return spec.handler(c, { param, query, body } as { param: Out<P>; query: Out<Q>; body: Out<B> });
  };
  apiApp.on([spec.method.toUpperCase()], [spec.path], ...(guards as [MiddlewareHandler<AppEnv>]), handle);
}
