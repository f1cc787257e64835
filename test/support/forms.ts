/**
 * What a browser would submit for one form of a page, read from its HTML: text and hidden
 * inputs, ticked boxes and chosen radios, textareas and selected options. Buttons are left out.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const body = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    const type = attr(tag, "type") ?? "text";
    if (!name || type === "submit" || type === "button" || type === "file") continue;
    if ((type === "checkbox" || type === "radio") && !/\schecked(="")?[\s>/]/.test(tag)) continue;
    fields[decode(name)] = decode(attr(tag, "value") ?? (type === "checkbox" ? "on" : ""));
  }
  for (const [, tag = "", content = ""] of body.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attr(tag, "name");
    if (name) fields[decode(name)] = decode(content);
  }
  for (const [, tag = "", options = ""] of body.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(tag, "name");
    if (!name) continue;
    const chosen = /<option value="([^"]*)" selected=""/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
    fields[decode(name)] = decode(chosen?.[1] ?? "");
  }
  // The test browser adds the CSRF token itself.
  delete fields._csrf;
  return fields;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
