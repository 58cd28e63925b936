/**
 * The clusters report section: how the groups were found (features, standardisation, k, sample),
 * findings in plain words, the four cluster charts, a profile table and, when given, the cross-tab
 * against RFM segments. Pure: result in, section out; every number is formatted for the locale here.
 */
import type { ClusterResult } from '../../analyses/clusters/index.js';
import type { ClusterRfmCrosstab } from '../../analyses/clusters/vs-rfm.js';
import { featureLabel } from '../../analyses/clusters/names.js';
import { clusterKChart, clusterProfileHeatmap, clusterScatter, clusterSizes } from '../../charts/clusters.js';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../section.js';

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

const T = {
  en: {
    title: 'Clusters',
    intro: (features: string, log: boolean) =>
      `Clustering looks for groups of similar customers without defining them in advance. Customers are described by ${features}${log ? ' (computed values log-scaled, so a few very large customers do not dominate)' : ''}; every feature is standardised to z-scores so that none weighs more because of its unit. k-means then places the customers in k groups around their centres.`,
    introK: (auto: boolean, k: number, from: number, to: number, n: string) =>
      `${auto ? `The number of clusters was chosen from ${from} to ${to} by the silhouette score (how much closer customers are to their own cluster than to the next one; the highest wins): k = ${k}.` : `The number of clusters was set to k = ${k}.`} The centres were fitted on a random sample of ${n} customers and then every customer was assigned to the nearest centre. Cluster 1 has the highest revenue per customer; names describe how each cluster differs from the average customer.`,
    revenue: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} (“${name}”) is ${cust} of customers and brings ${rev} of net revenue.`,
    largest: (c: number, name: string, cust: string, rev: string) => `The largest group is cluster ${c} (“${name}”): ${cust} of customers, ${rev} of net revenue.`,
    least: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} (“${name}”) brings the least per customer: ${cust} of customers, ${rev} of net revenue.`,
    quality: (q: Quality, s: string, k: number) =>
      q === 'clear' ? `The ${k} clusters are clearly separated (silhouette ${s}).`
        : q === 'moderate' ? `The ${k} clusters are moderately separated (silhouette ${s}): customers near the borders could belong to either side.`
          : `The ${k} clusters are weakly separated (silhouette ${s}): read them as a convenient division of a continuum, not as natural groups.`,
    agreement: (ari: string) => `Agreement with the RFM segments: adjusted Rand index ${ari} (1 = the same grouping, 0 = unrelated).`,
    excluded: (n: string) => `${n} customers without a value for every feature were left out.`,
    kChart: 'Choosing the number of clusters', kDesc: 'Inertia falls as k grows (look for the elbow); the silhouette shows how well separated the clusters are. The chosen k is marked.',
    scatter: 'Clusters on a map of the customers', scatterDesc: 'A sample of customers placed by the two directions in which they differ most (principal components); hover a point for its values.',
    heat: 'Cluster profiles', heatDesc: 'The mean of each feature per cluster; orange is above the average customer, blue below, in standard deviations.',
    sizes: 'Size and revenue per cluster', sizesDesc: 'For each cluster its share of customers beside its share of net revenue.',
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a segment (an outlier group; try a smaller k).`,
    caption: 'Cluster profiles (means per customer)', cols: ['Cluster', 'Name', 'Customers', 'Share', 'Share of revenue'],
    crossCaption: 'Clusters against RFM segments (share of each cluster’s customers)', segmentCol: 'RFM segment', crossNote: (ari: string) => `Adjusted Rand index between the two groupings: ${ari}.`,
    facts: { features: 'Features', k: 'Clusters (k)', chosen: 'chosen by silhouette', given: 'given', sample: 'Fit sample', customers: 'Customers clustered', silhouette: 'Silhouette', seed: 'Seed', pca: 'Variance shown in the map', excluded: 'Customers left out (missing values)' },
    and: 'and',
  },
  nl: {
    title: 'Clusters',
    intro: (features: string, log: boolean) =>
      `Clusteren zoekt groepen van vergelijkbare klanten zonder die vooraf te bepalen. Klanten worden beschreven met ${features}${log ? ' (berekende waarden op logaritmische schaal, zodat een paar zeer grote klanten niet overheersen)' : ''}; elk kenmerk wordt gestandaardiseerd tot z-scores, zodat geen kenmerk zwaarder weegt door zijn eenheid. k-means deelt de klanten daarna in k groepen rond hun middelpunten in.`,
    introK: (auto: boolean, k: number, from: number, to: number, n: string) =>
      `${auto ? `Het aantal clusters is gekozen tussen ${from} en ${to} met de silhouetscore (hoeveel dichter klanten bij hun eigen cluster liggen dan bij het volgende; de hoogste wint): k = ${k}.` : `Het aantal clusters is vastgezet op k = ${k}.`} De middelpunten zijn bepaald op een willekeurige steekproef van ${n} klanten; daarna is elke klant aan het dichtstbijzijnde middelpunt toegewezen. Cluster 1 heeft de hoogste omzet per klant; de namen beschrijven hoe elk cluster afwijkt van de gemiddelde klant.`,
    revenue: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} („${name}”) is ${cust} van de klanten en brengt ${rev} van de netto-omzet op.`,
    largest: (c: number, name: string, cust: string, rev: string) => `De grootste groep is cluster ${c} („${name}”): ${cust} van de klanten, ${rev} van de netto-omzet.`,
    least: (c: number, name: string, cust: string, rev: string) => `Cluster ${c} („${name}”) brengt het minst op per klant: ${cust} van de klanten, ${rev} van de netto-omzet.`,
    quality: (q: Quality, s: string, k: number) =>
      q === 'clear' ? `De ${k} clusters zijn duidelijk gescheiden (silhouet ${s}).`
        : q === 'moderate' ? `De ${k} clusters zijn redelijk gescheiden (silhouet ${s}): klanten op de grens kunnen bij beide kanten horen.`
          : `De ${k} clusters zijn zwak gescheiden (silhouet ${s}): lees ze als een handige indeling van een doorlopend geheel, niet als natuurlijke groepen.`,
    agreement: (ari: string) => `Overeenkomst met de RFM-segmenten: adjusted Rand-index ${ari} (1 = dezelfde indeling, 0 = geen verband).`,
    excluded: (n: string) => `${n} klanten zonder waarde voor elk kenmerk zijn weggelaten.`,
    kChart: 'Het aantal clusters kiezen', kDesc: 'De inertie daalt naarmate k groeit (zoek de knik); het silhouet laat zien hoe goed de clusters gescheiden zijn. De gekozen k is gemarkeerd.',
    scatter: 'Clusters op een kaart van de klanten', scatterDesc: 'Een steekproef van klanten, geplaatst langs de twee richtingen waarin ze het meest verschillen (hoofdcomponenten); wijs een punt aan voor de waarden.',
    heat: 'Clusterprofielen', heatDesc: 'Het gemiddelde van elk kenmerk per cluster; oranje ligt boven de gemiddelde klant, blauw eronder, in standaarddeviaties.',
    sizes: 'Omvang en omzet per cluster', sizesDesc: 'Per cluster het aandeel in de klanten naast het aandeel in de netto-omzet.',
    tooSmall: (n: string) => `* Minder dan ${n} klanten: te klein om als segment op te handelen (een groep uitschieters; probeer een kleinere k).`,
    caption: 'Clusterprofielen (gemiddelden per klant)', cols: ['Cluster', 'Naam', 'Klanten', 'Aandeel', 'Aandeel omzet'],
    crossCaption: 'Clusters tegenover RFM-segmenten (aandeel van de klanten van elk cluster)', segmentCol: 'RFM-segment', crossNote: (ari: string) => `Adjusted Rand-index tussen beide indelingen: ${ari}.`,
    facts: { features: 'Kenmerken', k: 'Clusters (k)', chosen: 'gekozen met silhouet', given: 'opgegeven', sample: 'Steekproef voor het model', customers: 'Klanten ingedeeld', silhouette: 'Silhouet', seed: 'Seed', pca: 'Variantie zichtbaar in de kaart', excluded: 'Klanten weggelaten (ontbrekende waarden)' },
    and: 'en',
  },
} as const;

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
  const t = T[locale];
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 0);
  const out: string[] = [];
  const top = result.profiles[0];
  if (top) out.push(t.revenue(top.cluster, top.names[locale], pct(top.share), pct(top.revenueShare)));
  const largest = [...result.profiles].sort((a, b) => b.size - a.size || a.cluster - b.cluster)[0];
  const last = result.profiles[result.profiles.length - 1];
  if (largest && largest !== top) out.push(t.largest(largest.cluster, largest.names[locale], pct(largest.share), pct(largest.revenueShare)));
  else if (last && last !== top) out.push(t.least(last.cluster, last.names[locale], pct(last.share), pct(last.revenueShare)));
  if (result.k >= 2) out.push(t.quality(quality(result.silhouette), formatNumber(result.silhouette, locale, 2), result.k));
  if (crosstab) out.push(t.agreement(formatNumber(crosstab.adjustedRand, locale, 2)));
  if (result.excludedCount > 0) out.push(t.excluded(formatNumber(result.excludedCount, locale)));
  return out;
}

function crosstabTable(ct: ClusterRfmCrosstab, locale: Locale, names: Readonly<Record<string, string>>): ReportTable {
  const t = T[locale];
  const share = new Map(ct.cells.map((c) => [`${c.cluster}\u0000${c.segment}`, c.shareOfCluster]));
  // Segments down, clusters across: k is small, segment names are long; each column sums to 100%.
  return {
    caption: t.crossCaption,
    columns: [{ label: t.segmentCol }, ...ct.clusters.map((c) => ({ label: `${t.cols[0]} ${c}`, numeric: true }))],
    rows: ct.segments.map((s) => [
      names[s] ?? s,
      ...ct.clusters.map((c) => formatPercent(share.get(`${c}\u0000${s}`) ?? 0, locale, 0)),
    ]),
    note: t.crossNote(formatNumber(ct.adjustedRand, locale, 2)),
  };
}

/**
 * The clusters section of a report.
 * @example clustersSection(result, { locale: 'nl', rfmCrosstab: await clusterVsRfm(wb) })
 */
export function clustersSection(result: ClusterResult, options: ClustersSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = T[locale];
  const labels = result.features.map((f) => featureLabel(f.name, locale).toLowerCase());
  const auto = result.options.k === 'auto';
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 1);
  const profiles: ReportTable = {
    caption: t.caption,
    columns: [...t.cols.map((label, i) => ({ label, numeric: i >= 2 })), ...result.features.map((f) => ({ label: featureLabel(f.name, locale), numeric: true }))],
    rows: result.profiles.map((p) => [
      String(p.cluster), p.names[locale], `${formatNumber(p.size, locale)}${p.tooSmall ? ' *' : ''}`, pct(p.share), pct(p.revenueShare),
      ...result.features.map((f) => featureValue(f.name, p.means[f.name] ?? NaN, locale, currency)),
    ]),
    ...(result.profiles.some((p) => p.tooSmall) ? { note: t.tooSmall(formatNumber(result.options.minSize, locale)) } : {}),
  };
  const facts: Array<[string, string]> = [
    [t.facts.features, listText(result.features.map((f) => featureLabel(f.name, locale)), t.and)],
    [t.facts.k, `${result.k} (${auto ? t.facts.chosen : t.facts.given})`],
    [t.facts.customers, formatNumber(result.customerCount, locale)],
    [t.facts.sample, formatNumber(result.sampleSize, locale)],
    [t.facts.silhouette, formatNumber(result.silhouette, locale, 2)],
    [t.facts.pca, pct(result.projection.explained[0] + result.projection.explained[1])],
    [t.facts.seed, String(result.options.seed)],
  ];
  if (result.excludedCount > 0) facts.push([t.facts.excluded, formatNumber(result.excludedCount, locale)]);
  return {
    id: 'clusters',
    title: t.title,
    intro: [
      t.intro(listText(labels, t.and), result.options.logScale && result.features.some((f) => f.transform === 'log1p')),
      t.introK(auto, result.k, result.options.kRange[0], result.options.kRange[1], formatNumber(result.sampleSize, locale)),
    ],
    findings: clusterFindings(result, locale, options.rfmCrosstab),
    charts: [
      { id: 'clusters-k', title: t.kChart, description: t.kDesc, spec: clusterKChart(result, { locale }) },
      { id: 'clusters-scatter', title: t.scatter, description: t.scatterDesc, spec: clusterScatter(result, { locale }) },
      { id: 'clusters-profiles', title: t.heat, description: t.heatDesc, spec: clusterProfileHeatmap(result, { locale }) },
      { id: 'clusters-sizes', title: t.sizes, description: t.sizesDesc, spec: clusterSizes(result, { locale }) },
    ],
    tables: options.rfmCrosstab ? [profiles, crosstabTable(options.rfmCrosstab, locale, options.segmentNames ?? {})] : [profiles],
    facts,
  };
}
