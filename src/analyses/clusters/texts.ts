/**
 * The words of the clusters analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** The clusters section: method, findings by separation quality, charts, profile and cross-tab tables. */
  section: {
    title: 'Clusters',
    intro: (features: string, log: boolean) =>
      `Clustering looks for groups of similar customers without defining them in advance. Customers are described by ${features}${log ? ' (large values compressed, so a few very large customers do not dominate)' : ''}; every feature is put on the same scale, so that none weighs more because of its unit. Each customer then joins the group it resembles most.`,
    /** `all`: the centres were found on every customer (the sample was all of them). */
    introK: (auto: boolean, k: number, from: number, to: number, n: string, all: boolean) =>
      `${auto ? `The number of groups was chosen between ${from} and ${to} as the one where the groups are most clearly apart: ${k}.` : `The number of groups was set to ${k}.`} ${all ? `The groups were formed from all ${n} customers; every customer belongs to the group it resembles most.` : `The groups were formed from a random sample of ${n} customers; then every customer was placed in the group it resembles most.`} Cluster 1 has the highest revenue per customer; names describe how each cluster differs from the average customer.`,
    revenue: (c: number, name: string, cust: string, rev: string) =>
      `Cluster ${c} (“${name}”) is ${cust} of customers and brings ${rev} of net revenue.`,
    largest: (c: number, name: string, cust: string, rev: string) =>
      `The largest group is cluster ${c} (“${name}”): ${cust} of customers, ${rev} of net revenue.`,
    least: (c: number, name: string, cust: string, rev: string) =>
      `Cluster ${c} (“${name}”) brings the least per customer: ${cust} of customers, ${rev} of net revenue.`,
    quality: {
      clear: (k: number) => `How well the ${k} groups separate: clearly.`,
      moderate: (k: number) =>
        `How well the ${k} groups separate: fair; customers near the borders could belong to either side.`,
      weak: (k: number) =>
        `How well the ${k} groups separate: weakly; read them as a convenient division of a continuum, not as natural groups.`,
    },
    qualityWord: { clear: 'clearly', moderate: 'fair', weak: 'weak' },
    agreement: {
      same: 'The clusters largely match the RFM segments.',
      partly: 'The clusters partly match the RFM segments: they group customers in a different way worth a look.',
      unrelated: 'The clusters hardly match the RFM segments: they group customers in a different way.',
    },
    excluded: (n: string) => `${n} customers without a value for every feature were left out.`,
    /** What to do: the cluster with the most revenue, the largest other one, how far to trust the split. */
    todo: (top: string, topRev: string, big: string | undefined, bigShare: string, weak: boolean) =>
      `What to do: treat cluster ${top} (${topRev} of revenue) as your key customers${big ? `, and reach cluster ${big} (${bigShare} of customers) with cheap, automated campaigns` : ''}.${weak ? ' The groups are not clearly apart: use them as a rough guide beside the RFM segments.' : ' Use the clusters beside the RFM segments, not instead of them.'}`,
    kChart: 'Choosing the number of clusters',
    kDesc:
      'For each number of groups: how spread out customers are within their group (lower is tighter) and how clearly the groups are apart (higher is better). The chosen number is marked.',
    scatter: 'Clusters on a map of the customers',
    scatterDesc:
      'A sample of customers on a map where customers who are alike lie close together; the axis titles say what grows to the right and upwards. Hover a point for its values.',
    heat: 'Cluster profiles',
    heatDesc:
      'The mean of each feature per cluster; green is better than the average customer, purple worse (for recency: more recent is better).',
    sizes: 'Size and revenue per cluster',
    sizesDesc: 'For each cluster its share of customers beside its share of net revenue.',
    tooSmall: (n: string) =>
      `* Fewer than ${n} customers: too small to act on as a segment (an outlier group; try fewer clusters).`,
    caption: 'Cluster profiles (means per customer)',
    cols: ['Cluster', 'Name', 'Customers', 'Share', 'Share of revenue'],
    crossCaption: 'Clusters against RFM segments (share of each cluster’s customers)',
    segmentCol: 'RFM segment',
    crossNote: 'Each column adds up to 100%.',
    facts: {
      features: 'Features',
      k: 'Number of clusters',
      chosen: 'chosen from the data',
      given: 'given',
      sample: 'Customers used to find the groups',
      customers: 'Customers placed in a cluster',
      separation: 'How well the groups separate',
      excluded: 'Customers left out (missing values)',
    },
    technical: {
      silhouette: 'Silhouette (−1 to 1; ≥ 0.5 clear, ≥ 0.25 fair)',
      ari: 'Adjusted Rand index with the RFM segments (1 = the same grouping, 0 = unrelated)',
      pca: 'Variance shown in the map (first two principal components)',
      method: 'Method',
      methodValue: 'k-means (k-means++ start) on z-scores of the features; k chosen by the highest silhouette',
      seed: 'Seed',
    },
    and: 'and',
  },
  /** Cluster charts: choosing k, the projection scatter, profiles and sizes. */
  charts: {
    kTitle: 'Choosing the number of clusters',
    kDesc:
      'For each number of clusters: the spread of customers within their cluster (lower is tighter) and how clearly the clusters are apart (higher is better); the chosen number is marked',
    k: 'Number of clusters',
    inertia: 'Spread within clusters',
    silhouette: 'How clearly apart',
    chosen: (k: number) => `chosen: ${k} clusters`,
    scatterTitle: 'Map of the customers, coloured by cluster',
    scatterDesc: 'Sampled customers on a map where customers who are alike lie close together, coloured by cluster',
    pc: (i: number, share: string) => `Direction ${i} (${share} of the differences)`,
    cluster: 'Cluster',
    sampled: (n: string) => `${n} sampled customers`,
    /** A map axis in words: what grows to the right (x) or upwards (y). */
    axis: (dir: 'x' | 'y', parts: string) => `${dir === 'x' ? 'To the right' : 'Upwards'}: ${parts}`,
    /** A feature growing (`up`) or shrinking along an axis; computed features in words, others by their label. */
    direction: {
      recency: { up: 'longer since the last order', down: 'more recent' },
      frequency: { up: 'more orders', down: 'fewer orders' },
      monetary: { up: 'more revenue', down: 'less revenue' },
    } as Record<string, { up: string; down: string } | undefined>,
    higher: (label: string) => `higher ${label}`,
    lower: (label: string) => `lower ${label}`,
    heatTitle: 'Cluster profiles',
    heatDesc:
      'Each cell: the cluster’s mean of a feature (text); colour: green better than the average customer (more recent, more orders, more revenue; other columns: higher), purple worse',
    feature: 'Feature',
    mean: 'Mean',
    z: 'vs. average',
    better: 'better',
    worse: 'worse',
    average: 'average',
    sizeTitle: 'Size and revenue per cluster',
    sizeDesc: 'For each cluster the share of customers beside the share of net revenue',
    share: 'Share',
    measure: 'Measure',
    customerShare: 'Share of customers',
    revenueShare: 'Share of revenue',
    customers: 'Customers',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Clusters',
    intro: (features: string, log: boolean) =>
      `Clusteren zoekt groepen van vergelijkbare klanten zonder die vooraf te bepalen. Klanten worden beschreven met ${features}${log ? ' (grote waarden samengedrukt, zodat een paar zeer grote klanten niet overheersen)' : ''}; elk kenmerk wordt op dezelfde schaal gezet, zodat geen kenmerk zwaarder weegt door zijn eenheid. Daarna komt elke klant in de groep waarop hij het meest lijkt.`,
    introK: (auto: boolean, k: number, from: number, to: number, n: string, all: boolean) =>
      `${auto ? `Het aantal groepen is gekozen tussen ${from} en ${to}: het aantal waarbij de groepen het duidelijkst uit elkaar liggen, ${k}.` : `Het aantal groepen is vastgezet op ${k}.`} ${all ? `De groepen zijn gevormd met alle ${n} klanten; elke klant hoort bij de groep waarop hij het meest lijkt.` : `De groepen zijn gevormd met een willekeurige steekproef van ${n} klanten; daarna is elke klant ingedeeld bij de groep waarop hij het meest lijkt.`} Cluster 1 heeft de hoogste omzet per klant; de namen beschrijven hoe elk cluster afwijkt van de gemiddelde klant.`,
    revenue: (c: number, name: string, cust: string, rev: string) =>
      `Cluster ${c} („${name}”) is ${cust} van de klanten en brengt ${rev} van de netto-omzet op.`,
    largest: (c: number, name: string, cust: string, rev: string) =>
      `De grootste groep is cluster ${c} („${name}”): ${cust} van de klanten, ${rev} van de netto-omzet.`,
    least: (c: number, name: string, cust: string, rev: string) =>
      `Cluster ${c} („${name}”) brengt het minst op per klant: ${cust} van de klanten, ${rev} van de netto-omzet.`,
    quality: {
      clear: (k: number) => `Hoe goed de ${k} groepen gescheiden zijn: duidelijk.`,
      moderate: (k: number) =>
        `Hoe goed de ${k} groepen gescheiden zijn: redelijk; klanten op de grens kunnen bij beide kanten horen.`,
      weak: (k: number) =>
        `Hoe goed de ${k} groepen gescheiden zijn: zwak; lees ze als een handige indeling van een doorlopend geheel, niet als natuurlijke groepen.`,
    },
    qualityWord: { clear: 'duidelijk', moderate: 'redelijk', weak: 'zwak' },
    agreement: {
      same: 'De clusters komen grotendeels overeen met de RFM-segmenten.',
      partly:
        'De clusters komen deels overeen met de RFM-segmenten: ze delen klanten op een andere manier in, die een blik waard is.',
      unrelated: 'De clusters komen nauwelijks overeen met de RFM-segmenten: ze delen klanten op een andere manier in.',
    },
    excluded: (n: string) => `${n} klanten zonder waarde voor elk kenmerk zijn weggelaten.`,
    todo: (top: string, topRev: string, big: string | undefined, bigShare: string, weak: boolean) =>
      `Wat te doen: behandel cluster ${top} (${topRev} van de omzet) als de kernklanten${big ? `, en bereik cluster ${big} (${bigShare} van de klanten) met goedkope, geautomatiseerde acties` : ''}.${weak ? ' De groepen liggen niet duidelijk uit elkaar: gebruik ze als ruwe leidraad naast de RFM-segmenten.' : ' Gebruik de clusters naast de RFM-segmenten, niet in plaats ervan.'}`,
    kChart: 'Het aantal clusters kiezen',
    kDesc:
      'Per aantal groepen: hoe verspreid klanten binnen hun groep liggen (lager is compacter) en hoe duidelijk de groepen uit elkaar liggen (hoger is beter). Het gekozen aantal is gemarkeerd.',
    scatter: 'Clusters op een kaart van de klanten',
    scatterDesc:
      'Een steekproef van klanten op een kaart waarop klanten die op elkaar lijken dicht bij elkaar staan; de astitels zeggen wat naar rechts en naar boven toeneemt. Wijs een punt aan voor de waarden.',
    heat: 'Clusterprofielen',
    heatDesc:
      'Het gemiddelde van elk kenmerk per cluster; groen is beter dan de gemiddelde klant, paars slechter (bij recentheid: recenter is beter).',
    sizes: 'Omvang en omzet per cluster',
    sizesDesc: 'Per cluster het aandeel in de klanten naast het aandeel in de netto-omzet.',
    tooSmall: (n: string) =>
      `* Minder dan ${n} klanten: te klein om als segment op te handelen (een groep uitschieters; probeer minder clusters).`,
    caption: 'Clusterprofielen (gemiddelden per klant)',
    cols: ['Cluster', 'Naam', 'Klanten', 'Aandeel', 'Aandeel omzet'],
    crossCaption: 'Clusters tegenover RFM-segmenten (aandeel van de klanten van elk cluster)',
    segmentCol: 'RFM-segment',
    crossNote: 'Elke kolom telt op tot 100%.',
    facts: {
      features: 'Kenmerken',
      k: 'Aantal clusters',
      chosen: 'gekozen uit de data',
      given: 'opgegeven',
      sample: 'Klanten gebruikt om de groepen te vinden',
      customers: 'Klanten ingedeeld',
      separation: 'Hoe goed de groepen gescheiden zijn',
      excluded: 'Klanten weggelaten (ontbrekende waarden)',
    },
    technical: {
      silhouette: 'Silhouet (−1 tot 1; ≥ 0,5 duidelijk, ≥ 0,25 redelijk)',
      ari: 'Adjusted Rand-index met de RFM-segmenten (1 = dezelfde indeling, 0 = geen verband)',
      pca: 'Variantie zichtbaar in de kaart (eerste twee hoofdcomponenten)',
      method: 'Methode',
      methodValue:
        'k-means (k-means++-start) op gestandaardiseerde kenmerken (z-scores); k gekozen met het hoogste silhouet',
      seed: 'Startwaarde toeval (seed)',
    },
    and: 'en',
  },
  charts: {
    kTitle: 'Het aantal clusters kiezen',
    kDesc:
      'Per aantal clusters: de spreiding van klanten binnen hun cluster (lager is compacter) en hoe duidelijk de clusters uit elkaar liggen (hoger is beter); het gekozen aantal is gemarkeerd',
    k: 'Aantal clusters',
    inertia: 'Spreiding binnen clusters',
    silhouette: 'Hoe duidelijk gescheiden',
    chosen: (k: number) => `gekozen: ${k} clusters`,
    scatterTitle: 'Kaart van de klanten, gekleurd per cluster',
    scatterDesc:
      'Steekproef van klanten op een kaart waarop klanten die op elkaar lijken dicht bij elkaar staan, gekleurd per cluster',
    pc: (i: number, share: string) => `Richting ${i} (${share} van de verschillen)`,
    cluster: 'Cluster',
    sampled: (n: string) => `steekproef van ${n} klanten`,
    axis: (dir: 'x' | 'y', parts: string) => `${dir === 'x' ? 'Naar rechts' : 'Naar boven'}: ${parts}`,
    direction: {
      recency: { up: 'langer geleden besteld', down: 'recenter besteld' },
      frequency: { up: 'meer bestellingen', down: 'minder bestellingen' },
      monetary: { up: 'meer omzet', down: 'minder omzet' },
    },
    higher: (label: string) => `hogere ${label}`,
    lower: (label: string) => `lagere ${label}`,
    heatTitle: 'Clusterprofielen',
    heatDesc:
      'Elke cel: het clustergemiddelde van een kenmerk (tekst); kleur: groen beter dan de gemiddelde klant (recenter, meer bestellingen, meer omzet; andere kolommen: hoger), paars slechter',
    feature: 'Kenmerk',
    mean: 'Gemiddelde',
    z: 't.o.v. gemiddelde',
    better: 'beter',
    worse: 'slechter',
    average: 'gemiddeld',
    sizeTitle: 'Omvang en omzet per cluster',
    sizeDesc: 'Per cluster het aandeel in klanten naast het aandeel in de netto-omzet',
    share: 'Aandeel',
    measure: 'Maat',
    customerShare: 'Aandeel klanten',
    revenueShare: 'Aandeel omzet',
    customers: 'Klanten',
  },
};

/**
 * The clusters words of one locale.
 * @example clusterTexts('nl').section
 */
export function clusterTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}
