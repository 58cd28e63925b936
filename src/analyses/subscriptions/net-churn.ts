/**
 * The one definition of net revenue churn, shared by mrrMovements and subscriptionChurn so the two never
 * disagree again (issue #27 found 0.08% against 0.58% on the same data). It is ChartMogul's standard (B2B)
 * net MRR churn rate: (churn + contraction − expansion − reactivation) ÷ MRR at the start of the period
 * (help.chartmogul.com, "Net MRR Churn Rate"). New MRR is left out; a negative rate is net expansion.
 * Reactivation counts because a returning customer's MRR offsets what was lost, as ChartMogul counts it.
 */

/** The movements net revenue churn is made of (all ≥ 0). */
export interface NetChurnParts {
  /** MRR of customers who stopped paying. */
  churned: number;
  /** MRR lost by customers who pay less. */
  contraction: number;
  /** MRR added by customers who pay more. */
  expansion: number;
  /** MRR of customers who pay again. */
  reactivation: number;
}

/**
 * (churned + contraction − expansion − reactivation) ÷ `mrrStart`; null when `mrrStart` is not above 0.
 * @example netRevenueChurn({ churned: 10, contraction: 10, expansion: 10, reactivation: 0 }, 100) // 0.1
 */
export function netRevenueChurn(p: NetChurnParts, mrrStart: number): number | null {
  return mrrStart > 0 ? (p.churned + p.contraction - p.expansion - p.reactivation) / mrrStart : null;
}
