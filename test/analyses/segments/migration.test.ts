import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { migration, type MigrationResult } from '../../../src/analyses/segments/migration.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { segmentOf, standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import { loadTransactions } from '../../../src/data/load.js';
import { flowText } from '../../../src/analyses/segments/words.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

const THRESHOLDS = { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] };
const FROM = new Date('2023-07-01T00:00:00Z');
const TO = new Date('2024-01-01T00:00:00Z');
const five = (c: string): Tx[] => [1, 2, 3, 4, 5].map((d) => [c, `${c}${d}`, `2023-06-0${d}`, 50]);

/**
 * Known moves with fixed thresholds: A1, A2 Champions (5 orders in June) → At Risk (no order since);
 * B Champions → Champions (ordered again in December); C New → Hibernating; E Hibernating stays;
 * D appears in November as Promising.
 */
const FIXTURE: Tx[] = [
  ...five('A1'),
  ...five('A2'),
  ...five('B'),
  ['B', 'B6', '2023-12-20', 50],
  ['C', 'C1', '2023-06-10', 80],
  ['D', 'D1', '2023-11-20', 40],
  ['E', 'E1', '2022-01-10', 30],
];

const cell = (m: MigrationResult, from: string, to: string) => m.matrix.find((c) => c.from === from && c.to === to);

describe('migration on a hand-made two-period fixture', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
  });
  afterEach(() => wb.close());

  it('finds the known moves, the new customer and the dormant ones', async () => {
    const m = await migration(wb, { from: FROM, to: TO, scoring: THRESHOLDS });
    expect(cell(m, 'champions', 'at-risk')).toEqual({ from: 'champions', to: 'at-risk', count: 2, rowShare: 2 / 3 });
    expect(cell(m, 'champions', 'champions')?.count).toBe(1);
    expect(cell(m, 'new', 'hibernating')?.rowShare).toBe(1);
    expect(cell(m, 'hibernating', 'hibernating')?.count).toBe(1);
    expect(m.matrix.reduce((a, c) => a + c.count, 0)).toBe(5);
    expect(m.matrix).toHaveLength(m.segments.length ** 2);
    expect([m.stayed, m.moved, m.dormant]).toEqual([2, 3, 4]);
    expect(m.appeared).toEqual({ count: 1, bySegment: [{ segment: 'promising', count: 1 }] });
    expect(m.left).toEqual({ count: 0, bySegment: [] });
    expect(m.flows.map((f) => [f.from, f.to, f.count])).toEqual([
      ['champions', 'at-risk', 2],
      ['new', 'hibernating', 1],
    ]);
    expect(m.flows.map((f) => flowText(m, f, 'en'))).toEqual([
      '2 Champions became At Risk',
      '1 New Customers became Hibernating',
    ]);
    expect(flowText(m, m.flows[0]!, 'nl')).toBe('2 Kampioenen werden Risicoklanten');
    const rows = await wb.query('select * from migration order by customer_id');
    expect(rows.find((r) => r['customer_id'] === 'D')).toEqual({
      customer_id: 'D',
      segment_from: null,
      segment_to: 'promising',
    });
    expect(await wb.hasTable('_swb_mig_from')).toBe(false);
  });

  it('compares any segmentBy spec at both dates: value tiers', async () => {
    await wb.run('delete from transactions');
    for (let i = 1; i <= 10; i++) {
      await wb.run("insert into transactions values ($c, $o, timestamp '2023-03-01 10:00:00', $a, false, 0, NULL)", {
        c: `c${String(i).padStart(2, '0')}`,
        o: `o${i}`,
        a: 100 * i,
      });
    }
    await wb.run(
      "insert into transactions values ('c01', 'late', timestamp '2023-10-01 10:00:00', 2000, false, 0, NULL)",
    );
    const m = await migration(wb, { from: FROM, to: TO, segmentation: { valueTiers: true } });
    expect(m.segments.map((s) => s.key)).toEqual(['top-20%', 'next-30%', 'rest-50%']);
    expect(m.flows.map((f) => flowText(m, f, 'en'))).toEqual([
      '1 Top 20% became Next 30%',
      '1 Next 30% became Rest 50%',
      '1 Rest 50% became Top 20%',
    ]);
    expect(flowText(m, m.flows[0]!, 'nl')).toBe('1 Hoogste 20% werden Volgende 30%');
    expect([m.stayed, m.moved, m.dormant, m.appeared.count]).toEqual([7, 3, 9, 0]);
    expect(cell(m, 'rest-50%', 'rest-50%')).toMatchObject({ count: 4, rowShare: 0.8 });
    expect(m.options.segmentation).toEqual({ valueTiers: true });
  });

  it('rejects dates in the wrong order', async () => {
    const e = (await migration(wb, { from: TO, to: FROM }).catch((x: unknown) => x)) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toContain('from before to');
  });
});

describe('migration on Online Retail (bundled)', () => {
  let wb: Workbench;
  const from = new Date('2011-06-01T00:00:00Z');
  const to = new Date('2011-12-10T00:00:00Z');
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  }, 120_000);
  afterAll(() => wb.close());

  it('matrix rows add up to the segment sizes at from, columns plus newcomers to those at to', async () => {
    const m = await migration(wb, { from, to });
    const a = await rfm(wb, { asOf: from, laterOrders: 'exclude', table: 'check_a' });
    const b = await rfm(wb, { asOf: to, laterOrders: 'exclude', table: 'check_b' });
    for (const s of a.segments)
      expect(m.matrix.filter((c) => c.from === s.key).reduce((x, c) => x + c.count, 0)).toBe(s.customers);
    for (const s of b.segments) {
      const appeared = m.appeared.bySegment.find((x) => x.segment === s.key)?.count ?? 0;
      expect(m.matrix.filter((c) => c.to === s.key).reduce((x, c) => x + c.count, 0) + appeared).toBe(s.customers);
    }
    // newcomers = customers whose first purchase falls in [from, to), counted straight from the table
    const [n] = await wb.query(
      `select count(*) as n from (select customer_id, min(order_date) as first from transactions where not is_return group by 1)
      where first >= $from and first < $to`,
      { from, to },
    );
    expect(m.appeared.count).toBe(Number(n?.['n']));
    expect(m.left.count).toBe(0);
    expect(flowText(m, m.flows[0]!, 'en')).toMatch(/^[\d,]+ [A-Z].* became [A-Z]/);
  }, 60_000);

  it('one cell checked independently: scores with fixed thresholds computed in JS from plain aggregates', async () => {
    const m = await migration(wb, { from, to, scoring: THRESHOLDS });
    const map = standardSegmentMap();
    const segmentAt = async (asOf: Date): Promise<Map<string, string>> => {
      const rows = await wb.query<{ c: string; last: Date; f: number; money: number }>(
        `
        select customer_id as c, max(order_date) filter (where not is_return) as last,
          count(distinct order_id) filter (where not is_return) as f, sum(amount)::double as money
        from transactions where order_date < $asOf group by 1 having count(*) filter (where not is_return) > 0`,
        { asOf },
      );
      const day = (d: Date) => Math.floor(d.getTime() / 86_400_000);
      const passed = (x: number, ts: number[], le: boolean) => 1 + ts.filter((t) => (le ? x <= t : x >= t)).length;
      return new Map(
        rows.map((r) => {
          const rec = day(asOf) - day(r.last);
          const seg = segmentOf(
            map,
            passed(rec, THRESHOLDS.recency, true),
            passed(r.f, THRESHOLDS.frequency, false),
            passed(r.money, THRESHOLDS.monetary, false),
          );
          return [r.c, seg?.key ?? '?'];
        }),
      );
    };
    const a = await segmentAt(from);
    const b = await segmentAt(to);
    const expected = [...a].filter(([c, s]) => s === 'champions' && b.get(c) === 'at-risk').length;
    expect(cell(m, 'champions', 'at-risk')?.count).toBe(expected);
    const stayedChampions = [...a].filter(([c, s]) => s === 'champions' && b.get(c) === 'champions').length;
    expect(cell(m, 'champions', 'champions')?.count).toBe(stayedChampions);
    expect(expected).toBeGreaterThan(0);
  }, 60_000);
});

describe('migration reading an RFM result at `to` (toRfm, as the report does)', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
  });
  afterEach(() => wb.close());

  it('gives the same migration as scoring again, without a second RFM run', async () => {
    const scored = await migration(wb, { from: FROM, to: TO, scoring: THRESHOLDS, table: 'm1' });
    const atTo = await rfm(wb, { asOf: TO, scoring: THRESHOLDS, laterOrders: 'exclude', table: 'rfm_to' });
    const reused = await migration(wb, { from: FROM, to: TO, scoring: THRESHOLDS, toRfm: atTo, table: 'm2' });
    const { options: _a, table: _t, ...figures } = scored;
    expect(reused).toMatchObject(figures);
    const diff = await wb.query(
      'select * from m1 except select * from m2 union all select * from m2 except select * from m1',
    );
    expect(diff).toEqual([]);
  });

  it('refuses a result at another date or with other settings, naming what differs', async () => {
    const atFrom = await rfm(wb, { asOf: FROM, scoring: THRESHOLDS, laterOrders: 'exclude', table: 'rfm_from' });
    const e = await rejection(migration(wb, { from: FROM, to: TO, scoring: THRESHOLDS, toRfm: atFrom }));
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toContain('the as-of moment');
    const quantiles = await rfm(wb, { asOf: TO, laterOrders: 'exclude', table: 'rfm_q' });
    const e2 = await rejection(migration(wb, { from: FROM, to: TO, scoring: THRESHOLDS, toRfm: quantiles }));
    expect(e2.message).toContain('scoring');
  });
});
