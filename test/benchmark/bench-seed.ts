import { randomUUID } from "node:crypto";
import { hashPassword } from "../../src/teach/passwords.ts";
import type { D1Database } from "./bench-cluster.ts";

export { seedClass } from "../support/class-fixture.ts";

export async function createTeacher(db: D1Database, email: string, password: string): Promise<string> {
  const id = randomUUID();
  await db
    .prepare("INSERT INTO teachers (id, email, display_name, password_hash) VALUES (?, ?, ?, ?)")
    .bind(id, email, "Bench Teacher", await hashPassword(password))
    .run();
  return id;
}
