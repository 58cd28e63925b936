import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptSafe } from '../../src/report/escape.js';
import { prefixSvgIds } from '../../src/report/svg.js';
import { FIXED_TIME, fixtureReport, HOSTILE, HOSTILE_SCRIPT } from './fixtures.js';

/** The page without the content of its `<script>` elements (bundles and JSON specs). */
function markupOnly(html: string): string {
  return html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
}

describe('escaping', () => {
  it('escapeHtml turns markup into text', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;');
  });

  it('jsonForScript cannot close its script element and parses back to the same value', () => {
    const value = { a: HOSTILE_SCRIPT, b: '<!-- x -->', c: 'line\u2028sep\u2029', d: 'a & b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('scriptSafe splits </script and drops source-map comments', () => {
    const js = 'var s = "</script>";\n//# sourceMappingURL=x.min.js.map';
    const safe = scriptSafe(js);
    expect(safe).not.toMatch(/<\/script/i);
    expect(safe).not.toContain('sourceMappingURL');
    expect(safe).toContain('var s = "<\\/script>";');
  });

  it('prefixSvgIds renames ids and their references only', () => {
    const svg =
      '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"></g><use href="#clip1"/><a href="#other"/></svg>';
    expect(prefixSvgIds(svg, 'chart-a-')).toBe(
      '<svg><defs><clipPath id="chart-a-clip1"><rect/></clipPath></defs><g clip-path="url(#chart-a-clip1)"></g><use href="#chart-a-clip1"/><a href="#other"/></svg>',
    );
  });
});

describe('renderReportHtml', () => {
  it('shows hostile strings from every data-derived field as text, never as markup', async () => {
    const html = await fixtureReport('en').toHtml();
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/<img/i);
    expect(markup).not.toContain('<script>alert');
    // Title, header, findings, table cells, captions, notes, file name, column mapping, warnings, options.
    const escaped = escapeHtml(HOSTILE);
    for (const text of [
      `<title>Report ${escaped}</title>`,
      `<h1>Report ${escaped}</h1>`,
      `<li>Champions ${escaped} bring 43% of revenue</li>`,
      `<th scope="row">${escaped}</th>`,
      `<caption>Segments ${escaped}</caption>`,
      `<p class="note">Note ${escaped}</p>`,
      `<dd>${escaped}.csv</dd>`,
      `<td>${escaped}</td>`,
      `<th scope="row">RFM ${escaped}</th>`,
      `<li>Columns not used: &quot;${escaped}&quot;.</li>`,
      escapeHtml(HOSTILE_SCRIPT),
    ]) {
      expect(markup).toContain(text);
    }
    // Static SVG text from chart data is escaped by vega.
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;</text>');
    // Specs: JSON with < escaped, and exactly the vega bundles + options + specs + init as scripts.
    const specs = [
      ...html.matchAll(
        /<script type="application\/json" class="chart-spec" data-chart="([^"]+)">([\s\S]*?)<\/script>/g,
      ),
    ];
    expect(specs.map((m) => m[1])).toEqual(['chart-by-country', 'chart-scatter']);
    for (const m of specs) expect(m[2]).not.toContain('<');
    expect(JSON.stringify(JSON.parse(specs[0]?.[2] ?? 'null'))).toContain(HOSTILE);
    expect(html.match(/<script/g)?.length).toBe(7);
  });

  it('is self-contained: no URL outside the inlined bundles and spec $schema', async () => {
    const markup = markupOnly(await fixtureReport('en').toHtml()).replace(/ xmlns(:xlink)?="[^"]*"/g, '');
    expect(markup).not.toMatch(/\b(src|href)="(?!#)/);
    expect(markup).not.toMatch(/https?:\/\//);
    expect(markup).toContain('default-src &#39;none&#39;');
  });

  it('has a lang attribute, one h1, headings in order and scoped table headers', async () => {
    const html = markupOnly(await fixtureReport('nl').toHtml());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)/);
    expect(html).toContain('<h2 id="sec-summary-h">Samenvatting</h2>');
  });

  it('formats numbers for the locale: € 1.234,50 (no-break space) in nl, €1,234.50 in en', async () => {
    const nl = await fixtureReport('nl').toHtml();
    const en = await fixtureReport('en').toHtml();
    expect(nl).toContain('Een gemiddelde bestelling is €\u00a01.234,50 waard');
    expect(nl).toContain('<dd>€\u00a02.469</dd>');
    expect(nl).toContain('<dd>4 jan 2011 – 9 dec 2011</dd>');
    expect(en).toContain('An average order is worth €1,234.50');
    expect(en).toContain('<dd>€2,469</dd>');
    // Chart axes in nl use the Dutch separators (static SVG rendered with the nl number locale).
    expect(nl).toMatch(/>\d\.\d{3},00<\/text>/);
    expect(nl).toContain('"formatLocale":{"decimal":",","thousands":"."');
  });

  it('is byte-identical for the same input and fixed generatedAt; only the generated line depends on time', async () => {
    const a = await fixtureReport('en').toHtml();
    const b = await fixtureReport('en').toHtml();
    expect(a === b).toBe(true);
    const c = await fixtureReport('en').toHtml({ generatedAt: new Date(FIXED_TIME.getTime() + 86_400_000) });
    const la = a.split('\n');
    const lc = c.split('\n');
    expect(lc.length).toBe(la.length);
    const differing = la.flatMap((line, i) => (line === lc[i] ? [] : [line]));
    expect(differing).toEqual(['<p class="generated">Generated 2026-01-02 03:04 UTC</p>']);
  });

  it('rejects duplicate section and chart ids', () => {
    const r = fixtureReport('en');
    expect(() => r.add({ id: 'summary', title: 'again' })).toThrow('duplicate section id: summary');
    expect(() =>
      r.add({
        id: 'x',
        title: 'x',
        charts: [{ id: 'scatter', title: 't', description: 'd', spec: { mark: 'point' } as never }],
      }),
    ).toThrow('duplicate chart id: scatter');
  });
});
