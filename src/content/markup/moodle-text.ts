import { sanitizeHtml } from "../sanitize.ts";
import { escapeHtml, markdownToHtml } from "./markdown.ts";

/**
 * Moodle's four text formats and how Moodle displays each (format_text in lib/weblib.php):
 * `html` as written, `moodle` as HTML whose line breaks become <br>, `plain` escaped with
 * line breaks kept, `markdown` rendered. Whatever the format, the result goes through the
 * allow-list sanitiser, so scripts, event handlers, styles and images never reach a page.
 */
export type TextFormat = "moodle" | "html" | "plain" | "markdown";

/** A GIFT `[marker]`; Moodle only knows these four, in lower case. */
export function giftFormat(name: string): TextFormat | undefined {
  return name === "moodle" || name === "html" || name === "plain" || name === "markdown" ? name : undefined;
}

/** A Moodle XML `format` attribute; Moodle reads an unknown one as html. */
export function xmlFormat(name: string | undefined, fallback: TextFormat): TextFormat {
  const names: Record<string, TextFormat> = { moodle_auto_format: "moodle", html: "html", plain_text: "plain", wiki_like: "moodle", markdown: "markdown" };
  return name === undefined ? fallback : (names[name.trim()] ?? "html");
}

/** The name Moodle XML gives a format. */
export const XML_FORMAT_NAMES: Record<TextFormat, string> = { moodle: "moodle_auto_format", html: "html", plain: "plain_text", markdown: "markdown" };

/** What sanitising took away, for the import report. */
export type Removed = "media" | "unsafe";

const MEDIA = /@@PLUGINFILE@@|<(?:img|audio|video|object|embed|iframe|svg|picture|source|track)\b/i;
const UNSAFE = /<(?:script|style|link|meta|base|form)\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text\/html/i;

/** Moodle's display rules for one text, as HTML not yet sanitised. */
export function formatAsHtml(text: string, format: TextFormat): string {
  switch (format) {
    case "html":
      return text;
    case "markdown":
      return markdownToHtml(text);
    case "plain":
      return escapeHtml(text).replace(/\r?\n/g, "<br>");
    case "moodle":
      // text_to_html: no line breaks next to tags, the rest become <br>.
      return text
        .replace(/>[ \t\r\n]+</g, "><")
        .replace(/[\r\n]</g, " <")
        .replace(/>[\r\n]/g, "> ")
        .replace(/\r?\n/g, "<br>");
  }
}

/**
 * One text from Moodle, sanitised. `plain` is set when no markup is left (a lone <p> around
 * plain words counts as none), so most questions stay plain text.
 */
export function convertText(text: string, format: TextFormat, removed: Set<Removed>): { html: string; plain?: string } {
  const raw = formatAsHtml(text, format);
  if (MEDIA.test(raw)) removed.add("media");
  if (UNSAFE.test(raw)) removed.add("unsafe");
  // Headings would break the page outline: they become bold paragraphs.
  const html = trimBreaks(sanitizeHtml(raw.replace(/<h[1-6]\b[^>]*>/gi, "<p><strong>").replace(/<\/h[1-6]\s*>/gi, "</strong></p>")));
  // One paragraph needs no <p>: the text then also fits in a label or a legend.
  const inner = unwrapParagraph(html);
  if (/<[a-z!/]/i.test(inner)) return { html: inner };
  const plain = decodeEntities(inner);
  return plain === undefined ? { html: inner } : { html: inner, plain: plain.replace(/[ \t\r\n\f]+/g, " ").trim() };
}

/** `<p>words</p>` as `words`; anything with more structure is left alone. */
function unwrapParagraph(html: string): string {
  if (!html.startsWith("<p>") || !html.endsWith("</p>")) return html;
  const inner = html.slice(3, -4);
  return inner.includes("<p>") || inner.includes("</p>") ? html : inner.trim();
}

function trimBreaks(html: string): string {
  let out = html.replace(/(?:<br\s*\/?>\s*)+<\/p>/gi, "</p>").trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const tail of ["<br>", "<br />", "<br/>", "<p></p>", "&nbsp;"]) {
      if (out.endsWith(tail)) {
        out = out.slice(0, -tail.length).trimEnd();
        changed = true;
      }
    }
  }
  return out;
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  deg: "°",
  euro: "€",
  pound: "£",
  copy: "©",
  times: "×",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  ouml: "ö",
  uuml: "ü",
  auml: "ä",
};

/** Text with its character references resolved; undefined if it uses one this table does not know. */
export function decodeEntities(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "";
    }
    const char = NAMED[name.toLowerCase()];
    if (char === undefined) unknown = true;
    return char ?? match;
  });
  return unknown ? undefined : decoded;
}

export { escapeHtml };
