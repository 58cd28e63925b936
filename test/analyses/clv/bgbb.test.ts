import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bgbbConditionalExpected,
  bgbbCustomerLogLikelihood,
  bgbbExpected,
  bgbbLogLikelihood,
  bgbbPAlive,
  bgbbProbabilityOfX,
  fitBgbb,
  type BgbbGroup,
} from '../../../src/analyses/clv/bgbb.js';
import { isWorkbenchError } from '../../../src/errors.js';

// Fader, Hardie & Shang (2010), donation data: 11,104 donors of 1995, six yearly opportunities (fixture source: SOURCE.md).
const groups: BgbbGroup[] = readFileSync('test/fixtures/clv/donations-bgbb.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [x, t_x, n, count] = line.split(',').map(Number);
    return { x: x ?? NaN, t_x: t_x ?? NaN, n: n ?? NaN, count: count ?? NaN };
  });
const PUBLISHED = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe('BG/BB on the published donation data', () => {
  const fit = fitBgbb(groups);

  it('holds 11,104 donors in 22 patterns', () => {
    expect(groups).toHaveLength(22);
    expect(fit.customers).toBe(11_104);
    expect(fit.repeaters).toBe(11_104 - 3_464);
  });

  it('finds the published fit: α 1.204, β 0.750, γ 0.657, δ 2.783, LL −33,225.6', () => {
    expect(fit.alpha).toBeCloseTo(PUBLISHED.alpha, 3);
    expect(fit.beta).toBeCloseTo(PUBLISHED.beta, 3);
    expect(fit.gamma).toBeCloseTo(PUBLISHED.gamma, 3);
    expect(fit.delta).toBeCloseTo(PUBLISHED.delta, 2);
    expect(fit.logLikelihood).toBeCloseTo(-33_225.6, 1);
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toEqual([]);
    expect(bgbbLogLikelihood(PUBLISHED, groups)).toBeLessThanOrEqual(fit.logLikelihood);
  });

  it('gives standard errors from the observed information', () => {
    const se = fit.standardErrors;
    if (!se) throw new Error('no standard errors');
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(se[k]).toBeGreaterThan(0);
      expect(se[k]).toBeLessThan(fit[k] / 2);
    }
  });

  it('P(alive in 2002): 0.11 for a donor who never came back, 0.59 for x = 2, t_x = 4, 0.93 for x = 6 (table 6)', () => {
    expect(bgbbPAlive(fit, 0, 0, 6)).toBeCloseTo(0.11, 2);
    expect(bgbbPAlive(fit, 2, 4, 6)).toBeCloseTo(0.59, 2);
    expect(bgbbPAlive(fit, 6, 6, 6)).toBeCloseTo(0.93, 2);
  });

  it("expects 12,884.2 donations in 2002–2006 from the cohort (Hardie's spreadsheet, conditional expectations)", () => {
    const total = groups.reduce((s, g) => s + g.count * bgbbConditionalExpected(fit, 5, g.x, g.t_x, g.n), 0);
    expect(total).toBeCloseTo(12_884.2, 0);
  });

  it("in-sample fit: 3,454.9 donors expected with x = 0 and 1,253.1 with x = 6 (Hardie's spreadsheet)", () => {
    expect(11_104 * bgbbProbabilityOfX(fit, 0, 6)).toBeCloseTo(3_454.9, 0);
    expect(11_104 * bgbbProbabilityOfX(fit, 6, 6)).toBeCloseTo(1_253.1, 0);
  });
});

describe('BG/BB formulas', () => {
  const p = { alpha: 1.3, beta: 0.8, gamma: 0.7, delta: 2.5 };

  it('the distribution of X(n) sums to 1 and its mean is E[X(n)]', () => {
    const probs = Array.from({ length: 8 }, (_, x) => bgbbProbabilityOfX(p, x, 7));
    expect(probs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(probs.reduce((s, v, x) => s + x * v, 0)).toBeCloseTo(bgbbExpected(p, 7), 12);
  });

  it('a new customer (n = 0) expects what the population expects; the likelihood of all patterns of n sums to 1', () => {
    expect(bgbbConditionalExpected(p, 5, 0, 0, 0)).toBeCloseTo(bgbbExpected(p, 5), 12);
    const n = 4;
    let total = 0;
    for (let x = 0; x <= n; x++)
      for (let tx = x === 0 ? 0 : x; tx <= (x === 0 ? 0 : n); tx++) {
        // patterns with x transactions, the last in t_x: C(t_x − 1, x − 1) orders of the earlier ones
        const ways = x === 0 ? 1 : binomial(tx - 1, x - 1);
        total += ways * Math.exp(bgbbCustomerLogLikelihood(p, x, tx, n));
      }
    expect(total).toBeCloseTo(1, 12);
  });

  it('P(alive) is 1 minus the chance of dropping out, and lower after a longer silence', () => {
    expect(bgbbPAlive(p, 3, 6, 6)).toBeGreaterThan(bgbbPAlive(p, 3, 3, 6));
    expect(bgbbPAlive(p, 3, 3, 6)).toBeGreaterThan(0);
    expect(bgbbPAlive(p, 3, 6, 6)).toBeLessThan(1);
  });

  it('rejects rows that are not a summary, naming the row, and data where nobody came back', () => {
    const bad = [
      { x: 3, t_x: 2, n: 6, count: 1 },
      { x: 1, t_x: 0, n: 6, count: 1 },
      { x: 1, t_x: 7, n: 6, count: 1 },
      { x: 1.5, t_x: 2, n: 6, count: 1 },
    ];
    for (const row of bad) {
      const e = catchError(() => fitBgbb([row]));
      expect(isWorkbenchError(e) && e.code).toBe('BAD_OPTION');
      expect((e as Error).message).toContain(`x = ${row.x}, t_x = ${row.t_x}, n = 6`);
    }
    const none = catchError(() => fitBgbb([{ x: 0, t_x: 0, n: 6, count: 10 }]));
    expect((none as Error).message).toBe(
      'BG/BB needs customers who came back: none of the 10 customer(s) made a transaction after their first period. Use more periods or data with repeat transactions.',
    );
  });
});

function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
