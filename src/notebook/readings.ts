/**
 * Sentences that read a result for the notebook, written from the numbers of this run (shown with
 * `showMarkdown`), so the prose beside a chart states what this data shows, not what one dataset once
 * showed. Words come from src/i18n (`analyses.readings`); numbers are formatted for the locale here.
 */
import type { ClusterResult } from '../analyses/clusters/index.js';
import type { ClvResult } from '../analyses/clv/types.js';
import type { CohortAveragePoint, CohortResult } from '../analyses/cohorts/types.js';
import type { RfmResult } from '../analyses/rfm/index.js';
import { segmentName } from '../analyses/rfm/words.js';
import { texts } from '../i18n/index.js';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../locale.js';

/** Silhouette bands: above 0.5 clearly separated groups, from 0.25 moderately, below a continuum. */
export function silhouetteBand(s: number): 'clear' | 'moderate' | 'continuum' {
  return s > 0.5 ? 'clear' : s >= 0.25 ? 'moderate' : 'continuum';
}

/**
 * What the k table says: the k with the best silhouette, how separated that is, and the silhouette at
 * `compareK` (the k a notebook goes on with) when it is another k of the table.
 * @example showMarkdown(clusterKReading(result, 'en', 4))
 */
export function clusterKReading(result: ClusterResult, locale: Locale, compareK?: number): string {
  const t = texts(locale).analyses.readings;
  const rows = result.kTable;
  const best = rows.reduce(
    (m, r) => (r.silhouette > m.silhouette ? r : m),
    rows[0] ?? { k: result.k, inertia: NaN, silhouette: result.silhouette },
  );
  const other = compareK !== undefined && compareK !== best.k ? rows.find((r) => r.k === compareK) : undefined;
  const parts = [t.kBest(best.k, formatNumber(best.silhouette, locale, 2), t.bands[silhouetteBand(best.silhouette)])];
  if (other)
    parts.push(t.kOther(other.k, formatNumber(other.silhouette, locale, 2), other.silhouette < best.silhouette));
  return parts.join(' ');
}

/**
 * The holdout check in one or two sentences: purchases made against predicted in the holdout weeks,
 * and whether the fit found customers stopping.
 * @example showMarkdown(clvHoldoutReading(checked, 'en'))
 */
export function clvHoldoutReading(result: ClvResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const parts: string[] = [];
  const h = result.holdout;
  if (h && h.actualTotal > 0) {
    const gap = (h.predictedTotal - h.actualTotal) / h.actualTotal;
    const direction = Math.abs(gap) < 0.05 ? 'close' : gap < 0 ? 'under' : 'over';
    parts.push(
      t.holdout(
        formatNumber(h.predictedTotal, locale),
        formatNumber(h.actualTotal, locale),
        formatPercent(Math.abs(gap), locale, 0),
        direction,
      ),
    );
  }
  const dropout = result.bgnbd.a / (result.bgnbd.a + result.bgnbd.b);
  parts.push(dropout < 1e-3 ? t.noDropout : t.dropout(formatPercent(dropout, locale, 1)));
  return parts.join(' ');
}

const pct = (share: number, locale: Locale): string => formatPercent(share, locale, 0);

/** The RFM segment's display name by key, from the map the result was scored with. */
function rfmSegmentName(result: RfmResult, key: string | undefined, locale: Locale): string {
  const seg = result.options.segmentMap.segments.find((s) => s.key === key);
  return seg ? segmentName(seg, locale) : (key ?? '');
}

/**
 * What the R×F heatmap shows: the fullest cell and how many customers sit in the two most recent rows.
 * @example showMarkdown(rfmHeatmapReading(result, 'en'))
 */
export function rfmHeatmapReading(result: RfmResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const total = result.customerCount;
  const top = result.grid.reduce(
    (m, c) => (c.customers > m.customers ? c : m),
    result.grid[0] ?? { r: 0, f: 0, customers: 0, revenue: 0, meanMonetary: NaN, segment: undefined },
  );
  const bins = result.options.bins;
  const recent = result.grid.filter((c) => c.r >= bins - 1).reduce((s, c) => s + c.customers, 0);
  return t.rfmHeatmap(
    top.r,
    top.f,
    rfmSegmentName(result, top.segment, locale),
    formatNumber(top.customers, locale),
    pct(top.customers / total, locale),
    pct(recent / total, locale),
  );
}

/**
 * What the segment bars show: the largest segment, the segment worth most per head, the top-20% share.
 * @example showMarkdown(rfmSegmentsReading(result, 'en'))
 */
export function rfmSegmentsReading(result: RfmResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const [firstFilled, ...filled] = result.segments.filter((s) => s.customers > 0);
  if (!firstFilled) return '';
  const largest = filled.reduce((m, s) => (s.customers > m.customers ? s : m), firstFilled);
  const ratio = (s: { share: number; revenueShare: number }): number =>
    s.share > 0 ? s.revenueShare / s.share : -Infinity;
  // worth most per head among segments big enough to act on (not too small, at least 1% of the customers)
  const candidates = [firstFilled, ...filled].filter((s) => !s.tooSmall && s.share >= 0.01);
  const richest = candidates.reduce((m, s) => (ratio(s) > ratio(m) ? s : m), largest);
  const parts = [
    t.rfmLargest(
      rfmSegmentName(result, largest.key, locale),
      pct(largest.share, locale),
      pct(largest.revenueShare, locale),
    ),
    t.rfmRichest(
      rfmSegmentName(result, richest.key, locale),
      pct(richest.share, locale),
      pct(richest.revenueShare, locale),
    ),
  ];
  if (Number.isFinite(result.top20RevenueShare)) parts.push(t.rfmTop20(pct(result.top20RevenueShare, locale)));
  return parts.join(' ');
}

/**
 * What the score ranges mean on this data: the recency of score 5, the orders of F = 5, the spend of M = 5.
 * @example showMarkdown(rfmScoresReading(result, 'en', 'GBP'))
 */
export function rfmScoresReading(result: RfmResult, locale: Locale, currency = 'EUR'): string {
  const t = texts(locale).analyses.readings;
  const top = result.options.bins;
  const range = (score: 'r' | 'f' | 'm') => result.scoreRanges.find((s) => s.score === score && s.value === top);
  const r = range('r');
  const f = range('f');
  const m = range('m');
  const once = result.scoreRanges.filter((s) => s.score === 'f' && s.max <= 1).reduce((s, x) => s + x.customers, 0);
  return [
    r && f && m
      ? t.rfmScores(
          top,
          formatNumber(r.max, locale),
          formatNumber(f.min, locale),
          formatCurrency(m.min, locale, currency, 0),
        )
      : '',
    once > 0 ? t.rfmOnce(pct(once / result.customerCount, locale)) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The average curve at a period, if observed. */
const at = (result: CohortResult, period: number): CohortAveragePoint | undefined =>
  result.average.find((p) => p.period === period);

/**
 * The latest point of the average curve that still rests on at least half of the cohorts (later points
 * rest on the oldest cohorts only, so one cohort could speak for all).
 */
function lastSolid(
  result: CohortResult,
  usable: (p: CohortAveragePoint) => boolean = () => true,
): CohortAveragePoint | undefined {
  const most = Math.max(0, ...result.average.map((p) => p.cohorts));
  return result.average.filter((p) => p.period > 0 && usable(p) && p.cohorts >= Math.ceil(most / 2)).at(-1);
}

/**
 * What the retention triangle shows: the size-weighted retention one period after the first order, and at
 * the latest period that at least half of the cohorts have behind them.
 * @example showMarkdown(cohortRetentionReading(result, 'en'))
 */
export function cohortRetentionReading(result: CohortResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const unit = t.periods[result.options.period];
  const first = at(result, 1);
  const last = lastSolid(result);
  if (!first || !last) return t.cohortTooShort(unit);
  return t.cohortRetention(unit, pct(first.retention, locale), last.period, pct(last.retention, locale));
}

/**
 * What the retention curves show: whether the average curve flattens (a loyal core) or keeps falling over
 * its second half, and how many cohorts its last point rests on.
 * @example showMarkdown(cohortCurveReading(result, 'en'))
 */
export function cohortCurveReading(result: CohortResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const unit = t.periods[result.options.period];
  const solid = lastSolid(result);
  const last = result.average.at(-1);
  const middle = solid ? at(result, Math.ceil(solid.period / 2)) : undefined;
  if (!solid || !last || !middle || solid.period < 2) return t.cohortTooShort(unit);
  const shape =
    solid.retention >= 0.8 * middle.retention
      ? t.cohortFlattens(middle.period, solid.period)
      : t.cohortFalls(middle.period, solid.period);
  return `${shape} ${t.cohortLatePoint(last.period, last.cohorts)}`;
}

/**
 * What the revenue triangle shows: revenue per customer one period after the first order, and later,
 * relative to the first period.
 * @example showMarkdown(cohortRevenueReading(result, 'en'))
 */
export function cohortRevenueReading(result: CohortResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const unit = t.periods[result.options.period];
  const first = at(result, 1);
  const last = lastSolid(result, (p) => Number.isFinite(p.revenueRetention));
  if (!first || !last || !Number.isFinite(first.revenueRetention)) return t.cohortTooShort(unit);
  return t.cohortRevenue(unit, pct(first.revenueRetention, locale), last.period, pct(last.revenueRetention, locale));
}

/**
 * What the cumulative revenue curves show: what an average customer has been worth after the first
 * period and after the longest observed span.
 * @example showMarkdown(cohortLtvReading(result, 'en', 'GBP'))
 */
export function cohortLtvReading(result: CohortResult, locale: Locale, currency = 'EUR'): string {
  const t = texts(locale).analyses.readings;
  const unit = t.periods[result.options.period];
  const start = at(result, 0);
  const last = lastSolid(result);
  if (!start || !last || last.period === 0) return t.cohortTooShort(unit);
  const money = (x: number): string => formatCurrency(x, locale, currency, 0);
  return t.cohortLtv(
    unit,
    money(start.cumulativeRevenuePerCustomer),
    last.period,
    money(last.cumulativeRevenuePerCustomer),
  );
}

/**
 * What cohorts by an attribute (country, channel) show: the largest group's retention one period after
 * the first order against all groups together.
 * @example showMarkdown(cohortGroupsReading(byCountry, 'en'))
 */
export function cohortGroupsReading(result: CohortResult, locale: Locale): string {
  const t = texts(locale).analyses.readings;
  const unit = t.periods[result.options.period];
  const largest = result.cohorts.reduce<CohortResult['cohorts'][number] | undefined>(
    (m, c) => (!m || c.size > m.size ? c : m),
    undefined,
  );
  const cell = result.rows.find((r) => r.cohort === largest?.cohort && r.period === 1 && !r.partial);
  const all = at(result, 1);
  if (!largest || !cell || !all) return t.cohortTooShort(unit);
  return t.cohortGroups(
    String(largest.cohort),
    formatNumber(largest.size, locale),
    result.cohorts.length,
    pct(cell.retention, locale),
    unit,
    pct(all.retention, locale),
  );
}
