// Picking one element out of server HTML in tests, without a DOM: the whole element carrying a
// data-testid (nested elements of the same tag counted, so a list inside a list item stays whole).
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** The outer HTML of the first element with `data-testid="<testId>"`, or null when there is none. */
export function elementByTestId(html: string, testId: string): string | null {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return null;
  const start = html.lastIndexOf("<", at);
  const tag = /^<([a-zA-Z0-9]+)/.exec(html.slice(start))![1].toLowerCase();
  const openEnd = html.indexOf(">", at);
  if (VOID.has(tag) || html[openEnd - 1] === "/") return html.slice(start, openEnd + 1);
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = openEnd + 1;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

/** Every element's outer HTML with the given data-testid (in document order). */
export function elementsByTestId(html: string, testId: string): string[] {
  const out: string[] = [];
  let rest = html;
  for (let el = elementByTestId(rest, testId); el; el = elementByTestId(rest, testId)) {
    out.push(el);
    rest = rest.slice(rest.indexOf(el) + el.length);
  }
  return out;
}

/** The text of some HTML: tags dropped, the few entities React writes decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replaceAll("&amp;", "&")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}
