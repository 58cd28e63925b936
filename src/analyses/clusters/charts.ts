/**
 * Cluster charts: elbow and silhouette by k (chosen k marked), the 2-D projection scatter, the
 * profile heatmap (colour = z-score, text = raw mean) and sizes beside revenue shares. Pure builders:
 * result in, spec out, data inlined; cluster colours follow the stable cluster numbers.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber, type Locale } from '../../locale.js';
import type { ClusterResult } from './index.js';
import { clusterNames, featureLabel } from './words.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_HEIGHT,
  CHART_WIDTH,
  COUNT_FORMAT,
  GOOD_BAD_SCHEME,
  minPlotWidth,
  PERCENT_FORMAT,
  wrapLabelExpr,
  withCounts,
} from '../../charts/theme.js';
import { clusterTexts } from './texts.js';

/** Options of the cluster chart builders. */
export interface ClusterChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Display label of each cluster, e.g. `2. Recent, frequent, high spend`, in cluster order. */
export function clusterLabels(result: ClusterResult, locale: Locale): string[] {
  const names = clusterNames(result.profiles, locale);
  return result.profiles.map((p, i) => `${p.cluster}. ${names[i] ?? ''}`);
}

function clusterColor(result: ClusterResult, locale: Locale) {
  return {
    field: 'label',
    type: 'nominal' as const,
    title: clusterTexts(locale).charts.cluster,
    scale: {
      domain: clusterLabels(result, locale),
      range: result.profiles.map((_, i) => CATEGORY_COLORS[i % CATEGORY_COLORS.length] as string),
    },
    legend: { orient: 'bottom' as const, columns: 2, labelLimit: 480 },
  };
}

/**
 * Elbow and silhouette by k, one panel each, the chosen k marked with a rule; the k axis spans the
 * numbers of clusters tried, with a tick at each.
 * @example const spec = clusterKChart(result, { locale: 'nl' });
 */
export function clusterKChart(result: ClusterResult, options: ClusterChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clusterTexts(locale).charts;
  const values = result.kTable.map((r) => ({
    k: r.k,
    inertia: r.inertia,
    silhouette: r.silhouette,
    chosen: r.k === result.k,
  }));
  const ks = [...new Set([...values.map((v) => v.k), result.k])].sort((a, b) => a - b);
  // padding keeps the points at the first and last k inside the plot
  const kScale = { domain: [ks[0] ?? result.k, ks[ks.length - 1] ?? result.k], nice: false, zero: false, padding: 12 };
  const panel = (field: 'inertia' | 'silhouette', title: string, format: string) => ({
    width: CHART_WIDTH,
    height: CHART_HEIGHT / 2,
    layer: [
      {
        mark: { type: 'rule' as const, color: '#888888', strokeDash: [4, 3] },
        encoding: { x: { datum: result.k, type: 'quantitative' as const, scale: kScale } },
      },
      {
        mark: { type: 'line' as const, point: true },
        encoding: {
          x: {
            field: 'k',
            type: 'quantitative' as const,
            title: t.k,
            scale: kScale,
            axis: { values: ks, format: 'd', grid: false },
          },
          y: { field, type: 'quantitative' as const, title, axis: { format }, scale: { zero: false } },
          tooltip: [
            { field: 'k', type: 'quantitative' as const, title: 'k' },
            { field, type: 'quantitative' as const, title, format },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'point' as const, filled: true, size: 120, color: '#D55E00' },
        encoding: { x: { field: 'k', type: 'quantitative' as const }, y: { field, type: 'quantitative' as const } },
      },
    ],
  });
  return {
    ...baseSpec(t.kTitle, t.kDesc, t.chosen(result.k)),
    data: { values },
    vconcat: [panel('inertia', t.inertia, ',.0f'), panel('silhouette', t.silhouette, '.2f')],
  };
}

/**
 * Scatter of sampled customers on the first two principal components, coloured by cluster, with the
 * customer's raw feature values in the tooltip.
 */
export function clusterScatter(result: ClusterResult, options: ClusterChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clusterTexts(locale).charts;
  const labels = clusterLabels(result, locale);
  const names = result.features.map((f) => f.name);
  const values = result.projection.points.map((p) => ({
    x: p.x,
    y: p.y,
    label: labels[p.cluster - 1] ?? String(p.cluster),
    ...Object.fromEntries(names.map((n, j) => [`v${j}`, p.values[n] ?? null])),
  }));
  return {
    ...baseSpec(t.scatterTitle, t.scatterDesc, t.sampled(formatNumber(values.length, locale))),
    width: CHART_WIDTH,
    height: CHART_HEIGHT + 80,
    data: { values },
    mark: { type: 'circle', size: 18, opacity: 0.6 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: axisTitle(result, 0, locale), axis: { format: '.1f' } },
      y: { field: 'y', type: 'quantitative', title: axisTitle(result, 1, locale), axis: { format: '.1f' } },
      color: clusterColor(result, locale),
      tooltip: [
        { field: 'label', type: 'nominal', title: t.cluster },
        ...names.map((n, j) => ({
          field: `v${j}`,
          type: 'quantitative' as const,
          title: featureLabel(n, locale),
          format: ',.1f',
        })),
      ],
    },
  };
}

/**
 * A map axis in plain words: the features that weigh most in the component (at least half the largest weight,
 * three at most), each as what grows along the axis ("more orders", "more recent"). The share of the
 * differences it shows stays in the method section.
 */
function axisTitle(result: ClusterResult, c: 0 | 1, locale: Locale): string {
  const t = clusterTexts(locale).charts;
  const weights = result.projection.loadings[c];
  const top = Math.max(0, ...weights.map(Math.abs));
  if (!(top > 0)) return '';
  const parts = result.features
    .map((f, j) => ({ name: f.name, w: weights[j] ?? 0 }))
    .filter((x) => Math.abs(x.w) >= top / 2)
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
    .slice(0, 3)
    .map(({ name, w }) => {
      const words = Object.hasOwn(t.direction, name) ? t.direction[name] : undefined;
      const label = featureLabel(name, locale).toLowerCase();
      return words ? (w > 0 ? words.up : words.down) : w > 0 ? t.higher(label) : t.lower(label);
    });
  return t.axis(c === 0 ? 'x' : 'y', parts.join(', '));
}

/** Features where a lower value is the better one (recency: days since the last order). */
const LOWER_IS_BETTER = new Set(['recency']);

/**
 * Heatmap of clusters × features: colour = how much better than the average customer (the mean z-score,
 * sign turned for recency so that recent reads as good; diverging purple–green, clamped at ±2), text = raw mean.
 */
export function clusterProfileHeatmap(result: ClusterResult, options: ClusterChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clusterTexts(locale).charts;
  const labels = clusterLabels(result, locale);
  const features = result.features.map((f) => featureLabel(f.name, locale));
  const values = result.profiles.flatMap((p, i) =>
    result.features.map((f, j) => {
      const mean = p.means[f.name] ?? NaN;
      const z = p.z[f.name] ?? 0;
      const good = LOWER_IS_BETTER.has(f.name) ? -z : z;
      return {
        label: labels[i],
        feature: features[j],
        z,
        good,
        mean,
        text: formatNumber(mean, locale, Math.abs(mean) < 10 ? 1 : 0),
      };
    }),
  );
  return {
    ...baseSpec(t.heatTitle, t.heatDesc),
    width: Math.max(240, 130 * features.length),
    height: Math.max(120, 44 * labels.length),
    // a column as wide as its label ("Recentheid (dagen)" at 11 px), so labels keep apart on a phone (the chart scrolls)
    ...minPlotWidth(Math.max(90, 7 * Math.max(0, ...features.map((f) => f.length))) * features.length),
    data: { values },
    encoding: {
      x: {
        field: 'feature',
        type: 'nominal',
        sort: features,
        title: t.feature,
        axis: { orient: 'top', labelAngle: 0 },
      },
      y: { field: 'label', type: 'nominal', sort: labels, title: t.cluster, axis: { labelLimit: 480 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff' },
        encoding: {
          color: {
            field: 'good',
            type: 'quantitative',
            title: t.z,
            scale: { scheme: GOOD_BAD_SCHEME, domain: [-2, 2], domainMid: 0, clamp: true },
            legend: {
              values: [-2, 0, 2],
              titleLimit: 240,
              labelExpr: `datum.value < 0 ? ${JSON.stringify(t.worse)} : datum.value > 0 ? ${JSON.stringify(t.better)} : ${JSON.stringify(t.average)}`,
            },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: t.cluster },
            { field: 'feature', type: 'nominal', title: t.feature },
            { field: 'text', type: 'nominal', title: t.mean },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: 'abs(datum.good) > 1.3', value: '#ffffff' }, value: '#1a1a1a' },
        },
      },
    ],
  };
}

/**
 * Bars per cluster: share of customers beside share of net revenue. Cluster names are written on the
 * y axis over as many lines as they need (a phone has room for about 18 characters beside the bars);
 * the share axis has whole percentages.
 */
export function clusterSizes(result: ClusterResult, options: ClusterChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = clusterTexts(locale).charts;
  const labels = clusterLabels(result, locale);
  const values = result.profiles.flatMap((p, i) => [
    { label: labels[i], measure: t.customerShare, share: p.share, customers: p.size },
    {
      label: labels[i],
      measure: t.revenueShare,
      share: Number.isFinite(p.revenueShare) ? p.revenueShare : 0,
      customers: p.size,
    },
  ]);
  return withCounts(['customers'], {
    ...baseSpec(t.sizeTitle, t.sizeDesc),
    width: CHART_WIDTH,
    height: Math.max(120, 56 * labels.length),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: labels,
        title: null,
        axis: { labelLimit: 480, labelExpr: wrapLabelExpr(labels, 18) },
      },
      yOffset: { field: 'measure', type: 'nominal', sort: [t.customerShare, t.revenueShare] },
      x: { field: 'share', type: 'quantitative', title: t.share, axis: { format: '.0%', tickCount: 5 } },
      color: {
        field: 'measure',
        type: 'nominal',
        title: t.measure,
        sort: [t.customerShare, t.revenueShare],
        scale: { range: [CATEGORY_COLORS[0] as string, CATEGORY_COLORS[1] as string] },
        legend: { orient: 'bottom' },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: t.cluster },
        { field: 'measure', type: 'nominal', title: t.measure },
        { field: 'share', type: 'quantitative', title: t.share, format: PERCENT_FORMAT },
        { field: 'customers', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
      ],
    },
  });
}
