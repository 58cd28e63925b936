/**
 * The subscription part of the pipeline: load the subscriptions (and the usage events), then run MRR
 * movements, the SaaS KPIs on them, churn by plan, subscription cohorts and — with events — usage segments, churn by usage segment
 * and customer vs revenue churn per usage segment, each through `attempt`, so one that cannot be computed on
 * this data becomes a line in the section instead of ending the run. Usage is measured once, on the 30 days
 * before the first day of the month three months before the data ends, and those customers are followed for
 * the three months after: every usage figure in the report is about the same customers and the same date.
 */
import type { AnalysisRun } from '../../report/sections/method.js';
import {
  mrrMovements,
  subscriptionChurn,
  subscriptionCohorts,
  type MrrMethod,
  type MrrMovementsResult,
  type SubscriptionChurnResult,
  type SubscriptionCohortResult,
} from './index.js';
import { usageSegments, type UsageSegmentsResult } from '../usage/index.js';
import { kpisFromMovements, type SubscriptionKpiResult } from './kpis.js';
import type { SubscriptionGoalRow, SubscriptionGoals } from './kpi-goals.js';
import { subscriptionGoals } from './goals-run.js';
import { usageChurn, type UsageChurnResult } from '../usage/churn.js';
import { loadEvents } from '../../data/events.js';
import type { LoadReport } from '../../data/load-report.js';
import { loadSubscriptions } from '../../data/subscriptions.js';
import { WorkbenchError } from '../../errors.js';
import { isoDay } from '../../messages/format.js';
import { messages } from '../../messages.js';
import type { Workbench } from '../../workbench.js';
import type { Stages } from '../shared/analysis.js';
import { inOneCurrency, type FxRates } from './fx.js';
import { SUBSCRIPTIONS_TABLE } from './source.js';

/** Months after the usage date over which churn by usage is measured. */
export const USAGE_HORIZON_MONTHS = 3;

/** What the subscription part of {@link runPipeline} found. */
export interface SubscriptionResults {
  /** What loading the subscriptions did. */
  load: LoadReport;
  /** What loading the usage events did (with events). */
  events?: LoadReport;
  /** MRR movements per month over the whole data (absent when they could not be computed). */
  movements?: MrrMovementsResult;
  /** MRR, ARR, ARPA, 12-month NRR and GRR, quick ratio and trial conversion per month (per plan when the file has plans). */
  kpis?: SubscriptionKpiResult;
  /** The KPIs per segment of each other column the goals file names under `subscriptions.by`. */
  segmentKpis?: SubscriptionKpiResult[];
  /** The goals file's subscription goals, judged on the last month (with a goals file that sets them). */
  goals?: { file: string; rows: SubscriptionGoalRow[] };
  /** Customer vs revenue churn per plan (when the file has plans), or per the segment `churnBy` names. */
  byPlan?: SubscriptionChurnResult;
  /** Paying customers and MRR kept by start month (and per plan when the file has plans). */
  cohorts?: SubscriptionCohortResult;
  /** Usage segments on the usage date (with events). */
  usage?: UsageSegmentsResult;
  /** Churn within {@link USAGE_HORIZON_MONTHS} months by usage segment (with events). */
  usageChurn?: UsageChurnResult;
  /** Customer vs revenue churn per usage segment over the months after the usage date (with events). */
  byUsage?: SubscriptionChurnResult;
}

const loadDetail = (r: LoadReport): string =>
  `${r.fileName}: ${r.rowsRead.toLocaleString('en')} rows read, ${r.rowsLoaded.toLocaleString('en')} used, ${r.customers.toLocaleString('en')} customers`;

/** Load a file; a file with no usable row ends the run (the loader's reasons say why). */
async function loadOrStop(
  stage: 'subscriptions' | 'events',
  stages: Stages,
  file: string,
  load: () => Promise<LoadReport>,
): Promise<LoadReport> {
  const report = await stages.timed(stage, load, loadDetail);
  if (report.rowsLoaded === 0) {
    throw new WorkbenchError(
      'NO_DATA',
      messages.nothingLoaded(
        report.fileName,
        report.rowsRead,
        report.setAside.map((s) => [s.reason, s.count] as const),
      ),
      { file },
    );
  }
  return report;
}

/** The KPIs per each other column the goals name and every goal judged (an error in the goals file ends the run). */
async function goalParts(
  wb: Workbench,
  files: SubscriptionRunInput,
  goals: { file: string; subscriptions: SubscriptionGoals },
  stages: Stages,
  kpis: SubscriptionKpiResult,
): Promise<Pick<SubscriptionResults, 'segmentKpis' | 'goals'>> {
  const g = await stages.timed(
    'kpis',
    () =>
      subscriptionGoals(wb, goals.subscriptions, {
        file: goals.file,
        kpis,
        method: files.mrrMethod ?? 'month-end',
        ...(files.fx ? { fx: files.fx } : {}),
      }),
    (r) =>
      `${r.rows.length} SaaS goals: ${r.rows.filter((x) => x.status === 'met').length} met, ${r.rows.filter((x) => x.status === 'missed').length} missed`,
  );
  return { ...(g.segmentKpis.length ? { segmentKpis: g.segmentKpis } : {}), goals: { file: goals.file, rows: g.rows } };
}

/** First day of the month `n` months from the month holding `d` (UTC). */
const monthFrom = (d: Date, n: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

/** What {@link runSubscriptions} reads and how it counts. */
export interface SubscriptionRunInput {
  /** Subscriptions file. */
  subscriptions: string;
  /** Usage events file. @defaultValue none */
  events?: string | undefined;
  /** How MRR movements are counted (and the KPIs built on them). @defaultValue 'month-end' */
  mrrMethod?: MrrMethod | undefined;
  /** Exchange rates into one currency, for subscriptions in several. @defaultValue none */
  fx?: FxRates | undefined;
  /** Goals on the subscription KPIs and the goals file they come from. @defaultValue none */
  goals?: { file: string; subscriptions: SubscriptionGoals } | undefined;
  /**
   * What churn is segmented by, month by month and over the range (a subscriptions or customers column, or an
   * event attribute at each month start: device, platform, app_version, app_major). @defaultValue 'plan' when the file has plans
   */
  churnBy?: string | undefined;
}

/**
 * Load the subscriptions (and events) and run the subscription analyses, each part through `stages` (one
 * that cannot be computed on this data is recorded there).
 * @example const subs = await runSubscriptions(wb, { subscriptions: 'subscriptions.csv', events: 'events.csv' }, stages);
 */
export async function runSubscriptions(
  wb: Workbench,
  files: SubscriptionRunInput,
  stages: Stages,
): Promise<SubscriptionResults> {
  const load = await loadOrStop('subscriptions', stages, files.subscriptions, () =>
    loadSubscriptions(wb, files.subscriptions),
  );
  const events = files.events
    ? await loadOrStop('events', stages, files.events, () => loadEvents(wb, files.events as string))
    : undefined;
  const fx = files.fx ? { fx: files.fx } : {};
  // Before any part: several currencies without rates (or a currency without a rate) is the caller's to fix.
  await inOneCurrency(wb, SUBSCRIPTIONS_TABLE, files.fx, 'runPipeline');
  const money = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });
  const hasPlan = load.columns.some((c) => c.field === 'plan');
  // With plans (or churnBy), the bridge per segment month by month too: the chart of churn per segment over time.
  const churnBy = files.churnBy ?? (hasPlan ? 'plan' : undefined);
  const movements = await stages.attempt(
    'mrr',
    () => mrrMovements(wb, { method: files.mrrMethod ?? 'month-end', ...fx, ...(churnBy ? { by: churnBy } : {}) }),
    (r) =>
      `${r.rows.length} months, MRR ${money(r.totals.mrrEnd)} from ${r.totals.customersEnd.toLocaleString('en')} paying customers at the end (${r.method ?? 'month-end'})`,
  );
  const pctOf = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
  const kpis = movements
    ? await stages.attempt(
        'kpis',
        // KPIs per segment take subscriptions and customers columns; by an event attribute, the totals only
        () =>
          kpisFromMovements(
            wb,
            movements.bySegment?.by.kind === 'events' ? { ...movements, bySegment: undefined } : movements,
          ),
        (r) =>
          `12-month NRR ${pctOf(r.rows.at(-1)?.nrr)}, GRR ${pctOf(r.rows.at(-1)?.grr)}, ${r.rows.reduce((n, x) => n + x.trials, 0).toLocaleString('en')} trials`,
      )
    : undefined;
  const byPlan = churnBy
    ? await stages.attempt(
        'churn',
        () => subscriptionChurn(wb, { by: churnBy, ...fx }),
        (r) => `${r.rows.length} ${churnBy} values, ${r.finding?.key ?? 'no ranking'}`,
      )
    : undefined;
  const cohorts = await stages.attempt(
    'subscriptionCohorts',
    () => subscriptionCohorts(wb, { ...fx, ...(hasPlan ? { by: 'plan' } : {}) }),
    (r) => `${r.cohorts.length} start months, ${r.customerCount.toLocaleString('en')} customers`,
  );
  const out: SubscriptionResults = {
    load,
    ...(events ? { events } : {}),
    ...(movements ? { movements } : {}),
    ...(kpis ? { kpis } : {}),
    ...(kpis && files.goals ? await goalParts(wb, files, files.goals, stages, kpis) : {}),
    ...(byPlan ? { byPlan } : {}),
    ...(cohorts ? { cohorts } : {}),
  };
  if (!events || !load.dateRange) return out;
  // One usage date for every usage figure: the first of the month, three months before the data's last month.
  const at = monthFrom(load.dateRange.last, -USAGE_HORIZON_MONTHS);
  const usage = await stages.attempt(
    'usage',
    () => usageSegments(wb, { at }),
    (r) =>
      `${r.customerCount.toLocaleString('en')} paying customers on ${isoDay(at)}: ${r.segments.map((s) => `${s.customers} ${s.segment}`).join(', ')}`,
  );
  const churn = await stages.attempt(
    'usageChurn',
    () => usageChurn(wb, { at, horizonMonths: USAGE_HORIZON_MONTHS }),
    (r) =>
      `${r.overall.churned.toLocaleString('en')} of ${r.overall.customers.toLocaleString('en')} stopped within ${USAGE_HORIZON_MONTHS} months: ${r.finding}`,
  );
  const byUsage = usage
    ? await stages.attempt(
        'churnByUsage',
        () =>
          subscriptionChurn(wb, {
            by: { table: usage.table, column: 'usage_segment' },
            from: at,
            to: monthFrom(at, USAGE_HORIZON_MONTHS - 1),
            ...fx,
          }),
        (r) => `${r.rows.length} usage segments, ${r.finding?.key ?? 'no ranking'}`,
      )
    : undefined;
  return {
    ...out,
    ...(usage ? { usage } : {}),
    ...(churn ? { usageChurn: churn } : {}),
    ...(byUsage ? { byUsage } : {}),
  };
}

/** The subscription analyses' options as a reader needs them to reproduce the run. */
export function subscriptionRuns(r: SubscriptionResults): AnalysisRun[] {
  const runs: AnalysisRun[] = [];
  if (r.movements) {
    const m = r.movements;
    const by = m.bySegment ? { segmentBy: m.bySegment.by.column, minSize: m.bySegment.minSize } : {};
    // the section's own method text defines the classes of the method (classes / classesDated)
    runs.push({
      name: 'MRR movements',
      options: {
        firstMonth: m.options.from,
        lastMonth: m.options.to,
        mrrMethod: m.method ?? 'month-end',
        ...by,
        // the currencies converted, into which, and the rates file: every amount of the section is in one currency
        ...(m.fx
          ? {
              currencyConversion: `${m.fx.converted.join(', ')} → ${m.fx.currency}${m.fx.file ? ` (${m.fx.file})` : ''}`,
            }
          : {}),
      },
    });
  }
  if (r.kpis) {
    const o = r.kpis.options;
    runs.push({
      name: 'SaaS KPIs',
      options: {
        retentionMonths: o.retentionMonths,
        conversionDays: o.conversionDays,
        margin: o.margin,
        poolMonths: o.poolMonths,
        ...(r.goals ? { goalsFile: r.goals.file } : {}),
      },
    });
  }
  const churnRun = (name: string, c: SubscriptionChurnResult): AnalysisRun => ({
    name,
    options: {
      segmentBy: c.options.by.column,
      firstMonth: c.options.from,
      lastMonth: c.options.to,
      margin: c.options.margin,
      minSize: c.options.minSize,
    },
  });
  if (r.byPlan) runs.push(churnRun('Subscription churn', r.byPlan));
  if (r.cohorts)
    runs.push({
      name: 'Subscription cohorts',
      options: { firstMonth: r.cohorts.options.from, lastMonth: r.cohorts.options.to },
    });
  if (r.usage) {
    const o = r.usage.options;
    runs.push({
      name: 'Usage segments',
      options: {
        usageAt: o.at,
        windowDays: o.windowDays,
        lightBelow: o.lightBelow,
        powerAbove: o.powerAbove,
        featureBands: o.featureBands,
        segmented: o.customers,
      },
    });
  }
  if (r.usageChurn)
    runs.push({
      name: 'Usage churn',
      options: {
        usageAt: r.usageChurn.options.at,
        horizonMonths: r.usageChurn.options.horizonMonths,
        minSize: r.usageChurn.options.minSize,
      },
    });
  if (r.byUsage) runs.push(churnRun('Subscription churn by usage', r.byUsage));
  return runs;
}
