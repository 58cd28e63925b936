/**
 * Product-mix charts: the average share of spend per category for each group (a heatmap), and the pairs of
 * categories with the highest lift with their 95% intervals. Groups and pairs below the minimum size are left
 * out. Pure builders: result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import { baseSpec, PERCENT_FORMAT, SEQUENTIAL_SCHEME } from '../../charts/theme.js';
import type { Locale } from '../../locale.js';
import { intervalChart } from '../shared/interval-charts.js';
import type { ProductMixResult } from './index.js';
import { categoryLabel, clusterLabel, mixTexts } from './texts.js';

/** Options of the product-mix charts. */
export interface MixChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/**
 * One row per group (enough customers), one column per category: the average share of spend.
 * @example await show(mixProfileChart(result));
 */
export function mixProfileChart(result: ProductMixResult, options: MixChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = mixTexts(locale).charts;
  const cats = result.categories.map((c) => categoryLabel(c, locale));
  const groups = result.clusters.filter((c) => !c.tooSmall);
  const values = groups.flatMap((g) =>
    cats.map((category, i) => ({ group: clusterLabel(g.key, locale), category, share: g.profile[i] ?? 0 })),
  );
  return {
    ...baseSpec(t.profile, `${t.profileDesc}.`),
    width: Math.max(200, cats.length * 48),
    height: Math.max(60, groups.length * 30),
    data: { values },
    mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      x: { field: 'category', type: 'nominal', title: t.category, sort: cats, axis: { labelAngle: -30 } },
      y: { field: 'group', type: 'nominal', title: null, sort: groups.map((g) => clusterLabel(g.key, locale)) },
      color: {
        field: 'share',
        type: 'quantitative',
        title: t.share,
        scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 1] },
        legend: { format: '.0%' },
      },
      tooltip: [
        { field: 'group', type: 'nominal', title: t.group },
        { field: 'category', type: 'nominal', title: t.category },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
      ],
    },
  };
}

/**
 * The (at most) ten pairs with the highest lift that enough customers bought together, with 95% intervals.
 * @example await show(mixPairsChart(result, { locale: 'nl' }));
 */
export function mixPairsChart(result: ProductMixResult, options: MixChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = mixTexts(locale).charts;
  const points = result.pairs
    .filter((p) => !p.tooSmall && Number.isFinite(p.lift))
    .slice(0, 10)
    .map((p) => ({ label: `${p.a} + ${p.b}`, value: p.lift, low: p.low, high: p.high }));
  return intervalChart(
    points,
    { title: t.pairs, description: t.pairsDesc, measure: t.lift, group: t.pair, low: t.low, high: t.high },
    { format: 'ratio' },
  );
}
