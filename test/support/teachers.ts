import { env, exports } from "cloudflare:workers";
import { createDb } from "../../src/db/client.ts";
import { createApiToken, insertTeacher, type Teacher } from "../../src/db/queries/teachers.ts";
import { hashPassword } from "../../src/teach/passwords.ts";
import { unique } from "./fixtures.ts";
import { ORIGIN } from "./student.ts";

export interface ApiTeacher {
  teacher: Teacher;
  token: string;
  tokenId: string;
}

/** A new teacher with one API token; every call makes a different teacher. */
export async function createTeacherWithToken(name = "teacher"): Promise<ApiTeacher> {
  const { db } = createDb(env.DB);
  const teacher = await insertTeacher(db, {
    email: `${unique(name)}@school.test`,
    displayName: `Test ${name}`,
    passwordHash: await hashPassword("correct horse battery staple"),
  });
  if (!teacher) throw new Error("could not create a test teacher");
  const { id, token } = await createApiToken(db, teacher.id, "tests");
  return { teacher, token, tokenId: id };
}

/** A JSON API request through the worker, as a client outside it would send it. */
export async function apiRequest(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  return exports.default.fetch(new Request(new URL(path, ORIGIN), { method, headers, body }));
}
