import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ContentFile } from "../content/library.ts";

/** Every content file under `questions/`, named relative to it. Node-only (CLI and test config). */
export function readContentFiles(root: string): ContentFile[] {
  const files: ContentFile[] = [];
  for (const folder of ["documents", "sets"]) {
    const dir = join(root, folder);
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name.startsWith(".")) continue;
      const full = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, full).split("\\").join("/"), content: readFileSync(full, "utf8") });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
