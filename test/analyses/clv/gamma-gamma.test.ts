import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clvSummary } from '../../../src/analyses/clv/summary.js';
import { bgnbdConditionalExpected, type BgnbdParams } from '../../../src/analyses/clv/bgnbd.js';
import {
  discountedPurchases,
  fitGammaGamma,
  gammaGammaCustomerLogLikelihood,
  gammaGammaExpectedSpend,
  type GammaGammaRow,
} from '../../../src/analyses/clv/gamma-gamma.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { mleCovariance } from '../../../src/stats/hessian.js';
import { available, CDNOW_SAMPLE } from '../../helpers/data.js';

const BG: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('Gamma-Gamma formulas', () => {
  it('expected spend is the weighted mean of the population mean and the customer’s own mean', () => {
    const g = { p: 6.25, q: 3.74, gamma: 15.44 };
    // (p(γ + m x)) / (p x + q − 1) with x = 2, m = 22.35: 6.25 · 60.14 / 15.24
    expect(gammaGammaExpectedSpend(g, 2, 22.35)).toBeCloseTo((6.25 * (15.44 + 44.7)) / (12.5 + 2.74), 12);
    const populationMean = (g.p * g.gamma) / (g.q - 1);
    const w = (g.q - 1) / (g.p * 2 + g.q - 1);
    expect(gammaGammaExpectedSpend(g, 2, 22.35)).toBeCloseTo(w * populationMean + (1 - w) * 22.35, 12);
  });

  it('the likelihood is the density of the mean of x Gamma(p, ν) values integrated over ν', () => {
    // p = q = γ = 1, x = 1, m = 1: density of m̄ = ∫ ν e^{-ν m} e^{-ν} dν = 1/(1+m)^2 = 1/4
    expect(gammaGammaCustomerLogLikelihood({ p: 1, q: 1, gamma: 1 }, 1, 1)).toBeCloseTo(Math.log(1 / 4), 14);
  });

  it('names the offending rows instead of returning NaN', () => {
    const rows: GammaGammaRow[] = [
      { customerId: 'A', x: 2, monetary: 10 },
      { customerId: 'B', x: 1, monetary: 0 },
      { customerId: 'C', x: 0, monetary: 5 },
    ];
    const err = (() => {
      try {
        fitGammaGamma(rows);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isWorkbenchError(err) && err.code).toBe('BAD_OPTION');
    expect((err as Error).message).toMatch(/2 row\(s\) are not: row 2 \(x = 1, mean spend = 0\), row 3 \(x = 0/);
  });

  it('discounted purchases: undiscounted equals E[Y(horizon)], discounting lowers it', () => {
    const h = { months: 12, unitsPerYear: 365.25 / 7 };
    const plain = discountedPurchases(BG, 2, 30.43, 38.86, h);
    expect(plain).toBeCloseTo(bgnbdConditionalExpected(BG, 365.25 / 7, 2, 30.43, 38.86), 12);
    const discounted = discountedPurchases(BG, 2, 30.43, 38.86, { ...h, discountRate: 0.1 });
    expect(discounted).toBeLessThan(plain);
    expect(discounted).toBeGreaterThan(plain / 1.1);
  });
});

describe.runIf(available(CDNOW_SAMPLE, 'CDNOW Gamma-Gamma tests'))('fitGammaGamma on the CDNOW 1/10 sample', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
    await clvSummary(wb, { calibrationEnd: new Date('1997-09-30') });
  });
  afterAll(() => wb.close());

  it('matches the published fit on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44', async () => {
    const rows = await wb.query<{ x: number; monetary: number }>(
      'select x, monetary from clv_summary where x > 0 order by customer_id',
    );
    const fit = fitGammaGamma(rows);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.p.toFixed(2)).toBe('6.25');
    expect(fit.q.toFixed(2)).toBe('3.74');
    expect(fit.gamma.toFixed(2)).toBe('15.44');
    expect(fit.atBound).toEqual([]);
    // the fast objective equals the plain sum of per-customer log-likelihoods
    const plain = rows.reduce((s, r) => s + gammaGammaCustomerLogLikelihood(fit, r.x, r.monetary), 0);
    expect(fit.logLikelihood).toBeCloseTo(plain, 6);
  });

  it('standard errors on the log-parameters carried back by the delta method equal those of the Hessian on the parameters', async () => {
    const rows = await wb.query<{ x: number; monetary: number }>(
      'select x, monetary from clv_summary where x > 0 order by customer_id',
    );
    const fit = fitGammaGamma(rows);
    // reached: p 1.189, q 0.290, γ 4.159 (no published figures; bench/clv-coverage.js checks them against simulation)
    const ll = ([p = 0, q = 0, gamma = 0]: number[]) =>
      rows.reduce((s, r) => s + gammaGammaCustomerLogLikelihood({ p, q, gamma }, r.x, r.monetary), 0);
    const direct = mleCovariance(ll, [fit.p, fit.q, fit.gamma], 1e-3);
    const se = fit.standardErrors;
    expect(Math.abs((se?.p ?? NaN) / Math.sqrt(direct?.[0]?.[0] ?? NaN) - 1)).toBeLessThan(0.01);
    expect(Math.abs((se?.q ?? NaN) / Math.sqrt(direct?.[1]?.[1] ?? NaN) - 1)).toBeLessThan(0.01);
    expect(Math.abs((se?.gamma ?? NaN) / Math.sqrt(direct?.[2]?.[2] ?? NaN) - 1)).toBeLessThan(0.01);
    expect(se?.p).toBeCloseTo(1.189, 2);
    expect(se?.q).toBeCloseTo(0.29, 2);
    expect(se?.gamma).toBeCloseTo(4.159, 2);
  });
});
