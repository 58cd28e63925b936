/**
 * Reading a report's embedded results: a hostile segment name cannot close the script element and comes back
 * as data; a file that is not a workbench report, one without results, one of another results format and a
 * damaged block each get their own error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/report/report.js';
import { parseReportData, readReportData } from '../../src/compare/read.js';
import { REPORT_DATA_FORMAT, REPORT_DATA_SCHEMA, type ReportData } from '../../src/compare/data.js';
import { isWorkbenchError } from '../../src/errors.js';

const HOSTILE = '</script><script>alert(1)</script><!-- \u2028 & "x"';

const data = (name: string): ReportData => ({
  format: REPORT_DATA_FORMAT,
  schema: REPORT_DATA_SCHEMA,
  facts: {
    version: '1.0.0',
    source: 'orders.csv',
    period: { first: '2011-01-01', last: '2011-12-09' },
    asOf: '2011-12-10',
    mapping: 'preset online-retail',
    returns: 'net',
    segmentMap: 'standard, 5 bins, abc',
    currency: 'GBP',
    minGroup: 10,
  },
  customers: 100,
  orders: 250,
  revenue: 1234.5,
  groupings: [
    {
      id: 'by:country',
      kind: 'by',
      variable: 'country',
      customers: 100,
      segments: [{ key: name, label: name, customers: 100, revenue: null }],
    },
  ],
  kpis: [],
  cohorts: null,
});

const html = (d: unknown) => report({ title: 'T', data: d }).toHtml({ generatedAt: new Date('2023-11-14T22:13:00Z') });

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isWorkbenchError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('embedded results', () => {
  it('keeps a hostile segment name inside its script element and gives it back as data', async () => {
    const page = await html(data(HOSTILE));
    // The only `</script>` tags are the real ends of elements: the block has no `<` at all.
    const block = /<script type="application\/json" id="swb-results">([^]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(block).not.toMatch(/[<>\u2028]/);
    expect(page.match(/<script/g)?.length).toBe(page.match(/<\/script>/g)?.length);
    expect(page).not.toContain('<script>alert(1)');
    expect(parseReportData(page).groupings[0]?.segments[0]?.key).toBe(HOSTILE);
  });

  it('says what is wrong with a file that cannot be compared', async () => {
    const good = await html(data('United Kingdom'));
    expect(errorOf(() => parseReportData('name,amount\n', 'orders.csv'))).toEqual({
      code: 'NOT_A_REPORT',
      message: expect.stringContaining('orders.csv is not a segment-workbench report: it is not an HTML page'),
    });
    expect(errorOf(() => parseReportData('<!DOCTYPE html><html><body>hi</body></html>', 'x.html')).message).toContain(
      'no generator mark',
    );
    expect(
      errorOf(() =>
        parseReportData(
          good.replace(/<script type="application\/json" id="swb-results">[^<]*<\/script>/, ''),
          'old.html',
        ),
      ).message,
    ).toContain('old.html is a segment-workbench report without embedded results');
    const other = await html({ ...data('UK'), schema: 99, facts: { ...data('UK').facts, version: '7.0.0' } });
    expect(errorOf(() => parseReportData(other, 'next.html'))).toEqual({
      code: 'REPORT_VERSION',
      message: expect.stringContaining(
        'next.html was written by segment-workbench 7.0.0 with results format 99; this version reads format 1',
      ),
    });
    const damaged = good.replace('"customers":100,"orders"', '"customers":-1,"orders"');
    expect(errorOf(() => parseReportData(damaged, 'r.html'))).toEqual({
      code: 'MALFORMED_FILE',
      message: expect.stringContaining('The embedded results of r.html are damaged (customers is not a count)'),
    });
    const cut = good.replace('"format"', '"format');
    expect(errorOf(() => parseReportData(cut, 'r.html')).message).toContain('damaged (not JSON)');
  });

  it('reads a report file, and names a file that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-read-'));
    writeFileSync(join(dir, 'r.html'), await html(data('UK')));
    expect((await readReportData(join(dir, 'r.html'))).customers).toBe(100);
    await expect(readReportData(join(dir, 'nope.html'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: expect.stringContaining('nope.html: there is no such file'),
    });
  });
});
