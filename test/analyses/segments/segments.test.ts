import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { binsFromEdges, segmentBy } from '../../../src/analyses/segments/index.js';
import { rejection } from '../../helpers/fixture-tables.js';
import { segmentValueName } from '../../../src/i18n/analyses.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');

/**
 * Ten customers c01..c10: c<i> spends 100·i in one order (c10 in two orders of 500); region N for 1–4, S for 5–8,
 * NULL for 9–10; ages 20, 25, …, 65; c11 is in the customers table without orders.
 */
async function fixture(wb: Workbench): Promise<void> {
  await wb.run(
    'create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint, country varchar)',
  );
  await wb.run('create table customers (customer_id varchar, region varchar, age integer, nps integer)');
  for (let i = 1; i <= 11; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    const region = i <= 4 ? 'N' : i <= 8 ? 'S' : null;
    await wb.run('insert into customers values ($id, $region, $age, $nps)', {
      id,
      region,
      age: 15 + 5 * i,
      nps: i - 1,
    });
    if (i === 11) continue;
    const orders = i === 10 ? [500, 500] : [100 * i];
    for (const [k, a] of orders.entries()) {
      await wb.run('insert into transactions values ($id, $o, $d, $a, false, 0, $country)', {
        id,
        o: `${id}-${k}`,
        d: new Date(Date.UTC(2023, 5, i + k)),
        a,
        country: i % 2 === 0 ? 'NL' : 'BE',
      });
    }
  }
}

describe('segmentBy on a small fixture', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await fixture(wb);
  });
  afterEach(() => wb.close());

  it('segments by a customers column, missing values in their own segment, sizes and revenue shares', async () => {
    const r = await segmentBy(wb, { column: 'region' }, { asOf: AS_OF, minSize: 3 });
    expect(r.kind).toBe('column');
    expect(r.options.universe).toBe('customers');
    expect(r.customerCount).toBe(11);
    expect(r.revenue).toBe(5500);
    expect(r.segments.map((s) => [s.segment, s.size, s.revenue, s.tooSmall])).toEqual([
      ['N', 4, 1000, false],
      ['S', 4, 2600, false],
      ['(missing)', 3, 1900, false],
    ]);
    expect(r.segments[0]?.share).toBeCloseTo(4 / 11, 9);
    expect(r.segments[1]?.revenueShare).toBeCloseTo(2600 / 5500, 9);
    expect(r.warnings.join(' ')).toContain('3 customer(s) have no region value');
    const rows = await wb.query('select customer_id, segment from segments order by customer_id');
    expect(rows).toHaveLength(11);
    expect(rows[10]).toEqual({ customer_id: 'c11', segment: '(missing)' });
  });

  it('flags segments below minSize as too small', async () => {
    const r = await segmentBy(wb, { column: 'region' }, { asOf: AS_OF });
    expect(r.options.minSize).toBe(30);
    expect(r.segments.every((s) => s.tooSmall)).toBe(true);
    expect(r.warnings.join(' ')).toContain('fewer than 30 customers');
  });

  it('cuts a numeric column into stated bands lower ≤ x < upper', async () => {
    const r = await segmentBy(wb, { column: 'age', bins: [30, 50] }, { asOf: AS_OF, minSize: 1 });
    // ages 20..70 step 5: <30 → 20, 25; 30–50 → 30..45; ≥50 → 50..70
    expect(r.bins).toEqual([
      { label: '<30', lower: null, upper: 30 },
      { label: '30–50', lower: 30, upper: 50 },
      { label: '≥50', lower: 50, upper: null },
    ]);
    expect(r.segments.map((s) => [s.segment, s.size])).toEqual([
      ['<30', 2],
      ['30–50', 4],
      ['≥50', 5],
    ]);
  });

  it('cuts a numeric column into n bands of about equal size at the data quantiles', async () => {
    const r = await segmentBy(wb, { column: 'age', bins: 3 }, { asOf: AS_OF, minSize: 1 });
    // ages 20, 25, …, 70 (11 customers): the values at the quantiles 1/3 and 2/3 (4th and 8th of 11) → 35 and 55
    expect(r.bins?.map((b) => b.label)).toEqual(['<35', '35–55', '≥55']);
    expect(r.segments.map((s) => s.size)).toEqual([3, 4, 4]);
  });

  it('rejects bins on a text column and bad edges', async () => {
    expect(
      isWorkbenchError(await rejection(segmentBy(wb, { column: 'region', bins: [1] }, { asOf: AS_OF })), 'BAD_OPTION'),
    ).toBe(true);
    expect(() => binsFromEdges([3, 2])).toThrow(/strictly ascending/);
  });

  it('forms value tiers (top 20%, next 30%, rest) with their revenue thresholds', async () => {
    const r = await segmentBy(wb, { valueTiers: true }, { asOf: AS_OF, minSize: 1 });
    // revenues 100..900, 1000 and 0 (c11): 11 customers; top 20% = cumulative share ≤ 0.2 → 2 customers (1000, 900)
    expect(r.segments.map((s) => [s.segment, s.size, s.revenue])).toEqual([
      ['top-20%', 2, 1900],
      ['next-30%', 3, 2100],
      ['rest-50%', 6, 1500],
    ]);
    expect(r.segments.map((s) => segmentValueName(s.segment, 'en'))).toEqual(['Top 20%', 'Next 30%', 'Rest 50%']);
    expect(r.tiers?.map((t) => [t.key, t.targetShare, t.minRevenue, t.maxRevenue])).toEqual([
      ['top-20%', 0.2, 900, 1000],
      ['next-30%', 0.3, 600, 800],
      ['rest-50%', 0.5, 0, 500],
    ]);
    const other = await segmentBy(wb, { valueTiers: [0.1, 0.4] }, { asOf: AS_OF, minSize: 1 });
    expect(other.segments.map((s) => segmentValueName(s.segment, 'nl'))).toEqual([
      'Hoogste 10%',
      'Volgende 40%',
      'Overige 50%',
    ]);
  });

  it('segments by a transactions attribute (most frequent value) when there is no customers table', async () => {
    await wb.run('drop table customers');
    const r = await segmentBy(wb, { column: 'country' }, { asOf: AS_OF, minSize: 1 });
    expect(r.options.universe).toBe('buyers');
    expect(r.segments.map((s) => [s.segment, s.size, s.revenue])).toEqual([
      ['BE', 5, 2500],
      ['NL', 5, 3000],
    ]);
  });

  it('assigns rule segments with bound values; customers matching none go to rest', async () => {
    const r = await segmentBy(
      wb,
      {
        rules: [
          {
            name: 'Young north',
            where: [
              { column: 'region', op: 'eq', value: 'N' },
              { column: 'age', op: 'lt', value: 30 },
            ],
          },
          { name: "Big o'spenders", where: { column: 'revenue', op: 'gte', value: 900 } },
          { name: 'South', where: { column: 'region', op: 'in', value: ["x' or 1=1 --", 'S'] } },
        ],
        rest: 'Other',
      },
      { asOf: AS_OF, minSize: 1 },
    );
    // Young north: c01, c02; big: c09, c10 (no region); South: c05..c08; Other: c03, c04, c11.
    expect(r.segments.map((s) => [s.segment, s.size])).toEqual([
      ['Young north', 2],
      ["Big o'spenders", 2],
      ['South', 4],
      ['Other', 3],
    ]);
    const other = await wb.query('select customer_id from segments where segment = $s order by 1', { s: 'Other' });
    expect(other.map((o) => o['customer_id'])).toEqual(['c03', 'c04', 'c11']);
  });

  it('names overlapping rules, how many customers they share and an example with its values', async () => {
    const e = await rejection(
      segmentBy(
        wb,
        {
          rules: [
            { name: 'Spenders', where: { column: 'revenue', op: 'between', value: [700, 1000] } },
            { name: 'South', where: { column: 'region', op: 'eq', value: 'S' } },
            { name: 'North', where: { column: 'region', op: 'eq', value: 'N' } },
          ],
          rest: 'Other',
        },
        { asOf: AS_OF },
      ),
    );
    expect(isWorkbenchError(e, 'SEGMENT_MAP')).toBe(true);
    expect(e.message).toContain(
      '"Spenders" and "South" share 2 customer(s) (e.g. the customer of line 0 of the transactions file)',
    );
    expect(e.message).toContain('The customer of line 0 of the transactions file has revenue = 700, region = "S"');
    expect(e.message).not.toContain('c07');
    expect((e as { details?: Record<string, unknown> }).details?.['overlaps']).toEqual([
      { segments: ['Spenders', 'South'], customers: 2, example: 'line 0 of the transactions file' },
    ]);
  });

  it('names the customers no rule covers when there is no rest segment', async () => {
    const e = await rejection(
      segmentBy(
        wb,
        {
          rules: [
            { name: 'North', where: { column: 'region', op: 'eq', value: 'N' } },
            { name: 'South', where: { column: 'region', op: 'eq', value: 'S' } },
          ],
        },
        { asOf: AS_OF },
      ),
    );
    expect(isWorkbenchError(e, 'SEGMENT_MAP')).toBe(true);
    expect(e.message).toContain(
      '3 customer(s) match no segment rule, e.g. the customer of line 0 of the transactions file, with region = NULL',
    );
    expect(e.message).toContain("rest: 'Other'");
  });

  it('rejects unknown columns, bad ops and duplicate names before running', async () => {
    const unknown = await rejection(segmentBy(wb, { column: 'shoe_size' }, { asOf: AS_OF }));
    expect(isWorkbenchError(unknown, 'UNKNOWN_COLUMN')).toBe(true);
    expect(unknown.message).toContain('"region", "age", "nps", "revenue"');
    const between = await rejection(
      segmentBy(
        wb,
        { rules: [{ name: 'A', where: { column: 'age', op: 'between', value: 3 } }], rest: 'B' },
        { asOf: AS_OF },
      ),
    );
    expect(between.message).toContain('Rule "A": op between on "age" needs [low, high]');
    const dup = await rejection(
      segmentBy(wb, { rules: [{ name: 'A', where: { column: 'age', op: 'isNull' } }], rest: 'A' }, { asOf: AS_OF }),
    );
    expect(dup.message).toContain('"A" is used twice');
  });
});
