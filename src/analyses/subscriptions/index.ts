/**
 * Subscription analyses over the `subscriptions` table (one row per subscription period; a plan change
 * is a new row starting the day the previous one ends). Every figure counts paying customers the one
 * way `paying.ts` defines: MRR on a month's last day.
 * - {@link mrrMovements}: the MRR bridge per month (new, expansion, contraction, churned, reactivation),
 *   ARPU, customer and gross / net revenue churn; counted between month ends or on the day (`method`), per segment (`by`).
 * - {@link netRevenueChurn}: the one definition of net revenue churn (ChartMogul's), used by both analyses.
 * - {@link subscriptionChurn}: customer vs revenue churn per segment, with 95% intervals and simple LTV.
 * - {@link subscriptionKpis}: MRR, ARR, ARPA, NRR and GRR over 12 months, quick ratio, trial → paid conversion, per month and segment.
 * - {@link subscriptionCohorts}: retention of paying customers and of MRR by start month (a CohortResult).
 * - {@link mrrMovementList}: who moved — the bridge customer by customer (pseudonyms, month, day, kind, amount).
 * Each sums in one currency: a table in several is converted with `fx` rates ({@link readFxRates}) or refused.
 */
export {
  mrrMovements,
  type MrrMovementsOptions,
  type MrrMovementsResult,
  type MrrMovementRow,
  type MrrMovementFigures,
  type MrrMethod,
  type MrrSegmentsResult,
  type MrrSegmentMovements,
  type MrrSegmentMonth,
} from './movements.js';
export { netRevenueChurn, type NetChurnParts } from './net-churn.js';
export {
  subscriptionKpis,
  type SubscriptionKpiOptions,
  type SubscriptionKpiResult,
  type SubscriptionKpiMonth,
  type SubscriptionKpiSegment,
} from './kpis.js';
export {
  subscriptionChurn,
  type SubscriptionChurnOptions,
  type SubscriptionChurnResult,
  type SubscriptionChurnRow,
  type SubscriptionChurnFigures,
  type SubscriptionChurnFinding,
  type ChurnBy,
  type ResolvedChurnBy,
} from './churn.js';
export {
  subscriptionCohorts,
  type SubscriptionCohortOptions,
  type SubscriptionCohortOptionsUsed,
  type SubscriptionCohortResult,
  type SubscriptionCohortSegment,
} from './cohorts.js';
export {
  parseSubscriptionGoals,
  subscriptionGoalRows,
  goalStatus,
  kpiValue,
  SUBSCRIPTION_GOAL_KPIS,
  type SubscriptionGoalKpi,
  type SubscriptionGoal,
  type SubscriptionGoals,
  type SubscriptionGoalRow,
  type SubscriptionGoalStatus,
  type KpiTarget,
} from './kpi-goals.js';
export { subscriptionGoals, type SubscriptionGoalsOptions, type SubscriptionGoalsResult } from './goals-run.js';
export { type FxRate, type FxRates, type FxUsed } from './fx.js';
export { parseFxRates, readFxRates } from './fx-file.js';
export {
  mrrMovementList,
  type MrrMovementListOptions,
  type MrrMovementListResult,
  type MrrMovementListRow,
  type MrrMovementKind,
} from './movement-list.js';
