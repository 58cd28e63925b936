import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIX_RULES, spendSql, vectorsSql } from '../../../src/analyses/product-mix/sql.js';
import { Workbench } from '../../../src/workbench.js';

describe('the spend shares per customer (vectorsSql)', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    // 15 categories: c00 … c11 named, c12 … c14 (the least spent) together as `other`; B buys twice in c00 and once in c14
    await wb.run(`create table transactions as
      select 'A' as customer_id, 'o' || i as order_id, timestamp '2024-01-01' as order_date, (100 - i)::double as amount,
        false as is_return, 'c' || lpad(i::varchar, 2, '0') as category from range(15) r(i)
      union all select 'B', 'b1', timestamp '2024-01-01', 30, false, 'c00'
      union all select 'B', 'b2', timestamp '2024-01-02', 10, false, 'c00'
      union all select 'B', 'b3', timestamp '2024-01-03', 2, false, 'c14'`);
    await wb.run(spendSql({ source: 'transactions', hasColumn: true }, 'spend'), { asOf: new Date('2025-01-01') });
    await wb.run(vectorsSql('spend', 'vec', MIX_RULES.maxCategories + 1));
  });
  afterAll(() => wb.close());

  it('gives each named category its own share and adds the rest up as other', async () => {
    const [a, b] = await wb.query<Record<string, number>>('select * from vec order by customer_id');
    const total = Array.from({ length: 15 }, (_, i) => 100 - i).reduce((x, y) => x + y, 0);
    expect(a!['s0']).toBeCloseTo(100 / total, 12);
    expect(a!['s11']).toBeCloseTo(89 / total, 12);
    expect(a!['s12']).toBeCloseTo((88 + 87 + 86) / total, 12);
    expect(b!['s0']).toBeCloseTo(40 / 42, 12);
    expect(b!['s12']).toBeCloseTo(2 / 42, 12);
    for (const r of [a!, b!]) {
      const sum = Array.from({ length: 13 }, (_, i) => r[`s${i}`]!).reduce((x, y) => x + y, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });
});
