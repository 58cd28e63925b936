/** How a trend's `by` names are followed: the keys of a segmentation over the points, and which names are segmentations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBy, segmentationKeys } from '../../../src/analyses/trends/by.js';
import { trends } from '../../../src/analyses/trends/index.js';
import { MISSING_SEGMENT } from '../../../src/analyses/segments/index.js';
import { Workbench } from '../../../src/workbench.js';
import { transactions } from '../../helpers/fixture-tables.js';

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
