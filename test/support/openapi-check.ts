/**
 * A small OpenAPI 3.1 checker for the rules that matter to a client generator: the version,
 * operations with responses, path parameters that match their templates, `$ref`s that resolve,
 * declared security schemes and tags, and schemas that are JSON Schema 2020-12 objects. It
 * returns every problem found, with where, so a test can show what is wrong.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_VALUES = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const NUMBERS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
const COUNTS = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
/** Draft-04 and OpenAPI 3.0 keywords that mean something else, or nothing, in 3.1. */
const OUTDATED = ["nullable", "definitions", "x-nullable"];

function pointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const part of ref
    .slice(2)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (!isObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

export function checkJsonSchema(schema: unknown, where: string, problems: string[], document: unknown): void {
  if (typeof schema === "boolean") return;
  if (!isObject(schema)) {
    problems.push(`${where}: a schema must be an object or a boolean`);
    return;
  }
  for (const keyword of OUTDATED) if (keyword in schema) problems.push(`${where}: "${keyword}" is not a JSON Schema 2020-12 keyword`);
  if ("$ref" in schema) {
    if (typeof schema.$ref !== "string") problems.push(`${where}.$ref: must be a string`);
    else if (pointer(document, schema.$ref) === undefined) problems.push(`${where}.$ref: ${schema.$ref} does not resolve`);
  }
  if ("type" in schema) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.length === 0 || types.some((type) => typeof type !== "string" || !TYPES.has(type)))
      problems.push(`${where}.type: ${JSON.stringify(schema.type)} is not a JSON type`);
  }
  if ("required" in schema) {
    const required = schema.required;
    if (!Array.isArray(required) || required.some((name) => typeof name !== "string") || new Set(required).size !== required.length)
      problems.push(`${where}.required: must be an array of unique strings`);
  }
  if ("enum" in schema && (!Array.isArray(schema.enum) || schema.enum.length === 0)) problems.push(`${where}.enum: must be a non-empty array`);
  for (const keyword of NUMBERS) if (keyword in schema && typeof schema[keyword] !== "number") problems.push(`${where}.${keyword}: must be a number (2020-12)`);
  for (const keyword of COUNTS) {
    const value = schema[keyword];
    if (keyword in schema && !(Number.isInteger(value) && (value as number) >= 0)) problems.push(`${where}.${keyword}: must be a non-negative integer`);
  }
  if ("pattern" in schema) {
    try {
      new RegExp(String(schema.pattern), "u");
    } catch {
      problems.push(`${where}.pattern: not a valid regular expression`);
    }
  }
  for (const keyword of SCHEMA_MAPS) {
    if (!(keyword in schema)) continue;
    const map = schema[keyword];
    if (!isObject(map)) problems.push(`${where}.${keyword}: must be an object of schemas`);
    else for (const [name, child] of Object.entries(map)) checkJsonSchema(child, `${where}.${keyword}.${name}`, problems, document);
  }
  for (const keyword of SCHEMA_VALUES) if (keyword in schema) checkJsonSchema(schema[keyword], `${where}.${keyword}`, problems, document);
  for (const keyword of SCHEMA_LISTS) {
    if (!(keyword in schema)) continue;
    const list = schema[keyword];
    if (!Array.isArray(list) || list.length === 0) problems.push(`${where}.${keyword}: must be a non-empty array of schemas`);
    else for (const [index, child] of list.entries()) checkJsonSchema(child, `${where}.${keyword}[${index}]`, problems, document);
  }
}

function checkContent(content: unknown, where: string, problems: string[], document: unknown): void {
  if (!isObject(content) || Object.keys(content).length === 0) {
    problems.push(`${where}: content must map media types to media objects`);
    return;
  }
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media) || !("schema" in media)) problems.push(`${where}.${mediaType}: needs a schema`);
    else checkJsonSchema(media.schema, `${where}.${mediaType}.schema`, problems, document);
  }
}

export function checkOpenApi31(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ["the document must be a JSON object"];
  if (typeof document.openapi !== "string" || !/^3\.1\.\d+$/.test(document.openapi))
    problems.push(`openapi: must be "3.1.x", not ${JSON.stringify(document.openapi)}`);
  const info = document.info;
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") problems.push("info: needs a title and a version");
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const tags = new Set(Array.isArray(document.tags) ? document.tags.map((tag) => (isObject(tag) ? tag.name : undefined)) : []);
  for (const [name, schema] of Object.entries(isObject(components.schemas) ? components.schemas : {}))
    checkJsonSchema(schema, `components.schemas.${name}`, problems, document);
  const operationIds = new Set<string>();
  const checkSecurity = (security: unknown, where: string) => {
    if (security === undefined) return;
    if (!Array.isArray(security)) problems.push(`${where}: must be an array`);
    else
      for (const requirement of security)
        for (const name of Object.keys(isObject(requirement) ? requirement : {}))
          if (!(name in schemes)) problems.push(`${where}: no security scheme "${name}"`);
  };
  checkSecurity(document.security, "security");
  if (!isObject(document.paths)) return [...problems, "paths: must be an object"];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith("/")) problems.push(`${path}: a path must start with /`);
    if (!isObject(item)) {
      problems.push(`${path}: must be a path item object`);
      continue;
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const methods = Object.keys(item).filter((key) => METHODS.includes(key));
    if (methods.length === 0) problems.push(`${path}: has no operation`);
    for (const method of methods) {
      const where = `${method.toUpperCase()} ${path}`;
      const operation = item[method];
      if (!isObject(operation)) {
        problems.push(`${where}: must be an operation object`);
        continue;
      }
      if (typeof operation.operationId === "string") {
        if (operationIds.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} is used twice`);
        operationIds.add(operation.operationId);
      }
      const responses = operation.responses;
      if (!isObject(responses) || Object.keys(responses).length === 0) problems.push(`${where}: needs responses`);
      for (const [status, response] of Object.entries(isObject(responses) ? responses : {})) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where} ${status}: not a status code`);
        if (!isObject(response) || typeof response.description !== "string") problems.push(`${where} ${status}: needs a description`);
        else if ("content" in response) checkContent(response.content, `${where} ${status}`, problems, document);
      }
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const inPath = new Set<unknown>();
      for (const parameter of parameters) {
        if (!isObject(parameter) || typeof parameter.name !== "string" || !["path", "query", "header", "cookie"].includes(String(parameter.in))) {
          problems.push(`${where}: a parameter needs a name and a location`);
          continue;
        }
        if (parameter.in === "path") {
          inPath.add(parameter.name);
          if (parameter.required !== true) problems.push(`${where}: path parameter ${parameter.name} must be required`);
          if (!templated.includes(parameter.name)) problems.push(`${where}: path parameter ${parameter.name} is not in the path`);
        }
        checkJsonSchema(parameter.schema, `${where} parameter ${parameter.name}`, problems, document);
      }
      for (const name of templated) if (!inPath.has(name)) problems.push(`${where}: {${name}} has no path parameter`);
      if ("requestBody" in operation) {
        const body = operation.requestBody;
        if (!isObject(body)) problems.push(`${where}: requestBody must be an object`);
        else checkContent(body.content, `${where} requestBody`, problems, document);
      }
      checkSecurity(operation.security, `${where} security`);
      for (const tag of Array.isArray(operation.tags) ? operation.tags : []) if (!tags.has(tag)) problems.push(`${where}: tag "${tag}" is not declared`);
    }
  }
  return problems;
}
