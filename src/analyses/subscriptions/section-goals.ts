/**
 * The subscriptions section's goal and per-segment parts: the SaaS KPIs against the goals file's targets (a
 * table with each goal's status and the findings about the missed ones) and the subscription cohorts per
 * segment (share still paying and MRR kept after 3, 6 and 12 months). Pure: results in, tables and words out.
 */
import { MIN_AVERAGE_COHORTS } from '../cohorts/charts.js';
import { periodLabel } from '../overview/charts.js';
import { columnLabel } from '../../i18n/analyses.js';
import { texts } from '../../i18n/index.js';
import { formatNumber, type Locale } from '../../locale.js';
import { COUNT } from '../../report/small-groups.js';
import type { ReportTable } from '../../report/section.js';
import type { SubscriptionCohortResult } from './cohorts.js';
import type { KpiTarget, SubscriptionGoalKpi, SubscriptionGoalRow } from './kpi-goals.js';
import { money, pct } from './section-tables.js';
import { goalStatusLabel, subscriptionKpiLabel } from './words.js';

/** The subscription goals as the section gets them. */
export interface SubscriptionGoalsInput {
  /** Name of the goals file. */
  file: string;
  /** Each goal judged on the last month. */
  rows: SubscriptionGoalRow[];
}

/** A segment column in words: `plan`, or the column humanised. */
export function segmentColumnWords(column: string, locale: Locale): string {
  return column === 'plan' ? texts(locale).subscriptions.report.plan : columnLabel(column, locale);
}

/** A value of a KPI, formatted as the KPI is (money, share, count or ratio). */
function kpiText(kpi: SubscriptionGoalKpi, x: number | null, locale: Locale, currency: string): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (kpi === 'mrr' || kpi === 'arr' || kpi === 'ltv') return money(x, locale, currency);
  if (kpi === 'arpa') return money(x, locale, currency, 2);
  if (kpi === 'customers') return formatNumber(x, locale);
  if (kpi === 'quickRatio') return formatNumber(x, locale, 2);
  return pct(x, locale);
}

/** A target in words: "at least 95.0%", "at most 3.0%", "2.0% to 3.0%". */
function targetText(kpi: SubscriptionGoalKpi, target: KpiTarget, locale: Locale, currency: string): string {
  const t = texts(locale).subscriptions.report;
  const f = (x: number) => kpiText(kpi, x, locale, currency);
  if (target.min !== undefined && target.max !== undefined) return t.goalBetween(f(target.min), f(target.max));
  return target.min !== undefined ? t.goalAtLeast(f(target.min)) : t.goalAtMost(f(target.max ?? 0));
}

/** The segment of a goal row in words: "All customers", "plan: Pro". */
function segmentText(r: SubscriptionGoalRow, locale: Locale): string {
  const t = texts(locale).subscriptions.report;
  if (r.column === null) return t.allCustomers;
  return `${segmentColumnWords(r.column, locale)}: ${r.segment ?? t.unknown}`;
}

/**
 * The table of SaaS KPIs against their goals: segment, KPI, paying customers, value, 95% interval, goal, status.
 * @example goalsTable({ file: 'goals.json', rows }, 'nl', 'EUR')
 */
export function goalsTable(g: SubscriptionGoalsInput, locale: Locale, currency: string): ReportTable | undefined {
  const first = g.rows[0];
  if (!first) return undefined;
  const t = texts(locale).subscriptions.report;
  return {
    caption: t.goalsCaption(g.file, periodLabel(first.month, 'month', locale)),
    columns: t.goalsCols.map((label, i) => ({
      label,
      ...(i >= 2 && i <= 5 ? { numeric: true } : {}),
      ...(i === 2 ? COUNT : {}),
    })),
    rows: g.rows.map((r) => {
      const f = (x: number | null) => kpiText(r.kpi, x, locale, currency);
      return [
        segmentText(r, locale),
        subscriptionKpiLabel(r.kpi, locale),
        formatNumber(r.customers, locale),
        f(r.value),
        r.interval ? t.ci(f(r.interval[0]), f(r.interval[1])) : '–',
        targetText(r.kpi, r.target, locale, currency),
        goalStatusLabel(r.status, locale),
      ];
    }),
    note: t.goalsNote,
  };
}

/** Findings: how many goals are met, missed or without enough data, then one sentence per missed goal. */
export function goalsFindings(g: SubscriptionGoalsInput, locale: Locale, currency: string): string[] {
  if (g.rows.length === 0) return [];
  const t = texts(locale).subscriptions.report;
  const n = (s: SubscriptionGoalRow['status']) => g.rows.filter((r) => r.status === s).length;
  const missed = g.rows
    .filter((r) => r.status === 'missed')
    .map((r) => {
      const kpi = subscriptionKpiLabel(r.kpi, locale);
      return t.goalMissed(
        segmentText(r, locale),
        /^[A-Z]{2,}/.test(kpi) ? kpi : kpi.charAt(0).toLocaleLowerCase() + kpi.slice(1),
        kpiText(r.kpi, r.value, locale, currency),
        targetText(r.kpi, r.target, locale, currency),
      );
    });
  return [t.goalsCount(n('met'), n('missed'), n('notEnoughData'), g.rows.length), ...missed];
}

/**
 * The subscription cohorts per segment: customers, share still paying after 3, 6 and 12 months and MRR kept
 * after 12 (size-weighted over the start months that reach that far), segments too small starred; undefined
 * without segments.
 */
export function cohortsByTable(c: SubscriptionCohortResult, locale: Locale): ReportTable | undefined {
  if (!c.segments || !c.segmentBy) return undefined;
  const t = texts(locale).subscriptions.report;
  const by = segmentColumnWords(c.segmentBy.by.column, locale);
  const at = (r: SubscriptionCohortResult, k: number) =>
    r.average.find((p) => p.period === k && p.cohorts >= MIN_AVERAGE_COHORTS);
  const rows = c.segments.map((s) => [
    `${s.segment ?? t.unknown}${s.tooSmall ? ' *' : ''}`,
    formatNumber(s.customers, locale),
    ...[3, 6, 12].map((k) => pct(at(s.cohorts, k)?.retention, locale, 0)),
    pct(at(s.cohorts, 12)?.revenueRetention, locale, 0),
  ]);
  return {
    caption: t.cohortsByCaption(by),
    columns: t.cohortsByCols(by.charAt(0).toLocaleUpperCase() + by.slice(1)).map((label, i) => ({
      label,
      ...(i > 0 ? { numeric: true } : {}),
      ...(i === 1 ? COUNT : {}),
    })),
    rows,
    note: t.cohortsByNote(formatNumber(c.segmentBy.minSize, locale), formatNumber(MIN_AVERAGE_COHORTS, locale)),
  };
}
