import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { WorkbenchError } from '../../src/errors.js';
import {
  attempt,
  comparisonDates,
  dataPeriod,
  hasColumn,
  holdoutDates,
  needColumns,
} from '../../src/notebook/checks.js';
import {
  clusterKReading,
  clvHoldoutReading,
  cohortCurveReading,
  cohortGroupsReading,
  cohortLtvReading,
  cohortRetentionReading,
  cohortRevenueReading,
  rfmSegmentsReading,
} from '../../src/notebook/readings.js';
import { cohorts } from '../../src/analyses/cohorts/index.js';
import type { RfmResult } from '../../src/analyses/rfm/index.js';
import type { ClusterResult } from '../../src/analyses/clusters/index.js';
import type { ClvResult } from '../../src/analyses/clv/types.js';
import { transactions } from '../helpers/fixture-tables.js';

/** What the checks printed (outside a kernel, Markdown goes to stdout). */
function captured(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe('notebook checks on data that lacks something', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, [
      ['A', 'a1', '2023-01-10', 10],
      ['A', 'a2', '2023-03-01', 20],
      ['B', 'b1', '2023-07-31', 5],
    ]);
  });
  afterEach(() => wb.close());

  it('hasColumn and needColumns say what is missing, in words', async () => {
    expect(await hasColumn(wb, 'transactions', 'amount')).toBe(true);
    expect(await hasColumn(wb, 'transactions', 'nps')).toBe(false);
    const out = captured();
    const ok = await needColumns(wb, 'transactions', ['amount', 'nps'], { skipped: 'NPS by country' });
    const noTable = await needColumns(wb, 'customers', ['age_band'], { locale: 'nl' });
    out.restore();
    expect([ok, noTable]).toEqual([false, false]);
    expect(out.lines[0]).toContain(
      'the `transactions` table has no `nps` column, so this notebook leaves out NPS by country.',
    );
    expect(out.lines[1]).toContain('er is geen tabel `customers`');
  });

  it('attempt shows a data error in words and returns undefined; other errors still throw', async () => {
    const out = captured();
    const r = await attempt(() => Promise.reject(new WorkbenchError('NO_DATA', 'no repeat buyers.')), {
      skipped: 'the CLV',
    });
    out.restore();
    expect(r).toBeUndefined();
    expect(out.lines.join('')).toContain('**Cannot be computed on this data (the CLV):** no repeat buyers.');
    await expect(attempt(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });

  it('dates come from the data period: first and last purchase, six months back, a holdout that fits', async () => {
    const p = await dataPeriod(wb);
    expect([p?.first.toISOString().slice(0, 10), p?.last.toISOString().slice(0, 10), p?.days]).toEqual([
      '2023-01-10',
      '2023-07-31',
      202,
    ]);
    // six months before 1 Aug is 1 Feb, before a quarter of the 203 days has passed: moved to 51 days after 10 Jan
    const d = await comparisonDates(wb, { months: 6 });
    expect([d?.from.toISOString().slice(0, 10), d?.to.toISOString().slice(0, 10)]).toEqual([
      '2023-03-02',
      '2023-08-01',
    ]);
    const three = await comparisonDates(wb, { months: 3 });
    expect(three?.from.toISOString().slice(0, 10)).toBe('2023-05-01');
    // 202 days: 13 weeks (91 days) held out leave 111 days of calibration; 20 weeks (140) would leave 62
    expect((await holdoutDates(wb, { holdoutWeeks: 13 }))?.calibrationEnd.toISOString().slice(0, 10)).toBe(
      '2023-05-01',
    );
    const out = captured();
    const long = await holdoutDates(wb, { holdoutWeeks: 20 });
    out.restore();
    expect(long?.check).toBe(false);
    expect(out.lines.join('')).toContain('202 days of purchases are too few to hold out 20 weeks');
  });
});

describe('readings written from the result', () => {
  it('names the best k, its band and the k the notebook goes on with', () => {
    const result = {
      k: 2,
      silhouette: 0.578,
      kTable: [
        { k: 2, inertia: 1, silhouette: 0.578 },
        { k: 3, inertia: 1, silhouette: 0.45 },
        { k: 4, inertia: 1, silhouette: 0.416 },
      ],
    } as unknown as ClusterResult;
    expect(clusterKReading(result, 'en', 4)).toBe(
      'On this data the silhouette is highest at k = 2 (0.58): the groups are clearly separated. With k = 4 it is 0.42, lower, but more groups may say more.',
    );
    expect(clusterKReading(result, 'nl')).toBe(
      'Op deze data is de silhouetscore het hoogst bij k = 2 (0,58): de groepen liggen duidelijk uit elkaar.',
    );
  });

  it('compares predicted with actual holdout purchases', () => {
    const result = {
      holdout: { length: 13, rows: [], actualTotal: 4500, predictedTotal: 3400 },
      bgnbd: { r: 1, alpha: 1, a: 1e-5, b: 1 },
    } as unknown as ClvResult;
    expect(clvHoldoutReading(result, 'en')).toBe(
      'In the holdout weeks the model predicted 3,400 purchases against 4,500 made: 24% too few. The fit finds almost no sign of customers stopping, so P(alive) stays high for nearly everyone.',
    );
  });
});

describe('cohort and RFM readings', () => {
  it('reads retention, revenue and cumulative revenue from the cohort result', async () => {
    const wb = await Workbench.open();
    try {
      // one January cohort of 4: A and B come back in February (period 1), B again in June (period 5)
      await transactions(wb, [
        ['A', 'a1', '2023-01-05', 100],
        ['A', 'a2', '2023-02-05', 50],
        ['B', 'b1', '2023-01-06', 100],
        ['B', 'b2', '2023-02-06', 100],
        ['B', 'b3', '2023-06-06', 40],
        ['C', 'c1', '2023-01-07', 100],
        ['D', 'd1', '2023-01-08', 100],
      ]);
      const r = await cohorts(wb, { asOf: new Date('2023-07-01T00:00:00Z') });
      expect(cohortRetentionReading(r, 'en')).toBe(
        'On average (weighted by cohort size), 50% of a cohort ordered again in the month after the first order, and 25% 5 months after it.',
      );
      // revenue per customer: period 0 = 100, period 1 = 150 / 4 = 37.5 (38%), period 5 = 40 / 4 = 10 (10%)
      expect(cohortRevenueReading(r, 'en')).toBe(
        "Revenue per customer in the month after the first order is on average 38% of the first month's, and 10% 5 months after it.",
      );
      // cumulative: 100 after period 0, 100 + 37.5 + 10 = 147.5 after period 5
      expect(cohortLtvReading(r, 'en', 'GBP')).toBe(
        'On average a customer brought £100 in the first month and £148 in total after 5 months: compare that with what it costs to win one.',
      );
      expect(cohortCurveReading(r, 'nl')).toBe(
        'Van periode 3 tot 5 vlakt de gemiddelde curve af: een trouwe kern blijft kopen. Het laatste punt (periode 5) rust op maar 1 cohort.',
      );
    } finally {
      await wb.close();
    }
  });

  it('reads cohorts by country: the largest group against all groups', async () => {
    const wb = await Workbench.open();
    try {
      // NL: 3 customers, 2 back in month 1; DE: 1 customer, not back → 67% against 50% over all
      await transactions(wb, [
        ['A', 'a1', '2023-01-05', 10, 'NL'],
        ['A', 'a2', '2023-02-05', 10, 'NL'],
        ['B', 'b1', '2023-03-06', 10, 'NL'],
        ['B', 'b2', '2023-04-06', 10, 'NL'],
        ['C', 'c1', '2023-01-07', 10, 'NL'],
        ['D', 'd1', '2023-01-08', 10, 'DE'],
      ]);
      const r = await cohorts(wb, { asOf: new Date('2023-07-01T00:00:00Z'), by: 'country' });
      expect(cohortGroupsReading(r, 'en')).toBe(
        'The largest of the 2 groups is NL (3 customers): 67% of them ordered again in the month after the first order, against 50% over all groups.',
      );
    } finally {
      await wb.close();
    }
  });

  it('names the largest segment, the one worth most per head and the top-20% share', () => {
    const seg = (key: string, share: number, revenueShare: number) => ({
      key,
      customers: share * 100,
      share,
      revenue: 0,
      revenueShare,
    });
    const result = {
      options: {
        segmentMap: { segments: [{ key: 'champions' }, { key: 'hibernating' }, { key: 'new' }, { key: 'cant-lose' }] },
      },
      // 'cant-lose' is worth more per head but holds under 1% of the customers: not named
      segments: [
        seg('champions', 0.1, 0.5),
        seg('hibernating', 0.595, 0.2),
        seg('new', 0.3, 0.27),
        seg('cant-lose', 0.005, 0.03),
      ],
      top20RevenueShare: 0.7,
      customerCount: 100,
    } as unknown as RfmResult;
    expect(rfmSegmentsReading(result, 'en')).toBe(
      'The largest segment is Hibernating: 60% of the customers, 20% of the revenue. ' +
        'Per head, Champions is worth most: 10% of the customers bring 50% of the revenue. The best 20% of customers bring 70% of the revenue.',
    );
  });
});
