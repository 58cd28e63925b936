/**
 * SQL text helpers. Identifiers from users pass through `quoteIdentifier`; values are never
 * pasted into SQL, they are bound as parameters (`$name`) by `Workbench.query`.
 */

/** Quote a SQL identifier for DuckDB: `my "col"` → `"my ""col"""`. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Format a finite JS number as a SQL numeric literal (for generated constants such as centroids). */
export function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return Number.isInteger(x) ? `${x}` : x.toPrecision(17);
}
