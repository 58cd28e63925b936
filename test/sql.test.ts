/** The SQL text helpers: identifiers quoted so any name is data, numbers as literals, money summed exactly (and it plans). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactMean, exactSum, moneySum, numberLiteral, quoteIdentifier } from '../src/sql.js';
import type { Workbench } from '../src/workbench.js';
import { expectPlans, explainWorkbench } from './helpers/explain.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('sql helpers', () => {
  it('exactSum and exactMean give the same bits whatever order the values come in, where a double sum does not', async () => {
    const values = [1e15, 0.1, -1e15, 0.2, 0.3, 1e-3];
    const orders = [values, [...values].reverse(), [0.1, 0.2, 0.3, 1e-3, 1e15, -1e15]];
    const plain = new Set<number>();
    const exact = new Set<string>();
    for (const order of orders) {
      const rows = order.map((v, i) => `(${i}, ${v.toPrecision(17)}::double)`).join(', ');
      const [r] = await wb.query<{ p: number; s: number; m: number }>(
        `select sum(x order by i) as p, ${exactSum('x')} as s, ${exactMean('x')} as m from (values ${rows}) v(i, x)`,
      );
      plain.add(Number(r!.p));
      exact.add(`${r!.s} ${r!.m}`);
    }
    expect(plain.size).toBeGreaterThan(1); // the plain double sum depends on the order
    expect([...exact]).toEqual(['0.601 0.100166666667']); // the Workbench rounds DOUBLEs to 12 significant digits
  });

  it('moneySum over a column and over a qualified column plans, and sums 0.1 + 0.2 exactly', async () => {
    await expectPlans(wb, `select customer_id, ${moneySum()}::double as revenue from transactions group by 1`);
    await expectPlans(wb, `select ${moneySum('t.amount')} filter (where t.amount < 0) as returned from transactions t`);
    const [row] = await wb.query(
      `select ${moneySum('x')}::double as s from (values (0.1::double), (0.2::double)) v(x)`,
    );
    expect(row?.['s']).toBe(0.3);
  });

  it('quoteIdentifier makes a hostile name a column name, and numberLiteral keeps 17 digits', async () => {
    const name = 'a "b"; drop table transactions; --';
    const [row] = await wb.query(
      `select 1 as ${quoteIdentifier(name)}, ${numberLiteral(0.1)} as x, ${numberLiteral(42)} as n`,
    );
    expect(row).toEqual({ [name]: 1, x: 0.1, n: 42 });
    expect(() => numberLiteral(Number.NaN)).toThrow();
  });
});
