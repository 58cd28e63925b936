/**
 * The figures of one month (or of a range) of MRR movements, from one row of the movements SQL: shared by
 * the bridge of all customers and the bridge per segment (movements-segments.ts), so both compute their rates one way.
 */
import { netRevenueChurn } from './net-churn.js';

/** The MRR bridge and customer counts of one month, or of the whole range (`MrrMovementsResult.totals`). */
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
  /** Customers who stopped paying (dated: stops, one per day a customer stops, also of customers who started within the month). */
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

/** One month of `MrrMovementsResult`. */
export interface MrrMovementRow extends MrrMovementFigures {
  /** First day of the month (UTC). */
  month: Date;
}

/** A row of the month-end or the per-segment SQL. */
export type Raw = {
  month: Date | null;
  mrr_start: number;
  new: number;
  expansion: number;
  contraction: number;
  churned: number;
  reactivation: number;
  mrr_end: number;
  customers_start: number;
  customers_end: number;
  customer_months: number;
  mrr_at_risk: number;
  new_customers: number;
  churned_customers: number;
  reactivated_customers: number;
  bridge_gap: number;
  continuity_gap?: number | null;
};

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
export const ISO_MONTH = (d: Date | null): string => (d ? d.toISOString().slice(0, 7) : 'the whole range');

/** The figures of one SQL row, with the customers and MRR at risk its rates divide by. */
export function figures(r: Raw, atRisk: number, mrrAtRisk: number): MrrMovementFigures {
  const n = (x: unknown): number => Number(x ?? 0);
  return {
    mrrStart: n(r.mrr_start),
    new: n(r.new),
    expansion: n(r.expansion),
    contraction: n(r.contraction),
    churned: n(r.churned),
    reactivation: n(r.reactivation),
    mrrEnd: n(r.mrr_end),
    customersStart: n(r.customers_start),
    customersEnd: n(r.customers_end),
    newCustomers: n(r.new_customers),
    churnedCustomers: n(r.churned_customers),
    reactivatedCustomers: n(r.reactivated_customers),
    arpu: ratio(n(r.mrr_end), n(r.customers_end)),
    customerChurnRate: ratio(n(r.churned_customers), atRisk),
    grossRevenueChurn: ratio(n(r.churned) + n(r.contraction), mrrAtRisk),
    netRevenueChurn: netRevenueChurn(
      {
        churned: n(r.churned),
        contraction: n(r.contraction),
        expansion: n(r.expansion),
        reactivation: n(r.reactivation),
      },
      mrrAtRisk,
    ),
  };
}
