/**
 * Loyalty chart: per segment its share of customers beside its share of net revenue (grouped bars). Pure:
 * result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../locale.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_WIDTH,
  moneyFormat,
  PERCENT_FORMAT,
  COUNT_FORMAT,
} from '../../charts/theme.js';
import type { LoyaltyResult } from './types.js';
import { loyaltyTexts } from './texts.js';

/** Options of the loyalty chart. */
export interface LoyaltyChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * Two bars per loyalty segment, in report order: its share of all customers and its share of all net revenue.
 * @example await show(loyaltyBars(result, { locale: 'nl' }));
 */
export function loyaltyBars(result: LoyaltyResult, options: LoyaltyChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = loyaltyTexts(locale);
  const t = w.charts;
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  const values = result.segments.flatMap((s) =>
    [
      [t.ofCustomers, s.share],
      [t.ofRevenue, s.revenueShare],
    ].map(([measure, share]) => ({
      segment: w.segments[s.key].name,
      measure,
      share: finite(share as number),
      customers: s.customers,
      revenue: s.revenue,
    })),
  );
  const segments = result.segments.map((s) => w.segments[s.key].name);
  return {
    ...baseSpec(t.bars, `${t.barsDesc}.`),
    width: CHART_WIDTH - 200,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'segment', type: 'nominal', title: null, sort: segments, axis: { labelLimit: 200 } },
      yOffset: { field: 'measure', type: 'nominal', sort: [t.ofCustomers, t.ofRevenue] },
      x: { field: 'share', type: 'quantitative', title: t.share, axis: { format: '.0%' } },
      color: {
        field: 'measure',
        type: 'nominal',
        title: t.measure,
        sort: [t.ofCustomers, t.ofRevenue],
        scale: { range: [CATEGORY_COLORS[0] ?? '#4c78a8', CATEGORY_COLORS[1] ?? '#f58518'] },
      },
      tooltip: [
        { field: 'segment', type: 'nominal', title: t.segment },
        { field: 'measure', type: 'nominal', title: t.measure },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
        { field: 'revenue', type: 'quantitative', title: t.revenue, format: moneyFormat(locale) },
      ],
    },
  };
}
