/**
 * A virtual browser for `npm run bench`: keeps its cookies (the identity cookie and D1's
 * bookmark), sends forms with its CSRF token and Origin, and follows nothing by itself.
 */
export class Browser {
  private cookies = new Map<string, string>();
  csrf = "";

  readonly base: URL;

  constructor(base: URL) {
    this.base = base;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<{ status: number; location: string; body: string }> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    const body = await response.text();
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, location: response.headers.get("location") ?? "", body };
  }

  /** GET that must answer 200 and contain `expect`. */
  async page(path: string, expect: string): Promise<string> {
    const { status, body } = await this.fetch(path);
    if (status !== 200) throw new Error(`GET ${path.replace(/[0-9a-f-]{36}/, ":id")}: ${status}`);
    if (!body.includes(expect)) throw new Error(`GET ${path.replace(/[0-9a-f-]{36}/, ":id")}: page without ${JSON.stringify(expect)}`);
    return body;
  }

  /** Reads the page's CSRF token, as a browser gets it with the form. */
  async openForm(path: string): Promise<void> {
    const body = await this.page(path, 'name="_csrf"');
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? "";
  }

  post(path: string, fields: Record<string, string>) {
    return this.fetch(path, {
      method: "POST",
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }),
      headers: { Origin: this.base.origin, "Content-Type": "application/x-www-form-urlencoded" },
    });
  }
}
