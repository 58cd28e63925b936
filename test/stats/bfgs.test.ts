import { describe, expect, it } from 'vitest';
import { bfgs } from '../../src/stats/bfgs.js';

describe('bfgs', () => {
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1) in well under 100 iterations', () => {
    const r = bfgs(
      ([x = 0, y = 0]) => ({
        f: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        g: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
      }),
      [-1.2, 1],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.iterations).toBeLessThan(100);
  });

  it('solves a quadratic with its exact minimiser and treats non-finite values as outside the domain', () => {
    // f = (x − 3)² + 10 (y + 2)², defined only for x < 10
    const r = bfgs(
      ([x = 0, y = 0]) => ({ f: x < 10 ? (x - 3) ** 2 + 10 * (y + 2) ** 2 : NaN, g: [2 * (x - 3), 20 * (y + 2)] }),
      [9, 5],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(3, 8);
    expect(r.x[1]).toBeCloseTo(-2, 8);
  });

  it('reports no convergence when the start is outside the domain', () => {
    const r = bfgs(() => ({ f: Infinity, g: [0] }), [0]);
    expect(r).toMatchObject({ converged: false, iterations: 0 });
  });
});
