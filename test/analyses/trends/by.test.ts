/** How a trend's `by` names are followed: the keys of a segmentation over the points, and which names are segmentations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBy, segmentationKeys } from '../../../src/analyses/trends/by.js';
import { trends } from '../../../src/analyses/trends/index.js';
import { groupingNames } from '../../../src/analyses/trends/charts.js';
import { MISSING_SEGMENT } from '../../../src/analyses/segments/index.js';
import { Workbench } from '../../../src/workbench.js';
import { rejection, transactions } from '../../helpers/fixture-tables.js';
import { isWorkbenchError } from '../../../src/errors.js';

describe('segmentationKeys', () => {
  it('puts the last point’s keys first in its order, then keys seen only earlier (latest first), (missing) last', () => {
    const perPoint = [
      ['mostly:Toys', 'mixed', 'few-lines'],
      ['mostly:Books', 'mostly:Garden', 'few-lines'],
      ['mostly:Garden', 'mostly:Books', 'mixed'],
    ];
    const present = new Set(['mostly:Toys', 'mixed', 'few-lines', 'mostly:Books', 'mostly:Garden', MISSING_SEGMENT]);
    expect(segmentationKeys(perPoint, present)).toEqual([
      'mostly:Garden',
      'mostly:Books',
      'mixed',
      'few-lines',
      'mostly:Toys',
      MISSING_SEGMENT,
    ]);
  });

  it('leaves out keys without a customer at any point', () => {
    const keys = ['holiday-season', 'due', 'weekend', 'night', 'one-order'];
    expect(segmentationKeys([keys, keys], new Set(['one-order', 'weekend']))).toEqual(['weekend', 'one-order']);
  });
});

describe('resolveBy', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, [['A', 'A1', '2023-10-01', 50, 'NL']]);
  });
  afterAll(() => wb.close());

  it('takes a segmentation id as a segmentation unless the customers table has a column of that name', async () => {
    // a transactions column of a segmentation's name does not win (`channel`: single- or omnichannel)
    await wb.run(`alter table transactions add column channel varchar`);
    expect(
      await resolveBy(wb, ['timing', 'country', 'channel'], { source: 'transactions', customers: 'customers' }),
    ).toEqual([
      { column: 'timing', kind: 'segmentation' },
      { column: 'country', kind: 'attribute' },
      { column: 'channel', kind: 'segmentation' },
    ]);
    await wb.run(`create table people as select 'A' as customer_id, 'weekend' as timing`);
    expect(await resolveBy(wb, ['timing', 'loyalty'], { source: 'transactions', customers: 'people' })).toEqual([
      { column: 'timing', kind: 'attribute' },
      { column: 'loyalty', kind: 'segmentation' },
    ]);
  });
});

describe('a followed segmentation’s warnings', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    // dates only (every time 00:00); B and C bought without a channel
    await wb.run(`create table transactions as select * from (values
      ('A', 'A1', timestamp '2023-10-01', 50.0, false, 'web'), ('A', 'A2', timestamp '2023-10-05', 50.0, false, 'web'),
      ('B', 'B1', timestamp '2023-10-20', 30.0, false, null), ('C', 'C1', timestamp '2023-11-15', 70.0, false, null),
      ('D', 'D1', timestamp '2023-12-01', 20.0, false, 'web'), ('D', 'D2', timestamp '2023-12-10', 20.0, false, 'store'))
      t(customer_id, order_id, order_date, amount, is_return, channel)`);
  });
  afterAll(() => wb.close());

  it('gives each warning once, one that differs between the dates only in its numbers as of the last date', async () => {
    const t = await trends(wb, { asOf: '2024-01-01', points: 3, by: ['timing', 'channel'], minSize: 1 });
    expect(t.groupings.map((g) => g.kind)).toEqual(['segmentation', 'segmentation']);
    // 1 Nov: 1 of 2 buyers without a channel, 1 Dec: 2 of 3, 1 Jan: 2 of 4
    expect(t.warnings).toEqual([
      'Every order time is 00:00: the data holds dates only, so there are no time-of-day bands and the weekday grid has one column.',
      '2 of 4 customers have no channel on any purchase row: they are counted as "no channel".',
    ]);
  });
});

describe('a segmentation that cannot be worked out at every date', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    // three category lines for A (October, Books) and B (5 December, Toys); C one line in November
    await wb.run(`create table transactions as select * from (values
      ('A', 'A1', timestamp '2023-10-01 10:00', 10.0, false, 'Books'), ('A', 'A1', timestamp '2023-10-01 10:00', 10.0, false, 'Books'),
      ('A', 'A1', timestamp '2023-10-01 10:00', 10.0, false, 'Books'), ('C', 'C1', timestamp '2023-11-10 10:00', 10.0, false, 'Books'),
      ('B', 'B1', timestamp '2023-12-05 10:00', 10.0, false, 'Toys'), ('B', 'B1', timestamp '2023-12-05 10:00', 10.0, false, 'Toys'),
      ('B', 'B1', timestamp '2023-12-05 10:00', 10.0, false, 'Toys'))
      t(customer_id, order_id, order_date, amount, is_return, category)`);
  });
  afterAll(() => wb.close());

  it('leaves the buyers of an earlier date it cannot cluster without a segment, and says so once', async () => {
    const t = await trends(wb, { asOf: '2024-01-01', points: 3, by: ['product-mix'], minSize: 1 });
    const g = t.groupings[0]!;
    // 1 Nov and 1 Dec: only A has 3 lines, too few to cluster; 1 Jan: A and B are two mixes, C has too few lines
    expect(g.keys).toEqual(['mostly:Books', 'mostly:Toys', 'few-lines', MISSING_SEGMENT]);
    const at = (point: number) =>
      Object.fromEntries(
        g.values.filter((v) => v.point === point && v.customers > 0).map((v) => [v.segment, v.customers]),
      );
    expect([at(0), at(1), at(2)]).toEqual([
      { [MISSING_SEGMENT]: 1 },
      { [MISSING_SEGMENT]: 2 },
      { 'mostly:Books': 1, 'mostly:Toys': 1, 'few-lines': 1 },
    ]);
    // their buyers read "(no segment)" in the report's words
    expect(groupingNames(g, 'en').at(-1)).toBe('(no segment)');
    expect(groupingNames(g, 'nl').at(-1)).toBe('(geen segment)');
    expect(t.warnings).toEqual([
      'The product-mix segments could not be worked out at 2 dates, 2023-11-01 to 2023-12-01 (Only 1 customers have 3 or more order lines with a category: too few to cluster); the customers of those dates have no product-mix segment there.',
    ]);
  });

  it('fails as segmentBy does when it cannot be worked out at the last date', async () => {
    const e = await rejection(trends(wb, { asOf: '2023-12-01', points: 3, by: ['product-mix'] }));
    expect(isWorkbenchError(e, 'TOO_FEW_POINTS')).toBe(true);
  });
});
