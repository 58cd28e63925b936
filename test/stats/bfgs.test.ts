import { describe, expect, it } from 'vitest';
import { bfgs, centralDifferences } from '../../src/stats/bfgs.js';

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

  it('holds a coordinate on the box when f keeps falling beyond it, and converges over the others', () => {
    // f = (x − 3)² + e^−y falls for ever as y grows: within |y| ≤ 5 the minimum is (3, 5)
    const r = bfgs(([x = 0, y = 0]) => ({ f: (x - 3) ** 2 + Math.exp(-y), g: [2 * (x - 3), -Math.exp(-y)] }), [0, 0], {
      bound: 5,
    });
    expect(r).toMatchObject({ converged: true, held: [false, true] });
    expect(r.x[0]).toBeCloseTo(3, 8);
    expect(r.x[1]).toBe(5);
    // without the box it walks on, until e^−y is below the gradient tolerance
    const free = bfgs(
      ([x = 0, y = 0]) => ({ f: (x - 3) ** 2 + Math.exp(-y), g: [2 * (x - 3), -Math.exp(-y)] }),
      [0, 0],
    );
    expect(free.x[1]).toBeGreaterThan(18);
  });

  it('asks a difference gradient only where a step is accepted: one value per rejected trial', () => {
    let calls = 0;
    const f = ([x = 0, y = 0]: number[]) => {
      calls++;
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    };
    const r = bfgs(centralDifferences(f), [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    // each accepted point costs 1 + 4 values (its value and two per coordinate), each rejected trial 1
    expect(calls).toBe(r.evaluations + 4 * (r.iterations + 1));
  });

  it('reports no convergence when the start is outside the domain', () => {
    const r = bfgs(() => ({ f: Infinity, g: [0] }), [0]);
    expect(r).toMatchObject({ converged: false, iterations: 0 });
  });
});
