import { describe, expect, it } from 'vitest';
import { gaussLegendre, integrate } from '../../src/stats/quadrature.js';

describe('gaussLegendre', () => {
  it('gives the 2-point rule ±1/√3 with weights 1, and weights summing to 2 for 16 points', () => {
    const two = gaussLegendre(2);
    expect(Math.abs(two.x[0] ?? NaN)).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(two.w[0]).toBeCloseTo(1, 15);
    expect([...gaussLegendre(16).w].reduce((s, w) => s + w, 0)).toBeCloseTo(2, 14);
  });
});

describe('integrate', () => {
  it('matches closed forms: ∫₀¹ eˣ = e − 1, ∫₀^π sin = 2, ∫₁¹⁰⁰ x^−2.5 = (1 − 100^−1.5)/1.5', () => {
    expect(integrate(Math.exp, 0, 1)).toBeCloseTo(Math.E - 1, 14);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 12);
    expect(integrate((x) => x ** -2.5, 1, 100, 64)).toBeCloseTo((1 - 100 ** -1.5) / 1.5, 12);
  });

  it('is 0 over an empty interval', () => {
    expect(integrate(Math.exp, 2, 2)).toBe(0);
  });
});
