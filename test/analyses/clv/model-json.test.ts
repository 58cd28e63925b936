import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvModel, modelFromJson, modelToJson, CLV_MODEL_FORMAT } from '../../../src/analyses/clv/model-json.js';
import { clvScore } from '../../../src/analyses/clv/score.js';
import { bgnbdConditionalExpected, bgnbdPAlive } from '../../../src/analyses/clv/bgnbd.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { clvTransactions } from '../../helpers/clv.js';
import { available, CDNOW_SAMPLE } from '../../helpers/data.js';

const COLUMNS = 'customer_id, x, t_x, "T", p_alive, expected_purchases, expected_spend, clv, alive_band, clv_tier';

describe('a fitted CLV model as JSON', () => {
  let wb: Workbench;
  let r: ClvResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await clvTransactions(wb);
    r = await clv(wb, { calibrationEnd: new Date('2023-06-30'), unit: 'days', discountRate: 0.1, intervalDraws: 50 });
  });
  afterAll(() => wb.close());

  it('round-trips exactly: the same parameters, covariances and dates', () => {
    const model = clvModel(r);
    const back = modelFromJson(modelToJson(model));
    expect(back).toEqual(model);
    expect(back.purchases).toEqual({
      kind: 'bg-nbd',
      params: { r: r.bgnbd.r, alpha: r.bgnbd.alpha, a: r.bgnbd.a, b: r.bgnbd.b },
    });
    expect(back.spend.q).toBe(r.gammaGamma.q);
    expect(back.calibrationEnd?.toISOString()).toBe('2023-06-30T00:00:00.000Z');
    expect(JSON.parse(modelToJson(model))).toMatchObject({ format: CLV_MODEL_FORMAT, version: 1, unit: 'days' });
  });

  it('scores the same data from the loaded model with identical predictions, tiers and intervals, without refitting', async () => {
    const model = modelFromJson(modelToJson(clvModel(r)));
    const s = await clvScore(wb, model, {
      calibrationEnd: new Date('2023-06-30'),
      discountRate: 0.1,
      intervalDraws: 50,
      table: 'clv_again',
      summaryTable: 'clv_summary_again',
    });
    const a = await wb.query(`select ${COLUMNS} from clv order by customer_id`);
    const b = await wb.query(`select ${COLUMNS} from clv_again order by customer_id`);
    expect(b).toHaveLength(400);
    expect(b).toEqual(a);
    expect(s.totals).toEqual(r.totals);
    expect(s.tiers).toEqual(r.tiers);
    expect(s.options.unit).toBe('days');
  });

  it('scores another table: a customer there gets the formulas of the saved parameters', async () => {
    await wb.run(`create table other_orders as select * from (values
      ('n1', 'a', timestamp '2023-03-01', 20.0, false), ('n1', 'b', timestamp '2023-03-11', 30.0, false),
      ('n1', 'c', timestamp '2023-04-10', 40.0, false), ('n2', 'd', timestamp '2023-05-01', 15.0, false))
      t(customer_id, order_id, order_date, amount, is_return)`);
    const model = modelFromJson(modelToJson(clvModel(r)));
    const s = await clvScore(wb, model, {
      source: 'other_orders',
      calibrationEnd: new Date('2023-06-30'),
      table: 'clv_other',
      summaryTable: 'clv_other_summary',
      intervalDraws: 0,
    });
    expect(s.customers).toBe(2);
    const [n1] = await wb.query<{ p_alive: number; expected_purchases: number }>(
      `select p_alive, expected_purchases from clv_other where customer_id = 'n1'`,
    );
    // n1: first 1 March, repeats on days 10 and 40, observed 121 days to 30 June
    const p = r.bgnbd;
    expect(n1?.p_alive).toBeCloseTo(bgnbdPAlive(p, 2, 40, 121), 12);
    expect(n1?.expected_purchases).toBeCloseTo(bgnbdConditionalExpected(p, 365.25, 2, 40, 121), 10);
  });

  it('refuses a damaged or foreign file naming the field, and a newer version saying what to do', () => {
    const good = JSON.parse(modelToJson(clvModel(r))) as Record<string, unknown>;
    const err = (text: string) => {
      try {
        modelFromJson(text);
      } catch (e) {
        return isWorkbenchError(e, 'BAD_OPTION') ? e.message : `other: ${String(e)}`;
      }
      return 'no error';
    };
    expect(err('{ nope')).toMatch(/not valid JSON/);
    expect(err(JSON.stringify({ ...good, format: 'x' }))).toMatch(
      /format must be "segment-workbench\/clv-model", got "x"/,
    );
    expect(err(JSON.stringify({ ...good, version: 2 }))).toMatch(
      /version 2, written by a newer segment-workbench; this version reads up to 1/,
    );
    expect(err(JSON.stringify({ ...good, unit: 'months' }))).toMatch(/unit must be "weeks" or "days", got "months"/);
    const purchases = good['purchases'] as Record<string, unknown>;
    expect(
      err(JSON.stringify({ ...good, purchases: { ...purchases, params: { r: 1, alpha: -2, a: 1, b: 1 } } })),
    ).toMatch(/purchases\.params\.alpha must be a positive number, got -2/);
    expect(err(JSON.stringify({ ...good, purchases: { ...purchases, model: 'bg-bb' } }))).toMatch(/purchases\.model/);
    expect(err(JSON.stringify({ ...good, purchases: { ...purchases, logCovariance: [[1]] } }))).toMatch(
      /purchases\.logCovariance must be null or a 4 × 4 matrix/,
    );
    expect(err(JSON.stringify({ ...good, spend: undefined }))).toMatch(/spend must be an object, got nothing/);
  });
});

describe.runIf(available(CDNOW_SAMPLE, 'CDNOW model file tests'))('a Pareto/NBD model of the CDNOW sample', () => {
  it('round-trips and scores the holdout-free table with identical P(alive) and CLV', async () => {
    const wb = await Workbench.open();
    try {
      await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
      const r = await clv(wb, { calibrationEnd: new Date('1997-09-30'), model: 'pareto-nbd', intervalDraws: 0 });
      const model = modelFromJson(modelToJson(clvModel(r)));
      expect(model.purchases.kind).toBe('pareto-nbd');
      expect(model.unit).toBe('weeks');
      await clvScore(wb, model, {
        calibrationEnd: new Date('1997-09-30'),
        table: 'again',
        summaryTable: 'again_s',
        intervalDraws: 0,
      });
      const [d] = await wb.query<{ n: number; diff: number }>(
        `select count(*)::integer as n, max(abs(a.clv - c.clv) + abs(a.p_alive - c.p_alive)) as diff from clv c join again a using (customer_id)`,
      );
      expect(d).toEqual({ n: 2357, diff: 0 });
    } finally {
      wb.close();
    }
  }, 120_000);
});
