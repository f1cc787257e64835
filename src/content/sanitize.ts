import xss, { type IFilterXSSOptions } from "xss";

/**
 * The allow-list for HTML that comes from outside (Moodle `[html]` and `[markdown]` text):
 * paragraphs, emphasis, lists, line breaks, code, simple tables and links with safe schemes,
 * with no attributes but a link's href and title. Everything else (scripts, styles, event
 * handlers, images, `javascript:` URLs) is removed, tags and all.
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
  div: [],
  hr: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
};

const SAFE_URL = /^(https?:|mailto:)/i;

const OPTIONS: IFilterXSSOptions = {
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style", "template", "noscript", "iframe", "object", "svg", "math"],
  allowCommentTag: false,
  css: false,
  // A link whose address is unsafe keeps its text but loses the address altogether.
  onTagAttr(tag, name, value) {
    return tag === "a" && name === "href" && !SAFE_URL.test(value.trim()) ? "" : undefined;
  },
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
