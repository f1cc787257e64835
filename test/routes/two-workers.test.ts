import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import student from "../../src/index.tsx";
import { isStudioPath } from "../../src/lib/studio-paths.ts";
import { FIXTURE_BODY } from "../support/content.ts";
import { unique } from "../support/fixtures.ts";
import { ORIGIN, textOf } from "../support/student.ts";
import { createTeacherWithToken } from "../support/teachers.ts";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

/**
 * Through the real student entry point, whose STUDIO binding (test/vitest.config.ts) is a real
 * service binding: the student app itself has no /teach or /api route, so a teacher page or an
 * API answer can only have come through the binding.
 */
function viaStudentWorker(path: string, init: RequestInit<IncomingRequestCfProperties> = {}): Promise<Response> {
  return Promise.resolve(student.fetch(new Request(new URL(path, ORIGIN), { redirect: "manual", ...init }), env, ctx));
}

describe("the student Worker hands the teacher area and the API to the studio Worker", () => {
  it("knows which paths are the studio's", () => {
    for (const path of ["/teach", "/teach/", "/teach/login?next=%2Fteach", "/teach/classes/x", "/api", "/api/sets", "/api/openapi.json"]) {
      expect(isStudioPath(`${ORIGIN}${path}`), path).toBe(true);
    }
    for (const path of ["/", "/teachers", "/apis", "/sets/teach", "/documents/api", "/assets/x/app.css", "/me?next=/teach"]) {
      expect(isStudioPath(`${ORIGIN}${path}`), path).toBe(false);
    }
  });

  it("serves teacher pages through the binding, with the same URLs", async () => {
    const login = await viaStudentWorker("/teach/login");
    expect(login.status).toBe(200);
    expect(textOf(await login.text())).toContain("Sign in");
    const dashboard = await viaStudentWorker("/teach");
    expect(dashboard.status).toBe(303);
    expect(dashboard.headers.get("Location")).toBe("/teach/login?next=%2Fteach");
  });

  it("passes API requests on unchanged: method, headers and body", async () => {
    const owner = await createTeacherWithToken();
    const id = unique("doc");
    const created = await viaStudentWorker("/api/documents", {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ id, title: "Forwarded", text: FIXTURE_BODY }),
    });
    expect(created.status).toBe(201);
    const read = await viaStudentWorker(`/api/documents/${id}`, { headers: { Authorization: `Bearer ${owner.token}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe("Forwarded");
    expect((await viaStudentWorker("/api/sets")).status).toBe(401);
  });

  it("keeps everything else in the student Worker", async () => {
    const page = await viaStudentWorker("/teachers");
    expect(page.status).toBe(404);
    expect(textOf(await page.text())).toContain("We could not find that page.");
  });

  it("keeps the client's address across the hop, so sign-in limits stay per address", async () => {
    const email = `${unique("forwarded")}@example.org`;
    const signIn = async (address: string) => {
      const page = await viaStudentWorker("/teach/login");
      const cookie = page.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      const response = await viaStudentWorker("/teach/login", {
        method: "POST",
        body: new URLSearchParams({ _csrf: token, email, password: "wrong-password-123" }),
        headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": address },
        cf: { colo: "TEST" } as IncomingRequestCfProperties,
      });
      return response.status;
    };
    const address = unique("203.0.113");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await signIn(address));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    // Had the studio lost `cf`, every request would count as "local", and this one too.
    expect(await signIn(unique("198.51.100"))).toBe(401);
  });
});
