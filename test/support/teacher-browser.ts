import { env } from "cloudflare:workers";
import { createDb } from "../../src/db/client.ts";
import { insertTeacher } from "../../src/db/queries/teachers.ts";
import { hashPassword } from "../../src/teach/passwords.ts";
import { unique } from "./fixtures.ts";
import { StudentBrowser } from "./student.ts";

export const PASSWORD = "a-long-test-password";

/** Creates a teacher account directly in D1 (as `npm run teacher:create` does). */
export async function createTeacherAccount(name = "Test Teacher") {
  const email = `${unique("teacher")}@example.org`;
  const { db } = createDb(env.DB);
  const teacher = await insertTeacher(db, { email, displayName: name, passwordHash: await hashPassword(PASSWORD) });
  if (!teacher) throw new Error("could not create teacher");
  return { ...teacher, password: PASSWORD };
}

/** A browser signed in as a fresh teacher. */
export async function signedInTeacher(name?: string) {
  const teacher = await createTeacherAccount(name);
  const browser = new StudentBrowser();
  await browser.get("/teach/login");
  const response = await browser.post("/teach/login", { email: teacher.email, password: teacher.password, next: "/teach" });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  return { teacher, browser };
}

/** Posts a multipart form, as the set upload form does. */
export async function postMultipart(browser: StudentBrowser, path: string, fields: Record<string, string | File>) {
  return browser.postMultipart(path, fields);
}

/** The students' address of a teacher's set (its public slug), as the set's page links it. */
export async function studentSlug(browser: StudentBrowser, slug: string): Promise<string> {
  await browser.get(`/teach/sets/${slug}`);
  const found = /<a href="\/sets\/([a-z0-9-]+)">/.exec(browser.lastHtml)?.[1];
  if (!found) throw new Error(`no student link on the page of ${slug}`);
  return found;
}

/** The reader's address of a teacher's document (its public id), as the Documents page links it. */
export async function readerId(browser: StudentBrowser, id: string): Promise<string> {
  await browser.get("/teach/documents");
  const found = new RegExp(`<a href="/documents/([a-z0-9-]+)">${id}</a>`).exec(browser.lastHtml)?.[1];
  if (!found) throw new Error(`document ${id} is not listed`);
  return found;
}
