import { exports } from "cloudflare:workers";
import worker from "./combined-worker.ts";

export const ORIGIN = "https://sourcewise.test";
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

/** Through the worker's own entry point, or through its fetch with a chosen env (to inject faults). */
function send(request: Request, env?: Env): Promise<Response> {
  return env ? Promise.resolve(worker.fetch(request, env, ctx)) : exports.default.fetch(request);
}

/**
 * A student's browser, reduced to what the server sees: one cookie jar, same-origin form
 * posts with the CSRF token from the last page, and no redirect following.
 */
export class StudentBrowser {
  private cookies = new Map<string, string>();
  private token: string | undefined;
  /** The question id each answer form on the last page carries, by form action, sent along as a browser would. */
  private hiddenFields = new Map<string, Record<string, string>>();
  lastHtml = "";

  async get(path: string, options: { env?: Env } = {}): Promise<Response> {
    const response = await send(new Request(new URL(path, ORIGIN), { headers: this.headers(), redirect: "manual" }), options.env);
    this.remember(response);
    this.lastHtml = await response.clone().text();
    this.token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1] ?? this.token;
    this.hiddenFields = hiddenFieldsOf(this.lastHtml);
    return response;
  }

  async post(path: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean; origin?: string; env?: Env } = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append("_csrf", this.csrfToken());
    for (const [name, value] of Object.entries(this.hiddenFields.get(path) ?? {})) if (!(name in fields)) body.append(name, value);
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    const headers = this.headers();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    headers.set("Origin", options.origin ?? ORIGIN);
    const response = await send(new Request(new URL(path, ORIGIN), { method: "POST", body, headers, redirect: "manual" }), options.env);
    this.remember(response);
    return response;
  }

  /** A multipart form post (file uploads), with the CSRF token added. */
  async postMultipart(path: string, fields: Record<string, string | File>): Promise<Response> {
    const body = new FormData();
    body.append("_csrf", this.csrfToken());
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const headers = this.headers();
    headers.set("Origin", ORIGIN);
    const response = await exports.default.fetch(new Request(new URL(path, ORIGIN), { method: "POST", body, headers, redirect: "manual" }));
    this.remember(response);
    return response;
  }

  /** Follows a 303 to its page, as a browser would. */
  async follow(response: Response): Promise<Response> {
    const location = response.headers.get("Location");
    if (!location) throw new Error(`expected a redirect, got ${response.status}`);
    return this.get(location);
  }

  /** The token from the last form this browser saw (it is tied to the identity cookie). */
  csrfToken(): string {
    if (!this.token) throw new Error("no CSRF token seen yet; get a page with a form first");
    return this.token;
  }

  /** Starts an attempt on a set and returns its id. */
  async startAttempt(slug: string): Promise<string> {
    await this.get(`/sets/${slug}`);
    const response = await this.post(`/sets/${slug}/attempts`);
    const id = /\/attempts\/([0-9a-f-]{36})\/questions\/1$/.exec(response.headers.get("Location") ?? "")?.[1];
    if (!id) throw new Error(`could not start an attempt on ${slug}: ${response.status}`);
    return id;
  }

  /** The Cookie header this browser would send. */
  cookieHeader(): string {
    return this.headers().get("Cookie") ?? "";
  }

  private headers(): Headers {
    const headers = new Headers();
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return headers;
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

/**
 * The hidden `question` field of each answer form on a page, by the form's action. Only that
 * field: tests choose every other field they send.
 */
function hiddenFieldsOf(html: string): Map<string, Record<string, string>> {
  const forms = new Map<string, Record<string, string>>();
  for (const [, action = "", inner = ""] of html.matchAll(/<form[^>]* method="post" action="(\/attempts\/[^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const question = /<input type="hidden" name="question" value="(\d+)"/.exec(inner)?.[1];
    if (question) forms.set(action, { question });
  }
  return forms;
}

/** Visible text of an HTML page, for asserting on what a person would read. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}
