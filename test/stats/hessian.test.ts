import { describe, expect, it } from 'vitest';
import { cholesky, inverseSpd, mleCovariance, numericalHessian } from '../../src/stats/hessian.js';

describe('numericalHessian', () => {
  it('is exact on a quadratic: f = x² + 3xy + 2y² has Hessian [[2, 3], [3, 4]]', () => {
    const H = numericalHessian(([x = 0, y = 0]) => x * x + 3 * x * y + 2 * y * y, [0.7, -1.3]);
    expect(H[0]?.[0]).toBeCloseTo(2, 6);
    expect(H[0]?.[1]).toBeCloseTo(3, 6);
    expect(H[1]?.[0]).toBeCloseTo(3, 6);
    expect(H[1]?.[1]).toBeCloseTo(4, 6);
  });
});

describe('cholesky and inverseSpd', () => {
  it('factor and invert [[4, 2], [2, 3]]: L = [[2, 0], [1, √2]], inverse [[3, −2], [−2, 4]] / 8', () => {
    const L = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(L?.[0]?.[0]).toBeCloseTo(2, 14);
    expect(L?.[1]?.[0]).toBeCloseTo(1, 14);
    expect(L?.[1]?.[1]).toBeCloseTo(Math.SQRT2, 14);
    const inv = inverseSpd([
      [4, 2],
      [2, 3],
    ]);
    expect(inv?.[0]?.[0]).toBeCloseTo(3 / 8, 14);
    expect(inv?.[0]?.[1]).toBeCloseTo(-2 / 8, 14);
    expect(inv?.[1]?.[1]).toBeCloseTo(4 / 8, 14);
  });

  it('return null for a matrix that is not positive definite', () => {
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(
      inverseSpd([
        [0, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(cholesky([[NaN]])).toBeNull();
  });
});

describe('mleCovariance', () => {
  it('gives σ²/n for the mean of n normal observations with known σ', () => {
    // log-likelihood of the mean μ of 25 observations with σ = 2: −Σ(xᵢ − μ)²/8; variance of μ̂ = 4/25
    const xs = Array.from({ length: 25 }, (_, i) => (i * 7919) % 13);
    const ll = ([mu = 0]: number[]) => -xs.reduce((s, x) => s + (x - mu) ** 2, 0) / 8;
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mleCovariance(ll, [mean])?.[0]?.[0]).toBeCloseTo(4 / 25, 6);
  });

  it('holds fixed coordinates at their value: zero rows and columns, the rest as if they were constants', () => {
    // ll = −(x² + xy + y²) − 0·z²: y fixed leaves −x², information 2, variance ½
    const cov = mleCovariance(([x = 0, y = 0]) => -(x * x + x * y + y * y), [0, 0], 1e-4, [false, true]);
    expect(cov?.[0]?.[0]).toBeCloseTo(0.5, 6);
    expect(cov?.[0]?.[1]).toBe(0);
    expect(cov?.[1]?.[1]).toBe(0);
  });

  it('is null at a saddle point', () => {
    expect(mleCovariance(([x = 0, y = 0]) => x * x - y * y, [0, 0])).toBeNull();
  });
});
