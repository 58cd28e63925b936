import { describe, expect, it } from 'vitest';
import { lnHyp2f1, scaledHyp2f1 } from '../../src/stats/special.js';

describe('scaledHyp2f1', () => {
  it('equals exp(scale) · ₂F₁ from the log series when a, b, c > 0', () => {
    expect(scaledHyp2f1(Math.log(2), 0.7784, 0.3462, 1.3, 0.5)).toBeCloseTo(2 * Math.exp(lnHyp2f1(0.7784, 0.3462, 1.3, 0.5)), 14);
  });

  it('sums the signed series when c < 0 (mpmath: ₂F₁(0.7784, 0.3462; −0.65; 0.5) = −0.318914951893953)', () => {
    expect(scaledHyp2f1(0, 0.7784, 0.3462, 0.0038 + 0.3462 - 1, 0.5)).toBeCloseTo(-0.318914951893953, 12);
  });

  it('is NaN where ₂F₁ is undefined (c a non-positive integer, z outside [0, 1))', () => {
    expect(scaledHyp2f1(0, 1, 1, -2, 0.5)).toBeNaN();
    expect(scaledHyp2f1(0, 1, 1, -0.5, 1)).toBeNaN();
  });
});
