/** The two-proportion z test: is a share in one population different from the share in another? */

/**
 * z statistic of `x2 / n2` against `x1 / n1` under the pooled null (both shares equal):
 * z = (p2 − p1) / √(p̂ (1 − p̂) (1/n1 + 1/n2)), p̂ = (x1 + x2) / (n1 + n2). NaN when a total is 0 or the
 * pooled share is 0 or 1 (no variation to test).
 * @example twoProportionZ(100, 1000, 150, 1000) // ≈ 3.38
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (!(n1 > 0 && n2 > 0)) return NaN;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se > 0 ? (x2 / n2 - x1 / n1) / se : NaN;
}
