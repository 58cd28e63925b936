/**
 * Goals on the subscription KPIs: the `subscriptions` block of a goals file, its validation, and each goal's
 * status on the last month of a KPI result. Pure (no query): the KPIs come computed.
 *
 * ```json
 * { "subscriptions": {
 *     "nrr": { "min": 0.95 }, "churn": { "max": 0.02 },
 *     "by": { "plan": { "Pro": { "churn": { "max": 0.03 } }, "*": { "arpa": { "min": 50 } } } } } }
 * ```
 * Goals at the top of the block are for all customers; under `by.<column>.<value>` for one segment of that
 * column (`"*"`: every segment of it). A target has `min` (reach at least), `max` (stay at most) or both.
 * Status: `met` when the month's value is within the target, `missed` when not, `notEnoughData` when the
 * value cannot be measured (no one at risk, no base) or the segment is too small to judge (the KPIs' `minSize`).
 */
import { WorkbenchError } from '../../errors.js';
import type { SubscriptionKpiMonth, SubscriptionKpiResult } from './kpi-types.js';
import { subscriptionMessages } from './messages.js';

/** The KPIs a goal can be set on. */
export const SUBSCRIPTION_GOAL_KPIS = [
  'mrr',
  'arr',
  'arpa',
  'customers',
  'nrr',
  'grr',
  'quickRatio',
  'churn',
  'trialConversion',
  'ltv',
] as const;

/** One of {@link SUBSCRIPTION_GOAL_KPIS}. */
export type SubscriptionGoalKpi = (typeof SUBSCRIPTION_GOAL_KPIS)[number];

/** A target: at least `min`, at most `max`, or within both. */
export interface KpiTarget {
  /** The value must be at least this. @defaultValue no lower bound */
  min?: number;
  /** The value must be at most this. @defaultValue no upper bound */
  max?: number;
}

/** One goal of the `subscriptions` block, in file order. */
export interface SubscriptionGoal {
  /** The segment column, or null for all customers. */
  column: string | null;
  /** The segment value; `'*'` for every segment of the column; null for all customers. */
  segment: string | null;
  /** Which KPI. */
  kpi: SubscriptionGoalKpi;
  /** Its target. */
  target: KpiTarget;
  /** JSON path in the file, for messages (`$.subscriptions.by.plan.Pro.churn`). */
  path: string;
}

/** The validated `subscriptions` block of a goals file. */
export interface SubscriptionGoals {
  /** The goals, in file order. */
  goals: SubscriptionGoal[];
  /** The segment columns named under `by`, in file order. */
  columns: string[];
}

/** Status of one goal. */
export type SubscriptionGoalStatus = 'met' | 'missed' | 'notEnoughData';

/** One goal on one segment, judged. */
export interface SubscriptionGoalRow extends Omit<SubscriptionGoal, 'path'> {
  /** The segment (for `'*'`, each segment in turn). */
  segment: string | null;
  /** The month judged (the last of the KPIs). */
  month: Date;
  /** The KPI's value in that month; null when it cannot be measured. */
  value: number | null;
  /** The 95% interval of a rate (churn, trial conversion) or of the LTV; null otherwise. */
  interval: [number | null, number | null] | null;
  /** Paying customers at the month's end. */
  customers: number;
  /** Met, missed, or not enough data to say. */
  status: SubscriptionGoalStatus;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

type At = (path: string, what: string) => WorkbenchError;

/** A `{ min, max }` target, checked. */
function targetOf(v: unknown, path: string, at: At): KpiTarget {
  if (!isObject(v)) throw at(path, subscriptionMessages.goalBadTarget(v));
  for (const k of Object.keys(v))
    if (k !== 'min' && k !== 'max') throw at(`${path}.${k}`, subscriptionMessages.goalBadTarget(v));
  const { min, max } = v;
  if (
    (min === undefined && max === undefined) ||
    (min !== undefined && !finite(min)) ||
    (max !== undefined && !finite(max))
  )
    throw at(path, subscriptionMessages.goalBadTarget(v));
  if (finite(min) && finite(max) && min > max) throw at(path, subscriptionMessages.goalMinAboveMax(min, max));
  return { ...(finite(min) ? { min } : {}), ...(finite(max) ? { max } : {}) };
}

/** The KPI → target entries of one object (all customers or one segment). */
function goalsOf(
  obj: Record<string, unknown>,
  base: string,
  at: At,
  skip: readonly string[] = [],
): Array<[SubscriptionGoalKpi, KpiTarget, string]> {
  return Object.entries(obj)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => {
      if (!(SUBSCRIPTION_GOAL_KPIS as readonly string[]).includes(k))
        throw at(`${base}.${k}`, subscriptionMessages.goalUnknownKpi(k, [...SUBSCRIPTION_GOAL_KPIS, ...skip]));
      return [k as SubscriptionGoalKpi, targetOf(v, `${base}.${k}`, at), `${base}.${k}`];
    });
}

/**
 * Validate the `subscriptions` block of a goals file; `at(path, what)` makes the error (naming the file).
 * @example parseSubscriptionGoals({ nrr: { min: 0.95 } }, (p, w) => new WorkbenchError('BAD_OPTION', `goals.json, at ${p}: ${w}`))
 */
export function parseSubscriptionGoals(json: unknown, at: At): SubscriptionGoals {
  const root = '$.subscriptions';
  if (!isObject(json)) throw at(root, subscriptionMessages.goalBlockNotObject());
  const goals: SubscriptionGoal[] = goalsOf(json, root, at, ['by']).map(([kpi, target, path]) => ({
    column: null,
    segment: null,
    kpi,
    target,
    path,
  }));
  const by = json['by'];
  const columns: string[] = [];
  if (by !== undefined) {
    if (!isObject(by)) throw at(`${root}.by`, subscriptionMessages.goalBadBy(by));
    for (const [column, segments] of Object.entries(by)) {
      if (column.trim() === '' || !isObject(segments))
        throw at(`${root}.by.${column}`, subscriptionMessages.goalBadBy(segments));
      columns.push(column);
      for (const [segment, kpis] of Object.entries(segments)) {
        const base = `${root}.by.${column}.${segment}`;
        if (!isObject(kpis)) throw at(base, subscriptionMessages.goalBadBy(kpis));
        for (const [kpi, target, path] of goalsOf(kpis, base, at)) goals.push({ column, segment, kpi, target, path });
      }
    }
  }
  if (goals.length === 0) throw at(root, subscriptionMessages.goalBlockEmpty());
  return { goals, columns };
}

/** The value of a KPI in one month, and the interval where it has one. */
export function kpiValue(
  r: SubscriptionKpiMonth,
  kpi: SubscriptionGoalKpi,
): { value: number | null; interval: [number | null, number | null] | null } {
  if (kpi === 'churn' || kpi === 'trialConversion') {
    const p = kpi === 'churn' ? r.customerChurn : r.trialConversionPooled;
    return { value: p?.rate ?? null, interval: p ? [p.low, p.high] : null };
  }
  if (kpi === 'ltv') return { value: r.ltv.value, interval: r.ltv.value === null ? null : [r.ltv.low, r.ltv.high] };
  const plain = { mrr: r.mrr, arr: r.arr, arpa: r.arpa, customers: r.customers, nrr: r.nrr, grr: r.grr };
  return { value: kpi === 'quickRatio' ? r.quickRatio : plain[kpi], interval: null };
}

/** Met, missed, or not enough data, for one value against one target. */
export function goalStatus(value: number | null, target: KpiTarget, tooSmall: boolean): SubscriptionGoalStatus {
  if (value === null || !Number.isFinite(value) || tooSmall) return 'notEnoughData';
  return (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max)
    ? 'met'
    : 'missed';
}

/**
 * Each goal judged on the last month of the KPIs: `all` for the goals on all customers, `byColumn` the KPIs per
 * segment of each column the goals name. A goal naming a column without its KPIs, or a segment value the data
 * does not have, is the goals file's error (`BAD_OPTION` through `at`, naming the values there are).
 * @example subscriptionGoalRows(spec, kpis, { plan: kpisByPlan }, (p, w) => new WorkbenchError('BAD_OPTION', w))
 */
export function subscriptionGoalRows(
  spec: SubscriptionGoals,
  all: SubscriptionKpiResult,
  byColumn: Readonly<Record<string, SubscriptionKpiResult | undefined>>,
  at: At,
): SubscriptionGoalRow[] {
  const out: SubscriptionGoalRow[] = [];
  for (const g of spec.goals) {
    const { path, ...goal } = g;
    const judge = (rows: readonly SubscriptionKpiMonth[], segment: string | null, tooSmall: boolean): void => {
      const last = rows[rows.length - 1];
      if (!last) return;
      const { value, interval } = kpiValue(last, g.kpi);
      const status = goalStatus(value, g.target, tooSmall);
      out.push({ ...goal, segment, month: last.month, value, interval, customers: last.customers, status });
    };
    if (g.column === null) {
      judge(all.rows, null, false);
      continue;
    }
    const k = byColumn[g.column];
    if (!k?.segments) throw at(path, subscriptionMessages.goalNoKpis(g.column));
    const named = k.segments.filter((s) => g.segment === '*' || s.segment === g.segment);
    if (named.length === 0)
      throw at(
        path,
        subscriptionMessages.goalNoSegment(
          g.column,
          g.segment ?? '',
          k.segments.map((s) => s.segment ?? ''),
        ),
      );
    for (const s of named) judge(s.rows, s.segment, s.tooSmall);
  }
  return out;
}
