/**
 * The Markdown that Moodle teachers write ([markdown] in GIFT, format="markdown" in Moodle XML):
 * paragraphs, *emphasis*, **strong**, `code`, fenced and indented code blocks, [links](url),
 * <autolinks>, lists, block quotes, headings (as bold paragraphs) and hard line breaks.
 * Raw HTML passes through, as in Markdown; the output is always sanitised by the caller.
 * Every step is a single pass over lines or a regex that cannot backtrack past a delimiter.
 */

const MAX_DEPTH = 6;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const INDENTED = /^(?: {4}|\t)(.*)$/;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function markdownToHtml(markdown: string): string {
  // U+E000 (private use) marks text set aside while rendering inline markup, so input may not contain it.
  return blocks(
    markdown
      .replace(/\uE000/g, "")
      .replace(/\r\n?/g, "\n")
      .split("\n"),
    0,
  );
}

function blocks(lines: readonly string[], depth: number): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.map((line) => line.trimStart()).join("\n"))}</p>`);
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      flush();
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] as string;
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(marker); i++) code.push(lines[i] as string);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    if (paragraph.length === 0 && INDENTED.test(line)) {
      const code: string[] = [];
      for (; i < lines.length; i++) {
        const indented = INDENTED.exec(lines[i] as string);
        if (indented) code.push(indented[1] as string);
        else if ((lines[i] as string).trim() === "") code.push("");
        else break;
      }
      while (code.at(-1) === "") code.pop();
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      out.push(`<p><strong>${inline(heading[1] as string)}</strong></p>`);
      i++;
      continue;
    }
    if (paragraph.length > 0 && SETEXT.test(line)) {
      const text = paragraph.join("\n");
      paragraph = [];
      out.push(`<p><strong>${inline(text)}</strong></p>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      out.push("<hr>");
      i++;
      continue;
    }
    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && (lines[i] as string).trim() !== ""; i++) {
        const match = QUOTE.exec(lines[i] as string);
        quoted.push(match ? (match[1] as string) : (lines[i] as string));
      }
      out.push(`<blockquote>${blocks(quoted, depth + 1)}</blockquote>`);
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet && depth < MAX_DEPTH) {
      flush();
      i = list(lines, i, depth, out);
      continue;
    }
    paragraph.push(line);
    i++;
  }
  flush();
  return out.join("");
}

/** A list from line `start`; returns the index after it. Items hold their indented continuation lines. */
function list(lines: readonly string[], start: number, depth: number, out: string[]): number {
  const first = BULLET.exec(lines[start] as string) as RegExpExecArray;
  const indent = (first[1] as string).length;
  const ordered = /\d/.test(first[2] as string);
  // Another item of this list: same kind of marker, not indented further than the first.
  const sibling = (line: string) => {
    const bullet = BULLET.exec(line);
    return bullet && (bullet[1] as string).length <= indent + 1 && /\d/.test(bullet[2] as string) === ordered ? bullet : null;
  };
  const items: string[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const bullet = sibling(line);
    if (bullet) {
      items.push([bullet[3] as string]);
      i++;
      continue;
    }
    const item = items.at(-1) as string[];
    const nested = line.length - line.trimStart().length > indent + 1;
    if (line.trim() === "") {
      // A blank line ends the list unless more of this item (indented) or another item follows.
      const next = lines[i + 1] ?? "";
      if (next.trim() !== "" && (next.length - next.trimStart().length > indent + 1 || sibling(next))) {
        loose = true;
        item.push("");
        i++;
        continue;
      }
      break;
    }
    if (nested) item.push(line.slice(Math.min(indent + 2, line.length - line.trimStart().length)));
    else if (item.at(-1) !== "" && !BULLET.test(line) && !QUOTE.test(line) && !HEADING.test(line) && !FENCE.test(line)) item.push(line);
    else break;
    i++;
  }
  const tag = ordered ? "ol" : "ul";
  const rendered = items.map((item) => {
    const html = blocks(item, depth + 1);
    // A tight item is one paragraph (maybe followed by a nested list): no <p> around its text.
    return `<li>${loose ? html : html.replace(/^<p>([\s\S]*?)<\/p>/, "$1")}</li>`;
  });
  out.push(`<${tag}>${rendered.join("")}</${tag}>`);
  return i;
}

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/y;
const ENTITY = /&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** Inline Markdown in one block's text. Code spans and escapes are set aside first so nothing else touches them. */
function inline(text: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE000`;
  let out = "";
  for (let i = 0; i < text.length; ) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!<>|~]/.test(text[i + 1] as string)) {
      out += keep(escapeHtml(text[i + 1] as string));
      i += 2;
    } else if (ch === "\\" && text[i + 1] === "\n") {
      out += keep("<br>");
      i += 1;
    } else if (ch === "`") {
      let run = 1;
      while (text[i + run] === "`") run++;
      const fence = "`".repeat(run);
      const end = text.indexOf(fence, i + run);
      if (end < 0) {
        out += keep(fence);
        i += run;
      } else {
        out += keep(`<code>${escapeHtml(text.slice(i + run, end).trim())}</code>`);
        i = end + run;
      }
    } else if (ch === "<") {
      AUTOLINK.lastIndex = i;
      const auto = AUTOLINK.exec(text);
      TAG.lastIndex = i;
      const tag = TAG.exec(text);
      if (auto) {
        out += keep(`<a href="${escapeHtml(auto[1] as string)}">${escapeHtml(auto[1] as string)}</a>`);
        i += (auto[0] as string).length;
      } else if (tag) {
        out += keep(tag[0]);
        i += tag[0].length;
      } else {
        out += "&lt;";
        i++;
      }
    } else if (ch === "&") {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(text);
      out += entity ? entity[0] : "&amp;";
      i += entity ? entity[0].length : 1;
    } else {
      out += ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : ch;
      i++;
    }
  }
  out = out
    .replace(/!\[([^\]\n]*)\]\(\s*([^()\s]*)(?:\s+&quot;[^"\n]*?&quot;)?\s*\)/g, (_, alt: string, src: string) => keep(`<img src="${src}" alt="${alt}">`))
    .replace(/\[([^\]\n]+)\]\(\s*([^()\s]*)(?:\s+&quot;([^"\n]*?)&quot;)?\s*\)/g, (_, label: string, url: string, title?: string) =>
      [keep(title ? `<a href="${url}" title="${title}">` : `<a href="${url}">`), label, keep("</a>")].join(""),
    )
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|\W)__(?=\S)([^_]*?\S)__(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, "<em>$1</em>")
    .replace(/(^|\W)_(?=[^\s_])([^_]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>")
    .replace(/ {2,}\n/g, "<br>\n");
  return out.replace(/\uE000(\d+)\uE000/g, (_, n: string) => kept[Number(n)] as string);
}
