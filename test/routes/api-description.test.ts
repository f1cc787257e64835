import { describe, expect, it } from "vitest";
import { app as studioApp } from "../../src/studio/index.tsx";
import { checkOpenApi31 } from "../support/openapi-check.ts";
import { apiRequest } from "../support/teachers.ts";

type Document = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };

async function served(): Promise<Document> {
  const response = await apiRequest("GET", "/api/openapi.json");
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

/** Every route the studio Worker answers under /api, as `METHOD /api/path/{param}`. */
function registeredRoutes(): string[] {
  const routes = studioApp.routes
    .filter((route) => route.path.startsWith("/api/") && route.method !== "ALL")
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(routes)].sort();
}

describe("the generated OpenAPI document", () => {
  it("describes every route registered in the API app, and nothing else", async () => {
    const document = await served();
    const described = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThanOrEqual(20);
    expect(described).toEqual(registered);
    // What the issue asks the API to cover.
    for (const route of [
      "GET /api/classes",
      "POST /api/classes",
      "GET /api/classes/{id}",
      "POST /api/classes/{id}/sets",
      "DELETE /api/classes/{id}/sets/{slug}",
      "GET /api/classes/{id}/results/{slug}",
      "GET /api/classes/{id}/results/{slug}/csv",
      "GET /api/sets/{slug}/questions/{questionId}",
      "PUT /api/sets/{slug}/questions/{questionId}",
      "DELETE /api/sets/{slug}/questions/{questionId}",
      "POST /api/sets/{slug}/archive",
      "POST /api/sets/{slug}/unarchive",
      "POST /api/sets/{slug}/duplicate",
      "DELETE /api/sets/{slug}",
    ])
      expect(described).toContain(route);
  });

  it("validates as OpenAPI 3.1: operations with responses, matching path parameters, resolving $refs, 2020-12 schemas", async () => {
    const document = await served();
    expect(checkOpenApi31(document)).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
    // Answers every route of its kind gives come from the declaration: a write with a body can be refused five ways.
    expect(Object.keys(document.paths["/api/sets/{slug}/questions/{questionId}"]?.put?.responses ?? {})).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
    ]);
    expect(Object.keys(document.paths["/api/classes"]?.get?.responses ?? {})).toEqual(["200", "401"]);
  });

  it("the checker finds what a broken document gets wrong (so the test above can fail)", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: breaking the parsed JSON on purpose, path by path
    const document = structuredClone(await served()) as unknown as Record<string, any>;
    document.openapi = "3.0.3";
    document.paths["/api/classes"].get.responses = {};
    document.paths["/api/sets/{slug}"].get.parameters = [];
    document.paths["/api/sets"].post.requestBody.content["application/json"].schema = { $ref: "#/components/schemas/Nowhere" };
    document.components.schemas.Error.properties.error = { type: "text", nullable: true, minLength: -1 };
    const problems = checkOpenApi31(document);
    for (const expected of [
      'openapi: must be "3.1.x"',
      "GET /api/classes: needs responses",
      "GET /api/sets/{slug}: {slug} has no path parameter",
      "#/components/schemas/Nowhere does not resolve",
      'components.schemas.Error.properties.error: "nullable" is not a JSON Schema 2020-12 keyword',
      "components.schemas.Error.properties.error.type",
      "components.schemas.Error.properties.error.minLength",
    ])
      expect(
        problems.some((problem) => problem.includes(expected)),
        expected,
      ).toBe(true);
  });
});
