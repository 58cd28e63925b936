/**
 * Customers with planted order rhythms (as of 2011-11-01; every order £100), a planted P(alive) per customer
 * and a planted RFM segment. Expected loyalty segment:
 *
 *   l1  loyal            every 30 days, 5 Jun – 3 Oct (CV 0; 29 days since, under 2 × 30)
 *   l2  loyal            every 14 days, 1 Sep – 27 Oct
 *   s1  switcher         gaps 7, 7, 147, 118 (CV 0.91 > 0.75)
 *   s2  switcher         gaps 40 then seven of 10 (CV 0.72, but a longest gap of 40 > 3 × the cycle of 10)
 *   r1  at-risk          weekly in February (cycle 7, 246 days since: overdue), though P(alive) 0.9
 *   r2  at-risk          two orders in October, P(alive) 0.3 / RFM 'hibernating'
 *   p3  at-risk          one order on 1 Dec 2010, P(alive) 0.4 / RFM 'about-to-sleep'
 *   p1  potential-loyal  one order on 20 Oct
 *   p2  potential-loyal  1 Sep and 1 Oct (one gap: regularity not judged)
 *   q1  potential-loyal  two orders on one day (one order day)
 *   x1  (no customer)    only a return
 */
import type { Workbench } from '../../../src/workbench.js';
import { timedTransactions, type TimedTx } from '../timing/fixture.js';

/** The as-of date of the fixture. */
export const AS_OF = '2011-11-01';

const days = (c: string, dates: readonly string[]): TimedTx[] =>
  dates.map((d, i) => [c, `${c}-${i}`, `${d} 12:00`, 100]);

/** The planted orders. */
export const RHYTHMS: readonly TimedTx[] = [
  ...days('l1', ['2011-06-05', '2011-07-05', '2011-08-04', '2011-09-03', '2011-10-03']),
  ...days('l2', ['2011-09-01', '2011-09-15', '2011-09-29', '2011-10-13', '2011-10-27']),
  ...days('s1', ['2011-01-10', '2011-01-17', '2011-01-24', '2011-06-20', '2011-10-16']),
  ...days('s2', [
    '2011-07-02',
    '2011-08-11',
    '2011-08-21',
    '2011-08-31',
    '2011-09-10',
    '2011-09-20',
    '2011-09-30',
    '2011-10-10',
    '2011-10-20',
  ]),
  ...days('r1', ['2011-02-07', '2011-02-14', '2011-02-21', '2011-02-28']),
  ...days('r2', ['2011-10-01', '2011-10-15']),
  ...days('p3', ['2010-12-01']),
  ...days('p1', ['2011-10-20']),
  ...days('p2', ['2011-09-01', '2011-10-01']),
  ['q1', 'q1-a', '2011-10-05 09:00', 100],
  ['q1', 'q1-b', '2011-10-05 15:00', 100],
  ['x1', 'x1-r', '2011-06-01 12:00', -50],
];

/** Planted P(alive) and RFM segment per customer. */
export const SIGNALS: ReadonlyArray<[customer: string, pAlive: number, rfm: string]> = [
  ['l1', 0.95, 'loyal'],
  ['l2', 0.99, 'champions'],
  ['s1', 0.8, 'potential-loyalists'],
  ['s2', 0.9, 'champions'],
  ['r1', 0.9, 'loyal'],
  ['r2', 0.3, 'hibernating'],
  ['p3', 0.4, 'about-to-sleep'],
  ['p1', 0.9, 'new'],
  ['p2', 0.7, 'promising'],
  ['q1', 0.9, 'new'],
];

/** Create `transactions`, a planted CLV table `planted_clv (customer_id, p_alive)` and RFM table `planted_rfm (customer_id, segment)`. */
export async function plantLoyalty(wb: Workbench): Promise<void> {
  await timedTransactions(wb, RHYTHMS);
  await wb.run('create or replace table planted_clv (customer_id varchar, p_alive double)');
  await wb.run('create or replace table planted_rfm (customer_id varchar, segment varchar)');
  for (const [c, p, s] of SIGNALS) {
    await wb.run('insert into planted_clv values ($c, $p)', { c, p });
    await wb.run('insert into planted_rfm values ($c, $s)', { c, s });
  }
}
