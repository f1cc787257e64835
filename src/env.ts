import type { Database, QueryCounter } from "./db/client.ts";
import type { Teacher } from "./db/queries/teachers.ts";

/** Per-request values set by middleware in src/index.ts. */
export interface AppVariables {
  db: Database;
  d1Queries: QueryCounter;
  requestId: string;
  /** The anonymous student id from the signed cookie. */
  studentId: string;
  /** The CSRF token every form on the page must send back as `_csrf`. */
  csrfToken: string;
  /** The signed-in teacher (/teach pages) or the API token's owner (/api). */
  teacher?: Teacher;
}

/** Bindings come from `wrangler types` (worker-configuration.d.ts); never write them by hand. */
export type AppEnv = { Bindings: Env; Variables: AppVariables };
