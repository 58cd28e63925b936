/**
 * A small `transactions` table with planted timing patterns (as of 2011-11-01, a Tuesday; every order £100
 * unless noted), and the same orders at 00:00 (dates only). Expected segment per customer:
 *
 *   h1  holiday-season  Wed 1 and Wed 15 Dec 2010, 10:00 (+ a £30 return on 20 Dec)
 *   h2  holiday-season  Thu 25 Nov, Fri 10 Dec 2010, Tue 1 Mar 2011, 16:00 (2 of 3 in the season; also due: cycle 48, 245 days since)
 *   d1  due             four Mondays in Feb 2011, 9:00 (cycle 7 days, 246 days since; also mostly morning)
 *   w1  weekend         Sat 15 Oct 10:00, Sun 23 Oct 14:00, Sat 29 Oct 20:00 (cycle 7, 3 days since: not due)
 *   w2  weekend         Sat 6 Aug and Sun 14 Aug, 9:00 (also mostly morning: weekend comes first)
 *   n1  night           Tue 3 and Wed 4 May, 2:00 and 3:00
 *   m1  morning         Tue 4 Oct 8:00, Wed 5 Oct 11:59
 *   a1  afternoon       Tue 26 Jul, Thu 25 Aug, Sat 24 Sep, 15:00 (cycle 30, 38 days since: not due; 1 of 3 at the weekend)
 *   e1  evening         Wed 1 Jun 19:00, Thu 2 Jun 23:30
 *   x1  no-pattern      Mon 10 Oct 9:00, Tue 11 Oct 15:00
 *   s1  afternoon       three orders on Mon 3 Oct, 9:00, 13:00 and 15:00 (one order day: no cycle, so never due)
 *   o1  one-order       Sat 3 Sep 10:00 (one order at the weekend is no pattern)
 *   o2  one-order       Tue 5 Apr 13:00
 *   o3  one-order       Thu 20 Oct 17:00, one order of two lines (£60 + £40)
 *   r1  (no customer)   only a return
 *   w1 also orders on Sat 5 Nov 2011, after the as-of date: left out.
 */
import type { Workbench } from '../../../src/workbench.js';

/** One row: customer, order, `YYYY-MM-DD HH:MM` (UTC), amount (< 0 = return). */
export type TimedTx = [customer: string, order: string, at: string, amount: number];

/** The as-of date of the fixture. */
export const AS_OF = '2011-11-01';

/** The planted rows. */
export const PLANTED: readonly TimedTx[] = [
  ['h1', 'h1a', '2010-12-01 10:00', 100],
  ['h1', 'h1b', '2010-12-15 10:00', 100],
  ['h1', 'h1r', '2010-12-20 10:00', -30],
  ['h2', 'h2a', '2010-11-25 16:00', 100],
  ['h2', 'h2b', '2010-12-10 16:00', 100],
  ['h2', 'h2c', '2011-03-01 16:00', 100],
  ['d1', 'd1a', '2011-02-07 09:00', 100],
  ['d1', 'd1b', '2011-02-14 09:00', 100],
  ['d1', 'd1c', '2011-02-21 09:00', 100],
  ['d1', 'd1d', '2011-02-28 09:00', 100],
  ['w1', 'w1a', '2011-10-15 10:00', 100],
  ['w1', 'w1b', '2011-10-23 14:00', 100],
  ['w1', 'w1c', '2011-10-29 20:00', 100],
  ['w1', 'w1late', '2011-11-05 10:00', 100],
  ['w2', 'w2a', '2011-08-06 09:00', 100],
  ['w2', 'w2b', '2011-08-14 09:00', 100],
  ['n1', 'n1a', '2011-05-03 02:00', 100],
  ['n1', 'n1b', '2011-05-04 03:00', 100],
  ['m1', 'm1a', '2011-10-04 08:00', 100],
  ['m1', 'm1b', '2011-10-05 11:59', 100],
  ['a1', 'a1a', '2011-07-26 15:00', 100],
  ['a1', 'a1b', '2011-08-25 15:00', 100],
  ['a1', 'a1c', '2011-09-24 15:00', 100],
  ['e1', 'e1a', '2011-06-01 19:00', 100],
  ['e1', 'e1b', '2011-06-02 23:30', 100],
  ['x1', 'x1a', '2011-10-10 09:00', 100],
  ['x1', 'x1b', '2011-10-11 15:00', 100],
  ['s1', 's1a', '2011-10-03 09:00', 100],
  ['s1', 's1b', '2011-10-03 13:00', 100],
  ['s1', 's1c', '2011-10-03 15:00', 100],
  ['o1', 'o1a', '2011-09-03 10:00', 100],
  ['o2', 'o2a', '2011-04-05 13:00', 100],
  ['o3', 'o3a', '2011-10-20 17:00', 60],
  ['o3', 'o3a', '2011-10-20 17:00', 40],
  ['r1', 'r1r', '2011-06-01 12:00', -50],
];

/** The planted rows with every time at 00:00 (a file of dates only). */
export const DATES_ONLY: readonly TimedTx[] = PLANTED.map(([c, o, at, a]) => [c, o, `${at.slice(0, 10)} 00:00`, a]);

/** (Re)create `transactions` from rows, values bound; a negative amount is a return. */
export async function timedTransactions(wb: Workbench, rows: readonly TimedTx[]): Promise<void> {
  await wb.run(
    'create or replace table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint)',
  );
  for (const [i, [c, o, at, a]] of rows.entries()) {
    await wb.run('insert into transactions values ($c, $o, $d, $a, $r, $i)', {
      c,
      o,
      d: new Date(`${at.replace(' ', 'T')}:00Z`),
      a,
      r: a < 0,
      i,
    });
  }
}
