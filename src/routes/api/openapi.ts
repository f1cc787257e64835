import * as z from "zod/mini";
import { MAX_UPLOAD_BYTES } from "../../teach/upload.ts";
import { API_BASE, type ApiRoute, apiRouteList, HTTP_METHODS, type HttpMethod } from "./define.ts";
import { FIELD_NOTES } from "./field-notes.ts";
import { requestSchemas, responseSchemas } from "./schemas.ts";

/**
 * The OpenAPI 3.1 description of the teachers' API, generated from the route declarations
 * (define.ts): paths, parameters, bodies and responses come from the same zod/mini schemas
 * the handlers validate with and return. The readable page at /api/docs is rendered from it.
 */

export type JsonSchema = Record<string, unknown>;
export { HTTP_METHODS, type HttpMethod };

type Security = Record<string, string[]>[];

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Security;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema; example?: unknown } } };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Security;
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    securitySchemes: { bearer: { type: "http"; scheme: "bearer"; description: string } };
    schemas: Record<string, JsonSchema>;
  };
}

const SCHEMA_REF = "#/components/schemas/";
const ref = (name: string) => ({ $ref: `${SCHEMA_REF}${name}` });

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Drops generator noise ($id, $schema) and adds the field notes for `id`. */
function finishSchema(id: string, schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  const notes = FIELD_NOTES[id];
  if (!notes || !isRecord(rest.properties)) return rest;
  const properties = Object.fromEntries(
    Object.entries(rest.properties).map(([name, property]) => {
      const note = notes[name];
      return [name, isRecord(property) && note && property.description === undefined ? { ...property, description: note } : property];
    }),
  );
  return { ...rest, properties };
}

/** Leaves out limits that say nothing to a reader: safe-integer bounds, and the pattern behind `format: date-time`. */
function simplify({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
}

type Io = "input" | "output";
const named: Record<Io, Record<string, z.ZodMiniType>> = { input: requestSchemas, output: responseSchemas };

function toComponents(io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named[io])) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { io, target: "draft-2020-12", uri: (id) => `${SCHEMA_REF}${id}`, override: simplify }).schemas;
  return Object.fromEntries(Object.entries(generated).map(([id, schema]) => [id, finishSchema(id, { ...schema })]));
}

/** A named schema is referenced; any other is converted in place. */
function schemaOf(schema: z.ZodMiniType, io: Io): JsonSchema {
  const name = Object.entries(named[io]).find(([, candidate]) => candidate === schema)?.[0];
  if (name) return ref(name);
  return finishSchema("", z.toJSONSchema(schema, { io, target: "draft-2020-12", override: simplify }) as JsonSchema);
}

/** One parameter per property of a params or query object; its description moves up from the schema. */
function parametersOf(schema: z.ZodMiniObject, where: "path" | "query"): OpenApiParameter[] {
  const object = schemaOf(schema, "input");
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  return Object.entries(isRecord(object.properties) ? object.properties : {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema;
    return { name, in: where, required: where === "path" || required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest };
  });
}

const json = (description: string, schema: JsonSchema): OpenApiResponse => ({ description, content: { "application/json": { schema } } });

/** The answers every route of its kind can give: the token, the path, the body. */
function usualProblems(route: ApiRoute): Record<number, string> {
  const problems: Record<number, string> = {};
  if (route.body) problems[400] = "Malformed JSON, a missing or unknown field, or content that fails validation; `details` names each field or line.";
  else if (route.query) problems[400] = "A query parameter is missing or wrong; `details` names it.";
  if (!route.public) problems[401] = "No token, or a token that is unknown, revoked or expired.";
  if (!route.public && route.method !== "get") problems[403] = "The token is read-only: it may only read (GET).";
  if (route.params) problems[404] = `No such ${route.notFound ?? "thing"} that you may see: unknown, or another teacher's.`;
  if (route.body) {
    problems[413] = `The body is over ${MAX_UPLOAD_BYTES / 1024} KB.`;
    problems[415] = "The body is not sent as `application/json`.";
  }
  return problems;
}

function responsesOf(route: ApiRoute): Record<string, OpenApiResponse> {
  const usual = usualProblems(route);
  const statuses = [...new Set([...Object.keys(route.responses), ...Object.keys(usual)].map(Number))].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((status) => {
      const own = route.responses[status];
      if (status >= 400) {
        const description = [own?.description, usual[status]].filter(Boolean).join(" Or: ");
        return [String(status), json(description, ref("Error"))];
      }
      if (!own) return [String(status), { description: "" }];
      if (own.schema) return [String(status), json(own.description, schemaOf(own.schema, "output"))];
      if (own.text)
        return [String(status), { description: own.description, content: Object.fromEntries(own.text.map((type) => [type, { schema: { type: "string" } }])) }];
      return [String(status), { description: own.description }];
    }),
  );
}

const BEARER: Security = [{ bearer: [] }];

function operationOf(route: ApiRoute): OpenApiOperation {
  const parameters = [...(route.params ? parametersOf(route.params, "path") : []), ...(route.query ? parametersOf(route.query, "query") : [])];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.public ? [] : BEARER,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true as const,
            content: { "application/json": { schema: schemaOf(route.body, "input"), ...(route.example === undefined ? {} : { example: route.example }) } },
          },
        }
      : {}),
    responses: responsesOf(route),
  };
}

/** Hono's `/sets/:slug` is OpenAPI's `/api/sets/{slug}`. */
export const openApiPath = (honoPath: string) => `${API_BASE}${honoPath}`.replace(/:(\w+)/g, "{$1}").replace(/\/$/, "");

let generated: Pick<OpenApiDocument, "paths" | "components"> | undefined;
function generate(): Pick<OpenApiDocument, "paths" | "components"> {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of apiRouteList) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operationOf(route) };
  }
  return {
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token from Account, sent as `Authorization: Bearer <token>`. A token may be read-only (GET only) and may expire.",
        },
      },
      schemas: { ...toComponents("input"), ...toComponents("output") },
    },
  };
}

export function openApiDocument(origin: string): OpenApiDocument {
  generated ??= generate();
  return {
    openapi: "3.1.0",
    info: {
      title: "Sourcewise teachers' API",
      version: "1.1.0",
      description:
        "Everything the teacher area does: question sets (upload, edit one question, publish, archive, duplicate, delete), source documents, classes, assignments and results. Every request except these descriptions needs an API token, sent as `Authorization: Bearer <token>`; create one under Account. Request and response bodies are JSON; errors are `{error, details}` with the field path or line of each problem.",
    },
    servers: [{ url: origin }],
    security: BEARER,
    tags: [
      { name: "Sets", description: "Question sets: upload, version, publish, archive, duplicate, delete." },
      { name: "Questions", description: "One question of a set's draft: read, replace, delete." },
      { name: "Documents", description: "Source documents your sets quote." },
      { name: "Classes", description: "Classes, their members, assigned sets and results." },
      { name: "About", description: "Descriptions of this API; no token needed." },
    ],
    ...generated,
  };
}

/* Reading the document back, for the docs page. */

export interface DocumentedOperation {
  method: HttpMethod;
  path: string;
  operation: OpenApiOperation;
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

export function schemaName(schema: JsonSchema | undefined): string | undefined {
  const target = schema?.$ref;
  return typeof target === "string" && target.startsWith(SCHEMA_REF) ? target.slice(SCHEMA_REF.length) : undefined;
}

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const name = schemaName(schema);
  return (name && document.components.schemas[name]) || schema;
}

export interface FieldDescription {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  defaultValue?: string;
}

/** A short human reading of a JSON Schema: `string`, `"a" | "b"`, `array of string`… */
export function describeType(schema: unknown): string {
  if (!isRecord(schema)) return "any";
  const name = schemaName(schema);
  if (name) return name;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union) return union.map(describeType).join(" or ");
  if (schema.type === "array") return `array of ${describeType(schema.items)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : typeof schema.type === "string" ? schema.type : "any";
  const limits = [
    typeof schema.format === "string" ? schema.format : undefined,
    schema.minLength === 1 ? "not empty" : typeof schema.minLength === "number" && schema.minLength > 1 ? `at least ${schema.minLength} characters` : undefined,
    typeof schema.maxLength === "number" ? `at most ${schema.maxLength} characters` : undefined,
  ].filter((limit) => limit !== undefined);
  return limits.length > 0 ? `${type} (${limits.join(", ")})` : type;
}

/** The fields of an operation's JSON request body, from its (referenced) schema. */
export function requestFields(document: OpenApiDocument, operation: OpenApiOperation): FieldDescription[] {
  const body = operation.requestBody?.content["application/json"].schema;
  return body ? schemaFields(document, body) : [];
}

/** The named schemas that responses return, in the order they first appear. */
export function responseSchemaNames(document: OpenApiDocument): string[] {
  const names = operationsOf(document).flatMap(({ operation }) =>
    Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {}).map((content) => schemaName(content.schema))),
  );
  return [...new Set(names.filter((name) => name !== undefined))];
}

/** The top-level fields of an object schema (resolving a $ref). */
export function schemaFields(document: OpenApiDocument, reference: JsonSchema): FieldDescription[] {
  const schema = resolve(document, reference);
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === "string") : []);
  if (!isRecord(schema.properties)) return [];
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    type: describeType(property),
    required: required.has(name),
    ...(isRecord(property) && typeof property.description === "string" ? { description: property.description } : {}),
    ...(isRecord(property) && "default" in property ? { defaultValue: JSON.stringify(property.default) } : {}),
  }));
}

/** What each response status returns: its description and the named schema, if any. */
export function responseRows(operation: OpenApiOperation): { status: string; description: string; body?: string }[] {
  return Object.entries(operation.responses).map(([status, response]) => {
    const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? [];
    const body = content ? (schemaName(content.schema) ?? mediaType) : undefined;
    return { status, description: response.description, ...(body ? { body } : {}) };
  });
}
