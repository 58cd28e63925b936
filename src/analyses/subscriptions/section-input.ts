/** What the subscriptions section shows: the results of the subscription run and the parts that failed. Types only. */
import type { SectionFailure } from '../../report/sections/unavailable.js';
import type { SubscriptionResults } from './run.js';

/** The parts of the section besides the MRR movements, each optional. */
export type SubscriptionPart = 'kpis' | 'churn' | 'subscriptionCohorts' | 'usage' | 'usageChurn' | 'churnByUsage';

/**
 * A part of the subscriptions run, each its own progress stage: MRR movements, the SaaS KPIs, churn by plan, subscription
 * cohorts, usage segments, churn by usage segment, and customer vs revenue churn per usage segment.
 */
export type SubscriptionAnalysis = 'mrr' | SubscriptionPart;

/** What the subscriptions section shows: the results of the run (every part optional), and the parts that failed. */
export interface SubscriptionsSectionInput extends Omit<SubscriptionResults, 'load' | 'events'> {
  /** Parts that could not be computed on this data, and why. @defaultValue none */
  failures?: Partial<Record<SubscriptionPart, SectionFailure>>;
}
