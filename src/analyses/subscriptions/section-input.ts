/** What the subscriptions section shows: the results of the subscription run and the parts that failed. Types only. */
import type { SectionFailure } from '../../report/sections/unavailable.js';
import type { UsageChurnResult } from '../usage/churn.js';
import type { UsageSegmentsResult } from '../usage/index.js';
import type { MrrMovementsResult, SubscriptionChurnResult, SubscriptionCohortResult } from './index.js';

/** The parts of the section besides the MRR movements, each optional. */
export type SubscriptionPart = 'churn' | 'subscriptionCohorts' | 'usage' | 'usageChurn' | 'churnByUsage';

/**
 * A part of the subscriptions run, each its own progress stage: MRR movements, churn by plan, subscription
 * cohorts, usage segments, churn by usage segment, and customer vs revenue churn per usage segment.
 */
export type SubscriptionAnalysis = 'mrr' | SubscriptionPart;

/** What the subscriptions section shows; every part is optional. */
export interface SubscriptionsSectionInput {
  /** MRR movements per month and over the range. */
  movements?: MrrMovementsResult;
  /** Customer vs revenue churn per plan (or another segment). */
  byPlan?: SubscriptionChurnResult;
  /** Paying customers and MRR kept by start month. */
  cohorts?: SubscriptionCohortResult;
  /** Usage segments (with events). */
  usage?: UsageSegmentsResult;
  /** Churn by usage segment within a horizon (with events). */
  usageChurn?: UsageChurnResult;
  /** Customer vs revenue churn per usage segment, over the months after the usage was measured (with events). */
  byUsage?: SubscriptionChurnResult;
  /** Parts that could not be computed on this data, and why. @defaultValue none */
  failures?: Partial<Record<SubscriptionPart, SectionFailure>>;
}
