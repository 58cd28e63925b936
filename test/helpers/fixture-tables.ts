/** Small hand-made `transactions` tables for tests, values bound as parameters, plus `rejection`. */
import type { Workbench } from '../../src/workbench.js';

/** One transaction: customer, order, day (`YYYY-MM-DD`, at 12:00 UTC), amount (< 0 = return), optional country. */
export type Tx = [customer: string, order: string, date: string, amount: number, country?: string];

/** (Re)create `transactions` from rows; a negative amount is a return; `source_row` is the row's index. */
export async function transactions(wb: Workbench, rows: readonly Tx[]): Promise<void> {
  await wb.run(
    'create or replace table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint, country varchar)',
  );
  for (const [i, [c, o, d, a, country]] of rows.entries()) {
    await wb.run('insert into transactions values ($c, $o, $d, $a, $r, $i, $country)', {
      c,
      o,
      d: new Date(`${d}T12:00:00Z`),
      a,
      r: a < 0,
      i,
      country: country ?? null,
    });
  }
}

/** Error of a rejected promise (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}
