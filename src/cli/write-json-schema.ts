import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { questionSetJsonSchema } from "../content/json-schema.ts";

// Usage: npm run questions:schema — regenerates questions/question-set.schema.json for editors.
const target = fileURLToPath(new URL("../../questions/question-set.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(questionSetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
