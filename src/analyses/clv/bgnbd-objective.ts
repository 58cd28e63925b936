/**
 * The BG/NBD log-likelihood compiled for repeated evaluation during the fit: groups become typed
 * arrays indexed into their distinct x, t_x and T values, so each evaluation takes the log-gamma and
 * logarithm terms once per distinct value (hundreds) and one exp + one log1p per group (up to
 * hundreds of thousands at 1M customers).
 */
import { lnGamma } from '../../stats/special.js';
import type { BgnbdParams } from './bgnbd.js';
import type { ClvGroup } from './summary.js';

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
    ts.distinct.forEach((T, k) => { lnT[k] = Math.log(alpha + T); });
    txs.distinct.forEach((tx, k) => { lnTx[k] = Math.log(alpha + tx); });
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
