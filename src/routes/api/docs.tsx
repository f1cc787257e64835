import * as z from "zod/mini";
import { ApiDocsPage } from "../../views/pages/api-docs.tsx";
import { defineRoute } from "./define.ts";
import { openApiDocument } from "./openapi.ts";

/** The API's own description: public, no token, no cookies. */

defineRoute({
  method: "get",
  path: "/openapi.json",
  operationId: "getOpenApi",
  summary: "This description, as OpenAPI 3.1",
  tag: "About",
  public: true,
  responses: { 200: { description: "An OpenAPI 3.1 document.", schema: z.looseObject({ openapi: z.string() }) } },
  handler: (c) => c.json(openApiDocument(new URL(c.req.url).origin)),
});

defineRoute({
  method: "get",
  path: "/docs",
  operationId: "getDocs",
  summary: "This description, as a web page",
  tag: "About",
  public: true,
  responses: { 200: { description: "An HTML page.", text: ["text/html"] } },
  handler: (c) => {
    const origin = new URL(c.req.url).origin;
    return c.render(<ApiDocsPage document={openApiDocument(origin)} origin={origin} />, { title: "Teachers' API" });
  },
});
