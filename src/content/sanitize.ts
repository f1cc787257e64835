import xss, { type IFilterXSSOptions } from "xss";

/**
 * The allow-list for HTML that comes from outside (Moodle `[html]` and `[markdown]` text):
 * paragraphs, emphasis, lists, line breaks, code and links with safe schemes. Everything else
 * (scripts, styles, event handlers, images, `javascript:` URLs) is removed, tags and all.
 */
const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  em: [],
  i: [],
  strong: [],
  b: [],
  u: [],
  sub: [],
  sup: [],
  ul: [],
  ol: [],
  li: [],
  code: [],
  pre: [],
  blockquote: [],
  a: ["href", "title"],
};

const SAFE_URL = /^(https?:|mailto:)/i;

const OPTIONS: IFilterXSSOptions = {
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style", "template", "noscript", "iframe", "object", "svg", "math"],
  allowCommentTag: false,
  css: false,
  safeAttrValue(tag, name, value) {
    if (tag === "a" && name === "href") {
      const url = value.trim();
      return SAFE_URL.test(url) ? url.replace(/"/g, "%22") : "";
    }
    return value.replace(/"/g, "&quot;");
  },
};

export function sanitizeHtml(html: string): string {
  // The default export (a function) is the one entry point that survives CommonJS interop everywhere.
  return xss(html, OPTIONS).trim();
}

/** The text of sanitised HTML, for lint checks, lengths and plain-text exports. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|li|blockquote|pre)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}
