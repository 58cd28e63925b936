/**
 * Second derivatives and covariance matrices for maximum-likelihood fits: the numerical Hessian of a
 * log-likelihood at its optimum, inverted by Cholesky into the asymptotic covariance of the estimates
 * (the observed-information method lifetimes and CLVTools use for their standard errors).
 */

/**
 * The Hessian of `f` at `x` by central differences with step `h` in every coordinate (the diagonal
 * from f(x ± h), the off-diagonal from the four points x ± h eᵢ ± h eⱼ). Symmetric by construction.
 */
export function numericalHessian(f: (x: number[]) => number, x: readonly number[], h = 1e-4): number[][] {
  const n = x.length;
  const at = (steps: Array<[number, number]>) => {
    const y = x.slice();
    for (const [i, s] of steps) y[i] = (y[i] ?? 0) + s * h;
    return f(y);
  };
  const f0 = f(x.slice());
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    (H[i] as number[])[i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (h * h);
    for (let j = 0; j < i; j++) {
      const v =
        (at([
          [i, 1],
          [j, 1],
        ]) -
          at([
            [i, 1],
            [j, -1],
          ]) -
          at([
            [i, -1],
            [j, 1],
          ]) +
          at([
            [i, -1],
            [j, -1],
          ])) /
        (4 * h * h);
      (H[i] as number[])[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

/**
 * The Cholesky factor L (lower triangular, A = L Lᵀ) of a symmetric matrix, or null when the matrix
 * is not positive definite (or holds a non-finite value).
 */
export function cholesky(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]?.[j] ?? NaN;
      for (let k = 0; k < j; k++) s -= (L[i]?.[k] ?? 0) * (L[j]?.[k] ?? 0);
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        (L[i] as number[])[i] = Math.sqrt(s);
      } else {
        (L[i] as number[])[j] = s / (L[j]?.[j] ?? NaN);
      }
    }
  }
  return L;
}

/** The inverse of a symmetric positive-definite matrix (via Cholesky), or null when it is not positive definite. */
export function inverseSpd(A: readonly (readonly number[])[]): number[][] | null {
  const L = cholesky(A);
  if (!L) return null;
  const n = A.length;
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹
  const Li = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= (L[i]?.[k] ?? 0) * (Li[k]?.[c] ?? 0);
      (Li[i] as number[])[c] = s / (L[i]?.[i] ?? NaN);
    }
  }
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = Math.max(i, j); k < n; k++) s += (Li[k]?.[i] ?? 0) * (Li[k]?.[j] ?? 0);
      return s;
    }),
  );
}

/**
 * The asymptotic covariance of maximum-likelihood estimates: the inverse of the observed information,
 * the negative Hessian of the total log-likelihood `logLikelihood` at the optimum `x`. Coordinates
 * marked in `fixed` (an estimate at a search bound, where the likelihood is flat) are held at their
 * value: the covariance is that of the others, with zero rows and columns for the fixed ones. Null when
 * the information of the free coordinates is not positive definite (a saddle or a flat ridge).
 * @example const cov = mleCovariance((v) => totalLogLikelihood(v), fitted);
 */
export function mleCovariance(
  logLikelihood: (x: number[]) => number,
  x: readonly number[],
  h = 1e-4,
  fixed: readonly boolean[] = [],
): number[][] | null {
  const free = x.map((_, i) => i).filter((i) => !fixed[i]);
  const n = x.length;
  if (free.length === 0) return Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const sub = (v: number[]) => {
    const full = x.slice();
    free.forEach((i, k) => {
      full[i] = v[k] ?? 0;
    });
    return logLikelihood(full);
  };
  const H = numericalHessian(
    sub,
    free.map((i) => x[i] ?? 0),
    h,
  );
  const inv = inverseSpd(H.map((row) => row.map((v) => -v)));
  if (!inv) return null;
  const cov = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  free.forEach((i, a) =>
    free.forEach((j, b) => {
      (cov[i] as number[])[j] = inv[a]?.[b] ?? NaN;
    }),
  );
  return cov;
}
