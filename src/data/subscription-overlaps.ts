/**
 * Exact duplicates, overlapping periods and price changes inside a period in the staging table of
 * `loadSubscriptions`: the set-aside reasons that depend on other rows. The staging table has
 * `subscription_id, plan, start_date, end_date, mrr`, the reason so far (`_swb_reason`, NULL = kept) and a hash
 * of every source column (`_swb_hash`); its rowid follows file order.
 */
import type { Workbench } from '../workbench.js';

/** Rounds of the overlap search before the rest is settled by the simpler running-maximum rule. */
const MAX_ROUNDS = 50;

/**
 * Among the rows kept so far: every copy after the first of rows equal in every source column is a
 * `duplicate`; then a period that starts before a kept, earlier-starting period of the same subscription ends
 * (NULL end = never) is an `overlapping_period`, so one bad row never takes the plan change after it along;
 * ties in start date go by file order. Last, an overlap at another price of the same plan is a `price_change_in_period`.
 */
export async function markDuplicatesAndOverlaps(wb: Workbench, staged: string): Promise<void> {
  await wb.run(`UPDATE ${staged} SET _swb_reason = 'duplicate' WHERE rowid IN (
    SELECT r FROM (SELECT rowid AS r, row_number() OVER (PARTITION BY _swb_hash ORDER BY rowid) AS k FROM ${staged} WHERE _swb_reason IS NULL) WHERE k > 1)`);
  const marks = wb.tempName('_swb_overlaps');
  try {
    for (let round = 1; ; round++) {
      await wb.run(`CREATE OR REPLACE TEMP TABLE ${marks} AS ${round <= MAX_ROUNDS ? overlapRoundSql(staged) : runningMaxSql(staged)}`);
      const [{ n } = { n: 0 }] = await wb.query<{ n: number }>(`SELECT count(*) AS n FROM ${marks}`);
      if (n === 0) break;
      await wb.run(`UPDATE ${staged} SET _swb_reason = 'overlapping_period' WHERE rowid IN (SELECT r FROM ${marks})`);
    }
  } finally {
    await wb.run(`DROP TABLE IF EXISTS ${marks}`);
  }
  await wb.run(priceChangeSql(staged));
}

/**
 * An overlapping period that starts inside a kept period of the same subscription and plan at another MRR is a
 * price change written as a second period without ending the first: `price_change_in_period`, so the report says
 * what to fix (end the earlier period the day the new price starts) instead of a plain overlap.
 */
function priceChangeSql(staged: string): string {
  return `UPDATE ${staged} SET _swb_reason = 'price_change_in_period' WHERE rowid IN (
    SELECT o.rowid FROM ${staged} o JOIN ${staged} k ON k.subscription_id = o.subscription_id
    WHERE o._swb_reason = 'overlapping_period' AND k._swb_reason IS NULL AND k.start_date <= o.start_date
      AND o.start_date < coalesce(k.end_date, DATE 'infinity') AND k.plan IS NOT DISTINCT FROM o.plan AND k.mrr <> o.mrr)`;
}

/** Kept rows in order per subscription, with the latest end of the kept rows before each (`before_end`). */
function orderedSql(staged: string): string {
  return `SELECT rowid AS r, subscription_id, start_date, coalesce(end_date, DATE 'infinity') AS stop,
      max(coalesce(end_date, DATE 'infinity')) OVER w AS before_end, row_number() OVER (PARTITION BY subscription_id ORDER BY start_date, rowid) AS k
    FROM ${staged} WHERE _swb_reason IS NULL
    WINDOW w AS (PARTITION BY subscription_id ORDER BY start_date, rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
}

/**
 * One round: the rows before a subscription's first overlapping row overlap nothing and stay; every later
 * row that starts before they end overlaps a kept row. Rows after that are judged in the next round.
 */
function overlapRoundSql(staged: string): string {
  return `WITH o AS (${orderedSql(staged)}),
    first AS (SELECT subscription_id, min(k) AS k0 FROM o WHERE start_date < before_end GROUP BY subscription_id),
    prefix AS (SELECT o.subscription_id, any_value(first.k0) AS k0, max(o.stop) AS stop FROM o JOIN first USING (subscription_id) WHERE o.k < first.k0 GROUP BY o.subscription_id)
    SELECT o.r FROM o JOIN prefix USING (subscription_id) WHERE o.k >= prefix.k0 AND o.start_date < prefix.stop`;
}

/** The fallback after {@link MAX_ROUNDS} rounds: every row that starts before any earlier kept row ends. */
function runningMaxSql(staged: string): string {
  return `SELECT r FROM (${orderedSql(staged)}) WHERE start_date < before_end`;
}
