import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/stats/nelder-mead.js';
import { lnBeta, lnGamma, lnHyp2f1 } from '../../src/stats/special.js';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosen = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const r = nelderMead(rosen, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.f).toBeLessThan(1e-10);
    expect(r.iterations).toBeGreaterThan(10);
  });

  it('finds a 4-d quadratic minimum and treats non-finite values as +Infinity', () => {
    const target = [0.3, -2, 5, 1];
    const f = (x: number[]) =>
      (x[0] ?? 0) > 10 ? NaN : x.reduce((s, xi, i) => s + (i + 1) * (xi - (target[i] ?? 0)) ** 2, 0);
    const r = nelderMead(f, [0, 0, 0, 0]);
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i] ?? 0, 5));
  });

  it('reports no convergence when the iteration limit is hit', () => {
    const r = nelderMead(([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], {
      maxIterations: 5,
    });
    expect(r).toMatchObject({ converged: false, iterations: 5 });
  });
});

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(1e-3)).toBeCloseTo(6.907178885383853, 10); // ln Γ(0.001)
    let lnFact170 = 0;
    for (let k = 2; k <= 170; k++) lnFact170 += Math.log(k);
    expect(lnGamma(171)).toBeCloseTo(lnFact170, 9);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(lnGamma(0)).toBeNaN();
  });

  it('₂F₁ matches closed forms', () => {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    for (const z of [0.1, 0.5, 0.95]) expect(Math.exp(lnHyp2f1(1, 1, 2, z))).toBeCloseTo(-Math.log(1 - z) / z, 12);
    // 2F1(a, b; b; z) = (1 - z)^-a, here with a large a that would overflow a plain sum
    expect(lnHyp2f1(800, 3, 3, 0.7)).toBeCloseTo(-800 * Math.log(0.3), 8);
    expect(lnHyp2f1(2, 3, 4, 0)).toBe(0);
  });
});
