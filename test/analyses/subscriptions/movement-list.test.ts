/**
 * mrrMovementList: the bridge customer by customer. On both hand-made tables (fixture.ts) and by both
 * methods, the amounts summed per month and kind equal mrrMovements' bridge; a few rows worked by hand; the
 * customers are the pseudonyms Pseudonyms.of gives (a fixed key here), never the ids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { mrrMovementList, mrrMovements, type MrrMethod } from '../../../src/analyses/subscriptions/index.js';
import { Pseudonyms } from '../../../src/privacy/pseudonyms.js';
import { DATED, SUBS, subscriptions } from './fixture.js';

const pseudonyms = new Pseudonyms(Buffer.alloc(32, 1));
const KINDS = ['new', 'expansion', 'contraction', 'churned', 'reactivation'] as const;

let wb: Workbench;
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

describe('mrrMovementList', () => {
  it.each([
    ['the hand-made table', 'month-end'],
    ['the hand-made table', 'dated'],
    ['the day-dated table', 'month-end'],
    ['the day-dated table', 'dated'],
  ] as const)('on %s by %s: the amounts per month and kind are the bridge’s', async (table, method: MrrMethod) => {
    await subscriptions(wb, table === 'the hand-made table' ? SUBS : DATED);
    const list = await mrrMovementList(wb, { method, pseudonyms });
    const bridge = await mrrMovements(wb, { method });
    expect(list.options.method).toBe(method);
    for (const row of bridge.rows) {
      const month = list.rows.filter((r) => r.month.getTime() === row.month.getTime());
      for (const kind of KINDS) {
        const sum = month.filter((r) => r.kind === kind).reduce((s, r) => s + r.amount, 0);
        expect(sum, `${row.month.toISOString().slice(0, 7)} ${kind}`).toBeCloseTo(row[kind], 9);
      }
      expect(month.filter((r) => r.kind === 'new').length).toBe(row.newCustomers);
    }
    expect(list.rows.every((r) => r.amount > 0 && (method === 'dated') === (r.day !== null))).toBe(true);
  });

  it('lists who moved, when and by how much, under pseudonyms', async () => {
    await subscriptions(wb, DATED);
    const { rows } = await mrrMovementList(wb, { method: 'dated', pseudonyms, from: '2024-02-01', to: '2024-02-01' });
    const of = (id: string) =>
      rows
        .filter((r) => r.customer === pseudonyms.of(id))
        .map((r) => [r.day?.toISOString().slice(0, 10), r.kind, r.amount, r.mrrBefore, r.mrrAfter]);
    // j: a start refunded within February; h: an upgrade undone; i: stopped and came back
    expect(of('j')).toEqual([
      ['2024-02-05', 'new', 30, 0, 30],
      ['2024-02-12', 'churned', 30, 30, 0],
    ]);
    expect(of('h')).toEqual([
      ['2024-02-10', 'expansion', 50, 50, 100],
      ['2024-02-20', 'contraction', 50, 100, 50],
    ]);
    expect(of('i')).toEqual([
      ['2024-02-03', 'churned', 40, 40, 0],
      ['2024-02-17', 'reactivation', 40, 0, 40],
    ]);
    expect(rows.some((r) => /^[a-o]$/.test(r.customer))).toBe(false);
    const monthEnd = await mrrMovementList(wb, { pseudonyms, from: '2024-02-01', to: '2024-02-01' });
    // between month ends h, i and j do not move at all; n is new at 30
    expect(monthEnd.rows.map((r) => [r.customer, r.kind, r.amount])).toEqual(
      [
        [pseudonyms.of('m'), 'new', 25],
        [pseudonyms.of('n'), 'new', 30],
        [pseudonyms.of('k'), 'expansion', 10],
      ].sort((a, b) => (a[1] === b[1] ? String(a[0]).localeCompare(String(b[0])) : a[1] === 'new' ? -1 : 1)),
    );
  });
});
