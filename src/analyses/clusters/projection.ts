/**
 * A 2-D view of the clusters: principal components of the standardised features. The covariance
 * matrix is computed in DuckDB over all clustered customers; ml-pca only decomposes that small
 * d × d matrix (loaded with a dynamic import like the other ml packages). Component signs are fixed
 * (largest loading positive) so the picture does not flip between runs.
 */

/** The first two principal components. */
export interface Projection {
  /** Share of the total variance explained by PC1 and PC2. */
  explained: [number, number];
  /** Loadings: `loadings[c][j]` = weight of feature j in component c (c = 0, 1). */
  loadings: [number[], number[]];
}

/** PCA of a d × d covariance matrix (d ≥ 1). With one feature PC2 is all zeros. */
export async function pcaFromCovariance(cov: readonly (readonly number[])[]): Promise<Projection> {
  const d = cov.length;
  const { PCA } = await import('ml-pca');
  const pca = new PCA(
    cov.map((r) => [...r]),
    { isCovarianceMatrix: true },
  );
  const vectors = pca.getEigenvectors().to2DArray();
  const explained = pca.getExplainedVariance();
  const component = (c: number): number[] => {
    if (c >= d) return new Array<number>(d).fill(0);
    const v = vectors.map((row) => row[c] ?? 0);
    const lead = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) + 1e-12 ? x : best), 0);
    return lead < 0 ? v.map((x) => (x === 0 ? 0 : -x)) : v;
  };
  const share = (c: number) => (Number.isFinite(explained[c]) ? (explained[c] as number) : 0);
  return { explained: [share(0), d > 1 ? share(1) : 0], loadings: [component(0), component(1)] };
}

/** Coordinates of a standardised point on the two components. */
export function project(z: readonly number[], p: Projection): [number, number] {
  const dot = (v: readonly number[]) => z.reduce((s, x, j) => s + x * (v[j] ?? 0), 0);
  return [dot(p.loadings[0]), dot(p.loadings[1])];
}
