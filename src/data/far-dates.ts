/**
 * The rule for dates far outside the data's period, shared by the three loaders (transactions, subscriptions,
 * events): the main body of the dates is the run of months with no gap longer than {@link DATE_GAP_MONTHS}
 * months that holds the most rows; kept rows before or after it (a year-1 or 9999 placeholder, one order or
 * subscription typed as 2100) are set aside as `date_out_of_range`, so they move neither the as-of date, the
 * cohorts nor a usage window.
 */
import type { Workbench } from '../workbench.js';

/** A month further than this from the main body of the dates (no rows in between) is not data. */
export const DATE_GAP_MONTHS = 24;

/** Where the rule looks: all SQL fragments are ours (names of staging tables and columns), never user input. */
export interface FarDateTarget {
  /** Staging table (quoted as needed). */
  table: string;
  /** Date or timestamp column. */
  date: string;
  /** SQL predicate of the rows kept so far. */
  kept: string;
  /** SQL assignment that sets a row aside (`reason = 'date_out_of_range'`). */
  setAside: string;
}

/** SQL: the main body's bounds `lo` (first month) and `hi` (the month after the last) and the rows outside it, `outside`. */
export function dateBodySql(t: FarDateTarget): string {
  return `WITH months AS (SELECT date_trunc('month', ${t.date}) AS m, count(*) AS n FROM ${t.table} WHERE ${t.kept} AND ${t.date} IS NOT NULL GROUP BY 1),
    gaps AS (SELECT m, n, coalesce(date_diff('month', lag(m) OVER (ORDER BY m), m) > ${DATE_GAP_MONTHS}, false) AS starts FROM months),
    runs AS (SELECT m, n, sum(starts::INTEGER) OVER (ORDER BY m) AS run FROM gaps),
    best AS (SELECT run FROM runs GROUP BY run ORDER BY sum(n) DESC, run LIMIT 1)
    SELECT min(m) FILTER (WHERE run = (SELECT run FROM best)) AS lo,
      max(m) FILTER (WHERE run = (SELECT run FROM best)) + INTERVAL 1 MONTH AS hi,
      coalesce(sum(n) FILTER (WHERE run <> (SELECT run FROM best)), 0) AS outside
    FROM runs`;
}

/**
 * Set aside the kept rows whose date lies outside the main body. One aggregate over the months first; the
 * UPDATE (a second pass) runs only when some rows lie outside. Returns how many were set aside.
 */
export async function setAsideFarDates(wb: Workbench, t: FarDateTarget): Promise<number> {
  const [body] = await wb.query<{ lo: Date | null; hi: Date | null; outside: number }>(dateBodySql(t));
  if (!body?.lo || !body.hi || Number(body.outside) === 0) return 0;
  await wb.run(`UPDATE ${t.table} SET ${t.setAside} WHERE ${t.kept} AND (${t.date} < $lo OR ${t.date} >= $hi)`, { lo: body.lo, hi: body.hi });
  return Number(body.outside);
}
