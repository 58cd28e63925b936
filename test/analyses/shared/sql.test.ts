/** The shared SQL builders (per-customer aggregate, default as-of) plan against empty canonical tables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAsOfSql } from '../../../src/analyses/shared/as-of.js';
import {
  customerAggregateSql,
  type CustomerAggregateOptions,
} from '../../../src/analyses/shared/customer-aggregate.js';
import type { Workbench } from '../../../src/workbench.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('shared SQL plans', () => {
  it('an EXPLAIN test fails on an unknown column and on an unbound parameter', async () => {
    expect((await rejection(expectPlans(wb, 'select no_such_column from transactions'))).message).toMatch(
      /no_such_column/,
    );
    expect((await rejection(expectPlans(wb, 'select * from transactions where order_date < $asOf'))).message).toMatch(
      /asOf|parameter/i,
    );
  });

  it.each([
    ['all figures', { from: 'transactions' }],
    ['buyers only, filtered by as-of date', { from: 'transactions', where: 'order_date < $asOf', buyersOnly: true }],
    [
      'some figures under other names',
      { from: 'transactions', measures: ['monetary', 'last_order'], names: { monetary: 'revenue' } },
    ],
  ] as Array<[string, CustomerAggregateOptions]>)('customerAggregateSql: %s', async (_what, o) => {
    await expectPlans(wb, customerAggregateSql(o), { asOf: AS_OF });
    await expectPlans(wb, `with tx as (select * from transactions) ${customerAggregateSql({ ...o, from: 'tx' })}`, {
      asOf: AS_OF,
    });
  });

  it('defaultAsOfSql', async () => {
    await expectPlans(wb, defaultAsOfSql('transactions'));
  });
});
