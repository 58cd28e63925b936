/**
 * Trends: RFM segment sizes and value-tier sizes at a series of as-of dates, with per-segment KPIs at each —
 * customers, net revenue in the period before the date, revenue per customer and repeat rate (bought again in
 * that period), and churn of the previous date's segment members — so a reader sees segments grow and shrink instead of one snapshot. Computed in DuckDB ({@link trendStateSql}): one
 * pass over the transactions, kept per customer and period, then each date scored by RFM's own SQL (`rfmQuerySql`: the same
 * quantile tie rule and segment map as `rfm()`, so the last point is the report's RFM exactly).
 *
 * Dates: the last point is `asOf`; the others step back from it by whole calendar months or quarters
 * (`asOf − k periods`, the day of the month kept, or the month's last day when it is shorter), so each
 * point's window — the period before it — is one period long and the windows tile without gaps. With an
 * `asOf` on the first of a month the points are the month ends. Dates before the first purchase are left out.
 *
 * `by`: a customer attribute keeps the value of the last date at every point; a behavioural segmentation
 * (`timing`, `loyalty`, …) is written again as of each point's date by the segmentation itself, so the last
 * point has `segmentBy({ column })`'s sizes among its buyers and earlier points the segments of their own date.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { Z95 } from '../../stats/normal.js';
import { wilson } from '../../stats/proportion.js';
import { resolveScoring } from '../rfm/index.js';
import { rfmQuerySql, segmentParams } from '../rfm/sql.js';
import { standardSegmentMap, validateSegmentMap } from '../rfm/segment-map.js';
import { tierKeys, tierShares } from '../segments/index.js';
import { resolveAsOf } from '../shared/as-of.js';
import { withStableSources } from '../shared/customer-cache.js';
import { checkTransactionSource } from '../shared/source.js';
import { checkOptionKeys, keyword, minSizeOption, optionKeys, wholeNumber } from '../shared/validate.js';
import { tagResult } from '../../inspect.js';
import {
  MAX_POINTS,
  TREND_FIGURE_COLUMNS,
  TREND_PERIODS,
  trendCountsSql,
  trendFiguresSql,
  trendFiguresTableSql,
  trendPointSql,
  trendRfmFiguresSql,
  trendStateSql,
  trendTierFiguresSql,
  trendClusterFiguresSql,
  trendAttributeFiguresSql,
  trendSegmentationFiguresSql,
  type TrendPeriod,
} from './sql.js';
import { MISSING_SEGMENT, segmentBy } from '../segments/index.js';
import { checkByAttributes } from '../segments/report-run.js';
import { resolveBy, segmentationKeys, writeSegmentationAt } from './by.js';
import { trendMessages } from './messages.js';
import type { MeanInterval, TrendGrouping, TrendsOptions, TrendsResult, TrendValue } from './types.js';

export { TREND_PERIODS, type TrendPeriod } from './sql.js';
export type {
  MeanInterval,
  TrendClusters,
  TrendGrouping,
  TrendPoint,
  TrendsOptions,
  TrendsOptionsUsed,
  TrendsResult,
  TrendValue,
} from './types.js';

/** Most attributes one trend follows. */
export const MAX_ATTRIBUTES = 10;

const TREND_KEYS = optionKeys<TrendsOptions>({
  asOf: true,
  period: true,
  points: true,
  bins: true,
  scoring: true,
  segmentMap: true,
  returns: true,
  valueTiers: true,
  minSize: true,
  clusters: true,
  by: true,
  source: true,
  customers: true,
});

const STEP_MONTHS: Record<TrendPeriod, number> = { month: 1, quarter: 3 };

/** `date` moved back `months` calendar months (UTC), the day of the month kept or clamped to the month's last day. */
function monthsBefore(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = new Date(date);
  t.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return t;
}

/**
 * The dates of a trend, oldest first, the last at `asOf`, with their windows (see the module comment). Pure.
 * @example trendDates(new Date('2011-12-01'), 'quarter', 2) // [{ date: 2011-09-01, windowStart: 2011-06-01 }, { date: 2011-12-01, windowStart: 2011-09-01 }]
 */
export function trendDates(asOf: Date, period: TrendPeriod, points: number): Array<{ date: Date; windowStart: Date }> {
  const step = STEP_MONTHS[period];
  return Array.from({ length: points }, (_, j) => {
    const k = points - 1 - j;
    return { date: monthsBefore(asOf, k * step), windowStart: monthsBefore(asOf, (k + 1) * step) };
  });
}

/** Mean with its normal 95% interval from n, Σx and Σx². */
function meanInterval(n: number, sum: number, sumSq: number): MeanInterval {
  const mean = n > 0 ? sum / n : NaN;
  if (n < 2) return { mean, low: NaN, high: NaN };
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = Z95 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

type FigureRow = {
  i: number;
  kind: string;
  segment: string;
  customers: number;
  revenue: number;
  revenue_sq: number;
  repeaters: number;
  prev_buyers: number;
  churners: number;
};

function values(
  rows: FigureRow[],
  kind: string,
  keys: readonly string[],
  points: readonly number[],
  totals: ReadonlyMap<number, number>,
  minSize: number,
): TrendValue[] {
  const byKey = new Map(rows.filter((r) => r.kind === kind).map((r) => [`${r.i}|${r.segment}`, r]));
  return points.flatMap((i, point) =>
    keys.map((segment) => {
      const r = byKey.get(`${i}|${segment}`);
      const customers = Number(r?.customers ?? 0);
      return {
        segment,
        point,
        customers,
        share: customers / (totals.get(i) ?? NaN),
        revenue: r?.revenue ?? 0,
        revenuePerCustomer: meanInterval(customers, r?.revenue ?? 0, r?.revenue_sq ?? 0),
        repeatRate: wilson(Number(r?.repeaters ?? 0), customers),
        churn: wilson(Number(r?.churners ?? 0), i === 0 ? 0 : Number(r?.prev_buyers ?? 0)),
        tooSmall: customers < minSize,
      };
    }),
  );
}

/**
 * RFM segments and value tiers at a series of as-of dates, with customers, revenue in the period before each
 * date, revenue per customer and repeat rate per segment, and churn of the segment's customers at the previous
 * date (95% intervals); optionally clusters, attributes and behavioural segmentations (`by`) the same way.
 * @example const t = await trends(wb, { period: 'quarter', points: 8 });
 * @example const t = await trends(wb, { by: ['timing', 'loyalty'] }); // each customer's segment at every date
 */
export async function trends(wb: Workbench, options: TrendsOptions = {}): Promise<TrendsResult> {
  // no table changes while it runs: a followed segmentation's writes at every date check the transactions once
  return withStableSources(wb, () => followTrends(wb, options));
}

async function followTrends(wb: Workbench, options: TrendsOptions): Promise<TrendsResult> {
  checkOptionKeys('trends', options, TREND_KEYS);
  const source = options.source ?? 'transactions';
  const period = keyword('period', options.period ?? 'month', TREND_PERIODS);
  const points = wholeNumber('points', options.points ?? 12, 2, MAX_POINTS);
  const returns = keyword('returns', options.returns ?? 'net', ['net', 'ignore']);
  const { bins, scoring } = resolveScoring(options);
  const segmentMap = options.segmentMap ?? standardSegmentMap(bins);
  validateSegmentMap(segmentMap, bins);
  const shares = tierShares(options.valueTiers ?? true);
  const minSize = minSizeOption(options.minSize);
  const customers = options.customers ?? 'customers';
  const cl = options.clusters;
  await checkTransactionSource(wb, source);
  const by = options.by === undefined ? [] : await checkByAttributes(wb, options.by);
  if (by.length > MAX_ATTRIBUTES)
    throw new WorkbenchError('BAD_OPTION', trendMessages.tooManyAttributes(by.length, MAX_ATTRIBUTES), { by });
  const followed = await resolveBy(wb, by, { source, customers });
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  const dates = trendDates(asOf, period, points);
  // boundaries: the first window's start, then every point's date (the windows tile: see trendDates)
  const params = Object.fromEntries([dates[0]!.windowStart, ...dates.map((d) => d.date)].map((t, j) => [`b${j}`, t]));

  const state = wb.tempName('_swb_trends_state');
  const figures = wb.tempName('_swb_trends_figures');
  const view = wb.tempName('_swb_trends_point');
  const tierParams = Object.fromEntries(tierKeys(shares).map((k, j) => [`t${j}`, k]));
  const attributeTables = by.map(() => wb.tempName('_swb_trends_by'));
  const attributeKeys: string[][] = by.map(() => []);
  // a segmentation's keys at each point; its warnings each once, a warning that differs between the dates only
  // in its numbers ("72% of the lines have no category") as of the latest date
  const pointKeys: string[][][] = by.map(() => []);
  const byWarnings = new Map<string, string>();
  const notAt: Array<Array<{ date: Date; reason: string }>> = by.map(() => []);
  const clusterParams: Record<string, number> = {};
  cl?.features.forEach((f, j) => {
    clusterParams[`m${j}`] = f.mean;
    clusterParams[`s${j}`] = f.sd;
  });
  cl?.profiles.forEach((p, c) => p.centroid.forEach((x, j) => (clusterParams[`c${c}_${j}`] = x)));
  let rows: FigureRow[];
  let counts: Map<number, number>;
  try {
    // Each attribute once, as of the last date: a customer's value does not move between the points. A
    // behavioural segmentation moves: it is written again at every point (below).
    for (const [j, f] of followed.entries()) {
      if (f.kind === 'segmentation') continue;
      const seg = await segmentBy(
        wb,
        { column: f.column },
        { asOf, source, customers, table: attributeTables[j]!, minSize },
      );
      attributeKeys[j] = seg.segments.map((x) => x.segment);
    }
    await wb.run(trendStateSql({ source, table: state, points, returns }), params);
    counts = new Map(
      (await wb.query<{ i: number; n: number }>(trendCountsSql(state, points))).map((r) => [Number(r.i), Number(r.n)]),
    );
    await wb.run(trendFiguresTableSql(figures));
    for (let i = 0; i < points; i++) {
      if (!counts.get(i)) continue;
      await wb.run(trendPointSql(view, state, i));
      // each grouping's figures per segment at this date, with its window buyers who do not buy in the next
      // window (the next date's churn). RFM's own query on this date's aggregate: the same scores and segments
      // rfm() gives as of it
      const scoredQuery = rfmQuerySql({
        source,
        bins,
        scoring,
        returns,
        excludeLater: true,
        segmentMap,
        aggregate: quoteIdentifier(view),
        unordered: true,
        carry: TREND_FIGURE_COLUMNS,
      });
      await wb.run(trendRfmFiguresSql(figures, scoredQuery, i), { asOf: dates[i]!.date, ...segmentParams(segmentMap) });
      await wb.run(trendTierFiguresSql(figures, view, i, shares), tierParams);
      if (cl) {
        const o = {
          features: cl.features,
          k: cl.profiles.length,
          missing: cl.options.missing,
          customers: cl.options.customers,
        };
        await wb.run(trendClusterFiguresSql(figures, view, i, o), { ...clusterParams, asOf: dates[i]!.date });
      }
      for (const [j, f] of followed.entries()) {
        const table = attributeTables[j]!;
        if (f.kind === 'attribute') {
          await wb.run(trendAttributeFiguresSql(figures, view, i, `by${j}`, table));
          continue;
        }
        // the segment as of this date, from the data before it; one that cannot be worked out at an earlier date
        // (too few customers yet) leaves that date's buyers without a segment, at the last date it is an error
        const at = await writeSegmentationAt(wb, f.column, dates[i]!.date, table, i < points - 1);
        for (const w of at.warnings) byWarnings.set(w.replace(/\d[\d.,]*/g, '#'), w);
        if (at.failed) notAt[j]!.push({ date: dates[i]!.date, reason: at.failed });
        pointKeys[j]!.push(at.keys);
        await wb.run(trendSegmentationFiguresSql(figures, view, i, `by${j}`, table), { missing: MISSING_SEGMENT });
      }
    }
    rows = await wb.query<FigureRow>(trendFiguresSql(figures, points));
  } finally {
    await wb.run(`drop view if exists ${quoteIdentifier(view)};
      drop table if exists ${quoteIdentifier(figures)}; drop table if exists ${quoteIdentifier(state)}`);
    for (const table of attributeTables) await wb.run(`drop table if exists ${quoteIdentifier(table)}`);
  }
  const kept = dates.flatMap((_, i) => (counts.get(i) ? [i] : []));
  if (kept.length === 0) throw new WorkbenchError('NO_DATA', trendMessages.nothingToTrack(asOf, source), { asOf });
  const warnings: string[] = [];
  if (kept.length < points) {
    const [first] = await wb.query<{ first: Date }>(
      `select min(order_date) as first from ${quoteIdentifier(source)} where not coalesce(is_return, false)`,
    );
    warnings.push(trendMessages.warnDatesBeforeData(points - kept.length, first?.first ?? dates[kept[0]!]!.date));
  }
  warnings.push(...byWarnings.values());
  followed.forEach((f, j) => {
    const failed = notAt[j]!;
    if (failed.length)
      warnings.push(
        trendMessages.warnSegmentationNotAt(
          f.column,
          failed[0]!.date,
          failed.at(-1)!.date,
          failed.length,
          failed.at(-1)!.reason,
        ),
      );
  });
  const revenue = (i: number) => rows.filter((r) => r.i === i && r.kind === 'rfm').reduce((s, r) => s + r.revenue, 0);
  const keys = segmentMap.segments.map((s) => s.key);
  const tiers = tierKeys(shares);
  const groupings: TrendGrouping[] = [];
  if (cl) {
    const ks = cl.profiles.map((p) => String(p.cluster));
    groupings.push({
      kind: 'clusters',
      by: 'clusters',
      keys: ks,
      nameParts: cl.profiles.map((p) => [...p.nameParts]),
      values: values(rows, 'cluster', ks, kept, counts, minSize),
    });
  }
  followed.forEach((f, j) => {
    const present = new Set(rows.filter((r) => r.kind === `by${j}` && Number(r.customers) > 0).map((r) => r.segment));
    const ks = f.kind === 'segmentation' ? segmentationKeys(pointKeys[j]!, present) : attributeKeys[j]!;
    groupings.push({ kind: f.kind, by: f.column, keys: ks, values: values(rows, `by${j}`, ks, kept, counts, minSize) });
  });
  return tagResult(
    {
      options: {
        asOf,
        asOfFromData: fromData,
        period,
        points,
        bins,
        scoring,
        segmentMap,
        returns,
        valueTiers: shares,
        minSize,
        source,
        customers,
        by,
        clusters: cl?.profiles.length ?? 0,
      },
      points: kept.map((i) => ({ ...dates[i]!, customers: counts.get(i) ?? 0, revenue: revenue(i) })),
      segments: keys,
      tiers,
      rfm: values(rows, 'rfm', keys, kept, counts, minSize),
      valueTiers: values(rows, 'tier', tiers, kept, counts, minSize),
      groupings,
      warnings,
    },
    'TrendsResult',
  );
}
