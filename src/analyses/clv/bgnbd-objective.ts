/**
 * The BG/NBD log-likelihood compiled for repeated evaluation during the fit: groups become typed
 * arrays indexed into their distinct x, t_x and T values, so each evaluation takes the log-gamma and
 * logarithm terms once per distinct value (hundreds) and one exp + one log1p per group (up to
 * hundreds of thousands at 1M customers).
 */
import { digamma, lnGamma } from '../../stats/special.js';
import type { ClvGroup } from './summary.js';

export interface BgnbdParams {
  /** Shape of the purchase-rate gamma. */
  r: number;
  /** Scale of the purchase-rate gamma (in the summary's time unit). */
  alpha: number;
  /** Dropout beta a. */
  a: number;
  /** Dropout beta b. */
  b: number;
}

function indexOf(values: number[]): { distinct: Float64Array; index: Uint32Array } {
  const distinct = [...new Set(values)].sort((p, q) => p - q);
  const at = new Map(distinct.map((v, i) => [v, i]));
  return { distinct: Float64Array.from(distinct), index: Uint32Array.from(values.map((v) => at.get(v) ?? 0)) };
}

/** A function of the parameters returning the total log-likelihood over `groups`. */
export function compileBgnbdLogLikelihood(groups: readonly ClvGroup[]): (p: BgnbdParams) => number {
  const n = groups.length;
  const xs = indexOf(groups.map((g) => g.x));
  const ts = indexOf(groups.map((g) => g.T));
  const txs = indexOf(groups.map((g) => g.t_x));
  const counts = Float64Array.from(groups.map((g) => g.count));
  const gx = new Float64Array(xs.distinct.length);
  const cx = new Float64Array(xs.distinct.length);
  const lnT = new Float64Array(ts.distinct.length);
  const lnTx = new Float64Array(txs.distinct.length);
  return ({ r, alpha, a, b }: BgnbdParams): number => {
    const base = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * Math.log(alpha);
    const lnA = Math.log(a);
    xs.distinct.forEach((x, k) => {
      gx[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      cx[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    });
    ts.distinct.forEach((T, k) => {
      lnT[k] = Math.log(alpha + T);
    });
    txs.distinct.forEach((tx, k) => {
      lnTx[k] = Math.log(alpha + tx);
    });
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const k = xs.index[i] as number;
      const x = xs.distinct[k] as number;
      const a3 = -(r + x) * (lnT[ts.index[i] as number] as number);
      if (x === 0) {
        ll += (counts[i] as number) * ((gx[k] as number) + a3);
        continue;
      }
      const a4 = (cx[k] as number) - (r + x) * (lnTx[txs.index[i] as number] as number);
      const m = a3 > a4 ? a3 : a4;
      ll += (counts[i] as number) * ((gx[k] as number) + m + Math.log1p(Math.exp(-Math.abs(a3 - a4))));
    }
    return ll;
  };
}

/**
 * The per-customer mean negative log-likelihood on log-parameters `[ln r, ln α, ln a, ln b]` with its
 * analytic gradient, for {@link bfgs}: the same terms as {@link compileBgnbdLogLikelihood}, plus the
 * digamma terms per distinct x and the log-sum-exp weights per group.
 */
export function compileBgnbdObjective(
  groups: readonly ClvGroup[],
  logBound: number,
): (v: number[]) => { f: number; g: number[] } {
  const n = groups.length;
  const xs = indexOf(groups.map((g) => g.x));
  const ts = indexOf(groups.map((g) => g.T));
  const txs = indexOf(groups.map((g) => g.t_x));
  const counts = Float64Array.from(groups.map((g) => g.count));
  const total = counts.reduce((s, c) => s + c, 0);
  const dx = xs.distinct.length;
  const gx = new Float64Array(dx),
    cx = new Float64Array(dx),
    dr = new Float64Array(dx),
    da = new Float64Array(dx),
    db = new Float64Array(dx),
    inv = new Float64Array(dx);
  const lnT = new Float64Array(ts.distinct.length),
    invT = new Float64Array(ts.distinct.length);
  const lnTx = new Float64Array(txs.distinct.length),
    invTx = new Float64Array(txs.distinct.length);
  return (v: number[]) => {
    if (v.some((vi) => !(Math.abs(vi) <= logBound))) return { f: Infinity, g: v.map(() => 0) };
    const [r, alpha, a, b] = v.map(Math.exp) as [number, number, number, number];
    const lnAlpha = Math.log(alpha),
      lnA = Math.log(a);
    const base = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * lnAlpha;
    const psiAB = digamma(a + b),
      psiB = digamma(b),
      psiR = digamma(r);
    xs.distinct.forEach((x, k) => {
      const psiABX = digamma(a + b + x);
      gx[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      cx[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
      inv[k] = x > 0 ? 1 / (b + x - 1) : 0;
      dr[k] = lnAlpha - psiR + digamma(r + x);
      da[k] = psiAB - psiABX;
      db[k] = psiAB - psiB + digamma(b + x) - psiABX;
    });
    ts.distinct.forEach((T, k) => {
      lnT[k] = Math.log(alpha + T);
      invT[k] = 1 / (alpha + T);
    });
    txs.distinct.forEach((tx, k) => {
      lnTx[k] = Math.log(alpha + tx);
      invTx[k] = 1 / (alpha + tx);
    });
    let ll = 0,
      gr = 0,
      gal = 0,
      ga = 0,
      gb = 0;
    for (let i = 0; i < n; i++) {
      const k = xs.index[i] as number;
      const x = xs.distinct[k] as number;
      const c = counts[i] as number;
      const kt = ts.index[i] as number;
      const a3 = -(r + x) * (lnT[kt] as number);
      gr += c * (dr[k] as number);
      ga += c * (da[k] as number);
      gb += c * (db[k] as number);
      if (x === 0) {
        ll += c * ((gx[k] as number) + a3);
        gr -= c * (lnT[kt] as number);
        gal -= c * (r + x) * (invT[kt] as number);
        continue;
      }
      const ktx = txs.index[i] as number;
      const a4 = (cx[k] as number) - (r + x) * (lnTx[ktx] as number);
      const e = Math.exp(-Math.abs(a3 - a4));
      const w4 = a4 > a3 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      ll += c * ((gx[k] as number) + (a3 > a4 ? a3 : a4) + Math.log1p(e));
      gr -= c * (w3 * (lnT[kt] as number) + w4 * (lnTx[ktx] as number));
      gal -= c * (r + x) * (w3 * (invT[kt] as number) + w4 * (invTx[ktx] as number));
      ga += (c * w4) / a;
      gb -= c * w4 * (inv[k] as number);
    }
    gal += (total * r) / alpha;
    return { f: -ll / total, g: [-(r * gr) / total, -(alpha * gal) / total, -(a * ga) / total, -(b * gb) / total] };
  };
}
