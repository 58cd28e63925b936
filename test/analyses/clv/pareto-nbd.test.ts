import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clvGroups, clvSummary, type ClvGroup } from '../../../src/analyses/clv/summary.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdCustomerLogLikelihood,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  type ParetoNbdFit,
  type ParetoNbdParams,
} from '../../../src/analyses/clv/pareto-nbd.js';
import { lnGamma } from '../../../src/stats/special.js';
import { Random } from '../../../src/sample/random.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { available, CDNOW_SAMPLE } from '../../helpers/data.js';

// Fader, Hardie & Lee (2005) and the BTYD walkthrough: CDNOW 1/10 sample, 39-week calibration period.
const PUBLISHED: ParetoNbdParams = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.66 };

describe('Pareto/NBD formulas on hand computations', () => {
  it('with α = β the likelihood has the closed form Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+s+x) + s/(r+s+x) · ((α+t_x)^−(r+s+x) − (α+T)^−(r+s+x))]', () => {
    const p = { r: 0.8, alpha: 5, s: 1.3, beta: 5 };
    const [x, tx, T] = [3, 20, 30];
    const k = p.r + p.s + x;
    const closed =
      Math.exp(lnGamma(p.r + x) - lnGamma(p.r)) *
      p.alpha ** p.r *
      p.beta ** p.s *
      ((p.alpha + T) ** -k + (p.s / k) * ((p.alpha + tx) ** -k - (p.alpha + T) ** -k));
    expect(paretoNbdCustomerLogLikelihood(p, x, tx, T)).toBeCloseTo(Math.log(closed), 12);
  });

  it('is continuous where the ₂F₁ branch switches (α just below and just above β)', () => {
    const below = paretoNbdCustomerLogLikelihood(
      { r: 0.55, alpha: 11.66 - 1e-7, s: 0.61, beta: 11.66 },
      2,
      30.43,
      38.86,
    );
    const above = paretoNbdCustomerLogLikelihood(
      { r: 0.55, alpha: 11.66 + 1e-7, s: 0.61, beta: 11.66 },
      2,
      30.43,
      38.86,
    );
    expect(Math.abs(below - above)).toBeLessThan(1e-7);
  });

  it('where α ≪ β (₂F₁ near z = 1, integrated instead) the likelihood equals a direct numerical integral, and is continuous at the switch', () => {
    // one-time buyer: L = Γ(r)αʳβˢ/Γ(r)·[(α+T)^−r (β+T)^−s + s ∫₀ᵀ (α+τ)^−r (β+τ)^−(s+1) dτ], the integral by 200,000 midpoints
    const p = { r: 0.5, alpha: 0.2, s: 0.8, beta: 400 };
    const T = 30;
    const n = 200_000;
    let integral = 0;
    for (let i = 0; i < n; i++) {
      const tau = ((i + 0.5) * T) / n;
      integral += ((p.alpha + tau) ** -p.r * (p.beta + tau) ** -(p.s + 1) * T) / n;
    }
    const direct = p.alpha ** p.r * p.beta ** p.s * ((p.alpha + T) ** -p.r * (p.beta + T) ** -p.s + p.s * integral);
    expect(paretoNbdCustomerLogLikelihood(p, 0, 0, T)).toBeCloseTo(Math.log(direct), 8);
    // z = (β − α)/(β + t_x) = 0.9 at t_x = (β − α)/0.9 − β: the series on one side, the integral on the other
    const tx = (p.beta - p.alpha) / 0.9 - p.beta;
    const below = paretoNbdCustomerLogLikelihood(p, 2, tx * (1 + 1e-9), 80);
    const above = paretoNbdCustomerLogLikelihood(p, 2, tx * (1 - 1e-9), 80);
    expect(Math.abs(below - above)).toBeLessThan(1e-9);
  });

  it('a customer just acquired (x = 0, T = 0) is alive, and expects E[X(t)] = rβ/(α(s−1)) · (1 − (β/(β+t))^(s−1))', () => {
    expect(paretoNbdPAlive(PUBLISHED, 0, 0, 0)).toBeCloseTo(1, 12);
    const t = 52;
    const direct =
      ((PUBLISHED.r * PUBLISHED.beta) / (PUBLISHED.alpha * (PUBLISHED.s - 1))) *
      (1 - (PUBLISHED.beta / (PUBLISHED.beta + t)) ** (PUBLISHED.s - 1));
    expect(paretoNbdExpectedPurchases(PUBLISHED, t)).toBeCloseTo(direct, 12);
    expect(paretoNbdConditionalExpected(PUBLISHED, t, 0, 0, 0)).toBeCloseTo(direct, 10);
  });

  it('s = 1 takes the limit rβ/α · ln((β+t)/β) instead of dividing by zero', () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(paretoNbdExpectedPurchases(p, 39)).toBeCloseTo(((0.5 * 12) / 10) * Math.log(51 / 12), 12);
  });

  it('P(alive) falls with silence, for one-time buyers too (unlike BG/NBD)', () => {
    expect(paretoNbdPAlive(PUBLISHED, 0, 0, 10)).toBeGreaterThan(paretoNbdPAlive(PUBLISHED, 0, 0, 38));
    expect(paretoNbdPAlive(PUBLISHED, 5, 37, 38)).toBeGreaterThan(paretoNbdPAlive(PUBLISHED, 5, 5, 38));
    expect(paretoNbdPAlive(PUBLISHED, 3, 38, 38)).toBeCloseTo(1, 12); // bought on the last day: certainly alive
  });
});

describe('fitParetoNbd', () => {
  it('refuses data without repeat buyers with NO_DATA', () => {
    const err = (() => {
      try {
        fitParetoNbd([{ x: 0, t_x: 0, T: 10, count: 5 }]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isWorkbenchError(err) && err.code).toBe('NO_DATA');
  });

  it('ends at the no-dropout limit (s and β on their bounds) on customers who never churn, within 2,000 evaluations', () => {
    // 1,000 customers buying as Poisson processes with rates from Gamma(r = 0.8, α = 6) and never stopping,
    // observed for 52 weeks after a first purchase in weeks 0..12. The likelihood rises along a flat ridge
    // towards s/β → 0; the search used to stop on it short of the limit (s = 6e-5, β = 7.4e4, no standard
    // errors, 1,834 evaluations). As for any estimate on a boundary, in some samples chance alone makes a
    // small interior point better (seeds 1 and 5 of 1–5 here): this seed is one that shows the limit.
    const truth = { r: 0.8, alpha: 6 };
    const rng = new Random(2);
    const gamma = (shape: number): number => {
      // Marsaglia–Tsang, with the shape < 1 boost
      if (shape < 1) return gamma(shape + 1) * rng.next() ** (1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const n = Math.sqrt(-2 * Math.log(rng.next() || 1e-12)) * Math.cos(2 * Math.PI * rng.next());
        const v = (1 + c * n) ** 3;
        if (v > 0 && Math.log(rng.next() || 1e-12) < 0.5 * n * n + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const counts = new Map<string, ClvGroup>();
    for (let i = 0; i < 1_000; i++) {
      const lambda = gamma(truth.r) / truth.alpha;
      const T = 52 - rng.int(13);
      let [t, x, tx] = [0, 0, 0];
      for (;;) {
        t += -Math.log(1 - rng.next()) / lambda;
        if (t > T) break;
        x += 1;
        tx = Math.ceil(t * 7) / 7; // whole days, as the SQL summary has them
      }
      const key = `${x}|${tx}|${T}`;
      const g = counts.get(key) ?? { x, t_x: tx, T, count: 0 };
      g.count += 1;
      counts.set(key, g);
    }
    const groups = [...counts.values()];
    const fit = fitParetoNbd(groups);
    expect(fit).toMatchObject({ atBound: ['s', 'beta'], converged: true });
    expect(fit.s).toBeCloseTo(1e-6, 12);
    expect(fit.beta / 1e6).toBeCloseTo(1, 12);
    expect(fit.evaluations).toBeLessThan(2_000); // reached: 1,443
    // the limit is the NBD: its log-likelihood, Σ ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T), at r and α
    const nbd = groups.reduce(
      (sum, g) =>
        sum +
        g.count *
          (lnGamma(fit.r + g.x) -
            lnGamma(fit.r) +
            fit.r * Math.log(fit.alpha) -
            (fit.r + g.x) * Math.log(fit.alpha + g.T)),
      0,
    );
    expect(fit.logLikelihood).toBeCloseTo(nbd, 4);
    // the purchase rates are still learnt, with standard errors: reached r = 0.834 (se 0.044), α = 6.33 (se 0.41)
    expect(Math.abs(fit.r / truth.r - 1)).toBeLessThan(0.1);
    expect(fit.standardErrors?.r).toBeGreaterThan(0.03);
    expect(fit.standardErrors?.r).toBeLessThan(0.06);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.1);
  });
});

describe.runIf(available(CDNOW_SAMPLE, 'CDNOW Pareto/NBD tests'))('fitParetoNbd on the CDNOW 1/10 sample', () => {
  let wb: Workbench;
  let groups: ClvGroup[];
  let fit: ParetoNbdFit;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
    await clvSummary(wb, { calibrationEnd: new Date('1997-09-30') });
    groups = await clvGroups(wb, 'clv_summary');
    fit = fitParetoNbd(groups);
  });
  afterAll(() => wb.close());

  it('matches the published fit: r = 0.55, α = 10.58, s = 0.61, β = 11.66, LL = −9,595.0', () => {
    // reached: r 0.5533, α 10.578, s 0.6062, β 11.668, LL −9594.97 (CLVTools: 0.55315, 10.57633, 0.60625, 11.67150, −9594.976)
    expect(fit).toMatchObject({ customers: 2357, repeatBuyers: 946, converged: true, atBound: [] });
    expect(Math.abs(fit.r - PUBLISHED.r)).toBeLessThan(0.01);
    expect(Math.abs(fit.alpha - PUBLISHED.alpha)).toBeLessThan(0.1);
    expect(Math.abs(fit.s - PUBLISHED.s)).toBeLessThan(0.01);
    expect(Math.abs(fit.beta - PUBLISHED.beta)).toBeLessThan(0.1);
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThan(0.5);
    expect(paretoNbdLogLikelihood(fit, groups)).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('gives the standard errors CLVTools reports for this fit: 0.0476, 0.8427, 0.1873, 6.2105', () => {
    const se = fit.standardErrors;
    // reached: 0.04762, 0.84269, 0.18714, 6.2063 (CLVTools test_correctness_pnbd.R: 0.0476264, 0.8427222, 0.1872594, 6.2105448)
    expect(Math.abs((se?.r ?? NaN) / 0.0476264 - 1)).toBeLessThan(0.01);
    expect(Math.abs((se?.alpha ?? NaN) / 0.8427222 - 1)).toBeLessThan(0.01);
    expect(Math.abs((se?.s ?? NaN) / 0.1872594 - 1)).toBeLessThan(0.01);
    expect(Math.abs((se?.beta ?? NaN) / 6.2105448 - 1)).toBeLessThan(0.01);
  });
});
