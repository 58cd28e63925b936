/**
 * The words of the rfm analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** The RFM section: intro, findings, charts, the segment and loyalty tables. */
  section: {
    title: 'RFM segments',
    intro: (asOf: string, bins: number, quantile: boolean) =>
      `Every customer is scored 1–${bins} on recency (days since the last order), frequency (number of orders) and monetary value (net revenue after returns), as of ${asOf}. ` +
      (quantile
        ? `Scores are quantiles: ${bins} is the best group and 1 the weakest; customers with equal values always get equal scores.`
        : 'Scores follow fixed business thresholds.'),
    intro2: 'The segment follows from the recency and frequency scores (the R×F grid below).',
    share: (name: string, c: string, r: string) => `${name} are ${c} of customers and bring ${r} of net revenue.`,
    pareto: (r: string) => `The top 20% of customers by net revenue bring ${r} of it.`,
    atRisk: (c: string, n: string, r: string) =>
      `${c} of customers (${n}) are at risk or slipping away; together they brought ${r} of net revenue — worth a win-back campaign.`,
    lost: (c: string, d: string) => `${c} of customers are lost: on average their last order was ${d} days ago.`,
    heatmap: 'Customers by recency and frequency',
    heatmapDesc:
      'Each cell is one combination of recency score (rows) and frequency score (columns), labelled with its segment; the number is the customers in it.',
    bars: 'Customers and revenue per segment',
    barsDesc: 'For each segment, its share of all customers beside its share of all net revenue.',
    dist: { recency: 'Recency', frequency: 'Frequency', monetary: 'Monetary value' },
    distDesc: 'How the customers are spread over the values behind the scores.',
    caption: 'Segments, what they mean and what to do',
    loyaltyCaption: 'Loyalty groups',
    tooSmall: (n: string) =>
      `* Fewer than ${n} customers: too small to act on as a group; look at these customers one by one.`,
    cols: ['Segment', 'Suggested action', 'Description', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    loyaltyCols: ['Group', 'Customers', 'Share', 'Net revenue', 'Share of revenue'],
    facts: { period: 'Orders from', bins: 'Scores', scoring: 'Scoring', returns: 'Returns', map: 'Segment map' },
    quantile: 'quantiles (equal values, equal scores)',
    fixed: 'fixed thresholds',
    returnsNet: 'netted against revenue',
    returnsIgnore: 'left out',
    to: 'to',
    standardMap: (bins: number) =>
      bins === 5 ? 'standard (recency × frequency)' : `standard (recency × frequency), scaled to ${bins} score levels`,
    /** Under the segment table: why its total is not the summary's net revenue. */
    total: (total: string, customers: string, returned: string) =>
      `Together ${total}: the summary’s net revenue without the ${returned} of returns by ${customers} customers who only returned something (they have no segment).`,
  },
  /** RFM charts: the R×F heatmap, segment bars and the distributions. */
  charts: {
    heatmap: 'Customers by recency and frequency score',
    heatmapDesc: 'Heatmap of the R×F grid: each cell shows its segment and number of customers; darker cells hold more',
    heatmapMoney: 'darker cells spend more per customer',
    r: 'Recency score (R, 5 = most recent)',
    f: 'Frequency score (F, 5 = most orders)',
    customers: 'Customers',
    meanMonetary: 'Mean net revenue',
    revenue: 'Net revenue',
    segment: 'Segment',
    cell: 'R×F cell',
    bars: 'Share of customers and of revenue per segment',
    barsDesc: 'Bars per segment: the share of all customers beside the share of all net revenue',
    share: 'Share',
    measure: 'Measure',
    customerShare: 'Share of customers',
    revenueShare: 'Share of revenue',
    asOf: 'as of',
    recency: 'Days since last order',
    frequency: 'Number of orders',
    monetary: 'Net revenue per customer',
    distTitle: (m: string) => `Distribution: ${m.toLowerCase()}`,
    distDesc: (m: string) => `Histogram of ${m.toLowerCase()} over all customers`,
    logNote: 'log scale',
    nonPositive: (n: number) => `${n} customers with net revenue ≤ 0 not shown`,
    from: 'From',
    to: 'To',
    above: (n: string, max: string) => `${n} customers with more than ${max} orders not shown`,
    orders: 'Orders',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'RFM-segmenten',
    intro: (asOf: string, bins: number, quantile: boolean) =>
      `Elke klant krijgt een score van 1 tot ${bins} voor recentheid (dagen sinds de laatste bestelling), frequentie (aantal bestellingen) en monetaire waarde (netto-omzet na retouren), met peildatum ${asOf}. ` +
      (quantile
        ? `Per score zijn de klanten in ${bins} ongeveer even grote groepen verdeeld: ${bins} is de beste groep en 1 de zwakste; klanten met dezelfde waarde krijgen altijd dezelfde score.`
        : 'De scores volgen vaste zakelijke drempels.'),
    intro2: 'Het segment volgt uit de score voor recentheid en die voor frequentie (het raster hieronder).',
    share: (name: string, c: string, r: string) =>
      `${name} zijn ${c} van de klanten en brengen ${r} van de netto-omzet op.`,
    pareto: (r: string) => `De beste 20% van de klanten naar netto-omzet brengt ${r} daarvan op.`,
    atRisk: (c: string, n: string, r: string) =>
      `${c} van de klanten (${n}) loopt risico of haakt af; samen brachten ze ${r} van de netto-omzet op — de moeite van een terugwinactie waard.`,
    lost: (c: string, d: string) =>
      `${c} van de klanten is verloren: hun laatste bestelling was gemiddeld ${d} dagen geleden.`,
    heatmap: 'Klanten naar recentheid en frequentie',
    heatmapDesc:
      'Elke cel is een combinatie van recentheidsscore (rijen) en frequentiescore (kolommen), met het segment erbij; het getal is het aantal klanten.',
    bars: 'Klanten en omzet per segment',
    barsDesc: 'Per segment het aandeel in alle klanten naast het aandeel in de totale netto-omzet.',
    dist: { recency: 'Recentheid', frequency: 'Frequentie', monetary: 'Monetaire waarde' },
    distDesc: 'Hoe de klanten verdeeld zijn over de waarden achter de scores.',
    caption: 'Segmenten, wat ze betekenen en wat te doen',
    loyaltyCaption: 'Loyaliteitsgroepen',
    tooSmall: (n: string) =>
      `* Minder dan ${n} klanten: te klein om als groep op te handelen; bekijk deze klanten afzonderlijk.`,
    cols: ['Segment', 'Voorgestelde actie', 'Omschrijving', 'Klanten', 'Aandeel', 'Netto-omzet', 'Aandeel omzet'],
    loyaltyCols: ['Groep', 'Klanten', 'Aandeel', 'Netto-omzet', 'Aandeel omzet'],
    facts: {
      period: 'Bestellingen van',
      bins: 'Scores',
      scoring: 'Scoremethode',
      returns: 'Retouren',
      map: 'Segmentindeling',
    },
    quantile: 'even grote groepen (gelijke waarde, gelijke score)',
    fixed: 'vaste drempels',
    returnsNet: 'verrekend met de omzet',
    returnsIgnore: 'weggelaten',
    to: 'tot',
    standardMap: (bins: number) =>
      bins === 5
        ? 'standaard (recentheid × frequentie)'
        : `standaard (recentheid × frequentie), omgerekend naar ${bins} scoreniveaus`,
    total: (total: string, customers: string, returned: string) =>
      `Samen ${total}: de netto-omzet uit de samenvatting zonder de ${returned} aan retouren van ${customers} klanten die alleen iets terugstuurden (zij hebben geen segment).`,
  },
  charts: {
    heatmap: 'Klanten per score voor recentheid en frequentie',
    heatmapDesc:
      'Raster van recentheid en frequentie: elke cel toont het segment en het aantal klanten; donkerder is meer klanten',
    heatmapMoney: 'donkerder is meer omzet per klant',
    r: 'Recentheidsscore (R, 5 = meest recent)',
    f: 'Frequentiescore (F, 5 = meeste bestellingen)',
    customers: 'Klanten',
    meanMonetary: 'Gemiddelde netto-omzet',
    revenue: 'Netto-omzet',
    segment: 'Segment',
    cell: 'Cel (R, F)',
    bars: 'Aandeel in klanten en in omzet per segment',
    barsDesc: 'Staven per segment: het aandeel in alle klanten naast het aandeel in de totale netto-omzet',
    share: 'Aandeel',
    measure: 'Maat',
    customerShare: 'Aandeel klanten',
    revenueShare: 'Aandeel omzet',
    asOf: 'peildatum',
    recency: 'Dagen sinds laatste bestelling',
    frequency: 'Aantal bestellingen',
    monetary: 'Netto-omzet per klant',
    distTitle: (m: string) => `Verdeling: ${m.toLowerCase()}`,
    distDesc: (m: string) => `Histogram van ${m.toLowerCase()} over alle klanten`,
    logNote: 'logaritmische schaal',
    nonPositive: (n: number) => `${n} klanten met netto-omzet ≤ 0 niet getoond`,
    from: 'Van',
    to: 'Tot',
    above: (n: string, max: string) => `${n} klanten met meer dan ${max} bestellingen niet getoond`,
    orders: 'Bestellingen',
  },
};

/**
 * The rfm words of one locale.
 * @example rfmTexts('nl').section
 */
export function rfmTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}
