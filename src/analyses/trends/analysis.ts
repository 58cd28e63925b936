/** Trends in the report: RFM segments and value tiers at the 12 month (or quarter) steps up to the report's as-of date. */
import { isoDate } from '../../locale.js';
import { rfmAnalysis } from '../rfm/analysis.js';
import { clustersAnalysis } from '../clusters/analysis.js';
import { segmentsAnalysis } from '../segments/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { keyword } from '../shared/validate.js';
import { trends, TREND_PERIODS, type TrendPeriod, type TrendsResult } from './index.js';
import { trendFindings, trendsSection } from './section.js';
import { trendTexts } from './texts.js';

/** Report options of the trends section. */
export interface TrendsReportFlags {
  /** Step between the points of the trends section. @defaultValue 'month' */
  trendsPeriod?: TrendPeriod;
}

/**
 * The attributes the segments section split by (its `--by`, or country and the customers file's columns it
 * chose), in its order, without repeats: what the trends section follows beside RFM, value tiers and clusters (a
 * behavioural segmentation among them, `--by timing`, worked out again at every date).
 */
function segmentsAttributes(results: Parameters<typeof resultOf>[0]): string[] {
  const seg = resultOf(results, segmentsAnalysis);
  const columns = (seg?.subsegments ?? []).flatMap((s) =>
    'column' in s.options.by && s.options.by.bins === undefined ? [s.options.by.column] : [],
  );
  return [...new Set(columns)];
}

/**
 * The registry entry of the trends: RFM's settings (bins, scoring, segment map, returns) at every point, the
 * clusters section's centres, and the attributes of the segments section.
 */
export const trendsAnalysis: Analysis<'trends', TrendsResult, TrendsReportFlags> = {
  id: 'trends',
  title: (locale) => trendTexts(locale).section.title,
  summaryFindings: 1,
  check: (options) => {
    if (options.trendsPeriod !== undefined) keyword('trendsPeriod', options.trendsPeriod, TREND_PERIODS);
  },
  run: ({ wb, options, asOf, results }) => {
    const rfm = resultOf(results, rfmAnalysis)?.options;
    const same = rfm
      ? { bins: rfm.bins, scoring: rfm.scoring, segmentMap: rfm.segmentMap, returns: rfm.returns, minSize: rfm.minSize }
      : {};
    const found = resultOf(results, clustersAnalysis);
    const by = segmentsAttributes(results);
    return trends(wb, {
      asOf,
      ...same,
      ...(options.trendsPeriod ? { period: options.trendsPeriod } : {}),
      ...(found ? { clusters: found } : {}),
      ...(by.length ? { by } : {}),
    });
  },
  detail: (r) => {
    const first = r.points[0];
    const last = r.points[r.points.length - 1];
    return `${r.points.length} ${r.options.period}ly point${r.points.length === 1 ? '' : 's'}${first && last ? ` from ${isoDate(first.date)} to ${isoDate(last.date)}` : ''}, ${(last?.customers ?? 0).toLocaleString('en')} customers at the last`;
  },
  present: (r, { locale, currency }) => {
    const { asOf, period, bins, segmentMap, returns, valueTiers, minSize } = r.options;
    const tiers = valueTiers.join() === '0.2,0.3' ? 'value tiers (top 20%, next 30%, rest)' : valueTiers;
    // Option names the method section has words for: the step is its time unit, the points run from … to.
    const options = {
      asOf,
      unit: period,
      from: r.points[0]?.date,
      to: r.points[r.points.length - 1]?.date,
      bins,
      segmentMap: segmentMap.name.startsWith('standard') ? 'standard' : segmentMap.name,
      returns,
      minSize,
      segments: tiers,
      ...(r.options.clusters ? { k: r.options.clusters } : {}),
      ...(r.options.by.length ? { segmentBy: r.options.by } : {}),
    };
    return {
      sections: [trendsSection(r, { locale, currency })],
      findings: trendFindings(r, locale, currency),
      runs: [{ name: 'Trends', options }],
    };
  },
};
