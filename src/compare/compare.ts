/**
 * Two reports' embedded results → what changed: the like-for-like check, segment sizes before → now with a
 * two-proportion z test on each share, KPIs with their intervals, customers new since the previous as-of date,
 * and the cohort curves side by side. Pure: keys and numbers, no words (the section and the CLI text add them).
 */
import { normalQuantile } from '../stats/normal.js';
import { twoProportionZ } from '../stats/two-proportion.js';
import type { CohortCurves, Grouping, GroupingKind, Interval, ReportData, ReportFacts, SinceFigures } from './data.js';

/** A like-for-like fact that differs between the two reports. */
export interface FactDifference {
  /** Which fact. */
  fact: keyof ReportFacts;
  /** Its value in the previous report. */
  before: string;
  /** Its value now. */
  after: string;
  /** True when the difference makes the comparison not like for like (a later as-of date or source name does not). */
  breaks: boolean;
}

/** One segment before → now (`null` counts: hidden in that report, or the segment was not there). */
export interface SizeChange {
  /** Segment key. */
  key: string;
  /** Name as the newer report shows it (else the previous one's). */
  label: string;
  /** Customers in the previous report. */
  before: number | null;
  /** Customers now. */
  after: number | null;
  /** Share of the grouping's customers before. */
  shareBefore: number | null;
  /** Share now. */
  shareAfter: number | null;
  /** after − before (customers); null when either is hidden or the reports are not like for like. */
  change: number | null;
  /** z of the two-proportion test on the shares; null as `change`. */
  z: number | null;
  /** |z| beyond the grouping's Bonferroni-adjusted 5% critical value; null when not tested. */
  significant: boolean | null;
}

/** One grouping before → now. */
export interface GroupingChange {
  /** Grouping id (`rfm`, `valueTiers`, `clusters`, `by:<attribute>`). */
  id: string;
  /** What it groups by. */
  kind: GroupingKind;
  /** Attribute of a `by` grouping. */
  variable?: string;
  /** Customers grouped before (null: not in the previous report). */
  customersBefore: number | null;
  /** Customers grouped now (null: not in this report). */
  customersAfter: number | null;
  /** Critical |z| of the grouping's tests (5%, two-sided, Bonferroni over its segments). */
  critical: number;
  /** Every segment of either report, the newer report's order first. */
  segments: SizeChange[];
}

/** One KPI of one segment before → now. */
export interface KpiChange {
  /** Grouping id. */
  grouping: string;
  /** Segment key. */
  key: string;
  /** The KPI. */
  kpi: 'revenuePerCustomer' | 'repeatRate';
  /** Before, with its 95% interval (null: not shown then). */
  before: Interval | null;
  /** Now. */
  after: Interval | null;
  /** The two 95% intervals do not overlap (null: not both there, or not like for like). */
  clearlyDifferent: boolean | null;
}

/** Customers before and now, and the new ones where the aggregates can tell. */
export interface CustomerChange {
  /** Customers with a purchase before the previous as-of date. */
  before: number;
  /** Now. */
  after: number;
  /**
   * Customers whose first purchase is on or after the previous as-of date: the newer report's cohorts that start
   * then or later. Null when that date is not a cohort start, a cohort is hidden, or there are no cohorts.
   */
  newSince: number | null;
  /**
   * From this run's data, when it was built with `--compare` against the previous report (src/compare/since.ts):
   * customers new since the previous as-of date, those of before without a purchase since (lapsed), and those
   * the previous report counted that this run's data no longer has before that date (lost). Absent otherwise;
   * a `null` count is hidden (fewer people than `minGroup`).
   */
  since?: { newCustomers: number | null; lapsed: number | null; lost: number | null };
}

/** One cohort's retention in both reports (cohorts of both only, shown cohorts only). */
export interface CohortChange {
  /** Cohort key. */
  cohort: string;
  /** Size before and now. */
  sizeBefore: number;
  /** Size now. */
  sizeAfter: number;
  /** Retention by period since the first order, before. */
  before: number[];
  /** Now (as many periods or more). */
  after: number[];
}

/** The comparison of two reports. */
export interface ReportComparison {
  /** Facts of the previous report. */
  before: ReportFacts;
  /** Facts of the newer report. */
  after: ReportFacts;
  /** No fact differs in a way that breaks the comparison. */
  likeForLike: boolean;
  /** Every fact that differs, breaking ones first. */
  differences: FactDifference[];
  /** The breaking differences as `fact: before → after` (empty when like for like). */
  notLikeForLike: string[];
  /** Customers before and now. */
  customers: CustomerChange;
  /** Segment sizes per grouping. */
  groupings: GroupingChange[];
  /** KPIs per segment. */
  kpis: KpiChange[];
  /** Average retention curves and the cohorts of both reports (null: a report has no cohorts or another period). */
  cohorts: { period: string; before: number[]; after: number[]; cohorts: CohortChange[] } | null;
}

/** Facts in the order a reader checks them; the as-of date, period end and source name do not break a comparison. */
const FACTS: ReadonlyArray<keyof ReportFacts> = [
  'version',
  'mapping',
  'returns',
  'segmentMap',
  'currency',
  'minGroup',
  'period',
  'asOf',
  'source',
];

const factText = (facts: ReportFacts, fact: keyof ReportFacts): string => {
  const v = facts[fact];
  if (fact === 'period') return v === null ? '' : `${facts.period?.first} – ${facts.period?.last}`;
  return String(v);
};

/** A different start of the data is another history; a later end or as-of date is what a new report is for. */
function differences(a: ReportFacts, b: ReportFacts): FactDifference[] {
  const out: FactDifference[] = [];
  for (const fact of FACTS) {
    const before = factText(a, fact);
    const after = factText(b, fact);
    if (before === after) continue;
    const breaks = fact === 'period' ? a.period?.first !== b.period?.first : fact !== 'asOf' && fact !== 'source';
    out.push({ fact, before, after, breaks });
  }
  return out.sort((x, y) => Number(y.breaks) - Number(x.breaks));
}

function groupingChange(a: Grouping | undefined, b: Grouping | undefined, like: boolean): GroupingChange {
  const g = (b ?? a) as Grouping;
  const keys = [...(b?.segments ?? []), ...(a?.segments ?? [])]
    .map((s) => s.key)
    .filter((k, i, all) => all.indexOf(k) === i);
  const critical = normalQuantile(1 - 0.05 / (2 * Math.max(1, keys.length)));
  const segments = keys.map((key): SizeChange => {
    const sa = a?.segments.find((s) => s.key === key);
    const sb = b?.segments.find((s) => s.key === key);
    // A segment one report does not list has no customers there (its grouping is in both).
    const before = sa ? sa.customers : a ? 0 : null;
    const after = sb ? sb.customers : b ? 0 : null;
    const shareBefore = before !== null && a && a.customers > 0 ? before / a.customers : null;
    const shareAfter = after !== null && b && b.customers > 0 ? after / b.customers : null;
    const tested = like && before !== null && after !== null && a !== undefined && b !== undefined;
    const z = tested ? twoProportionZ(before, a.customers, after, b.customers) : NaN;
    return {
      key,
      label: sb?.label ?? sa?.label ?? key,
      before,
      after,
      shareBefore,
      shareAfter,
      change: tested ? after - before : null,
      z: Number.isFinite(z) ? z : null,
      significant: Number.isFinite(z) ? Math.abs(z) > critical : null,
    };
  });
  return {
    id: g.id,
    kind: g.kind,
    ...(g.variable !== undefined ? { variable: g.variable } : {}),
    customersBefore: a?.customers ?? null,
    customersAfter: b?.customers ?? null,
    critical,
    segments,
  };
}

function kpiChanges(a: ReportData, b: ReportData, like: boolean): KpiChange[] {
  const out: KpiChange[] = [];
  for (const kb of b.kpis) {
    const ka = a.kpis.find((k) => k.grouping === kb.grouping && k.key === kb.key);
    for (const kpi of ['revenuePerCustomer', 'repeatRate'] as const) {
      const before = ka?.[kpi] ?? null;
      const after = kb[kpi];
      const both = like && before !== null && after !== null;
      out.push({
        grouping: kb.grouping,
        key: kb.key,
        kpi,
        before,
        after,
        clearlyDifferent: both ? before.high < after.low || after.high < before.low : null,
      });
    }
  }
  return out;
}

/** Whether a `YYYY-MM-DD` date starts a cohort period (a month, a quarter, an ISO week). */
function startsPeriod(iso: string, period: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  if (period === 'week') return d.getUTCDay() === 1;
  if (d.getUTCDate() !== 1) return false;
  return period === 'month' || (period === 'quarter' && d.getUTCMonth() % 3 === 0);
}

/** Sum of the newer report's cohorts starting on or after the previous as-of date, when that date starts a cohort period. */
function newSince(asOfBefore: string, cohorts: CohortCurves | null): number | null {
  if (!cohorts || !startsPeriod(asOfBefore, cohorts.period)) return null;
  let n = 0;
  for (const c of cohorts.curves) {
    if (c.start === null || c.start < asOfBefore) continue;
    if (c.size === null) return null;
    n += c.size;
  }
  return n;
}

function cohortChanges(a: CohortCurves | null, b: CohortCurves | null): ReportComparison['cohorts'] {
  if (!a || !b || a.period !== b.period) return null;
  const cohorts: CohortChange[] = [];
  for (const cb of b.curves) {
    const ca = a.curves.find((c) => c.cohort === cb.cohort);
    if (!ca || ca.size === null || cb.size === null || !ca.retention || !cb.retention) continue;
    cohorts.push({
      cohort: cb.cohort,
      sizeBefore: ca.size,
      sizeAfter: cb.size,
      before: ca.retention,
      after: cb.retention,
    });
  }
  return { period: b.period, before: a.average, after: b.average, cohorts };
}

/** The since figures of the newer report when they are about the previous report's as-of date. */
function sinceChange(before: ReportData, since: SinceFigures | undefined): CustomerChange['since'] {
  if (!since || since.previousAsOf !== before.facts.asOf) return undefined;
  return {
    newCustomers: since.newCustomers,
    lapsed: since.lapsed,
    lost: since.known === null ? null : Math.max(0, before.customers - since.known),
  };
}

/**
 * Compare the results two reports embed (the previous one first): what changed, and whether that can be read
 * as a change (like for like) or only side by side.
 * @example const c = compareReports(await readReportData('reports/september.html'), await readReportData('reports/december.html'));
 */
export function compareReports(before: ReportData, after: ReportData): ReportComparison {
  const diffs = differences(before.facts, after.facts);
  const breaking = diffs.filter((d) => d.breaks);
  const like = breaking.length === 0;
  const since = sinceChange(before, after.since);
  const ids = [...after.groupings, ...before.groupings].map((g) => g.id).filter((id, i, all) => all.indexOf(id) === i);
  return {
    before: before.facts,
    after: after.facts,
    likeForLike: like,
    differences: diffs,
    notLikeForLike: breaking.map((d) => `${d.fact}: ${d.before} → ${d.after}`),
    customers: {
      before: before.customers,
      after: after.customers,
      newSince: newSince(before.facts.asOf, after.cohorts),
      ...(since ? { since } : {}),
    },
    groupings: ids.map((id) =>
      groupingChange(
        before.groupings.find((g) => g.id === id),
        after.groupings.find((g) => g.id === id),
        like,
      ),
    ),
    kpis: kpiChanges(before, after, like),
    cohorts: cohortChanges(before.cohorts, after.cohorts),
  };
}
