import * as z from "zod/mini";
import { MAX_UPLOAD_BYTES } from "../../teach/upload.ts";
import { exportQuery, requestSchemas, responseSchemas } from "./schemas.ts";

/**
 * The OpenAPI 3.1 description of the teachers' API. Schemas are generated from the same zod
 * schemas the handlers validate with and return, so the document cannot drift from the code.
 * The readable page at /api/docs is rendered from this object too.
 */

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = "get" | "post" | "put";
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put"];

type Security = Record<string, string[]>[];

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: true;
  description: string;
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
  requestBody?: { required: true; content: { "application/json": { schema: { $ref: string }; example?: unknown } } };
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
const ref = (name: keyof typeof requestSchemas | keyof typeof responseSchemas) => ({ $ref: `${SCHEMA_REF}${name}` });

const SET_FIELD_NOTES: Record<string, string> = {
  slug: "The set's address: lower-case letters, digits and hyphens. Unique across the site; it cannot be changed later.",
  format:
    "How `content` is written: `sourcewise` (the project's YAML or JSON question-set format), `gift`, `moodle-xml` or `aiken`. Left out, it is detected from the content when that is unambiguous; otherwise the answer is a 400 that asks for it.",
  content: `The set itself, as text in the chosen format. The whole request may be at most ${MAX_UPLOAD_BYTES / 1024} KB.`,
  title:
    "GIFT, Moodle XML and Aiken only: the set's title (a sourcewise file carries its own). Without it, an update keeps the set's title; a new set takes the file's first Moodle category, else the slug.",
  summary: "GIFT, Moodle XML and Aiken only: one or two sentences shown under the title.",
  skill:
    "GIFT, Moodle XML and Aiken only: the skill new questions practise (default `evidence`). An update keeps each matching question's skill, and new ones follow the set's most common skill unless this is sent.",
  difficulty: "GIFT, Moodle XML and Aiken only: the difficulty of new questions (default `medium`); an update keeps each matching question's, like `skill`.",
};

/** Plain-language notes for request fields, added to the generated schemas (the upload schemas are shared with the web form). */
const FIELD_NOTES: Record<string, Record<string, string>> = {
  SetUpload: SET_FIELD_NOTES,
  SetUpdate: { ...SET_FIELD_NOTES, slug: "Optional: if sent, it must be the slug in the URL." },
  DocumentUpload: {
    id: "The document's id, as sets cite it in `documents` and `sources`. Unique among your documents and the built-in ones.",
    title: "The headline, or a short description if there is none.",
    outlet: "Who published it.",
    byline: "Who wrote it.",
    date: "When it was published, as written in the source.",
    kind: "What it is, e.g. news report, press release.",
    url: "Where it was published (http or https), if anywhere.",
    provenance: "Where the text came from; one note per line.",
    text: "The text exactly as published. Quotes in sets must appear in it word for word.",
  },
};

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

function toComponents(schemas: Record<string, z.ZodMiniType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { io, target: "draft-2020-12", uri: (id) => `${SCHEMA_REF}${id}`, override: simplify }).schemas;
  return Object.fromEntries(Object.entries(generated).map(([id, schema]) => [id, finishSchema(id, { ...schema })]));
}

let components: Record<string, JsonSchema> | undefined;
function componentSchemas(): Record<string, JsonSchema> {
  components ??= { ...toComponents(requestSchemas, "input"), ...toComponents(responseSchemas, "output") };
  return components;
}

const BEARER: Security = [{ bearer: [] }];
const PUBLIC: Security = [];

const json = (description: string, schema: JsonSchema): OpenApiResponse => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => json(description, ref("Error"));

const unauthorized = { "401": problem("No token, or a token that is unknown, revoked or expired.") };
/** Only on requests that change something: a read-only token may GET. */
const writeAccess = { ...unauthorized, "403": problem("The token is read-only: it may only read (GET).") };
const notFound = (what: string) => ({ "404": problem(`No such ${what} that you may see: unknown, or another teacher's.`) });
const bodyErrors = {
  "400": problem("Malformed JSON, a missing or unknown field, or content that fails validation; `details` names each field or line."),
  "413": problem(`The body is over ${MAX_UPLOAD_BYTES / 1024} KB.`),
  "415": problem("The body is not sent as `application/json`."),
};

const slugParameter: OpenApiParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The set's slug.",
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" },
};
const exportFormatParameter: OpenApiParameter = {
  name: "format",
  in: "query",
  required: true,
  description: "`gift` (a GIFT text file) or `moodle-xml` (Moodle XML).",
  schema: { type: "string", enum: [...exportQuery.shape.format.options] },
};
const documentParameter: OpenApiParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The document's id.",
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" },
};

export const EXAMPLE_SET_UPLOAD = {
  slug: "my-hedging-check",
  format: "aiken",
  title: "Spot the hedge",
  summary: "Which words make a claim less certain?",
  skill: "hedging",
  difficulty: "easy",
  content: "Which word hedges the claim “The bridge may reopen on Monday”?\nA. bridge\nB. may\nC. Monday\nANSWER: B",
};

const { slug: _slug, ...EXAMPLE_SET_UPDATE } = EXAMPLE_SET_UPLOAD;

const EXAMPLE_DOCUMENT_UPLOAD = {
  id: "council-bridge-statement",
  title: "Council statement on the river bridge",
  outlet: "City council press office",
  date: "3 March",
  text: "The council said the bridge would reopen on Monday.\nEngineers have not yet inspected the east span.",
};

const setBody = (name: "SetUpload" | "SetUpdate", example: unknown) =>
  ({ required: true, content: { "application/json": { schema: ref(name), example } } }) as const;

function paths(): OpenApiDocument["paths"] {
  return {
    "/api/sets": {
      get: {
        operationId: "listSets",
        summary: "List your sets and the built-in ones",
        description: "Your own sets in any state, and the published built-in sets (marked `builtIn`, read-only).",
        tags: ["Sets"],
        security: BEARER,
        responses: { "200": json("Your sets and the built-in ones, by slug.", ref("SetList")), ...unauthorized },
      },
      post: {
        operationId: "createSet",
        summary: "Add a new set as a draft",
        description:
          "Parses `content` in the given format, checks every quote against your documents and the built-in ones, and stores version 1 as a draft. Students do not see it until you publish it. A GIFT, Moodle XML or Aiken file imports every question it can: `importNotes` lists each question left out or changed, with its line. The file is refused (400, nothing stored) only when it cannot be read or has no question to answer.",
        tags: ["Sets"],
        security: BEARER,
        requestBody: setBody("SetUpload", EXAMPLE_SET_UPLOAD),
        responses: {
          "201": json("Stored as a draft.", ref("SavedVersion")),
          ...bodyErrors,
          ...writeAccess,
          "409": problem("The slug is already taken."),
        },
      },
    },
    "/api/sets/{slug}": {
      get: {
        operationId: "getSet",
        summary: "Read one set, its versions and questions",
        description: "Your own set or a built-in one. Questions of your own sets include answers, feedback, explanations and sources.",
        tags: ["Sets"],
        security: BEARER,
        parameters: [slugParameter],
        responses: { "200": json("The set.", ref("SetDetail")), ...unauthorized, ...notFound("set") },
      },
      put: {
        operationId: "updateSet",
        summary: "Upload a new version of your set",
        description:
          "Stores the upload as the set's new draft version (replacing an unpublished draft as the one to publish). Attempts already started keep the version they began on.",
        tags: ["Sets"],
        security: BEARER,
        parameters: [slugParameter],
        requestBody: setBody("SetUpdate", EXAMPLE_SET_UPDATE),
        responses: { "200": json("Stored as a draft.", ref("SavedVersion")), ...bodyErrors, ...writeAccess, ...notFound("set of yours") },
      },
    },
    "/api/sets/{slug}/export": {
      get: {
        operationId: "exportSet",
        summary: "Download a set for Moodle",
        description:
          "Your own set (its draft if it has one) or a built-in one, as a file Moodle's question bank imports: passages and context are written into the question text, sources into the general feedback. What Moodle cannot express is noted in comments in the file.",
        tags: ["Sets"],
        security: BEARER,
        parameters: [slugParameter, exportFormatParameter],
        responses: {
          "200": {
            description: "The file, sent as an attachment.",
            content: { "text/plain": { schema: { type: "string" } }, "application/xml": { schema: { type: "string" } } },
          },
          "400": problem("`format` is missing or not one of gift, moodle-xml."),
          ...unauthorized,
          ...notFound("set"),
        },
      },
    },
    "/api/sets/{slug}/publish": {
      post: {
        operationId: "publishSet",
        summary: "Publish your set",
        description: "Makes the latest version the one new attempts get, and lists the set for students. No body.",
        tags: ["Sets"],
        security: BEARER,
        parameters: [slugParameter],
        responses: { "200": json("The set after publishing.", ref("SetSummary")), ...writeAccess, ...notFound("set of yours") },
      },
    },
    "/api/sets/{slug}/unpublish": {
      post: {
        operationId: "unpublishSet",
        summary: "Unpublish your set",
        description: "Hides the set from students. Attempts and results are kept. No body.",
        tags: ["Sets"],
        security: BEARER,
        parameters: [slugParameter],
        responses: { "200": json("The set after unpublishing.", ref("SetSummary")), ...writeAccess, ...notFound("set of yours") },
      },
    },
    "/api/documents": {
      get: {
        operationId: "listDocuments",
        summary: "List your documents and the built-in ones",
        tags: ["Documents"],
        security: BEARER,
        responses: { "200": json("Documents your sets may quote, by id.", ref("DocumentList")), ...unauthorized },
      },
      post: {
        operationId: "createDocument",
        summary: "Add a source document",
        description: "Your sets can then list it in `documents` and quote it in `sources`. Other teachers cannot see it.",
        tags: ["Documents"],
        security: BEARER,
        requestBody: { required: true, content: { "application/json": { schema: ref("DocumentUpload"), example: EXAMPLE_DOCUMENT_UPLOAD } } },
        responses: {
          "201": json("Stored.", ref("DocumentSummary")),
          ...bodyErrors,
          ...writeAccess,
          "409": problem("The id is already taken."),
        },
      },
    },
    "/api/documents/{id}": {
      get: {
        operationId: "getDocument",
        summary: "Read one document, with its text",
        tags: ["Documents"],
        security: BEARER,
        parameters: [documentParameter],
        responses: { "200": json("The document.", ref("Document")), ...unauthorized, ...notFound("document") },
      },
    },
    "/api/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This description, as OpenAPI 3.1",
        tags: ["About"],
        security: PUBLIC,
        responses: { "200": json("An OpenAPI 3.1 document.", { type: "object" }) },
      },
    },
    "/api/docs": {
      get: {
        operationId: "getDocs",
        summary: "This description, as a web page",
        tags: ["About"],
        security: PUBLIC,
        responses: { "200": { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } } },
      },
    },
  };
}

export function openApiDocument(origin: string): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sourcewise teachers' API",
      version: "1.0.0",
      description:
        "Manage your question sets and source documents. Every request except these descriptions needs an API token, sent as `Authorization: Bearer <token>`; create one under Account. Request and response bodies are JSON.",
    },
    servers: [{ url: origin }],
    security: BEARER,
    tags: [
      { name: "Sets", description: "Question sets: upload, version, publish." },
      { name: "Documents", description: "Source documents your sets quote." },
      { name: "About", description: "Descriptions of this API; no token needed." },
    ],
    paths: paths(),
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token from Account, sent as `Authorization: Bearer <token>`. A token may be read-only (GET only) and may expire.",
        },
      },
      schemas: componentSchemas(),
    },
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
