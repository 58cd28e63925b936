import { describe, expect, it } from 'vitest';
import { multivariateNormal, quantile, standardNormal } from '../../src/stats/mvnormal.js';
import { Random } from '../../src/sample/random.js';

describe('multivariateNormal', () => {
  it('draws with the given mean and covariance (20,000 seeded draws)', () => {
    const rng = new Random(3);
    const draw = multivariateNormal(
      [1, -2],
      [
        [4, 1.2],
        [1.2, 1],
      ],
    );
    if (!draw) throw new Error('covariance refused');
    const xs = Array.from({ length: 20_000 }, () => draw(() => rng.next()));
    const m0 = xs.reduce((s, x) => s + (x[0] ?? 0), 0) / xs.length;
    const m1 = xs.reduce((s, x) => s + (x[1] ?? 0), 0) / xs.length;
    const c = (i: number, j: number, mi: number, mj: number) =>
      xs.reduce((s, x) => s + ((x[i] ?? 0) - mi) * ((x[j] ?? 0) - mj), 0) / (xs.length - 1);
    // standard errors: mean 0.014 and 0.007, variance about 0.04, covariance about 0.016
    expect(Math.abs(m0 - 1)).toBeLessThan(0.05);
    expect(Math.abs(m1 + 2)).toBeLessThan(0.025);
    expect(Math.abs(c(0, 0, m0, m0) - 4)).toBeLessThan(0.15);
    expect(Math.abs(c(0, 1, m0, m1) - 1.2)).toBeLessThan(0.06);
    expect(Math.abs(c(1, 1, m1, m1) - 1)).toBeLessThan(0.04);
  });

  it('keeps a coordinate with zero variance at its mean', () => {
    const rng = new Random(5);
    const draw = multivariateNormal(
      [1, 2, 3],
      [
        [1, 0, 0.5],
        [0, 0, 0],
        [0.5, 0, 1],
      ],
    );
    const xs = Array.from({ length: 100 }, () => draw?.(() => rng.next()) ?? []);
    expect(xs.every((x) => x[1] === 2)).toBe(true);
    expect(new Set(xs.map((x) => x[0])).size).toBe(100);
  });

  it('is null for a covariance that is not positive definite', () => {
    expect(
      multivariateNormal(
        [0, 0],
        [
          [1, 2],
          [2, 1],
        ],
      ),
    ).toBeNull();
  });

  it('standardNormal puts 95% of draws within ±1.96', () => {
    const rng = new Random(11);
    const zs = Array.from({ length: 20_000 }, () => standardNormal(() => rng.next()));
    const inside = zs.filter((z) => Math.abs(z) <= 1.959964).length / zs.length;
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.005);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics (type 7): the 2.5% and 97.5% quantiles of 1…5 are 1.1 and 4.9', () => {
    expect(quantile([5, 3, 1, 4, 2], 0.025)).toBeCloseTo(1.1, 12);
    expect(quantile([5, 3, 1, 4, 2], 0.975)).toBeCloseTo(4.9, 12);
    expect(quantile([5, 3, 1, 4, 2], 0.5)).toBe(3);
  });

  it('leaves NaN out and keeps infinite draws at the end', () => {
    expect(quantile([1, NaN, 2, 3], 1)).toBe(3);
    expect(quantile([1, 2, Infinity], 1)).toBe(Infinity);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
