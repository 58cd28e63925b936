import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { defineSegmentMap, rfm, rfmCustomers } from '../../src/index.js';
import { rejection, transactions } from '../helpers/fixture-tables.js';

// Declared as a variable, as a notebook cell does: through defineSegmentMap it keeps `loyalty: 'loyal'` and the
// score ranges as tuples, so passing it to rfm() type-checks (`tsc --noEmit` covers test/).
const twoGroups = defineSegmentMap({
  name: 'two groups',
  bins: 2,
  segments: [
    { key: 'recent', loyalty: 'loyal', rules: [{ r: [2, 2] }] },
    { key: 'earlier', loyalty: 'lost', rules: [{ r: [1, 1] }] },
  ],
});

describe('a custom RFM map in a notebook', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await transactions(wb, [
      ['a', 'o1', '2024-01-05', 10],
      ['b', 'o2', '2024-03-01', 20],
      ['c', 'o3', '2024-06-01', 30],
      ['d', 'o4', '2024-06-20', 40],
    ]);
  });
  afterAll(() => wb.close());

  it('defineSegmentMap checks the map at once', () => {
    expect(() =>
      defineSegmentMap({ name: 'gap', bins: 2, segments: [{ key: 'x', loyalty: 'loyal', rules: [{ r: [2, 2] }] }] }),
    ).toThrow(/not covered|uncovered|no segment/i);
  });

  it('scores with the map held in a variable, and rfmCustomers finds its keys', async () => {
    const result = await rfm(wb, { segmentMap: twoGroups, bins: 2 });
    expect(result.segments.map((s) => [s.key, s.customers])).toEqual([
      ['recent', 2],
      ['earlier', 2],
    ]);
    expect((await rfmCustomers(wb, { segment: 'recent' })).map((c) => c.customer_id)).toEqual(['c', 'd']);
  });

  it('rfmCustomers refuses a key the map of the table does not have, naming the keys', async () => {
    await rfm(wb, { segmentMap: twoGroups, bins: 2 });
    const e = await rejection(rfmCustomers(wb, { segment: 'at-risk' }));
    expect(e.message).toBe('unknown segment "at-risk": the map of table rfm has "recent", "earlier".');
  });
});
