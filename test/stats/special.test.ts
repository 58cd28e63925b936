import { describe, expect, it } from 'vitest';
import { digamma, lnGamma, lnHyp2f1, scaledHyp2f1 } from '../../src/stats/special.js';

describe('scaledHyp2f1', () => {
  it('equals exp(scale) · ₂F₁ from the log series when a, b, c > 0', () => {
    expect(scaledHyp2f1(Math.log(2), 0.7784, 0.3462, 1.3, 0.5)).toBeCloseTo(
      2 * Math.exp(lnHyp2f1(0.7784, 0.3462, 1.3, 0.5)),
      14,
    );
  });

  it('sums the signed series when c < 0 (mpmath: ₂F₁(0.7784, 0.3462; −0.65; 0.5) = −0.318914951893953)', () => {
    expect(scaledHyp2f1(0, 0.7784, 0.3462, 0.0038 + 0.3462 - 1, 0.5)).toBeCloseTo(-0.318914951893953, 12);
  });

  it('is NaN where ₂F₁ is undefined (c a non-positive integer, z outside [0, 1))', () => {
    expect(scaledHyp2f1(0, 1, 1, -2, 0.5)).toBeNaN();
    expect(scaledHyp2f1(0, 1, 1, -0.5, 1)).toBeNaN();
  });
});

describe('digamma', () => {
  it('equals the closed forms ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(n+1) = −γ + Hₙ', () => {
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 12);
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.LN2, 12);
    expect(digamma(11)).toBeCloseTo(-euler + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((s, k) => s + 1 / k, 0), 12);
  });

  it('is the derivative of lnGamma (central difference at 0.03, 2.7 and 250)', () => {
    for (const x of [0.03, 2.7, 250]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 5);
    }
    expect(digamma(0)).toBeNaN();
  });
});
