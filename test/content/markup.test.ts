import { describe, expect, it } from "vitest";
import { markdownToHtml } from "../../src/content/markup/markdown.ts";
import { convertText, formatAsHtml, type Removed, xmlFormat } from "../../src/content/markup/moodle-text.ts";
import { sanitizeHtml } from "../../src/content/sanitize.ts";

/* The Markdown Moodle teachers write, and Moodle's four text formats (lib/weblib.php format_text). */

describe("markdownToHtml", () => {
  it("renders paragraphs, emphasis, strong, inline code and hard line breaks", () => {
    expect(markdownToHtml("One *em* and **strong**, _em_ and __strong__.\nSame paragraph.\n\nLine  \nbreak, `a*b*` code")).toBe(
      "<p>One <em>em</em> and <strong>strong</strong>, <em>em</em> and <strong>strong</strong>.\nSame paragraph.</p><p>Line<br>\nbreak, <code>a*b*</code> code</p>",
    );
    expect(markdownToHtml("snake_case_word and 2 * 3 * 4")).toBe("<p>snake_case_word and 2 * 3 * 4</p>");
    expect(markdownToHtml("\\*not em\\* and a \\`tick")).toBe("<p>*not em* and a `tick</p>");
  });

  it("renders links, autolinks and headings as bold lines (no page headings inside a question)", () => {
    expect(markdownToHtml('[the report](https://example.org/r?a=1&b=2 "Report") and <https://example.org>')).toBe(
      '<p><a href="https://example.org/r?a=1&amp;b=2" title="Report">the report</a> and <a href="https://example.org">https://example.org</a></p>',
    );
    expect(markdownToHtml("# Title\n\nText\n\nSub\n---")).toBe("<p><strong>Title</strong></p><p>Text</p><p><strong>Sub</strong></p>");
  });

  it("renders lists (tight, loose and nested), block quotes and code blocks", () => {
    // Unlike CommonMark, another bullet character carries on the same list.
    expect(markdownToHtml("- one\n- two\n  - nested\n* three")).toBe("<ul><li>one</li><li>two<ul><li>nested</li></ul></li><li>three</li></ul>");
    expect(markdownToHtml("1. a\n2. b\n\n3. c")).toBe("<ol><li><p>a</p></li><li><p>b</p></li><li><p>c</p></li></ol>");
    expect(markdownToHtml("> quoted\n> more\n\nafter")).toBe("<blockquote><p>quoted\nmore</p></blockquote><p>after</p>");
    expect(markdownToHtml("```\n<b>x</b>\n```")).toBe("<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>");
    expect(markdownToHtml("    indented <code>\n    two")).toBe("<pre><code>indented &lt;code&gt;\ntwo</code></pre>");
  });

  it("passes raw HTML through (as Markdown does) and escapes the rest; the sanitiser does the filtering", () => {
    expect(markdownToHtml("a <b>b</b> & c < d")).toBe("<p>a <b>b</b> &amp; c &lt; d</p>");
    const hostile = markdownToHtml('<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://x/i.png) <a href="#" onclick="x()">y</a>');
    // The javascript: link is not even read as a link: it stays harmless text.
    expect(sanitizeHtml(hostile)).toBe("<p> [x](javascript:alert(1))  <a>y</a></p>");
  });

  it("stays linear on pathological input", () => {
    for (const text of [
      "*".repeat(100_000),
      "_a".repeat(50_000),
      "[".repeat(100_000),
      ">".repeat(100_000),
      "- ".repeat(50_000),
      "`".repeat(100_000),
      "<".repeat(100_000),
    ])
      expect(typeof markdownToHtml(text)).toBe("string");
    expect(markdownToHtml(`${"> ".repeat(10_000)}deep`)).toContain("deep");
  });
});

describe("Moodle's text formats", () => {
  const convert = (text: string, format: Parameters<typeof convertText>[1]) => {
    const removed = new Set<Removed>();
    return { ...convertText(text, format, removed), removed: [...removed] };
  };

  it("follows format_text: html as written, moodle with line breaks, plain escaped, markdown rendered", () => {
    expect(formatAsHtml("a <b>b</b>\nc", "html")).toBe("a <b>b</b>\nc");
    // text_to_html: a line break next to a tag becomes a space, the others <br>.
    expect(formatAsHtml("a <b>b</b>\nc\n<p>d</p>", "moodle")).toBe("a <b>b</b> c <p>d</p>");
    expect(formatAsHtml("a\nb", "moodle")).toBe("a<br>b");
    expect(formatAsHtml("a <b>b</b>\nc", "plain")).toBe("a &lt;b&gt;b&lt;/b&gt;<br>c");
    expect(formatAsHtml("**b**", "markdown")).toBe("<p><strong>b</strong></p>");
    expect([
      xmlFormat("moodle_auto_format", "html"),
      xmlFormat("plain_text", "html"),
      xmlFormat("wiki_like", "html"),
      xmlFormat("odd", "plain"),
      xmlFormat(undefined, "markdown"),
    ]).toEqual(["moodle", "plain", "moodle", "html", "markdown"]);
  });

  it("keeps plain words plain: Moodle's <p> wrapper, styles and &nbsp; are not markup", () => {
    expect(convert('<p dir="ltr" style="text-align: left;">Tom&nbsp;&amp; Jerry&rsquo;s <span lang="en">cat</span><br></p>', "html")).toEqual({
      html: "Tom&nbsp;&amp; Jerry&rsquo;s cat",
      plain: "Tom & Jerry’s cat",
      removed: [],
    });
    expect(convert("<p>One</p><p>Two</p>", "html")).toEqual({ html: "<p>One</p><p>Two</p>", removed: [] });
    // An entity this table does not know keeps the text as HTML, so the browser shows it right.
    expect(convert("caf&eacute; &thorn;", "html").plain).toBeUndefined();
  });

  it("turns headings into bold paragraphs and reports images and unsafe markup it removed", () => {
    expect(convert("<h2>Part 1</h2><p>Text</p>", "html").html).toBe("<p><strong>Part 1</strong></p><p>Text</p>");
    expect(convert('<img src="@@PLUGINFILE@@/x.png"> Look', "html")).toEqual({ html: "Look", plain: "Look", removed: ["media"] });
    expect(convert('<a href="javascript:void(0)" onmouseover="x()">Go</a>', "moodle")).toEqual({ html: "<a>Go</a>", removed: ["unsafe"] });
    expect(convert("![chart](https://x/c.png) See the chart.", "markdown")).toEqual({ html: "See the chart.", plain: "See the chart.", removed: ["media"] });
  });
});
