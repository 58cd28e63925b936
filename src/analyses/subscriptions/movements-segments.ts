/**
 * The MRR bridge per segment, month by month (mrrMovements with `by`): the rows of movements-by-sql.ts as
 * figures, each month's customer churn with its 95% Wilson interval, and the sufficiency rule of
 * subscriptionChurn: a segment with fewer than `minSize` customers at a month start on average is
 * `tooSmall` and not ranked. Pure: rows in, result out.
 */
import { wilson, type Proportion } from '../../stats/proportion.js';
import type { ResolvedChurnBy } from './churn-by.js';
import { figures, ISO_MONTH, type MrrMovementFigures, type MrrMovementRow, type Raw } from './movement-figures.js';
import { subscriptionMessages } from './messages.js';

/** A row of the per-segment SQL. */
export type SegmentRaw = Raw & { segment: string | null; months_at_risk: number; churned_at_start: number };

/** One month of one segment. */
export interface MrrSegmentMonth extends MrrMovementRow {
  /**
   * Customers paying at the month start who stopped within it (month-end: pay nothing at its end; dated: stopped
   * on some day of it) ÷ customers paying at its start, with its 95% Wilson interval (rate NaN when no one paid then).
   */
  customerChurn: Proportion;
}

/** The bridge of one segment. */
export interface MrrSegmentMovements {
  /** Segment value; null for the customer-months without one. */
  segment: string | null;
  /** One row per month of the range; each adds up (start + movements = end) for the customers in the segment that month. */
  rows: MrrSegmentMonth[];
  /**
   * The range: movements summed, MRR at the start of the first month and the end of the last, rates pooled over the
   * months. `switchedIn`: the net MRR of customers who came into the segment at a month start from another (a plan
   * change counts in the old plan in its month and in the new one from the next), so that
   * mrrStart + new + expansion + reactivation − contraction − churned + switchedIn = mrrEnd; 0 for a per-customer table.
   */
  totals: MrrMovementFigures & {
    months: number;
    customerMonths: number;
    customerChurn: Proportion;
    switchedIn: number;
  };
  /** Customers at a month start summed over the months ÷ the months in which anyone pays at a month start. */
  averageCustomers: number;
  /** Fewer than `minSize` customers at a month start on average: shown, not ranked. */
  tooSmall: boolean;
}

/** `MrrMovementsResult.bySegment`. */
export interface MrrSegmentsResult {
  /** Where the segments came from. */
  by: ResolvedChurnBy;
  /** The sufficiency threshold used. */
  minSize: number;
  /** Segments in the segment table's order, else by value, the one without a value last. */
  segments: MrrSegmentMovements[];
  /** Segments with a value and not too small, by pooled monthly customer churn, highest first; ties by value. */
  ranking: string[];
}

/** How the rows are split into segments and judged. */
export interface SegmentMovementsOptions {
  /** The resolved `by`. */
  by: ResolvedChurnBy;
  /** Sufficiency threshold. */
  minSize: number;
  /** Months of the range in which anyone pays at the month start (the average's divisor; at least 1). */
  monthsAtRisk: number;
}

const n = (x: unknown): number => Number(x ?? 0);

/** One segment from its month rows and its total row. */
function segmentOf(months: readonly SegmentRaw[], total: SegmentRaw, o: SegmentMovementsOptions): MrrSegmentMovements {
  const rows = months.map((r) => {
    if (n(r.bridge_gap) !== 0)
      throw new Error(
        subscriptionMessages.bridgeBroken(`${ISO_MONTH(r.month)} (${r.segment ?? 'no segment'})`, n(r.bridge_gap)),
      );
    return {
      month: r.month as Date,
      ...figures(r, n(r.customers_start), n(r.mrr_start)),
      customerChurn: wilson(n(r.churned_at_start), n(r.customers_start)),
    };
  });
  const switchedIn = n(total.bridge_gap);
  // A customer's value in a per-customer table never changes, so nothing can move between segments there.
  if (o.by.kind === 'table' && switchedIn !== 0)
    throw new Error(subscriptionMessages.bridgeBroken(`the range (${total.segment ?? 'no segment'})`, switchedIn));
  const customerMonths = n(total.customer_months);
  const averageCustomers = customerMonths / Math.max(1, o.monthsAtRisk);
  return {
    segment: total.segment,
    rows,
    totals: {
      ...figures(total, customerMonths, n(total.mrr_at_risk)),
      months: rows.length,
      customerMonths,
      customerChurn: wilson(n(total.churned_at_start), customerMonths),
      switchedIn,
    },
    averageCustomers,
    tooSmall: averageCustomers < o.minSize,
  };
}

/**
 * The segments of the per-segment SQL rows (month rows, then the segment's total row with `month` NULL).
 * @example segmentMovements(await wb.query(mrrMovementsBySql({ source, method, by }), { from, to }), { by, minSize: 30, monthsAtRisk: 11 })
 */
export function segmentMovements(raw: readonly SegmentRaw[], o: SegmentMovementsOptions): MrrSegmentsResult {
  const segments: MrrSegmentMovements[] = [];
  let months: SegmentRaw[] = [];
  for (const r of raw) {
    if (r.month !== null) months.push(r);
    else {
      segments.push(segmentOf(months, r, o));
      months = [];
    }
  }
  const ranking = segments
    .filter((s): s is MrrSegmentMovements & { segment: string } => !s.tooSmall && s.segment !== null)
    .map((s) => ({
      segment: s.segment,
      rate: Number.isFinite(s.totals.customerChurn.rate) ? s.totals.customerChurn.rate : -1,
    }))
    .sort((a, b) => b.rate - a.rate || (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
    .map((s) => s.segment);
  return { by: o.by, minSize: o.minSize, segments, ranking };
}
