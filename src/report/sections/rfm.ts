/**
 * The RFM report section: how the scores were made, findings in plain words, the heatmap, the
 * segment bars and distributions, and a segment table with what to do per segment. Pure: result in,
 * section out; every number is formatted for the locale here.
 */
import type { RfmResult } from '../../analyses/rfm/index.js';
import type { RfmGroupSummary } from '../../analyses/rfm/summary.js';
import { LOYALTY_NAMES } from '../../analyses/rfm/segment-map.js';
import { rfmDistributionChart, rfmHeatmap, rfmSegmentBars } from '../../charts/rfm.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../section.js';

/** Options of {@link rfmSection}. */
export interface RfmSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const T = {
  en: {
    title: 'RFM segments',
    intro: (asOf: string, bins: number, quantile: boolean) =>
      `Every customer is scored 1–${bins} on recency (days since the last order), frequency (number of orders) and monetary value (net revenue after returns), as of ${asOf}. ` +
      (quantile
        ? `Scores are quantiles: ${bins} is the best group and 1 the weakest; customers with equal values always get equal scores.`
        : 'Scores follow fixed business thresholds.'),
    intro2: 'The segment follows from the recency and frequency scores (the R×F grid below).',
    share: (name: string, c: string, r: string) => `${name} are ${c} of customers and bring ${r} of net revenue.`,
    pareto: (r: string) => `The top 20% of customers by net revenue bring ${r} of it.`,
    atRisk: (c: string, n: string, r: string) => `${c} of customers (${n}) are at risk or slipping away; together they brought ${r} of net revenue — worth a win-back campaign.`,
    lost: (c: string, d: string) => `${c} of customers are lost: on average their last order was ${d} days ago.`,
    heatmap: 'Customers by recency and frequency', heatmapDesc: 'Each cell is one combination of recency score (rows) and frequency score (columns), labelled with its segment; the number is the customers in it.',
    bars: 'Customers and revenue per segment', barsDesc: 'For each segment, its share of all customers beside its share of all net revenue.',
    dist: { recency: 'Recency', frequency: 'Frequency', monetary: 'Monetary value' },
    distDesc: 'How the customers are spread over the values behind the scores.',
    caption: 'Segments, what they mean and what to do', loyaltyCaption: 'Loyalty groups',
    tooSmall: (n: string) => `* Fewer than ${n} customers: too small to act on as a group; look at these customers one by one.`,
    cols: ['Segment', 'Description', 'Suggested action', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    loyaltyCols: ['Group', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    facts: { asOf: 'As-of date', period: 'Orders from', customers: 'Customers scored', bins: 'Scores', scoring: 'Scoring', returns: 'Returns', map: 'Segment map' },
    quantile: 'quantiles (equal values, equal scores)', fixed: 'fixed thresholds',
    returnsNet: 'netted against revenue', returnsIgnore: 'left out', to: 'to',
  },
  nl: {
    title: 'RFM-segmenten',
    intro: (asOf: string, bins: number, quantile: boolean) =>
      `Elke klant krijgt een score van 1 tot ${bins} voor recency (dagen sinds de laatste bestelling), frequentie (aantal bestellingen) en monetaire waarde (netto-omzet na retouren), met peildatum ${asOf}. ` +
      (quantile
        ? `De scores zijn kwantielen: ${bins} is de beste groep en 1 de zwakste; klanten met dezelfde waarde krijgen altijd dezelfde score.`
        : 'De scores volgen vaste zakelijke drempels.'),
    intro2: 'Het segment volgt uit de recency- en frequentiescore (het R×F-raster hieronder).',
    share: (name: string, c: string, r: string) => `${name} zijn ${c} van de klanten en brengen ${r} van de netto-omzet op.`,
    pareto: (r: string) => `De beste 20% van de klanten naar netto-omzet brengt ${r} daarvan op.`,
    atRisk: (c: string, n: string, r: string) => `${c} van de klanten (${n}) loopt risico of haakt af; samen brachten ze ${r} van de netto-omzet op — de moeite van een terugwinactie waard.`,
    lost: (c: string, d: string) => `${c} van de klanten is verloren: hun laatste bestelling was gemiddeld ${d} dagen geleden.`,
    heatmap: 'Klanten naar recency en frequentie', heatmapDesc: 'Elke cel is een combinatie van recencyscore (rijen) en frequentiescore (kolommen), met het segment erbij; het getal is het aantal klanten.',
    bars: 'Klanten en omzet per segment', barsDesc: 'Per segment het aandeel in alle klanten naast het aandeel in de totale netto-omzet.',
    dist: { recency: 'Recency', frequency: 'Frequentie', monetary: 'Monetaire waarde' },
    distDesc: 'Hoe de klanten verdeeld zijn over de waarden achter de scores.',
    caption: 'Segmenten, wat ze betekenen en wat te doen', loyaltyCaption: 'Loyaliteitsgroepen',
    tooSmall: (n: string) => `* Minder dan ${n} klanten: te klein om als groep op te handelen; bekijk deze klanten afzonderlijk.`,
    cols: ['Segment', 'Omschrijving', 'Voorgestelde actie', 'Klanten', 'Aandeel', 'Netto-omzet', 'Aandeel omzet'],
    loyaltyCols: ['Groep', 'Klanten', 'Aandeel', 'Netto-omzet', 'Aandeel omzet'],
    facts: { asOf: 'Peildatum', period: 'Bestellingen van', customers: 'Klanten gescoord', bins: 'Scores', scoring: 'Scoring', returns: 'Retouren', map: 'Segmentindeling' },
    quantile: 'kwantielen (gelijke waarde, gelijke score)', fixed: 'vaste drempels',
    returnsNet: 'verrekend met de omzet', returnsIgnore: 'weggelaten', to: 'tot',
  },
} as const;

const pct = (x: number, locale: Locale) => (Number.isFinite(x) ? formatPercent(x, locale) : '–');

/** The segment with the largest share of revenue, preferring Champions when it has customers. */
function leadSegment(result: RfmResult): RfmGroupSummary | undefined {
  const champions = result.segments.find((s) => s.key === 'champions' && s.customers > 0);
  if (champions) return champions;
  return [...result.segments].filter((s) => s.customers > 0).sort((a, b) => b.revenueShare - a.revenueShare)[0];
}

/**
 * Two to four plain-language findings from an RFM result (also used by the manager summary).
 * @example rfmFindings(result, 'en') // ['Champions are 13.9% of customers and bring 61.2% of net revenue.', …]
 */
export function rfmFindings(result: RfmResult, locale: Locale = 'en'): string[] {
  const t = T[locale];
  const out: string[] = [];
  const lead = leadSegment(result);
  const def = result.options.segmentMap.segments.find((s) => s.key === lead?.key);
  if (lead && def && Number.isFinite(lead.revenueShare)) out.push(t.share(def.name[locale], pct(lead.share, locale), pct(lead.revenueShare, locale)));
  if (Number.isFinite(result.top20RevenueShare)) out.push(t.pareto(pct(result.top20RevenueShare, locale)));
  const atRisk = result.loyalty.find((l) => l.key === 'at-risk');
  if (atRisk && atRisk.customers > 0 && Number.isFinite(atRisk.revenueShare)) {
    out.push(t.atRisk(pct(atRisk.share, locale), formatNumber(atRisk.customers, locale), pct(atRisk.revenueShare, locale)));
  }
  const lost = result.loyalty.find((l) => l.key === 'lost');
  if (lost && lost.customers > 0) out.push(t.lost(pct(lost.share, locale), formatNumber(lost.meanRecency, locale)));
  return out;
}

function segmentTable(result: RfmResult, locale: Locale, currency: string): ReportTable {
  const t = T[locale];
  const defs = new Map(result.options.segmentMap.segments.map((s) => [s.key, s]));
  return {
    caption: t.caption,
    columns: t.cols.map((label, i) => ({ label, numeric: i >= 3 })),
    rows: result.segments.map((s) => {
      const d = defs.get(s.key);
      return [
        d?.name[locale] ?? s.key, d?.description[locale] ?? '', d?.action[locale] ?? '',
        `${formatNumber(s.customers, locale)}${s.tooSmall ? ' *' : ''}`, pct(s.share, locale), formatCurrency(s.revenue, locale, currency, 0), pct(s.revenueShare, locale),
      ];
    }),
    ...(result.segments.some((s) => s.tooSmall) ? { note: t.tooSmall(formatNumber(result.options.minSize, locale)) } : {}),
  };
}

function loyaltyTable(result: RfmResult, locale: Locale, currency: string): ReportTable {
  const t = T[locale];
  return {
    caption: t.loyaltyCaption,
    columns: t.loyaltyCols.map((label, i) => ({ label, numeric: i >= 1 })),
    rows: result.loyalty.map((l) => [
      LOYALTY_NAMES[l.key as keyof typeof LOYALTY_NAMES]?.[locale] ?? l.key,
      formatNumber(l.customers, locale), pct(l.share, locale), formatCurrency(l.revenue, locale, currency, 0), pct(l.revenueShare, locale),
    ]),
  };
}

/**
 * The RFM section of a report.
 * @example const section = rfmSection(result, { locale: 'nl', currency: 'GBP' });
 */
export function rfmSection(result: RfmResult, options: RfmSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = T[locale];
  const o = result.options;
  const quantile = o.scoring === 'quantile';
  const metrics = ['recency', 'frequency', 'monetary'] as const;
  return {
    id: 'rfm',
    title: t.title,
    intro: [t.intro(formatDate(o.asOf, locale), o.bins, quantile), t.intro2],
    findings: rfmFindings(result, locale),
    charts: [
      { id: 'rfm-heatmap', title: t.heatmap, description: t.heatmapDesc, spec: rfmHeatmap(result, { locale }) },
      { id: 'rfm-segments', title: t.bars, description: t.barsDesc, spec: rfmSegmentBars(result, { locale }) },
      ...metrics.map((metric) => ({
        id: `rfm-${metric}`, title: t.dist[metric], description: t.distDesc, spec: rfmDistributionChart(result, { locale, metric }),
      })),
    ],
    tables: [segmentTable(result, locale, currency), loyaltyTable(result, locale, currency)],
    facts: [
      [t.facts.asOf, formatDate(o.asOf, locale)],
      [t.facts.period, `${formatDate(result.period.first, locale)} ${t.to} ${formatDate(result.period.last, locale)}`],
      [t.facts.customers, formatNumber(result.customerCount, locale)],
      [t.facts.bins, `1–${o.bins}`],
      [t.facts.scoring, quantile ? t.quantile : t.fixed],
      [t.facts.returns, o.returns === 'net' ? t.returnsNet : t.returnsIgnore],
      [t.facts.map, o.segmentMap.name],
    ],
  };
}
