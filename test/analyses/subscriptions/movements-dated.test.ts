/**
 * mrrMovements with method 'dated' on a hand-made table whose changes reverse within February, with every
 * day-dated class worked by hand, against the month-end classes of the same table.
 *
 *   h  Basic 50 from 1 Jan; Pro 100 from 10 Feb; back on Basic 50 from 20 Feb   dated: Feb +50 expansion, −50 contraction
 *   i  40 from 5 Jan to 3 Feb; 40 again from 17 Feb                          dated: Feb churned 40, reactivation 40
 *   j  30 from 5 Feb to 12 Feb (a refunded start)                            dated: Feb new 30, churned 30
 *   k  20 from 15 Jan; add-on 10 from 1 Feb to 1 Mar                         both: Feb expansion 10, Mar contraction 10
 *   l  60 from 20 Jan to 15 Mar                                              both: Mar churned 60
 *   m  25 from 25 Feb; 15 from 10 Mar                                        both: Feb new 25, Mar contraction 10
 *   n  80 from 8 Feb; 30 from 18 Feb                                         dated: Feb new 80, contraction 50; month-end: new 30
 *   o  10 from 10 Jan to 5 Mar, plan A; 10 from 5 Mar, plan B (same day)     no movement in March either way
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { mrrMovements, type MrrMovementFigures } from '../../../src/analyses/subscriptions/index.js';
import { DATED, subscriptions } from './fixture.js';

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

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, DATED);
});
afterEach(() => wb.close());

describe('mrrMovements by day (dated) against month ends', () => {
  it('counts every MRR change on its day: reversed changes twice, the refunded start as new and churned', async () => {
    const r = await mrrMovements(wb, { method: 'dated' });
    expect(r.method).toBe('dated');
    expect(bridge(r.rows)).toEqual([
      ['2024-01', 0, 180, 0, 0, 0, 0, 180], // h 50, i 40, o 10, k 20, l 60
      // new j 30 + n 80 + m 25; expansion k 10 + h 50; contraction n 50 + h 50; churned i 40 + j 30; reactivation i 40
      ['2024-02', 180, 135, 60, 100, 70, 40, 245],
      ['2024-03', 245, 0, 0, 20, 60, 0, 165], // k −10, m −10, l −60; o's same-day plan swap nets to nothing
    ]);
    expect(r.rows.map((x) => [x.newCustomers, x.churnedCustomers, x.reactivatedCustomers])).toEqual([
      [5, 0, 0],
      [3, 2, 1],
      [0, 1, 0],
    ]);
    expect(bridge([{ ...r.totals, month: new Date('2024-01-01') }])[0]?.slice(1)).toEqual([
      0, 315, 60, 120, 130, 40, 165,
    ]);
  });

  it('keeps today’s month-end classes as the default, between the same month-end MRRs', async () => {
    const m = await mrrMovements(wb);
    expect(m.method).toBe('month-end');
    expect(bridge(m.rows)).toEqual([
      ['2024-01', 0, 180, 0, 0, 0, 0, 180],
      ['2024-02', 180, 55, 10, 0, 0, 0, 245], // n new at 30, m new 25, k +10; h, i and j vanish between month ends
      ['2024-03', 245, 0, 0, 20, 60, 0, 165],
    ]);
    const d = await mrrMovements(wb, { method: 'dated' });
    expect(d.rows.map((x) => [x.mrrStart, x.mrrEnd, x.customersStart, x.customersEnd])).toEqual(
      m.rows.map((x) => [x.mrrStart, x.mrrEnd, x.customersStart, x.customersEnd]),
    );
  });

  it('decides new vs reactivation on all history, also before from', async () => {
    const r = await mrrMovements(wb, { method: 'dated', from: '2024-02-01' });
    expect(bridge(r.rows)[0]).toEqual(['2024-02', 180, 135, 60, 100, 70, 40, 245]); // i paid in January: its return is a reactivation
    expect(r.totals.mrrStart).toBe(180);
  });

  it('gives net revenue churn by the one definition either way', async () => {
    const [, feb] = (await mrrMovements(wb, { method: 'dated' })).rows;
    expect(feb?.netRevenueChurn).toBeCloseTo((70 + 100 - 60 - 40) / 180, 12);
    expect(feb?.grossRevenueChurn).toBeCloseTo(170 / 180, 12);
    expect(feb?.customerChurnRate).toBeCloseTo(2 / 5, 12); // i and j stopped; 5 paid at the start
    const [, febEnd] = (await mrrMovements(wb)).rows;
    expect(febEnd?.netRevenueChurn).toBeCloseTo(-10 / 180, 12);
  });

  it('counts a day-dated move in the customer’s segment of the month, the same as the month-end method uses', async () => {
    const r = await mrrMovements(wb, { method: 'dated', by: 'plan', minSize: 1 });
    const feb = (plan: string) => bridge(r.bySegment?.segments.find((s) => s.segment === plan)?.rows ?? [])[1];
    // Basic at the start of February: h 50 (its Pro days count in Basic), i 40, k 20; n and m not paying then: the plan
    // they pay at the month end (n Basic, m Basic); j, paying at neither end: its period's plan, Basic
    expect(feb('Basic')).toEqual(['2024-02', 110, 135, 60, 100, 70, 40, 175]);
    expect(feb('Pro')).toEqual(['2024-02', 60, 0, 0, 0, 0, 0, 60]);
    const m = await mrrMovements(wb, { by: 'plan', minSize: 1 });
    expect(bridge(m.bySegment?.segments.find((s) => s.segment === 'Basic')?.rows ?? [])[1]).toEqual([
      '2024-02',
      110,
      55,
      10,
      0,
      0,
      0,
      175,
    ]);
    const basic = r.bySegment?.segments.find((s) => s.segment === 'Basic')?.rows[1];
    expect(basic?.customerChurn).toMatchObject({ events: 1, total: 3 }); // i stopped (and came back); j did not pay at the start
  });
});
