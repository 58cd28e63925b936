/**
 * The results block a report embeds (see `compare/data.ts`): the aggregates of a run that a later run compares
 * with, read off the pipeline's results. Pure: nothing is queried. Counts of fewer people than `minGroup` are
 * `null`, as the page hides them, and nothing per customer is kept.
 */
import { createHash } from 'node:crypto';
import { isoDate, type Locale } from '../locale.js';
import type { LoadReport } from '../data/load-report.js';
import { isSmallGroup } from '../report/small-groups.js';
import { segmentValueName } from '../i18n/analyses.js';
import { segmentName } from '../analyses/rfm/words.js';
import { clusterNames } from '../analyses/clusters/words.js';
import type { RfmResult } from '../analyses/rfm/index.js';
import type { TrendsResult, TrendValue } from '../analyses/trends/types.js';
import type { CohortResult } from '../analyses/cohorts/types.js';
import type { SegmentsSectionInput } from '../analyses/segments/section.js';
import type { ClusterResult } from '../analyses/clusters/index.js';
import {
  REPORT_DATA_FORMAT,
  REPORT_DATA_SCHEMA,
  type CohortCurves,
  type Grouping,
  type ReportData,
  type ReportFacts,
  type SegmentKpis,
  type SegmentSize,
} from '../compare/data.js';
import type { TransactionPipelineResults } from './run.js';

/** Options of {@link reportDataOf}. */
export interface ReportDataOptions {
  /** Language of the segment names kept beside their keys. */
  locale: Locale;
  /** ISO 4217 currency of the amounts. */
  currency: string;
  /** Smallest count of people shown; smaller counts are `null`. */
  minGroup: number;
  /** Version of segment-workbench. */
  version: string;
}

/** `preset <name>`, or the column mapping as `field=column` pairs in field order. */
function mappingOf(load: LoadReport): string {
  if (load.preset) return `preset ${load.preset}`;
  return [...load.columns]
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map((c) => `${c.field}=${c.source}`)
    .join(', ');
}

/** The segment map's name and bins, and a short digest of its rules (a map renamed or edited is another map). */
function segmentMapOf(rfm: RfmResult | undefined): string {
  if (!rfm) return '';
  const map = rfm.options.segmentMap;
  const digest = createHash('sha256').update(JSON.stringify(map.segments)).digest('hex').slice(0, 12);
  return `${map.name}, ${map.bins} bins, ${digest}`;
}

function factsOf(r: TransactionPipelineResults, o: ReportDataOptions): ReportFacts {
  const period = r.overview.period;
  return {
    version: o.version,
    source: r.load.fileName,
    period: period ? { first: isoDate(period.first), last: isoDate(period.last) } : null,
    asOf: isoDate(r.asOf),
    mapping: mappingOf(r.load),
    returns: r.load.returns ?? 'net',
    segmentMap: segmentMapOf(r.rfm),
    currency: o.currency,
    minGroup: o.minGroup,
  };
}

const hide = (n: number, minGroup: number): number | null => (isSmallGroup(n, minGroup) ? null : n);

function size(key: string, label: string, customers: number, revenue: number, minGroup: number): SegmentSize {
  const small = isSmallGroup(customers, minGroup);
  return { key, label, customers: small ? null : customers, revenue: small ? null : revenue };
}

function groupingsOf(r: TransactionPipelineResults, o: ReportDataOptions): Grouping[] {
  const out: Grouping[] = [];
  const rfm = r.rfm;
  if (rfm) {
    const defs = new Map(rfm.options.segmentMap.segments.map((d) => [d.key, d]));
    out.push({
      id: 'rfm',
      kind: 'rfm',
      customers: rfm.customerCount,
      segments: rfm.segments.map((s) =>
        size(s.key, segmentName(defs.get(s.key) ?? s.key, o.locale), s.customers, s.revenue, o.minGroup),
      ),
    });
  }
  const tiers = (r.segments as SegmentsSectionInput | undefined)?.segments;
  if (tiers)
    out.push({
      id: 'valueTiers',
      kind: 'valueTiers',
      customers: tiers.customerCount,
      segments: tiers.segments.map((s) =>
        size(s.segment, segmentValueName(s.segment, o.locale), s.size, s.revenue, o.minGroup),
      ),
    });
  const clusters = r.clusters as ClusterResult | undefined;
  if (clusters) {
    // Clusters are fitted again each run: matched by their English name, shown by the report's.
    const keys = clusterNames(clusters.profiles, 'en');
    const labels = clusterNames(clusters.profiles, o.locale);
    out.push({
      id: 'clusters',
      kind: 'clusters',
      customers: clusters.customerCount,
      segments: clusters.profiles.map((p, i) =>
        size(keys[i] ?? String(p.cluster), labels[i] ?? String(p.cluster), p.size, p.revenue, o.minGroup),
      ),
    });
  }
  out.push(...byGroupings(r.segments as SegmentsSectionInput | undefined, o));
  return out;
}

/** Each attribute the value tiers are split by: customers per value (summed over the tiers), values in order of first sight. */
function byGroupings(segments: SegmentsSectionInput | undefined, o: ReportDataOptions): Grouping[] {
  const out: Grouping[] = [];
  for (const sub of segments?.subsegments ?? []) {
    const id = `by:${sub.byVariable}`;
    if (out.some((g) => g.id === id)) continue;
    const sizes = new Map<string, number>();
    for (const row of sub.rows) sizes.set(row.subsegment, (sizes.get(row.subsegment) ?? 0) + row.size);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    out.push({
      id,
      kind: 'by',
      variable: sub.byVariable,
      customers: total,
      segments: [...sizes].map(([key, n]) => ({ key, label: key, customers: hide(n, o.minGroup), revenue: null })),
    });
  }
  return out;
}

/** KPIs of each segment at the trends' last point (the as-of date). */
function kpisOf(trends: TrendsResult | undefined): SegmentKpis[] {
  if (!trends || trends.points.length === 0) return [];
  const last = trends.points.length - 1;
  const at = (grouping: string, values: readonly TrendValue[]): SegmentKpis[] =>
    values
      .filter((v) => v.point === last)
      .map((v) => ({
        grouping,
        key: v.segment,
        revenuePerCustomer:
          v.tooSmall || !Number.isFinite(v.revenuePerCustomer.low)
            ? null
            : { value: v.revenuePerCustomer.mean, low: v.revenuePerCustomer.low, high: v.revenuePerCustomer.high },
        repeatRate:
          v.tooSmall || !Number.isFinite(v.repeatRate.rate)
            ? null
            : { value: v.repeatRate.rate, low: v.repeatRate.low, high: v.repeatRate.high },
      }));
  return [...at('rfm', trends.rfm), ...at('valueTiers', trends.valueTiers)];
}

/** Retention curves by cohort; a hidden cohort (fewer than `minGroup`) keeps only its key. */
function cohortsOf(cohorts: CohortResult | undefined, minGroup: number): CohortCurves | null {
  if (!cohorts) return null;
  const curves = cohorts.cohorts.map((c) => {
    const rows = cohorts.rows.filter((row) => row.cohort === c.cohort).sort((a, b) => a.period - b.period);
    const small = isSmallGroup(c.size, minGroup);
    return {
      cohort: c.cohort ?? '',
      start: c.start ? isoDate(c.start) : null,
      size: small ? null : c.size,
      retention: small ? null : rows.map((row) => row.retention),
    };
  });
  return { period: cohorts.options.period, average: cohorts.average.map((p) => p.retention), curves };
}

/**
 * The aggregates a report on `results` embeds, for a later `--compare`.
 * @example const data = reportDataOf(results, { locale: 'en', currency: 'GBP', minGroup: 10, version: toolVersion() });
 */
export function reportDataOf(results: TransactionPipelineResults, options: ReportDataOptions): ReportData {
  return {
    format: REPORT_DATA_FORMAT,
    schema: REPORT_DATA_SCHEMA,
    facts: factsOf(results, options),
    customers: results.overview.customers,
    orders: results.overview.orders,
    revenue: results.overview.netRevenue,
    groupings: groupingsOf(results, options),
    kpis: kpisOf(results.trends),
    cohorts: cohortsOf(results.cohorts, options.minGroup),
  };
}
