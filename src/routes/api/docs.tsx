import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { ApiDocsPage } from "../../views/pages/api-docs.tsx";
import { openApiDocument } from "./openapi.ts";

/** The API's own description: public, no token, no cookies. */
export const docsApi = new Hono<AppEnv>();

docsApi.get("/openapi.json", (c) => c.json(openApiDocument(new URL(c.req.url).origin)));

docsApi.get("/docs", (c) => {
  const origin = new URL(c.req.url).origin;
  return c.render(<ApiDocsPage document={openApiDocument(origin)} origin={origin} />, { title: "Teachers' API" });
});
