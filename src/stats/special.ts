/**
 * Special functions for the CLV models: log-gamma (Lanczos, g = 7, n = 9; about 15 significant
 * digits for positive arguments) and the Gauss hypergeometric series ₂F₁(a, b; c; z) for 0 ≤ z < 1,
 * summed with its terms scaled so that large a, b (customers with many purchases) cannot overflow.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + 7.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) for a, b > 0. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * ln ₂F₁(a, b; c; z) by the power series, for a, b, c > 0 and 0 ≤ z < 1 (all terms positive).
 * Sums until a term adds less than 1e-15 of the total once the terms are shrinking.
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(a > 0 && b > 0 && c > 0)) return NaN;
  if (z === 0) return 0;
  // sum = exp(scale) · s, rescaled whenever s grows large
  let scale = 0;
  let s = 1;
  let term = 1;
  for (let k = 0; k < 1_000_000; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    s += term;
    if (s > 1e250) {
      scale += Math.log(s);
      term /= s;
      s = 1;
    }
    if (ratio < 1 && term < 1e-16 * s) break;
  }
  return scale + Math.log(s);
}

/**
 * (base)^e · ₂F₁(a, b; c; z) given ln(base^e) = `logScale`, for 0 ≤ z < 1. With a, b, c > 0 it uses
 * {@link lnHyp2f1}; with c < 0 (BG/NBD with a + b < 1 for a customer without repeat purchases) the
 * early terms change sign, so the series is summed as signed numbers. NaN when c is 0 or a negative integer.
 */
export function scaledHyp2f1(logScale: number, a: number, b: number, c: number, z: number): number {
  if (a > 0 && b > 0 && c > 0) return Math.exp(logScale + lnHyp2f1(a, b, c, z));
  if (!(z >= 0 && z < 1) || (c <= 0 && Number.isInteger(c))) return NaN;
  let s = 1;
  let term = 1;
  for (let k = 0; k < 1_000_000; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    s += term;
    if (!Number.isFinite(s)) return NaN;
    if (k > -c && Math.abs(ratio) < 1 && Math.abs(term) < 1e-16 * Math.abs(s)) break;
  }
  return Math.exp(logScale) * s;
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0 (NaN otherwise): the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 6,
 * then the asymptotic series (absolute error below 1e-12). Used by the analytic gradients of the CLV fits.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let acc = 0;
  while (x < 6) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const tail =
    f * (-1 / 12 + f * (1 / 120 + f * (-1 / 252 + f * (1 / 240 + f * (-1 / 132 + f * (691 / 32760 - f / 12))))));
  return acc + Math.log(x) - 0.5 / x + tail;
}
