import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clvDiscrete, periodStart, type ClvDiscreteResult } from '../../../src/analyses/clv/discrete.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { Random } from '../../../src/sample/random.js';
import { clvTransactions } from '../../helpers/clv.js';

// Donors drawn from BG/BB with known parameters (the published donation fit): first gift in 2015, then each
// year 2016–2022 a donor still alive (dropout θ at the start of each year) gives once with chance p.
const TRUTH = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
const DONORS = 4000;

function gamma(rng: Random, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = rng.normal();
    const v = (1 + c * n) ** 3;
    if (v > 0 && Math.log(1 - rng.next()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return d * v;
  }
}
const beta = (rng: Random, a: number, b: number) => {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
};

function donations(): Array<[string, string]> {
  const rng = new Random(7);
  const rows: Array<[string, string]> = [];
  const day = (year: number) => new Date(Date.UTC(year, 0, 1 + rng.int(365))).toISOString().slice(0, 10);
  for (let i = 0; i < DONORS; i++) {
    const id = `d${String(i).padStart(4, '0')}`;
    const p = beta(rng, TRUTH.alpha, TRUTH.beta);
    const theta = beta(rng, TRUTH.gamma, TRUTH.delta);
    rows.push([id, day(2015)]);
    for (let year = 2016; year <= 2022; year++) {
      if (rng.next() < theta) break;
      if (rng.next() < p) rows.push([id, day(year)]);
    }
  }
  // A hand-made donor: 2015, 2017, 2019 (x = 2, t_x = 4, n = 6 with 2021 the last calibration year)
  rows.push(['zz-hand', '2015-03-01'], ['zz-hand', '2017-05-05'], ['zz-hand', '2019-12-31']);
  return rows;
}

let wb: Workbench;
let result: ClvDiscreteResult;
beforeAll(async () => {
  wb = await Workbench.open();
  await wb.run(
    `create table transactions as
     select r[1] as customer_id, r[1] || '-' || r[2] as order_id, r[2]::timestamp as order_date, 25.0::double as amount, false as is_return
     from (select unnest(from_json($rows, '[["VARCHAR"]]')) as r)`,
    { rows: JSON.stringify(donations()) },
  );
  result = await clvDiscrete(wb, { period: 'year', calibrationEnd: new Date('2021-12-31'), holdoutPeriods: 1 });
});
afterAll(() => wb.close());

describe('clvDiscrete: BG/BB on yearly donations drawn from known parameters', () => {
  it('summarises each donor as x, t_x, n in years (first year 2015, calibration to 2021)', async () => {
    expect(result.customers).toBe(DONORS + 1);
    expect(result.lastCalibrationPeriod).toEqual(new Date('2021-01-01T00:00:00Z'));
    const [hand] = await wb.query(`select x, t_x, n, x_holdout from clv_bgbb where customer_id = 'zz-hand'`);
    expect(hand).toEqual({ x: 2, t_x: 4, n: 6, x_holdout: 0 });
    expect(result.multiDayShare).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('recovers the parameters within three standard errors', () => {
    const se = result.bgbb.standardErrors;
    if (!se) throw new Error('no standard errors');
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(Math.abs(result.bgbb[k] - TRUTH[k])).toBeLessThan(3 * se[k]);
    }
  });

  it('predicts the 2022 gifts within 5% of those made (1,021 against 1,030), and scores every donor', async () => {
    const h = result.holdout;
    if (!h) throw new Error('no holdout');
    expect(h.periods).toBe(1);
    expect(h.actualTotal).toBe(1030);
    expect(Math.abs(h.predictedTotal / h.actualTotal - 1)).toBeLessThan(0.05);
    const [r] = await wb.query(
      `select count(*)::integer as n, min(p_alive) > 0 and max(p_alive) <= 1 as ok, sum(expected) as expected from clv_bgbb`,
    );
    expect(r?.['n']).toBe(DONORS + 1);
    expect(r?.['ok']).toBe(true);
    expect(Number(r?.['expected'])).toBeCloseTo(result.expectedTotal, 6);
    expect(result.horizonPeriods).toBe(5);
  });

  it('defaults the calibration to the last complete period of the data', async () => {
    const d = await clvDiscrete(wb, { table: 'clv_bgbb_default' });
    // the data's last gift is on 31 December 2022, which closes 2022: it is the last complete year
    const [last] = await wb.query(`select max(order_date)::date::varchar as last from transactions`);
    expect(last?.['last']).toBe('2022-12-31');
    expect(d.lastCalibrationPeriod).toEqual(new Date('2022-01-01T00:00:00Z'));
    await wb.run(`create table t2 as select * from transactions where order_date < '2022-12-31'`);
    const before = await clvDiscrete(wb, { source: 't2', table: 'clv_bgbb_t2' });
    expect(before.lastCalibrationPeriod).toEqual(new Date('2021-01-01T00:00:00Z'));
    expect(periodStart(new Date('2022-12-31T00:00:00Z'), 'quarter', 1)).toEqual(new Date('2023-01-01T00:00:00Z'));
  });
});

describe('clvDiscrete on data that is not of the discrete kind', () => {
  it('warns when many customer-periods hold purchases on several days', async () => {
    const other = await Workbench.open();
    try {
      await clvTransactions(other);
      const d = await clvDiscrete(other, { period: 'month', calibrationEnd: new Date('2023-04-30') });
      expect(d.multiDayShare).toBeGreaterThan(0.05);
      expect(d.warnings[0]).toMatch(
        /^\d+\.\d% of customer-months hold purchases on more than one day: BG\/BB counts at most one transaction per month/,
      );
    } finally {
      await other.close();
    }
  });

  it('rejects an unknown period', async () => {
    const e = await clvDiscrete(wb, { period: 'week' as 'year' }).catch((x: unknown) => x);
    expect(isWorkbenchError(e) && e.code).toBe('BAD_OPTION');
  });
});
