import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { cohorts, type CohortResult } from '../../../src/analyses/cohorts/index.js';
import {
  cohortHeatmap,
  cohortLabel,
  cohortLtvCurves,
  cohortRetentionCurves,
  shownCohorts,
} from '../../../src/analyses/cohorts/charts.js';
import { renderSvg } from '../../../src/charts/render.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: object): Values => (spec as { data: { values: Values } }).data.values;

let wb: Workbench;
let monthly: CohortResult;
let weekly: CohortResult;
let byCountry: CohortResult;

beforeAll(async () => {
  wb = await Workbench.open();
  await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  monthly = await cohorts(wb);
  weekly = await cohorts(wb, { period: 'week' });
  byCountry = await cohorts(wb, { by: 'country' });
}, 120_000);
afterAll(() => wb.close());

describe('cohort charts', () => {
  it('labels cohorts by locale: months, ISO weeks, quarters, attribute values', () => {
    const dec = monthly.cohorts[0];
    expect(dec && cohortLabel(dec, 'month', 'en')).toBe('Dec 2010');
    expect(dec && cohortLabel(dec, 'month', 'nl')).toBe('dec 2010');
    expect(cohortLabel({ cohort: '2010-Q4', start: new Date('2010-10-01T00:00:00Z') }, 'quarter', 'nl')).toBe(
      'K4 2010',
    );
    expect(cohortLabel({ cohort: '2020-W53', start: new Date('2020-12-28T00:00:00Z') }, 'week', 'en')).toBe('2020-W53');
    expect(cohortLabel({ cohort: null }, 'month', 'nl')).toBe('(onbekend)');
    expect(shownCohorts(weekly, 12).map((c) => c.cohort)).toEqual(weekly.cohorts.slice(-12).map((c) => c.cohort));
    expect(shownCohorts(byCountry, 3).map((c) => c.cohort)).toEqual(['United Kingdom', 'Germany', 'France']);
  });

  it('heatmap: one cell per cohort × month with its retention written in, size in the row label, partial cells starred', async () => {
    const spec = cohortHeatmap(monthly);
    const values = valuesOf(spec);
    expect(values).toHaveLength(monthly.rows.length);
    // the first cohort is marked: it also holds every customer from before the data starts
    const dec1 = values.find((v) => v['row'] === 'Dec 2010 (885) †' && v['period'] === 1);
    expect(dec1).toMatchObject({ text: '37%', partial: false, active: 324 });
    expect(values.filter((v) => String(v['text']).endsWith('*'))).toHaveLength(13);
    expect(spec.title).toEqual({
      text: 'Customer retention by cohort',
      subtitle:
        '* partly observed (the data ends during this period); † Dec 2010 also holds customers from before the data starts',
    });
    const svg = await expectRenders(spec);
    expect(svg).toContain('Dec 2010 (885) †');
    expect(svg).toContain('37%');
    writeFileSync(join(tmpdir(), 'cohort-heatmap.svg'), svg);
  });

  it('revenue-retention heatmap in Dutch', async () => {
    const spec = cohortHeatmap(monthly, { metric: 'revenueRetention', locale: 'nl' });
    expect((spec.title as { text: string }).text).toBe('Omzetbehoud per cohort');
    const dec1 = valuesOf(spec).find((v) => v['row'] === 'dec 2010 (885) †' && v['period'] === 1);
    expect(dec1?.['value']).toBeCloseTo(monthly.rows[1]?.revenueRetention ?? NaN, 9);
    const svg = await expectRenders(spec);
    expect(svg).toContain('Maanden sinds eerste bestelling');
  });

  it('weekly heatmap keeps the latest 24 cohorts and drops the cell text when there are many columns', async () => {
    const spec = cohortHeatmap(weekly);
    const rows = new Set(valuesOf(spec).map((v) => v['row']));
    expect(rows.size).toBe(24);
    expect((spec.title as { subtitle: string }).subtitle).toBe(
      `latest 24 of ${weekly.cohorts.length} cohorts; * partly observed (the data ends during this period)`,
    );
    expect(JSON.stringify(spec)).not.toContain('"type":"text"');
    await expectRenders(spec);
  });

  it('retention curves: latest 12 cohorts without partial periods, plus the weighted average', async () => {
    const spec = cohortRetentionCurves(monthly);
    const values = valuesOf(spec);
    const series = [...new Set(values.filter((v) => v['kind'] === 'cohort').map((v) => v['series']))];
    // the latest 12 are Jan–Dec 2011; Dec 2011 has only its partial month 0, so it has no line
    expect(series).toEqual(monthly.cohorts.slice(-12, -1).map((c) => cohortLabel(c, 'month', 'en')));
    const avg = values.filter((v) => v['kind'] === 'average');
    // the average is of exactly the cohorts drawn (Dec 2010, hidden, would lift it above every line), by size,
    // and stops where fewer than 3 of them are observed (Jan–Nov 2011 reach at most month 10; months 9–10 have 1–2)
    const drawn = monthly.rows.filter(
      (r) =>
        series.includes(cohortLabel({ cohort: r.cohort, ...(r.start ? { start: r.start } : {}) }, 'month', 'en')) &&
        !r.partial,
    );
    const expected = [...new Set(drawn.map((r) => r.period))]
      .sort((a, b) => a - b)
      .flatMap((k) => {
        const cells = drawn.filter((r) => r.period === k);
        return cells.length >= 3
          ? [cells.reduce((s, r) => s + r.active, 0) / cells.reduce((s, r) => s + r.observed, 0)]
          : [];
      });
    expect(avg.map((v) => v['value'])).toEqual(expected);
    expect(avg).toHaveLength(9);
    for (const a of avg) {
      const lines = values
        .filter((v) => v['kind'] === 'cohort' && v['period'] === a['period'])
        .map((v) => v['value'] as number);
      expect(a['value']).toBeLessThanOrEqual(Math.max(...lines));
    }
    expect(values.some((v) => v['series'] === 'Jan 2011' && v['period'] === 11)).toBe(false); // Dec 2011 is partial
    const svg = await expectRenders(spec);
    expect(svg).toContain('Weighted average');
    writeFileSync(join(tmpdir(), 'cohort-curves.svg'), svg);
  });

  it('curves by country show the 10 largest countries; LTV curves use money on the axis', async () => {
    const spec = cohortRetentionCurves(byCountry, { locale: 'nl' });
    const series = new Set(
      valuesOf(spec)
        .filter((v) => v['kind'] === 'cohort')
        .map((v) => v['series']),
    );
    expect(series.size).toBe(10);
    expect(series.has('Verenigd Koninkrijk')).toBe(true); // a country from the data, in Dutch
    await expectRenders(spec);
    const ltv = cohortLtvCurves(monthly);
    const dec = valuesOf(ltv).filter((v) => v['series'] === 'Dec 2010');
    expect(dec).toHaveLength(0); // Dec 2010 is not among the latest 12
    const all = cohortLtvCurves(monthly, { maxCohorts: 13 });
    const dec1 = valuesOf(all).find((v) => v['series'] === 'Dec 2010 †' && v['period'] === 1);
    expect(dec1?.['value']).toBeCloseTo(monthly.rows[1]?.cumulativeRevenuePerCustomer ?? NaN, 9);
    // drawn, Dec 2010 stays out of the black line: the line is the cohort table's average
    const avg6 = valuesOf(all).find((v) => v['kind'] === 'average' && v['period'] === 6);
    expect(avg6?.['value']).toBeCloseTo(
      monthly.average.find((p) => p.period === 6)?.cumulativeRevenuePerCustomer ?? NaN,
      9,
    );
    expect((all.title as { subtitle: string }).subtitle).toBe(
      'partly observed periods left out; black line: average without Dec 2010; † Dec 2010 also holds customers from before the data starts',
    );
    const svg = await renderSvg(all);
    expect(svg).toContain('Cumulative revenue per customer');
    expect(svg).toMatch(/€\d/);
    expectValidSpec(cohortLtvCurves(byCountry, { locale: 'nl' }));
    const heat = cohortHeatmap(byCountry);
    expect(valuesOf(heat).find((v) => v['period'] === 0)?.['row']).toBe('United Kingdom (3,920)');
    expect((heat.title as { subtitle: string }).subtitle).toBe('largest 24 of 37 cohorts'); // no partial cells in attribute cohorts
    await expectRenders(heat);
    writeFileSync(join(tmpdir(), 'cohort-ltv.svg'), svg);
  });
});
