/**
 * Escaping for the HTML report: the only two ways data reaches the page are as HTML text
 * (`escapeHtml`, or `escapeBreakable` for values that may hold file names) and as JSON inside a
 * `<script type="application/json">` (`jsonForScript`).
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content and double- or single-quoted attribute values.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A token that names a file (`CDNOW_master.txt`, `data/online_retail.csv.gz`): safe characters and an extension. */
const FILE_NAME = /^[\w~+@/\\.-]*\w\.[A-Za-z][A-Za-z0-9]{0,7}$/;
/** A hex digest (SHA-256 checksum): no words in it, so it may break anywhere. */
const HEX_DIGEST = /^[0-9a-f]{32,}$/i;

/**
 * Escape text for HTML element content, marking the tokens that may wrap where words may not: a file
 * name becomes `<span class="file">` with `<wbr>` after each `_`, `-`, `.` and `/` (it wraps there, not
 * mid-word), a hex digest `<span class="hash">`; the style sheet lets only those two break anywhere.
 * @example escapeBreakable('CDNOW_master.txt') // '<span class="file">CDNOW_<wbr>master.<wbr>txt</span>'
 */
export function escapeBreakable(text: string): string {
  return text
    .split(/(\s+)/)
    .map((token) => {
      // punctuation around a name (`(orders.csv)`, `orders.csv:`) stays outside the span
      const [, open = '', core = '', close = ''] =
        /^([("'\u201c\u2018]*)(.*?)([)"'\u201d\u2019,:;]*)$/.exec(token) ?? [];
      if (FILE_NAME.test(core))
        return `${escapeHtml(open)}<span class="file">${core.replace(/([_\-./])(?!$)/g, '$1<wbr>')}</span>${escapeHtml(close)}`;
      if (HEX_DIGEST.test(core)) return `${escapeHtml(open)}<span class="hash">${core}</span>${escapeHtml(close)}`;
      return escapeHtml(token);
    })
    .join('');
}

/**
 * Serialise a value as JSON that is safe inside a `<script>` element: `<`, `>` and `&` become
 * `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can appear) and U+2028/U+2029 are escaped.
 * `JSON.parse` of the element's text gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Make trusted JavaScript source (the vega bundles) safe to inline in a `<script>` element:
 * `</script` and `<!--` are split so the HTML parser never sees them, and source-map comments
 * are dropped so no tool tries to fetch a `.map` file.
 */
export function scriptSafe(source: string): string {
  return source
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}
