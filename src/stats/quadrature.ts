/**
 * Composite Gauss–Legendre quadrature for smooth one-dimensional integrals, for likelihood terms whose
 * series form converges too slowly in part of the parameter space (Pareto/NBD's ₂F₁ near z = 1).
 * Fixed nodes make the result a smooth function of the integrand's parameters, so finite-difference
 * gradients and Hessians of a likelihood built on it stay consistent (an adaptive rule would not).
 */

const cache = new Map<number, { x: Float64Array; w: Float64Array }>();

/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1], by Newton's method on the Legendre
 * polynomial from the Chebyshev guesses (to machine precision); cached per n.
 */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const hit = cache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      if (n === 1) p0 = 1;
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  const rule = { x, w };
  cache.set(n, rule);
  return rule;
}

/**
 * ∫ f over [a, b] by the n-point Gauss–Legendre rule on `panels` equal panels.
 * @example integrate((x) => Math.exp(-x), 0, 1) // 1 − e⁻¹
 */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 8, n = 16): number {
  if (!(b > a)) return 0;
  const { x, w } = gaussLegendre(n);
  const h = (b - a) / panels;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h;
    let s = 0;
    for (let i = 0; i < n; i++) s += (w[i] as number) * f(mid + 0.5 * h * (x[i] as number));
    total += 0.5 * h * s;
  }
  return total;
}
