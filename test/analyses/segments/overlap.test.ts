import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { overlap, segmentSets } from '../../../src/analyses/segments/overlap.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');

/** c01..c10: region N (1–4), S (5–8), none (9–10); c<i> spends 100·i. */
async function fixture(wb: Workbench): Promise<void> {
  await wb.run(
    'create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint)',
  );
  await wb.run('create table customers (customer_id varchar, region varchar)');
  for (let i = 1; i <= 10; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    await wb.run('insert into customers values ($id, $region)', { id, region: i <= 4 ? 'N' : i <= 8 ? 'S' : null });
    await wb.run('insert into transactions values ($id, $o, $d, $a, false, 0)', {
      id,
      o: `o${i}`,
      d: new Date(Date.UTC(2023, 5, i)),
      a: 100 * i,
    });
  }
}

describe('overlap of named customer sets', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await fixture(wb);
  });
  afterEach(() => wb.close());

  it('counts customers in both sets and the Jaccard index for hand-made sets', async () => {
    const r = await overlap(
      wb,
      [
        { name: 'North', where: { column: 'region', op: 'eq', value: 'N' } }, // c01–c04
        { name: 'Spend ≥ 300', where: { column: 'revenue', op: 'gte', value: 300 } }, // c03–c10
        { name: 'Spend < 200', where: { column: 'revenue', op: 'lt', value: 200 } }, // c01
      ],
      { asOf: AS_OF },
    );
    expect(r.customerCount).toBe(10);
    expect(r.sets).toEqual([
      { name: 'North', size: 4 },
      { name: 'Spend ≥ 300', size: 8 },
      { name: 'Spend < 200', size: 1 },
    ]);
    expect(r.pairs[0]).toEqual({
      a: 'North',
      b: 'Spend ≥ 300',
      both: 2,
      either: 10,
      jaccard: 0.2,
      shareOfA: 0.5,
      shareOfB: 0.25,
    });
    expect(r.pairs[1]).toMatchObject({ a: 'North', b: 'Spend < 200', both: 1, either: 4, jaccard: 0.25 });
    expect(r.pairs[2]).toMatchObject({ a: 'Spend ≥ 300', b: 'Spend < 200', both: 0, jaccard: 0 });
  });

  it('compares the segments of two segmentations', async () => {
    const region = await segmentBy(wb, { column: 'region' }, { asOf: AS_OF, table: 'seg_region' });
    const tiers = await segmentBy(wb, { valueTiers: true }, { asOf: AS_OF, table: 'seg_tiers' });
    const r = await overlap(wb, [...segmentSets(region), ...segmentSets(tiers)], { asOf: AS_OF });
    // top 20% = c09, c10 (no region): all of them in region (missing)
    const p = r.pairs.find((x) => x.a === 'region: (missing)' && x.b === 'revenue tiers: top-20%');
    expect(p).toMatchObject({ both: 2, jaccard: 1 });
    expect(r.pairs.find((x) => x.a === 'region: N' && x.b === 'region: S')?.both).toBe(0);
  });

  it('needs two uniquely named sets', async () => {
    const e = (await overlap(wb, [{ name: 'A', where: { column: 'region', op: 'isNull' } }]).catch(
      (x: unknown) => x,
    )) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
  });
});
