/**
 * Golden files of the demo report's text per locale: every word and number a reader sees (headings,
 * findings, tables, chart labels and descriptions), without the bytes that do not matter to a reader.
 * After an intended change of wording or figures, rewrite them with
 * `SWB_UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_TIMEOUT, demoReport } from '../helpers/demo-reports.js';
import { reportText } from '../helpers/report-text.js';

const golden = (locale: string): string =>
  fileURLToPath(new URL(`golden/online-retail.${locale}.txt`, import.meta.url));
const UPDATE = Boolean(process.env['SWB_UPDATE_GOLDEN']);

describe('report text', () => {
  it('reportText keeps words, one line per block, cells and terms on one line, no scripts or clock', () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body><header><h1>Report &amp; more</h1>
      <p class="generated">Generated 2023-11-14 22:13 UTC</p></header><script>var x = '<p>no</p>';</script>
      <dl><div><dt>Orders</dt><dd>1,234</dd></div></dl><table><tr><th>A</th> <td>&lt;b&gt;</td></tr></table>
      <figure><div role="img" aria-label="Chart &quot;one&quot;"><svg><path d="M0"/><text>Jan</text><text><tspan>Feb</tspan></text></svg></div>
      <figcaption>Note  on <strong>it</strong></figcaption></figure></body></html>`;
    expect(reportText(html)).toBe('Report & more\nOrders: 1,234\nA | <b>\n[image] Chart "one"\nJan\nFeb\nNote on it\n');
  });

  it.each(['en', 'nl'] as const)(
    'the %s Online Retail demo report reads as its golden file',
    async (locale) => {
      const built = await demoReport(locale);
      expect(built.code, built.stderr).toBe(0);
      const text = reportText(readFileSync(built.file, 'utf8'));
      if (UPDATE) writeFileSync(golden(locale), text);
      expect(text).toBe(readFileSync(golden(locale), 'utf8'));
    },
    DEMO_TIMEOUT,
  );
});
