/**
 * BFGS minimisation with an analytic gradient, for the CLV likelihoods (as the lifetimes package fits
 * them: quasi-Newton on log-parameters). Far fewer evaluations than Nelder-Mead: tens instead of
 * hundreds per start. Backtracking line search on the Armijo condition; the inverse-Hessian update is
 * skipped when the curvature condition fails, so the approximation stays positive definite. With a box
 * (`bound`) it is a projected search: steps stop on the box, and coordinates on it that the gradient pushes
 * outwards are held (an active set, as L-BFGS-B keeps one), so a fit whose optimum is a limit of the model ends there.
 * Converged: gradient max-norm ≤ `gTolerance` (over the coordinates not held), or a step that changes f by
 * less than `fTolerance` (relative to 1 + |f|) twice in a row.
 */

/** Options of {@link bfgs}. */
export interface BfgsOptions {
  /** Converged when every gradient component is at most this. @defaultValue 1e-8 */
  gTolerance?: number;
  /** …or when two steps in a row change f by less than this (relative). @defaultValue 1e-14 */
  fTolerance?: number;
  /** Iteration limit. @defaultValue 200 */
  maxIterations?: number;
  /**
   * A box |xᵢ| ≤ `bound` (on log-parameters: each parameter in [e^−bound, e^bound]). A step that would leave the
   * box stops on it, and a coordinate on the box whose gradient points out of it is held there while the search
   * goes on over the others: a likelihood that keeps improving towards a limit ends on the box in a few steps
   * instead of creeping towards it. `fg` must stay finite on the box (a difference gradient looks just past it).
   * @defaultValue no box
   */
  bound?: number;
}

/** Result of {@link bfgs}. */
export interface BfgsResult {
  /** The best point found. */
  x: number[];
  /** Function value there. */
  f: number;
  /** Iterations (accepted steps). */
  iterations: number;
  /** Objective values computed (a {@link LazyGradient}'s gradient only where a step was accepted). */
  evaluations: number;
  /** True when a tolerance was met before the limit and the line search never failed. */
  converged: boolean;
  /** Per coordinate: held on the box at the end, the gradient pointing out of it (see `bound`; all false without one). */
  held: boolean[];
}

/** f and its gradient at x; a non-finite f counts as +Infinity (outside the domain). */
export type ValueAndGradient = (x: number[]) => { f: number; g: number[] };

/**
 * f, and its gradient asked for only at the points the line search accepts: for a gradient that costs more
 * than f (a difference gradient: 2n values of f), trial points it rejects then cost one value each.
 */
export interface LazyGradient {
  /** f at x; non-finite counts as +Infinity (outside the domain). */
  value: (x: number[]) => number;
  /** The gradient at x, where f is `fx`; a non-finite component puts x outside the domain. */
  gradient: (x: number[], fx: number) => number[];
}

/** What {@link bfgs} minimises: f with its gradient, or f with a gradient on request. */
export type Objective = ValueAndGradient | LazyGradient;

const dot = (a: number[], b: number[]): number => a.reduce((s, ai, i) => s + ai * (b[i] ?? 0), 0);

const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** Minimise from `start` (inside the box when `bound` is given). */
export function bfgs(objective: Objective, start: number[], options: BfgsOptions = {}): BfgsResult {
  const gTol = options.gTolerance ?? 1e-8;
  const fTol = options.fTolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 200;
  const box = options.bound ?? Infinity;
  const n = start.length;
  const fg = lazy(objective);
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const f = fg.value(x);
    return Number.isFinite(f) ? f : Infinity;
  };
  // f and its gradient, or undefined when either is not finite (outside the domain)
  const withGradient = (x: number[], f: number) => {
    if (!Number.isFinite(f)) return undefined;
    const g = fg.gradient(x, f);
    return g.every(Number.isFinite) ? { f, g } : undefined;
  };
  let x = start.slice();
  const first = withGradient(x, value(x));
  let held = x.map(() => false);
  if (!first) return { x, f: Infinity, iterations: 0, evaluations, converged: false, held };
  let cur = first;
  const end = (iterations: number, converged: boolean) => ({ x, f: cur.f, iterations, evaluations, converged, held });
  let H = identity(n);
  let rescale = true;
  let small = 0;
  for (let it = 0; it < maxIterations; it++) {
    const g = cur.g;
    const nowHeld = x.map((xi, i) => (xi >= box && (g[i] ?? 0) < 0) || (xi <= -box && (g[i] ?? 0) > 0));
    if (nowHeld.some((h, i) => h !== held[i])) {
      // the free coordinates changed: start the curvature afresh on them
      H = identity(n);
      rescale = true;
    }
    held = nowHeld;
    const gFree = g.map((gi, i) => (held[i] ? 0 : gi));
    if (Math.max(...gFree.map(Math.abs)) <= gTol) return end(it, true);
    let d = projected(
      H.map((row) => -dot(row, gFree)),
      x,
      box,
    );
    let slope = dot(d, g);
    if (!(slope < 0)) {
      // not a descent direction: restart from steepest descent
      H = identity(n);
      d = projected(
        gFree.map((gi) => -gi),
        x,
        box,
      );
      slope = dot(d, g);
    }
    // the longest step that stays in the box: a trial that would leave it stops on it
    let step = Math.min(
      1,
      ...d.map((di, i) => (di > 0 ? (box - (x[i] ?? 0)) / di : di < 0 ? (-box - (x[i] ?? 0)) / di : 1)),
    );
    let next: { f: number; g: number[] } | undefined;
    let xn: number[] = x;
    for (let k = 0; k < 60; k++, step *= 0.5) {
      xn = x.map((xi, i) => Math.min(box, Math.max(-box, xi + step * (d[i] ?? 0))));
      const f = value(xn);
      next = f <= cur.f + 1e-4 * step * slope ? withGradient(xn, f) : undefined;
      if (next) break;
    }
    if (!next) return end(it, false);
    const s = xn.map((xi, i) => xi - (x[i] ?? 0));
    const y = next.g.map((gi, i) => (held[i] ? 0 : gi - (cur.g[i] ?? 0)));
    const change = Math.abs(cur.f - next.f) / (1 + Math.abs(cur.f));
    x = xn;
    cur = next;
    small = change <= fTol ? small + 1 : 0;
    if (small >= 2) return end(it + 1, true);
    // only a fresh approximation's first update is scaled (it is skipped when the curvature condition fails)
    H = update(H, s, y, rescale) ?? H;
    rescale = false;
  }
  return end(maxIterations, false);
}

/** The objective as a {@link LazyGradient} (a {@link ValueAndGradient} gives its gradient with each value). */
function lazy(objective: Objective): LazyGradient {
  if (typeof objective !== 'function') return objective;
  let last: { x: number[]; g: number[] } | undefined;
  return {
    value: (x) => {
      const r = objective(x);
      last = { x, g: r.g };
      return r.f;
    },
    gradient: (x) => (last?.x === x ? last.g : objective(x).g),
  };
}

/** d without the components that would leave the box from a coordinate already on it. */
function projected(d: number[], x: readonly number[], box: number): number[] {
  return d.map((di, i) => (((x[i] ?? 0) >= box && di > 0) || ((x[i] ?? 0) <= -box && di < 0) ? 0 : di));
}

/**
 * The BFGS update of the inverse Hessian H by the step s and gradient change y, or null when the curvature
 * condition fails (H would lose positive definiteness). `rescale`: first scale H to the curvature seen
 * (Nocedal & Wright 6.20).
 */
function update(H: number[][], s: number[], y: number[], rescale: boolean): number[][] | null {
  const sy = dot(s, y);
  if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) return null;
  const scale = rescale ? sy / dot(y, y) : 1;
  const B = rescale ? H.map((row) => row.map((v) => v * scale)) : H;
  const Hy = B.map((row) => dot(row, y));
  const yHy = dot(y, Hy);
  const rho = 1 / sy;
  return B.map((row, i) =>
    row.map(
      (v, j) =>
        v -
        rho * ((Hy[i] ?? 0) * (s[j] ?? 0) + (s[i] ?? 0) * (Hy[j] ?? 0)) +
        (rho * rho * yHy + rho) * (s[i] ?? 0) * (s[j] ?? 0),
    ),
  );
}

/**
 * f with a central-difference gradient (step `h`, two evaluations per coordinate), for a likelihood without a
 * closed-form gradient; the gradient is computed only where {@link bfgs} asks for it.
 * @example bfgs(centralDifferences(negLogLikelihood), start)
 */
export function centralDifferences(f: (x: number[]) => number, h = 1e-6): LazyGradient {
  return {
    value: f,
    gradient: (x) =>
      x.map((_, i) => {
        const up = x.slice();
        up[i] = (up[i] ?? 0) + h;
        const down = x.slice();
        down[i] = (down[i] ?? 0) - h;
        return (f(up) - f(down)) / (2 * h);
      }),
  };
}
