import { describe, expect, it } from 'vitest';
import { fitNoDropout, LIMIT_TOLERANCE, noDropoutLimit } from '../../../src/analyses/clv/no-dropout.js';
import type { ClvGroup } from '../../../src/analyses/clv/summary.js';
import { lnGamma } from '../../../src/stats/special.js';

// 60 groups: x = 0..11 repeat purchases, T = 20..60 weeks, counts 1..7
const groups: ClvGroup[] = Array.from({ length: 60 }, (_, i) => ({
  x: i % 12,
  t_x: i % 12 === 0 ? 0 : 10 + (i % 9),
  T: 20 + ((i * 7) % 41),
  count: 1 + (i % 7),
}));
const ll = (r: number, alpha: number) =>
  groups.reduce(
    (s, g) => s + g.count * (lnGamma(r + g.x) - lnGamma(r) + r * Math.log(alpha) - (r + g.x) * Math.log(alpha + g.T)),
    0,
  );

describe('fitNoDropout', () => {
  it('maximises the NBD likelihood Σ ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T): 1% off either way is worse', () => {
    const fit = fitNoDropout(groups);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(ll(fit.r, fit.alpha), 8);
    for (const [dr, da] of [
      [1.01, 1],
      [0.99, 1],
      [1, 1.01],
      [1, 0.99],
    ] as const)
      expect(ll(fit.r * dr, fit.alpha * da)).toBeLessThan(fit.logLikelihood);
  });
});

describe('noDropoutLimit', () => {
  const customers = groups.reduce((s, g) => s + g.count, 0);
  const limitF = -fitNoDropout(groups).logLikelihood / customers;
  const negLL = () => limitF; // the limit point's value, whatever x
  const searched = (gain: number) => ({
    x: [0, 0, 0, 0],
    f: limitF - gain / customers,
    converged: true,
    iterations: 7,
  });

  it('takes the limit, s and β on their bounds, when the search is better by at most 10⁻³ in log-likelihood', () => {
    const best = noDropoutLimit(groups, searched(LIMIT_TOLERANCE / 2), negLL, Math.log(1e6));
    expect(best.x.slice(2)).toEqual([-Math.log(1e6), Math.log(1e6)]);
    expect(best).toMatchObject({ converged: true, iterations: 7 });
  });

  it('keeps the search when it is better by more (dropout found)', () => {
    const s = searched(0.01);
    expect(noDropoutLimit(groups, s, negLL, Math.log(1e6))).toBe(s);
  });
});
