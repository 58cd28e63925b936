/**
 * SQL text helpers. Identifiers from users pass through `quoteIdentifier`; values are never
 * pasted into SQL, they are bound as parameters (`$name`) by `Workbench.query`.
 */
import { messages } from './messages.js';

/** Quote a SQL identifier for DuckDB: `my "col"` → `"my ""col"""`. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Format a finite JS number as a SQL numeric literal (for generated constants such as centroids). */
export function numberLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(messages.notFinite(x));
  return Number.isInteger(x) ? `${x}` : x.toPrecision(17);
}

/**
 * Exact sum of money: `sum(cast(expr as decimal(18, 6)))`. DuckDB adds DOUBLEs in whatever order its
 * threads finish, and an order of £168,469.60 with its cancellation among small amounts makes the double
 * sum differ in the 12th digit between runs; a DECIMAL sum is exact, so the same data gives the same totals.
 * The result is DECIMAL: cast it (`::double`) where a DOUBLE is wanted.
 * @example `select customer_id, ${moneySum('t.amount')}::double as revenue from transactions t group by 1`
 */
export function moneySum(expr = 'amount'): string {
  return `sum(cast(${expr} as decimal(18, 6)))`;
}

/**
 * Exact sum of a DOUBLE expression as a DOUBLE: each value rounded to `scale` decimals and summed as
 * DECIMAL(38, scale). DuckDB adds DOUBLEs in whatever order its threads finish, so a plain `sum` or `avg` over
 * a million customers differs in the last bits between runs; this one gives the same bits for the same data.
 * @example `select ${exactSum('z0 * z1')} as s from t`
 */
export function exactSum(expr: string, scale = 12): string {
  return `sum(cast(${expr} as decimal(38, ${scale})))::double`;
}

/** Exact mean of a DOUBLE expression (see {@link exactSum}); NULL when it has no value. */
export function exactMean(expr: string, scale = 12): string {
  return `(${exactSum(expr, scale)} / nullif(count(${expr}), 0))`;
}
