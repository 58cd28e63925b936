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
  return bodySql(`SELECT ${t.date} AS d FROM ${t.table} WHERE ${t.kept} AND ${t.date} IS NOT NULL`);
}

/** SQL: {@link dateBodySql} over the dates `d` of any query. */
function bodySql(dates: string): string {
  return `WITH months AS (SELECT date_trunc('month', d) AS m, count(*) AS n FROM (${dates}) GROUP BY 1),
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

/** End dates read as "still running" by {@link openFarEnds}: how many, the first rows (rowid + offset) and the first such date. */
export interface FarEnds {
  count: number;
  rows: number[];
  first?: Date;
}

/**
 * Subscriptions: an end date far after every other date (starts and ends together, by the rule above) is a
 * "never ends" placeholder such as 9999-12-31, or a contract that runs past the data: either way the period
 * is still running at every moment the data covers. Such ends become NULL (still running), so one of them no
 * longer stretches the months of the MRR series to the year 9999. Runs on the kept rows of a staging table
 * with `end_date`, `start_date` and a rowid in file order.
 */
export async function openFarEnds(wb: Workbench, table: string, kept: string, rowOffset: number): Promise<FarEnds> {
  const dates = `SELECT start_date AS d FROM ${table} WHERE ${kept} UNION ALL SELECT end_date FROM ${table} WHERE ${kept} AND end_date IS NOT NULL`;
  const [body] = await wb.query<{ hi: Date | null; outside: number }>(bodySql(dates));
  if (!body?.hi || Number(body.outside) === 0) return { count: 0, rows: [] };
  const where = `${kept} AND end_date >= $hi`;
  const [far] = await wb.query<{ n: number; rows: number[] | null; first: Date | null }>(
    `SELECT count(*) AS n, min(rowid + ${rowOffset}, 3) AS rows, arg_min(end_date, rowid) AS first FROM ${table} WHERE ${where}`, { hi: body.hi });
  if (!far || Number(far.n) === 0) return { count: 0, rows: [] };
  await wb.run(`UPDATE ${table} SET end_date = NULL WHERE ${where}`, { hi: body.hi });
  return { count: Number(far.n), rows: (far.rows ?? []).map(Number).sort((a, b) => a - b), ...(far.first ? { first: far.first } : {}) };
}
