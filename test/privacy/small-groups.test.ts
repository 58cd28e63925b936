import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { buildReport } from '../../src/pipeline/build-report.js';
import { generateSample } from '../../src/sample/index.js';
import { countOfCell, suppressSmallGroups } from '../../src/report/small-groups.js';
import type { RenderedReport } from '../../src/report/html.js';
import type { ReportSection } from '../../src/report/section.js';
import { baseSpec, withCounts } from '../../src/charts/theme.js';
import { ONLINE_RETAIL } from '../helpers/data.js';
import { expectValidSpec } from '../helpers/charts.js';

const FIXED = new Date('2026-01-02T03:04:05Z');

/** Every count of people a reader can see, as [where, value]: count-column cells, chart count fields and "(n)" labels. */
function visibleCounts(sections: readonly ReportSection[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const s of sections) {
    for (const t of s.tables ?? []) {
      t.columns.forEach((c, i) => {
        if (c.kind !== 'count') return;
        for (const row of t.rows) {
          const n = countOfCell(row[i] ?? '');
          if (n !== undefined) out.push([`${s.id}/${t.caption}`, n]);
        }
      });
    }
    for (const c of s.charts ?? []) {
      const meta =
        (c.spec as { usermeta?: { counts?: string[]; countLabels?: Record<string, string> } }).usermeta ?? {};
      const values = (c.spec as { data?: { values?: Array<Record<string, unknown>> } }).data?.values ?? [];
      for (const r of values) {
        for (const f of meta.counts ?? []) {
          const v = r[f];
          if (typeof v === 'number') out.push([`${c.id}.${f}`, v]);
          for (const shown of [r[`${f}Label`], r[`${f}Tip`]])
            if (typeof shown === 'string' && countOfCell(shown) !== undefined)
              out.push([`${c.id}.${f}*`, countOfCell(shown)!]);
        }
        for (const label of Object.keys(meta.countLabels ?? {})) {
          const m = /\((\d[\d.,]*)\)$/.exec(String(r[label] ?? ''));
          if (m) out.push([`${c.id}.${label}`, Number(m[1]!.replace(/\D/g, ''))]);
        }
      }
    }
  }
  return out;
}

const small = (counts: Array<[string, number]>, min = 10) => counts.filter(([, n]) => n > 0 && n < min);
const suppressedCells = (r: RenderedReport) =>
  r.sections
    .flatMap((s) => [
      ...(s.tables ?? []).flatMap((t) => t.rows.flat()),
      ...(s.charts ?? []).flatMap((c) =>
        ((c.spec as { data?: { values?: Array<Record<string, unknown>> } }).data?.values ?? []).flatMap((v) =>
          Object.values(v),
        ),
      ),
    ])
    .filter((x) => typeof x === 'string' && x.startsWith('< 10')).length;

describe('small groups', () => {
  it('a count column shows 3 as "< 10", keeps 0 and 12, and adds the note; other columns are left alone', () => {
    const [s] = suppressSmallGroups(
      [
        {
          id: 'x',
          title: 'X',
          tables: [
            {
              caption: 'c',
              columns: [
                { label: 'Group' },
                { label: 'Customers', numeric: true, kind: 'count' },
                { label: 'Days', numeric: true },
              ],
              rows: [
                ['a', '3 *', '3'],
                ['b', '0', '4'],
                ['c', '1,212', '5'],
              ],
            },
          ],
        },
      ],
      { minGroup: 10, locale: 'en' },
    );
    expect(s!.tables![0]!.rows).toEqual([
      ['a', '< 10 *', '3'],
      ['b', '0', '4'],
      ['c', '1,212', '5'],
    ]);
    expect(s!.tables![0]!.note).toBe('Groups of fewer than 10 customers are shown as “< 10” to protect their privacy.');
  });

  it('a chart count below the minimum is nulled, its label empty and its tooltip "< 10"', () => {
    const spec = withCounts(['n'], {
      ...baseSpec('t', 'd'),
      data: {
        values: [
          { k: 'a', n: 4 },
          { k: 'b', n: 40 },
        ],
      },
      mark: 'bar',
      encoding: {
        x: { field: 'k', type: 'nominal' },
        y: { field: 'n', type: 'quantitative' },
        tooltip: [{ field: 'n', type: 'quantitative', title: 'Customers' }],
      },
    });
    const [s] = suppressSmallGroups(
      [{ id: 'x', title: 'X', charts: [{ id: 'c', title: 'c', description: 'd', spec }] }],
      { minGroup: 10, locale: 'nl' },
    );
    const out = s!.charts![0]!.spec as unknown as { data: { values: unknown[] }; encoding: { tooltip: unknown[] } };
    expect(out.data.values).toEqual([
      { k: 'a', n: null, nLabel: '', nTip: '< 10' },
      { k: 'b', n: 40, nLabel: '40', nTip: '40' },
    ]);
    expect(out.encoding.tooltip).toEqual([{ field: 'nTip', type: 'nominal', title: 'Customers' }]);
  });
});

describe('rendered reports show no group of fewer than 10 customers', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(async () => {
    await wb.close();
  });

  it('on the bundled Online Retail data', async () => {
    const r = await (
      await buildReport(wb, { file: ONLINE_RETAIL, preset: 'online-retail', generatedAt: FIXED })
    ).render();
    const counts = visibleCounts(r.sections);
    expect(counts.length).toBeGreaterThan(50);
    expect(small(counts)).toEqual([]);
  }, 300_000);

  it('on a 300-customer sample with its customers file, where many groups are small', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-privacy-'));
    const s = await generateSample({ customers: 300, seed: 11, out: join(dir, 's.csv') });
    const wb2 = await Workbench.open();
    try {
      const built = await buildReport(wb2, {
        file: s.transactionsFile,
        customers: s.customersFile,
        generatedAt: FIXED,
      });
      const r = await built.render();
      expect(small(visibleCounts(r.sections))).toEqual([]);
      expect(suppressedCells(r)).toBeGreaterThan(5);
      for (const c of r.sections.flatMap((x) => x.charts ?? [])) expectValidSpec(c.spec);
      // the same sections unsuppressed do hold small counts: the scan above can fail
      expect(small(visibleCounts(built.sections)).length).toBeGreaterThan(5);
      // pseudonyms and minimisation: no customer id anywhere in the file, only the attributes used are named
      const html = await built.toHtml();
      expect(html.match(/C\d{7}/g) ?? []).toEqual([]);
      const method = r.sections.find((x) => x.id === 'method')!;
      expect(Object.fromEntries(method.facts ?? [])).toMatchObject({
        'Smallest group shown, in customers (minGroup)': '10',
        'Personal attributes used (customers file)': 'age_band, region, city_size, nps',
      });
      const quality = JSON.stringify(r.sections.find((x) => x.id === 'data-quality'));
      expect(quality).not.toContain('true_cluster');
      expect(quality).not.toContain('acquisition_channel');
    } finally {
      await wb2.close();
    }
  }, 300_000);
});
