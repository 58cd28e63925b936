/**
 * MRR movements per month: the bridge from one month-end MRR to the next (new, expansion,
 * contraction, churned, reactivation), customer counts, ARPU and customer / revenue churn rates.
 * Computed in DuckDB ({@link mrrMovementsSql}) in exact DECIMAL; the runner checks that the bridge adds
 * up to the cent in every month and in total, and throws an internal error when it does not.
 *
 * Classes per customer between consecutive month ends (paying.ts: MRR on the month's last day):
 * new (0 → > 0, never paid at an earlier month end), reactivation (0 → > 0, paid before),
 * expansion / contraction (both > 0, up / down), churned (> 0 → 0).
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { checkOptionKeys, optionKeys, type DateInput } from '../shared/validate.js';
import { currencyWarnings, monthRange, subscriptionBounds, SUBSCRIPTIONS_TABLE } from './source.js';
import { mrrMovementsSql } from './movements-sql.js';
import { withMonthTables } from './months.js';
import { subscriptionMessages } from './messages.js';

/** Options of {@link mrrMovements}. */
export interface MrrMovementsOptions {
  /** First month reported (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month reported (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
}

/** The MRR bridge and customer counts of one month, or of the whole range (see {@link MrrMovementsResult.totals}). */
export interface MrrMovementFigures {
  /** MRR at the end of the previous month (for the totals: at the start of the range). */
  mrrStart: number;
  /** MRR of customers who never paid at an earlier month end. */
  new: number;
  /** MRR added by paying customers who pay more. */
  expansion: number;
  /** MRR lost by paying customers who pay less (positive). */
  contraction: number;
  /** MRR of customers who stopped paying (positive). */
  churned: number;
  /** MRR of customers who pay again after a month end without paying. */
  reactivation: number;
  /** MRR at the end of the month: mrrStart + new + expansion + reactivation − contraction − churned, exactly. */
  mrrEnd: number;
  /** Paying customers at the end of the previous month (totals: at the start of the range). */
  customersStart: number;
  /** Paying customers at the end of the month (totals: of the range). */
  customersEnd: number;
  /** Customers paying for the first time. */
  newCustomers: number;
  /** Customers who stopped paying. */
  churnedCustomers: number;
  /** Customers paying again. */
  reactivatedCustomers: number;
  /** mrrEnd ÷ customersEnd; null when no one pays. */
  arpu: number | null;
  /** churnedCustomers ÷ customersStart (totals: ÷ the customer-months at risk, a monthly rate); null when 0 at risk. */
  customerChurnRate: number | null;
  /** (churned + contraction) ÷ mrrStart (totals: ÷ Σ mrrStart, monthly); null when mrrStart is 0. */
  grossRevenueChurn: number | null;
  /** (churned + contraction − expansion − reactivation) ÷ mrrStart (new MRR left out; negative = net expansion); null when mrrStart is 0. */
  netRevenueChurn: number | null;
}

/** One month of {@link MrrMovementsResult}. */
export interface MrrMovementRow extends MrrMovementFigures {
  /** First day of the month (UTC). */
  month: Date;
}

/** What {@link mrrMovements} returns. */
export interface MrrMovementsResult {
  /** Options actually used (months as first days). */
  options: { from: Date; to: Date; source: string };
  /** One row per month from `from` to `to`, ascending, months without paying customers included. */
  rows: MrrMovementRow[];
  /** The whole range: movements and new / churned / reactivated customers summed; rates monthly, pooled over the months. */
  totals: MrrMovementFigures & { months: number; customerMonths: number };
  /** The currency when there is exactly one, else null (none recorded, or several: see warnings). */
  currency: string | null;
  /** Recoverable data quirks. */
  warnings: string[];
}

type Raw = {
  month: Date | null; mrr_start: number; new: number; expansion: number; contraction: number; churned: number; reactivation: number;
  mrr_end: number; customers_start: number; customers_end: number; customer_months: number; mrr_at_risk: number;
  new_customers: number; churned_customers: number; reactivated_customers: number; bridge_gap: number; continuity_gap: number | null;
};

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function figures(r: Raw, atRisk: number, mrrAtRisk: number): MrrMovementFigures {
  const n = (x: unknown): number => Number(x ?? 0);
  return {
    mrrStart: n(r.mrr_start), new: n(r.new), expansion: n(r.expansion), contraction: n(r.contraction), churned: n(r.churned),
    reactivation: n(r.reactivation), mrrEnd: n(r.mrr_end), customersStart: n(r.customers_start), customersEnd: n(r.customers_end),
    newCustomers: n(r.new_customers), churnedCustomers: n(r.churned_customers), reactivatedCustomers: n(r.reactivated_customers),
    arpu: ratio(n(r.mrr_end), n(r.customers_end)),
    customerChurnRate: ratio(n(r.churned_customers), atRisk),
    grossRevenueChurn: ratio(n(r.churned) + n(r.contraction), mrrAtRisk),
    netRevenueChurn: ratio(n(r.churned) + n(r.contraction) - n(r.expansion) - n(r.reactivation), mrrAtRisk),
  };
}

const KEYS = optionKeys<MrrMovementsOptions>({ from: true, to: true, source: true });

/**
 * MRR movements per month and over the range, with the bridge that adds up exactly.
 * @example const { rows, totals } = await mrrMovements(wb, { from: '2023-01-01' });
 */
export async function mrrMovements(wb: Workbench, options: MrrMovementsOptions = {}): Promise<MrrMovementsResult> {
  checkOptionKeys('mrrMovements', options, KEYS);
  const source = options.source ?? SUBSCRIPTIONS_TABLE;
  const bounds = await subscriptionBounds(wb, source);
  const { from, to } = monthRange(bounds, options.from, options.to);
  const raw = await withMonthTables(wb, { source, columns: bounds.columns }, (t) => wb.query<Raw>(mrrMovementsSql(source, t), { from, to }));
  for (const r of raw) {
    // Bridge and continuity are exact DECIMAL identities: a gap is a bug in the SQL, never in the data.
    const gap = Number(r.bridge_gap) !== 0 ? Number(r.bridge_gap) : Number(r.continuity_gap ?? 0);
    if (gap !== 0) throw new Error(subscriptionMessages.bridgeBroken(r.month ? r.month.toISOString().slice(0, 7) : 'the whole range', gap));
  }
  const total = raw.find((r) => r.month === null);
  const months = raw.filter((r): r is Raw & { month: Date } => r.month !== null);
  if (!total) throw new Error('mrrMovements: the total row is missing');
  const rows = months.map((r) => ({ month: r.month, ...figures(r, Number(r.customers_start), Number(r.mrr_start)) }));
  const warnings = currencyWarnings(bounds);
  if (rows.every((r) => r.customersEnd === 0 && r.customersStart === 0)) warnings.push(subscriptionMessages.warnNoPaying(source));
  return tagResult({
    options: { from, to, source },
    rows,
    totals: {
      ...figures(total, Number(total.customer_months), Number(total.mrr_at_risk)), months: rows.length, customerMonths: Number(total.customer_months),
    },
    currency: bounds.currencies.length === 1 ? bounds.currencies[0] ?? null : null,
    warnings,
  }, 'MrrMovementsResult');
}
