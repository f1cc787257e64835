import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import app from "../../src/index.tsx";
import { StudentBrowser } from "../support/student.ts";

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

describe("security defaults", () => {
  it("sends a strict CSP and the usual security headers", async () => {
    const response = await exports.default.fetch("https://sourcewise.test/");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "script-src 'self'"])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
  });

  it("sets an HttpOnly, SameSite=Lax identity cookie that is not Secure outside production", async () => {
    const response = await exports.default.fetch("https://sourcewise.test/");
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^sw_id=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("uses a __Host- Secure cookie in production", async () => {
    const response = await app.fetch(new Request("https://sourcewise.test/"), { ...env, ENVIRONMENT: "production" }, ctx);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-sw_id=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(response.headers.get("X-D1-Round-Trips")).toBeNull();
  });

  it("refuses to serve without a cookie secret, showing no detail", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await app.fetch(new Request("https://sourcewise.test/"), { ...env, COOKIE_SECRET: "" }, ctx);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain("Something went wrong on our side");
    expect(html).not.toContain("COOKIE_SECRET");
    expect(html).toMatch(/Reference: [0-9a-f-]{36}/);
    expect(String(logged.mock.calls[0]?.[0])).toContain("COOKIE_SECRET is missing");
    logged.mockRestore();
  });

  it("never shows a stack trace or SQL when the database fails", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = {
      ...env,
      DB: {
        withSession() {
          return this;
        },
        prepare: () => ({
          bind: () => ({ all: () => Promise.reject(new Error("SQLITE_ERROR: no such table: question_sets")) }),
          all: () => Promise.reject(new Error("SQLITE_ERROR: near SELECT")),
          raw: () => Promise.reject(new Error("SQLITE_ERROR")),
        }),
      },
    };
    const response = await app.fetch(new Request("https://sourcewise.test/"), broken as unknown as Env, ctx);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).not.toMatch(/SQLITE|SELECT|at .*\.ts|stack/i);
    expect(html).toContain("Something went wrong on our side");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("answers a malformed Host header with 400, never 500", async () => {
    for (const host of ["a b", "exa%mple", "[::1", "example.org:99999", "example.org:abc", "a..b"]) {
      const response = await exports.default.fetch(new Request("https://sourcewise.test/", { headers: { Host: host } }));
      expect(response.status, host).toBe(400);
      expect(await response.text()).toContain("Host header is not a valid host name");
    }
    for (const host of ["sourcewise.test", "localhost:8787", "127.0.0.1:8787", "[::1]:8787", "sourcewise.test."]) {
      const response = await exports.default.fetch(new Request("https://sourcewise.test/", { headers: { Host: host } }));
      expect(response.status, host).toBe(200);
    }
  });

  it("escapes content instead of rendering it as HTML", async () => {
    const browser = new StudentBrowser();
    await browser.get("/me");
    await browser.post("/me", { displayName: '<script>alert("x")</script>' });
    await browser.get("/me");
    expect(browser.lastHtml).not.toContain('<script>alert("x")</script>');
    expect(browser.lastHtml).toContain("&lt;script&gt;");
  });
});
