/**
 * mrrMovements with `by` on the hand-made subscriptions (fixture.ts): the bridge per plan and month, worked by hand,
 * with each customer in the plan they had at the month start (no hindsight), monthly churn with Wilson intervals,
 * the plan changes as the segment totals' switchedIn, a customers column, and the sufficiency rule.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import {
  mrrMovements,
  type MrrMovementFigures,
  type MrrMovementsResult,
} from '../../../src/analyses/subscriptions/index.js';
import { mrrMovementsSql } from '../../../src/analyses/subscriptions/movements-sql.js';
import { mrrMovementsBySql } from '../../../src/analyses/subscriptions/movements-by-sql.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { SUBS, subscriptions } from './fixture.js';

/** [month, mrrStart, new, expansion, contraction, churned, reactivation, mrrEnd] */
const bridge = (rows: ReadonlyArray<MrrMovementFigures & { month: Date }>) =>
  rows.map((r) => [
    r.month.toISOString().slice(0, 7),
    r.mrrStart,
    r.new,
    r.expansion,
    r.contraction,
    r.churned,
    r.reactivation,
    r.mrrEnd,
  ]);
const segment = (r: MrrMovementsResult, name: string | null) => r.bySegment?.segments.find((s) => s.segment === name);

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
});
afterEach(() => wb.close());

describe('mrrMovements by plan on six customers over January–April 2024', () => {
  it('gives each plan’s bridge month by month, customers in the plan they had at the month start', async () => {
    const r = await mrrMovements(wb, { by: 'plan', minSize: 1 });
    expect(r.bySegment?.segments.map((s) => s.segment)).toEqual(['Basic', 'Pro', 'Starter']);
    expect(bridge(segment(r, 'Basic')?.rows ?? [])).toEqual([
      ['2024-01', 0, 100, 0, 0, 0, 0, 100], // a, b
      ['2024-02', 100, 50, 70, 0, 0, 0, 220], // e new; b's upgrade to Pro on 15 Feb counts in Basic, where b started the month
      ['2024-03', 100, 0, 0, 30.01, 0, 0, 69.99], // b now in Pro; e's downgrade on 20 March counts in Basic
      ['2024-04', 50, 0, 0, 0, 0, 40.25, 90.25], // e now in Starter; d returns on Basic
    ]);
    expect(bridge(segment(r, 'Pro')?.rows ?? [])).toEqual([
      ['2024-01', 0, 220, 0, 0, 0, 0, 220], // c 100, d 120
      ['2024-02', 220, 0, 30.5, 0, 0, 0, 250.5], // c's Seats
      ['2024-03', 370.5, 0, 0, 0, 120, 0, 250.5], // b 120 joins at the start; d stops
      ['2024-04', 250.5, 0, 0, 30.5, 0, 0, 220],
    ]);
    expect(bridge(segment(r, 'Starter')?.rows ?? [])).toEqual([
      ['2024-01', 0, 19.99, 0, 0, 0, 0, 19.99],
      ['2024-02', 19.99, 0, 0, 0, 19.99, 0, 0],
      ['2024-03', 0, 0, 0, 0, 0, 0, 0],
      ['2024-04', 19.99, 0, 0, 0, 0, 0, 19.99],
    ]);
    // the net MRR that moved in at month starts: b −120 out of Basic into Pro in March, e −19.99 out of Basic into Starter in April
    expect(r.bySegment?.segments.map((s) => s.totals.switchedIn)).toEqual([-139.99, 120, 19.99]);
  });

  it('adds the plans up to the bridge of all customers, month by month', async () => {
    const r = await mrrMovements(wb, { by: 'plan', minSize: 1 });
    const keys = [
      'mrrStart',
      'new',
      'expansion',
      'contraction',
      'churned',
      'reactivation',
      'mrrEnd',
      'customersStart',
      'churnedCustomers',
    ] as const;
    for (const [i, all] of r.rows.entries()) {
      for (const k of keys) {
        const sum = (r.bySegment?.segments ?? []).reduce((s, x) => s + (x.rows[i]?.[k] ?? 0), 0);
        expect(Math.round(sum * 1e4) / 1e4, `${k} ${i}`).toBe(all[k]);
      }
    }
  });

  it('gives each month’s customer churn with its Wilson interval, and the pooled rate that ranks the plans', async () => {
    const r = await mrrMovements(wb, { by: 'plan', minSize: 1 });
    const pro = segment(r, 'Pro');
    expect(pro?.rows.map((x) => [x.customerChurn.events, x.customerChurn.total])).toEqual([
      [0, 0],
      [0, 2],
      [1, 3],
      [0, 2],
    ]);
    expect(pro?.rows[2]?.customerChurn.rate).toBeCloseTo(1 / 3, 12);
    expect(pro?.rows[2]?.customerChurn.low).toBeCloseTo(0.06149, 5); // Wilson 1/3, worked by hand
    expect(pro?.rows[2]?.customerChurn.high).toBeCloseTo(0.79234, 5);
    expect(Number.isNaN(pro?.rows[0]?.customerChurn.rate)).toBe(true); // no one paid at the start of January
    expect(pro?.totals.customerChurn).toMatchObject({ events: 1, total: 7 });
    expect([pro?.totals.customerMonths, pro?.averageCustomers]).toEqual([7, 7 / 3]);
    expect(pro?.totals.netRevenueChurn).toBeCloseTo((120 + 30.5 - 30.5) / 841, 12);
    expect(segment(r, 'Basic')?.totals.netRevenueChurn).toBeCloseTo((30.01 - 70 - 40.25) / 250, 12); // the same as subscriptionChurn
    expect(r.bySegment?.ranking).toEqual(['Pro', 'Basic']); // Starter averages 2/3 customers: too small, not ranked
    expect(segment(r, 'Starter')?.tooSmall).toBe(true);
  });

  it('flags every plan too small under the default minSize of 30 and ranks none', async () => {
    const r = await mrrMovements(wb, { by: 'plan' });
    expect(r.bySegment?.minSize).toBe(30);
    expect(r.bySegment?.segments.every((s) => s.tooSmall)).toBe(true);
    expect(r.bySegment?.ranking).toEqual([]);
  });

  it('segments by a customers column, where no customer moves between segments', async () => {
    await wb.run(
      "create table customers as select * from (values ('a', 'North'), ('b', 'South'), ('c', 'North'), ('d', 'South')) v(customer_id, region)",
    );
    const r = await mrrMovements(wb, { by: 'region', minSize: 0 });
    expect(r.bySegment?.by).toEqual({ kind: 'table', table: 'customers', column: 'region' });
    expect(
      r.bySegment?.segments.map((s) => [s.segment, s.totals.mrrStart, s.totals.mrrEnd, s.totals.switchedIn]),
    ).toEqual([
      ['North', 0, 150, 0],
      ['South', 0, 160.25, 0],
      [null, 0, 19.99, 0], // a 50 + c 100; b 120 + d 40.25; e 19.99 (f left)
    ]);
    expect(r.warnings).toEqual([
      'Some customer-months have no value of region; they form the segment without a value (not ranked).',
    ]);
  });

  it('gives the same bridge for all customers from either SQL (movements-sql.ts and movements-by-sql.ts without a segment)', async () => {
    const params = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-05-01T00:00:00Z') };
    const keys = [
      'month',
      'mrr_start',
      'new',
      'expansion',
      'contraction',
      'churned',
      'reactivation',
      'mrr_end',
      'customers_start',
      'customers_end',
      'customer_months',
      'mrr_at_risk',
      'new_customers',
      'churned_customers',
      'reactivated_customers',
      'bridge_gap',
    ];
    const pick = (rows: Array<Record<string, unknown>>) => rows.map((r) => keys.map((k) => r[k]));
    expect(
      pick(await wb.query(mrrMovementsBySql({ source: 'subscriptions', method: 'month-end', by: null }), params)),
    ).toEqual(pick(await wb.query(mrrMovementsSql('subscriptions'), params)));
  });

  it('leaves the result as it was without by, and refuses a method it does not know', async () => {
    const r = await mrrMovements(wb);
    expect(r.bySegment).toBeUndefined();
    const e = await rejection(mrrMovements(wb, { method: 'daily' as never }));
    expect(isWorkbenchError(e) && e.code).toBe('BAD_OPTION');
    const u = await rejection(mrrMovements(wb, { by: 'colour' }));
    expect(isWorkbenchError(u) && u.code).toBe('UNKNOWN_COLUMN');
    expect((u as Error).message).toMatch(
      /^unknown segment column for mrrMovements\(\): "colour"\. Columns available \(subscriptions: /,
    );
  });
});
