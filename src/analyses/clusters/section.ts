/**
 * The clusters report section: how the groups were found (features, standardisation, k, sample),
 * findings in plain words, the four cluster charts, a profile table and, when given, the cross-tab
 * against RFM segments. Pure: result in, section out; every number is formatted for the locale here.
 */
import type { ClusterResult } from './index.js';
import type { ClusterRfmCrosstab } from './vs-rfm.js';
import { clusterNames, featureLabel } from './words.js';
import { clusterKChart, clusterProfileHeatmap, clusterScatter, clusterSizes } from './charts.js';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { clusterTexts } from './texts.js';

/** Options of {@link clustersSection}. */
export interface ClustersSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
  /** Cross-tab against RFM segments (from `clusterVsRfm`), shown as a table. @defaultValue none */
  rfmCrosstab?: ClusterRfmCrosstab;
  /** Display names of RFM segment keys for the cross-tab. @defaultValue the keys */
  segmentNames?: Readonly<Record<string, string>>;
}

type Quality = 'clear' | 'moderate' | 'weak';
const quality = (s: number): Quality => (s >= 0.5 ? 'clear' : s >= 0.25 ? 'moderate' : 'weak');
/** Agreement with the RFM segments in words, from the adjusted Rand index. */
const agreement = (ari: number): 'same' | 'partly' | 'unrelated' =>
  ari >= 0.65 ? 'same' : ari >= 0.2 ? 'partly' : 'unrelated';

const MONEY = new Set(['monetary', 'avg_order_value']);

/** A feature mean for a table cell: money as currency, counts and days as numbers. */
function featureValue(name: string, x: number, locale: Locale, currency: string): string {
  if (!Number.isFinite(x)) return '–';
  if (MONEY.has(name)) return formatCurrency(x, locale, currency, 0);
  return formatNumber(x, locale, Math.abs(x) < 10 ? 1 : 0);
}

function listText(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Two or three plain-language findings (plus agreement with RFM when a cross-tab is given), most important first. */
export function clusterFindings(result: ClusterResult, locale: Locale = 'en', crosstab?: ClusterRfmCrosstab): string[] {
  const t = clusterTexts(locale).section;
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 0);
  const out: string[] = [];
  const names = clusterNames(result.profiles, locale);
  const nameOf = (p: ClusterResult['profiles'][number]) => names[result.profiles.indexOf(p)] ?? '';
  const top = result.profiles[0];
  if (top) out.push(t.revenue(top.cluster, nameOf(top), pct(top.share), pct(top.revenueShare)));
  const largest = [...result.profiles].sort((a, b) => b.size - a.size || a.cluster - b.cluster)[0];
  const last = result.profiles[result.profiles.length - 1];
  if (largest && largest !== top)
    out.push(t.largest(largest.cluster, nameOf(largest), pct(largest.share), pct(largest.revenueShare)));
  else if (last && last !== top) out.push(t.least(last.cluster, nameOf(last), pct(last.share), pct(last.revenueShare)));
  if (result.k >= 2) out.push(t.quality[quality(result.silhouette)](result.k));
  if (crosstab) out.push(t.agreement[agreement(crosstab.adjustedRand)]);
  if (result.excludedCount > 0) out.push(t.excluded(formatNumber(result.excludedCount, locale)));
  return out;
}

/** What to do about the clusters: one or two sentences from the cluster with the most revenue and the largest other one. */
export function clusterNext(result: ClusterResult, locale: Locale = 'en'): string[] {
  const top = result.profiles[0];
  if (!top || result.k < 2) return [];
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 0);
  const big = [...result.profiles].filter((p) => p !== top).sort((a, b) => b.size - a.size || a.cluster - b.cluster)[0];
  return [
    clusterTexts(locale).section.todo(
      String(top.cluster),
      pct(top.revenueShare),
      big ? String(big.cluster) : undefined,
      pct(big?.share ?? NaN),
      quality(result.silhouette) === 'weak',
    ),
  ];
}

function crosstabTable(ct: ClusterRfmCrosstab, locale: Locale, names: Readonly<Record<string, string>>): ReportTable {
  const t = clusterTexts(locale).section;
  const share = new Map(ct.cells.map((c) => [`${c.cluster}\u0000${c.segment}`, c.shareOfCluster]));
  // Segments down, clusters across: k is small, segment names are long; each column sums to 100%.
  return {
    caption: t.crossCaption,
    columns: [{ label: t.segmentCol }, ...ct.clusters.map((c) => ({ label: `${t.cols[0]} ${c}`, numeric: true }))],
    rows: ct.segments.map((s) => [
      names[s] ?? s,
      ...ct.clusters.map((c) => formatPercent(share.get(`${c}\u0000${s}`) ?? 0, locale, 0)),
    ]),
    note: t.crossNote,
  };
}

/**
 * The clusters section of a report.
 * @example clustersSection(result, { locale: 'nl', rfmCrosstab: await clusterVsRfm(wb, { rfm: rfmResult, clusters: result }) })
 */
export function clustersSection(result: ClusterResult, options: ClustersSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = clusterTexts(locale).section;
  const labels = result.features.map((f) => featureLabel(f.name, locale).toLowerCase());
  const auto = result.options.k === 'auto';
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 1);
  const profiles: ReportTable = {
    caption: t.caption,
    columns: [
      ...t.cols.map((label, i) => ({ label, numeric: i >= 2, ...(i === 2 ? COUNT : {}) })),
      ...result.features.map((f) => ({ label: featureLabel(f.name, locale), numeric: true })),
    ],
    rows: result.profiles.map((p, i) => [
      String(p.cluster),
      clusterNames(result.profiles, locale)[i] ?? '',
      `${formatNumber(p.size, locale)}${p.tooSmall ? ' *' : ''}`,
      pct(p.share),
      pct(p.revenueShare),
      ...result.features.map((f) => featureValue(f.name, p.means[f.name] ?? NaN, locale, currency)),
    ]),
    ...(result.profiles.some((p) => p.tooSmall)
      ? { note: t.tooSmall(formatNumber(result.options.minSize, locale)) }
      : {}),
  };
  const facts: Array<[string, string]> = [
    [
      t.facts.features,
      listText(
        result.features.map((f) => featureLabel(f.name, locale)),
        t.and,
      ),
    ],
    [t.facts.k, `${result.k} (${auto ? t.facts.chosen : t.facts.given})`],
    [t.facts.customers, formatNumber(result.customerCount, locale)],
    [t.facts.sample, formatNumber(result.sampleSize, locale)],
  ];
  if (result.k >= 2) facts.push([t.facts.separation, t.qualityWord[quality(result.silhouette)]]);
  if (result.excludedCount > 0) facts.push([t.facts.excluded, formatNumber(result.excludedCount, locale)]);
  const tech = t.technical;
  const technical: Array<[string, string]> = [
    [tech.method, tech.methodValue],
    [tech.silhouette, formatNumber(result.silhouette, locale, 2)],
    ...(options.rfmCrosstab
      ? [[tech.ari, formatNumber(options.rfmCrosstab.adjustedRand, locale, 2)] as [string, string]]
      : []),
    [tech.pca, pct(result.projection.explained[0] + result.projection.explained[1])],
    [tech.seed, String(result.options.seed)],
  ];
  return {
    id: 'clusters',
    title: t.title,
    intro: [
      t.intro(listText(labels, t.and), result.options.logScale && result.features.some((f) => f.transform === 'log1p')),
      t.introK(
        auto,
        result.k,
        result.options.kRange[0],
        result.options.kRange[1],
        formatNumber(result.sampleSize, locale),
        result.sampleSize >= result.customerCount,
      ),
    ],
    findings: clusterFindings(result, locale, options.rfmCrosstab),
    charts: [
      { id: 'clusters-k', title: t.kChart, description: t.kDesc, spec: clusterKChart(result, { locale }) },
      {
        id: 'clusters-scatter',
        title: t.scatter,
        description: t.scatterDesc,
        spec: clusterScatter(result, { locale }),
      },
      {
        id: 'clusters-profiles',
        title: t.heat,
        description: t.heatDesc,
        spec: clusterProfileHeatmap(result, { locale }),
      },
      { id: 'clusters-sizes', title: t.sizes, description: t.sizesDesc, spec: clusterSizes(result, { locale }) },
    ],
    tables: options.rfmCrosstab
      ? [profiles, crosstabTable(options.rfmCrosstab, locale, options.segmentNames ?? {})]
      : [profiles],
    facts,
    technical,
    next: clusterNext(result, locale),
  };
}
