/**
 * Nelder-Mead minimisation, small and deterministic, for the few-parameter likelihoods of the CLV
 * models (BG/NBD: 4 parameters, Gamma-Gamma: 3). Written here rather than taken from npm: the
 * registry's candidates (e.g. `fmin` 0.0.x) are unmaintained and pull in plotting code; the method
 * fits in a page and is tested on known minima (test/analyses/optimise.test.ts).
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½); after convergence the
 * search restarts once from the best point with a fresh simplex, which guards against a simplex that
 * collapsed before reaching the minimum. Converged: function values within `fTolerance` (relative to 1 + |f|) and
 * points within `xTolerance`, or function values within `fTolerance / 100` (a flat ridge).
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate. @defaultValue 0.5 */
  step?: number;
  /** Converged when the simplex's function values differ by less than this. @defaultValue 1e-10 */
  fTolerance?: number;
  /** …and its points by less than this in every coordinate. @defaultValue 1e-6 */
  xTolerance?: number;
  /** Iteration limit (over all restarts). @defaultValue 3000 */
  maxIterations?: number;
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** Function value there. */
  f: number;
  /** Iterations used. */
  iterations: number;
  /** True when the tolerances were met before the iteration limit. */
  converged: boolean;
}

type Point = { x: number[]; f: number };

const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * ((b[i] ?? 0) - ai));

/** Minimise `f` from `start`; non-finite values of `f` count as +Infinity. */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const step = options.step ?? 0.5;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 3000;
  const value = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let iterations = 0;
  let best: Point = { x: start.slice(), f: value(start) };
  let converged = false;
  for (let round = 0; round < 2 && iterations < maxIterations; round++) {
    const run = search(value, best.x, step, fTol, xTol, maxIterations - iterations);
    iterations += run.iterations;
    converged = run.converged;
    const improved = best.f - run.best.f;
    best = run.best.f <= best.f ? run.best : best;
    if (round > 0 || !converged) break;
    if (improved === 0) break;
  }
  return { x: best.x, f: best.f, iterations, converged };
}

function search(
  value: (x: number[]) => number,
  start: number[],
  step: number,
  fTol: number,
  xTol: number,
  limit: number,
): { best: Point; iterations: number; converged: boolean } {
  const n = start.length;
  let simplex: Point[] = [{ x: start.slice(), f: value(start) }];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] = (x[i] ?? 0) + step;
    simplex.push({ x, f: value(x) });
  }
  let iterations = 0;
  for (; iterations < limit; iterations++) {
    simplex.sort((p, q) => p.f - q.f);
    const lo = simplex[0] as Point;
    const hi = simplex[n] as Point;
    const spread = Math.max(...simplex.map((p) => Math.max(...p.x.map((xi, i) => Math.abs(xi - (lo.x[i] ?? 0))))));
    // A simplex lying on a flat ridge (a parameter drifting to a limit) may never shrink to xTol;
    // once its values agree to fTol/100 more iterations cannot change the optimum's value. Function
    // tolerances are relative to 1 + |f| (a log-likelihood of -22,534 cannot agree to 1e-12 in doubles).
    const fSpread = Math.abs(hi.f - lo.f) / (1 + Math.abs(lo.f));
    if ((fSpread <= fTol && spread <= xTol) || fSpread <= fTol / 100) return { best: lo, iterations, converged: true };
    const centroid = new Array<number>(n).fill(0);
    for (const p of simplex.slice(0, n))
      p.x.forEach((xi, i) => {
        centroid[i] = (centroid[i] ?? 0) + xi / n;
      });
    const second = simplex[n - 1] as Point;
    const xr = combine(centroid, hi.x, -1);
    const fr = value(xr);
    if (fr < lo.f) {
      const xe = combine(centroid, hi.x, -2);
      const fe = value(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < second.f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      const outside = fr < hi.f;
      const xc = combine(centroid, outside ? xr : hi.x, 0.5);
      const fc = value(xc);
      if (fc < (outside ? fr : hi.f)) {
        simplex[n] = { x: xc, f: fc };
      } else {
        simplex = simplex.map((p, i) =>
          i === 0
            ? p
            : (() => {
                const x = combine(lo.x, p.x, 0.5);
                return { x, f: value(x) };
              })(),
        );
      }
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { best: simplex[0] as Point, iterations, converged: false };
}
