import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { kpis, kpiStatus } from '../../../src/analyses/segments/kpis.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');

/** c01..c10 spend 100·i in June 2023 (c01 also 50 in December); region N (1–4), S (5–8), none (9–10); NPS score i − 1. */
async function fixture(wb: Workbench): Promise<void> {
  await wb.run(
    'create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint)',
  );
  await wb.run('create table customers (customer_id varchar, region varchar, nps integer)');
  for (let i = 1; i <= 10; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    await wb.run('insert into customers values ($id, $region, $nps)', {
      id,
      region: i <= 4 ? 'N' : i <= 8 ? 'S' : null,
      nps: i - 1,
    });
    await wb.run('insert into transactions values ($id, $o, $d, $a, false, 0)', {
      id,
      o: `o${i}`,
      d: new Date(Date.UTC(2023, 5, i)),
      a: 100 * i,
    });
  }
  await wb.run("insert into transactions values ('c01', 'o1b', timestamp '2023-12-20 10:00:00', 50, false, 0)");
}

describe('kpis against goals', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await fixture(wb);
  });
  afterEach(() => wb.close());

  it('compares each segment with its own goal: met, close (within 5%), missed, no goal', async () => {
    const r = await kpis(wb, {
      segments: { column: 'region' },
      asOf: AS_OF,
      minSize: 1,
      goals: [{ kpi: 'revenuePerCustomer', goal: { N: 270, S: 700 } }],
    });
    // N: (150 + 200 + 300 + 400) / 4 = 262.5, 7.5 short of 270 (5% = 13.5) → close; S: 650, 50 short of 700 (35) → missed
    expect(r.rows.map((x) => [x.segment, x.value, x.goal, x.gap, x.status])).toEqual([
      ['N', 262.5, 270, -7.5, 'close'],
      ['S', 650, 700, -50, 'missed'],
      ['(missing)', 950, null, null, 'no goal'],
    ]);
    expect(r.rows[0]?.tolerance).toBeCloseTo(13.5, 9);
    expect(r.rows[1]?.relativeGap).toBeCloseTo(-50 / 700, 9);
    expect(r.warnings.join(' ')).toContain('have no goal: (missing) Revenue per customer');
  });

  it('treats lower as better for churn, and NPS goals near 0 with an absolute tolerance', async () => {
    const r = await kpis(wb, {
      segments: { column: 'region' },
      asOf: AS_OF,
      minSize: 1,
      goals: [
        { kpi: { churnRate: 180 }, goal: 0.8 },
        { kpi: 'nps', goal: { N: -90, S: -60, '(missing)': 0 }, toleranceAbsolute: 10 },
      ],
    });
    const churn = r.rows.filter((x) => x.kpi === 'churnRate:180');
    // N: 3 of 4 inactive for 180 days (c01 ordered in December) = 0.75 ≤ 0.8 → met; S: 1.0 → missed (0.2 > 0.04)
    expect(churn.map((x) => [x.segment, x.value, x.higherIsBetter, x.status])).toEqual([
      ['N', 0.75, false, 'met'],
      ['S', 1, false, 'missed'],
      ['(missing)', 1, false, 'missed'],
    ]);
    const nps = r.rows.filter((x) => x.kpi === 'nps');
    // N scores 0–3: −100 (10 short of −90: close); S scores 4–7: −75 (15 short of −60: missed); missing 8, 9: +50 (met)
    expect(nps.map((x) => [x.segment, x.value, x.status])).toEqual([
      ['N', -100, 'close'],
      ['S', -75, 'missed'],
      ['(missing)', 50, 'met'],
    ]);
    expect(r.kpis.map((k) => k.id)).toEqual(['churnRate:180', 'nps']);
  });

  it('gives a 95% CI with every value and flags small segments', async () => {
    const r = await kpis(wb, { asOf: AS_OF, goals: [{ kpi: 'ordersPerCustomer', goal: 1 }] });
    const all = r.rows[0]!;
    expect([all.segment, all.n, all.value, all.status, all.tooSmall]).toEqual(['All customers', 10, 1.1, 'met', true]);
    // orders 2, 1 × 9: sample sd = √(0.9/9) → se = √(0.1/10) = 0.1
    expect(all.ci?.[0]).toBeCloseTo(1.1 - 1.959963984540054 * 0.1, 10);
  });

  it('rejects goals for segments that do not exist, naming the segments', async () => {
    const e = (await kpis(wb, {
      segments: { column: 'region' },
      asOf: AS_OF,
      goals: [{ kpi: 'nps', goal: { West: 10 } }],
    }).catch((x: unknown) => x)) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toContain('"West"');
    expect(e.message).toContain('Segments: "N", "S", "(missing)"');
  });

  it('refuses NPS on scores outside 0–10, naming the range and a customer', async () => {
    await wb.run("update customers set nps = 12 where customer_id = 'c03'");
    const e = (await kpis(wb, { asOf: AS_OF, goals: [{ kpi: 'nps', goal: 0 }] }).catch((x: unknown) => x)) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toBe(
      "NPS needs 0–10 scores, but nps holds values from 0 to 12 (e.g. the customer of line 0 of the transactions file). Pass { mean: 'nps' } for its plain mean.",
    );
  });

  it('kpiStatus: exactly at the goal is met; at the edge of the tolerance is close', () => {
    expect(kpiStatus(10, 10, true, 1)).toBe('met');
    expect(kpiStatus(9, 10, true, 1)).toBe('close');
    expect(kpiStatus(8.99, 10, true, 1)).toBe('missed');
    expect(kpiStatus(11, 10, false, 1)).toBe('close');
    expect(kpiStatus(NaN, 10, false, 1)).toBe('no data');
  });
});
