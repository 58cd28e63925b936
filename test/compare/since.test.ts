/** New, known and lapsed customers since a previous as-of date, from the data (no snapshot), on a hand-made fixture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { sinceFigures } from '../../src/compare/since.js';
import { transactions, type Tx } from '../helpers/fixture-tables.js';

const PREV = new Date('2024-03-01T00:00:00Z');
const AS_OF = new Date('2024-06-01T00:00:00Z');

/**
 * A: bought before and after 1 March (known, not lapsed). B: only before (known, lapsed; its return in April is
 * not a purchase). C: first purchase in April (new). D: only a return (never a buyer). E: only after the as-of date.
 */
const FIXTURE: Tx[] = [
  ['A', 'A1', '2024-01-10', 50],
  ['A', 'A2', '2024-04-02', 30],
  ['B', 'B1', '2024-02-20', 40],
  ['B', 'B2', '2024-04-05', -40],
  ['C', 'C1', '2024-04-15', 25],
  ['D', 'D1', '2024-02-01', -10],
  ['E', 'E1', '2024-06-03', 99],
];

describe('sinceFigures', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
  });
  afterAll(() => wb.close());

  it('counts known, new and lapsed customers by the stated rules', async () => {
    expect(await sinceFigures(wb, { previousAsOf: PREV, asOf: AS_OF, minGroup: 1 })).toEqual({
      previousAsOf: '2024-03-01',
      known: 2,
      newCustomers: 1,
      lapsed: 1,
    });
  });

  it('hides a count of fewer people than the smallest group shown, keeps 0', async () => {
    const before = new Date('2024-01-01T00:00:00Z');
    expect(await sinceFigures(wb, { previousAsOf: before, asOf: AS_OF, minGroup: 2 })).toEqual({
      previousAsOf: '2024-01-01',
      known: 0,
      newCustomers: 3,
      lapsed: 0,
    });
    expect(await sinceFigures(wb, { previousAsOf: PREV, asOf: AS_OF, minGroup: 2 })).toMatchObject({
      known: 2,
      newCustomers: null,
      lapsed: null,
    });
  });
});
