/**
 * The visible text of a report, for golden-file tests that must not care about bytes (chart specs,
 * SVG paths, CSS): scripts, styles and markup go, one line per block element, table cells joined by
 * ` | `, a term and its description by `: `, and each text label of a static SVG chart on its own line
 * (after the chart's `[image]` description). The generated-at line is left out: it holds the clock.
 */

const BLOCK =
  'address|article|aside|blockquote|body|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|noscript|ol|p|section|summary|table|tbody|tfoot|thead|tr|ul';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** The text labels of one static SVG chart, one per line. */
function svgText(svg: string): string {
  const labels = Array.from(svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g), (m) =>
    (m[1] ?? '').replace(/<[^>]*>/g, ' '),
  );
  return `\n${labels.join('\n')}\n`;
}

/**
 * Visible text of a report's HTML, one line per block, whitespace collapsed, no empty lines.
 * @example reportText('<p>a <b>b</b></p><p>c</p>') // 'a b\nc\n'
 */
export function reportText(html: string): string {
  const body = html.slice(Math.max(0, html.search(/<body\b/i)));
  const text = body
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<p class="generated">[\s\S]*?<\/p>/g, '')
    // The scroll cue shows only while a block overflows the screen: not part of what the report says.
    .replace(/<p class="scroll-hint"[^>]*>[\s\S]*?<\/p>/g, '')
    .replace(
      /<[a-z]+\b[^>]*\brole="img"[^>]*\baria-label="([^"]*)"[^>]*>/gi,
      (tag, label: string) => `\n[image] ${label}\n${tag}`,
    )
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, svgText)
    .replace(/<\/t[hd]>\s*(?=<t[hd]\b)/gi, ' | ')
    .replace(/<\/dt>\s*<dd\b[^>]*>/gi, ': ')
    .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]*>/g, '');
  const lines = decode(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return `${lines.join('\n')}\n`;
}
