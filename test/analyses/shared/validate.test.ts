import { describe, expect, it } from 'vitest';
import { keyword, numberInRange, validDate, wholeNumber } from '../../../src/analyses/shared/validate.js';
import { customerAggregateSql } from '../../../src/analyses/shared/customer-aggregate.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { Workbench } from '../../../src/workbench.js';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('option validators', () => {
  it('return the value they accept and throw BAD_OPTION with one message per rule', () => {
    expect(wholeNumber('minSize', 30)).toBe(30);
    expect(() => wholeNumber('minSize', 0)).toThrow('minSize must be a whole number ≥ 1, got 0.');
    expect(() => wholeNumber('bins', 21, 2, 20)).toThrow('bins must be a whole number from 2 to 20, got 21.');
    expect(
      isWorkbenchError(
        thrown(() => wholeNumber('k', 1.5)),
        'BAD_OPTION',
      ),
    ).toBe(true);
    expect(numberInRange('margin', 1, { min: 0, max: 1, minOpen: true })).toBe(1);
    expect(() => numberInRange('margin', 0, { min: 0, max: 1, minOpen: true })).toThrow(
      'margin must be in (0, 1], got 0.',
    );
    expect(() => numberInRange('discountRate', -1, { min: 0, hint: '0.1 = 10% a year' })).toThrow(
      'discountRate must be ≥ 0 (0.1 = 10% a year), got -1.',
    );
    expect(() => numberInRange('x', NaN, {})).toThrow('x must be a number, got NaN.');
    expect(keyword('period', 'week', ['week', 'month'])).toBe('week');
    expect(() => keyword('period', 'day', ['week', 'month', 'quarter'])).toThrow(
      'unknown period: day (expected one of: week, month, quarter)',
    );
    expect(() => validDate('asOf', new Date('nope'))).toThrow('asOf is not a valid date.');
  });
});

describe('customerAggregateSql', () => {
  it('gives one row per customer with purchase orders, net revenue and first/last purchase; buyersOnly drops return-only customers', async () => {
    const wb = await Workbench.open();
    await wb.run(`create table tx as select * from (values
      ('a', 'o1', timestamp '2024-01-01', 10.0, false), ('a', 'o2', timestamp '2024-02-01', 5.5, false),
      ('a', 'r1', timestamp '2024-03-01', -2.5, true), ('b', 'r2', timestamp '2024-01-05', -1.0, true))
      t(customer_id, order_id, order_date, amount, is_return)`);
    const all = await wb.query(`${customerAggregateSql({ from: 'tx' })} order by customer_id`);
    expect(all).toEqual([
      // the return on 1 March is netted in monetary but is no purchase: the last purchase is 1 February
      {
        customer_id: 'a',
        frequency: 2,
        monetary: 13,
        first_order: new Date('2024-01-01T00:00:00Z'),
        last_order: new Date('2024-02-01T00:00:00Z'),
      },
      { customer_id: 'b', frequency: 0, monetary: -1, first_order: null, last_order: null },
    ]);
    const buyers = await wb.query(
      customerAggregateSql({ from: 'tx', buyersOnly: true, measures: ['monetary'], names: { monetary: 'revenue' } }),
    );
    expect(buyers).toEqual([{ customer_id: 'a', revenue: 13 }]);
    wb.close();
  });
});
