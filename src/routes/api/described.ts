import * as z from "zod/mini";

/**
 * A description for the OpenAPI document (zod/mini has no `.describe`). It is stored on the
 * schema object itself, so describe a `.clone()` of a schema shared outside the API.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}
