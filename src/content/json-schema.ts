import * as z from "zod/mini";
import { questionSet } from "./schema.ts";

/** JSON Schema for question-set files, generated from the zod schema so the two never drift. */
export function questionSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(questionSet, { io: "input", target: "draft-2020-12" }),
    title: "Sourcewise question set",
  };
}
