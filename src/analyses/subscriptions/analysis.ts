/**
 * Subscriptions in the report (with a subscriptions file): MRR movements, churn by plan, subscription cohorts
 * and, with usage events, usage segments and churn by usage, in one section whose findings lead the summary.
 */
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';
import { unavailableSection, type SectionFailure } from '../../report/sections/unavailable.js';
import type { Analysis } from '../shared/analysis.js';
import { keyword } from '../shared/validate.js';
import { WorkbenchError } from '../../errors.js';
import { subscriptionMessages } from './messages.js';
import type { MrrMethod } from './movements.js';
import type { FxRates } from './fx.js';
import type { SubscriptionGoals } from './kpi-goals.js';
import { runSubscriptions, subscriptionRuns, type SubscriptionResults } from './run.js';
import {
  subscriptionsSection,
  subscriptionSummaryFindings,
  type SubscriptionPart,
  type SubscriptionsSectionInput,
} from './section.js';

/** Report options of the subscriptions section. */
export interface SubscriptionsReportFlags {
  /** Subscriptions file (one row per subscription period); adds the subscriptions section. @defaultValue none */
  subscriptions?: string;
  /** Product usage events file (with `subscriptions`); adds usage segments and churn by usage. @defaultValue none */
  events?: string;
  /**
   * How the MRR movements are counted (with `subscriptions`): `'month-end'` between month ends, `'dated'` on the
   * day of each change; the method section states which. @defaultValue 'month-end'
   */
  mrrMethod?: MrrMethod;
  /**
   * What churn is segmented by (with `subscriptions`), month by month and over the range: a column of the
   * subscriptions such as `'country'`, or with `events` `'device'`, `'platform'`, `'app_version'` or `'app_major'`,
   * each customer's value at each month start (never the latest value). @defaultValue 'plan' when the file has plans
   */
  churnBy?: string;
  /**
   * Exchange rates into the report currency (`readFxRates`), applied to every subscription's MRR before any
   * sum; without them subscriptions in more than one currency end the run with an error naming them. @defaultValue none
   */
  fx?: FxRates;
  /** A goals file (`readGoalsFile`); its `subscriptions` goals are judged in this section. @defaultValue none */
  goals?: { file: string; subscriptions?: SubscriptionGoals };
}

/** The counting method of the report's MRR movements, checked: `BAD_OPTION` for anything but the two names. */
export function mrrMethodOption(value: unknown): MrrMethod {
  return keyword('mrrMethod', value ?? 'month-end', ['month-end', 'dated']);
}

/** The report's churn segment (`churnBy`), checked: absent, or a column name (`BAD_OPTION` otherwise). */
export function churnByOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new WorkbenchError('BAD_OPTION', subscriptionMessages.churnNeedsBy(value, 'runPipeline churnBy'), {
      churnBy: value,
    });
  return value;
}

const PARTS: readonly SubscriptionPart[] = [
  'kpis',
  'churn',
  'subscriptionCohorts',
  'usage',
  'usageChurn',
  'churnByUsage',
];

/** The subscriptions section's input from the pipeline's results and failures. */
export function subscriptionInput(
  r: SubscriptionResults,
  failures: Readonly<Record<string, SectionFailure>>,
): SubscriptionsSectionInput {
  const failed = Object.fromEntries(PARTS.flatMap((p) => (failures[p] ? [[p, failures[p]]] : [])));
  return {
    ...(r.movements ? { movements: r.movements } : {}),
    ...(r.kpis ? { kpis: r.kpis } : {}),
    ...(r.segmentKpis ? { segmentKpis: r.segmentKpis } : {}),
    ...(r.goals ? { goals: r.goals } : {}),
    ...(r.byPlan ? { byPlan: r.byPlan } : {}),
    ...(r.cohorts ? { cohorts: r.cohorts } : {}),
    ...(r.usage ? { usage: r.usage } : {}),
    ...(r.usageChurn ? { usageChurn: r.usageChurn } : {}),
    ...(r.byUsage ? { byUsage: r.byUsage } : {}),
    ...(Object.keys(failed).length ? { failures: failed } : {}),
  };
}

/** The subscriptions section, or the section saying why it could not be computed when MRR movements failed. */
export function subscriptionSectionOf(
  r: SubscriptionResults,
  failures: Readonly<Record<string, SectionFailure>>,
  locale: Locale,
  currency: string,
): ReportSection {
  const mrr = failures.mrr;
  if (!r.movements && mrr)
    return unavailableSection({ id: 'subscriptions', title: texts(locale).subscriptions.report.title }, mrr, {
      locale,
    });
  return subscriptionsSection(subscriptionInput(r, failures), { locale, currency });
}

/** The registry entry of the subscriptions section (with a subscriptions file). */
export const subscriptionsAnalysis: Analysis<'subscriptions', SubscriptionResults, SubscriptionsReportFlags> = {
  id: 'subscriptions',
  title: (locale) => texts(locale).subscriptions.report.title,
  failure: 'fatal',
  flag: '--subscriptions',
  when: (options) => options.subscriptions !== undefined,
  check: (options) => {
    mrrMethodOption(options.mrrMethod);
    churnByOption(options.churnBy);
  },
  // Its parts report their own progress (loads, MRR, churn, cohorts, usage).
  run: ({ wb, options, stages }) =>
    runSubscriptions(
      wb,
      {
        subscriptions: options.subscriptions as string,
        events: options.events,
        mrrMethod: mrrMethodOption(options.mrrMethod),
        churnBy: churnByOption(options.churnBy),
        fx: options.fx,
        goals: options.goals?.subscriptions
          ? { file: options.goals.file, subscriptions: options.goals.subscriptions }
          : undefined,
      },
      stages,
    ),
  present: (r, { locale, currency, failures }) => ({
    sections: [subscriptionSectionOf(r, failures, locale, currency)],
    // MRR and churn lead the summary: for a subscription business they are the headline
    findings: subscriptionSummaryFindings(subscriptionInput(r, failures), locale, currency),
    lead: true,
    runs: subscriptionRuns(r),
  }),
};
