/** How a trend's `by` names are followed: the keys of a segmentation over the points, and which names are segmentations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBy, segmentationKeys } from '../../../src/analyses/trends/by.js';
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
