/**
 * The words of the trends analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers and dates come in already formatted.
 */
import type { Locale } from '../../i18n/types.js';

/** A step between points in the words sentences need. */
export interface StepWords {
  /** `month`. */
  one: string;
  /** `months`. */
  many: string;
  /** `monthly` (the adverb before a verb). */
  every: string;
}

/** English. */
const en = {
  /** The trends section: intro, findings, the tables. */
  section: {
    title: 'Segments over time',
    step: {
      month: { one: 'month', many: 'months', every: 'Every month' },
      quarter: { one: 'quarter', many: 'quarters', every: 'Every quarter' },
    } satisfies Record<'month' | 'quarter', StepWords>,
    intro: (u: StepWords, first: string, last: string) =>
      `${u.every} from ${first} to ${last}, the customers are scored again with the same RFM rules as above, counting only the orders before that date, and the value tiers are cut again. This shows which segments grow and which shrink.`,
    intro2: (u: StepWords, min: number) =>
      `Revenue per customer and repeat rate are for the ${u.one} before each date: repeat rate is the share of a segment’s customers who ordered again in that ${u.one} (a first order does not count). Churn is, of the customers in a segment at the previous date who ordered in the ${u.one} before it, the share who did not order since (a segment taken at the date itself would make churn follow from recency: Champions have just ordered); it is not defined at the first date. Shaded bands are 95% intervals; a segment with fewer than ${min} customers at a date is too small to show its figures.`,
    intro3: (clusters: boolean, attributes: string, segmentations: string) =>
      [
        clusters
          ? 'Clusters are followed by placing every date’s customers at the nearest of the clusters’ centres above, with the same scaling, so the last date has the clusters section’s sizes.'
          : '',
        attributes
          ? `Customers are also followed by ${attributes}; a customer keeps one value throughout, the one of the last date.`
          : '',
        segmentations
          ? `Customers are also followed by their ${segmentations}: each is worked out again at each date from the data before that date, so a customer’s segment can change from one date to the next.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    riseFall: (
      first: string,
      last: string,
      rise: string,
      riseFrom: string,
      riseTo: string,
      fall: string,
      fallFrom: string,
      fallTo: string,
    ) =>
      `From ${first} to ${last}, ${rise} grew the most (from ${riseFrom} to ${riseTo} of customers) and ${fall} shrank the most (from ${fallFrom} to ${fallTo}).`,
    riseOnly: (first: string, last: string, rise: string, from: string, to: string) =>
      `From ${first} to ${last}, ${rise} grew the most, from ${from} to ${to} of customers.`,
    steady: (first: string, last: string) =>
      `From ${first} to ${last}, no segment’s share of customers changed by a percentage point or more.`,
    customers: (first: string, last: string, from: string, to: string) =>
      `The number of customers with a purchase went from ${from} at ${first} to ${to} at ${last}.`,
    topTier: (tier: string, u: StepWords, last: string, value: string, low: string, high: string) =>
      `In the ${u.one} before ${last}, ${tier} brought ${value} per customer (95% interval ${low} to ${high}).`,
    shares: 'RFM segments over time',
    sharesDesc:
      'Each band is an RFM segment’s share of all customers at each date: a band that widens is a segment that grows.',
    rfmRevenue: 'Revenue per customer by RFM segment',
    rfmRevenueDesc:
      'Net revenue per customer in the period before each date, one panel per segment, with its 95% interval; gaps are dates where the segment was too small.',
    tierRevenue: 'Revenue per customer by value tier',
    tierRevenueDesc:
      'Net revenue per customer in the period before each date for each value tier, with its 95% interval.',
    tierChurn: 'Churn by value tier',
    tierChurnDesc:
      'Of the customers in each value tier at the previous date who ordered in the period before it, the share who did not order since, with its 95% interval.',
    clusterRevenue: 'Revenue per customer by cluster',
    clusterRevenueDesc:
      'Net revenue per customer in the period before each date, one panel per cluster, with its 95% interval; gaps are dates where the cluster was too small.',
    clusterName: 'Clusters',
    attributeName: (label: string) => `By ${label}`,
    tierRepeat: 'Repeat rate by value tier',
    tierRepeatDesc:
      'The share of each value tier’s customers who ordered again in the period before each date, with its 95% interval.',
    rfmName: 'RFM segments',
    tierName: 'Value tiers',
    sizeCaption: (name: string, first: string, last: string) => `${name}: customers (share) at ${first} and ${last}`,
    kpiCaption: (name: string, last: string, u: StepWords) =>
      `${name}: revenue per customer, repeat rate and churn in the ${u.one} before ${last}, with 95% intervals`,
    sizeCols: (first: string, last: string) => ['Segment', first, last, 'Change in share (points)'],
    kpiCols: ['Segment', 'Revenue per customer', 'Repeat rate', 'Churn'],
    tooSmall: 'too small',
    tableNote: (min: number) => `“too small”: fewer than ${min} customers at that date, too few for a reliable figure.`,
    facts: { period: 'Points', dates: 'Dates', minSize: 'Smallest group shown' },
    points: (n: number, u: StepWords) => `${n}, one per ${u.one}`,
  },
  /** Trend charts. */
  charts: {
    shares: 'Share of customers per RFM segment',
    sharesDesc: 'Stacked areas: each RFM segment’s share of all customers at each as-of date',
    revenue: 'Revenue per customer',
    revenueDesc: 'Lines: net revenue per customer in the period before each date; bands: 95% intervals',
    repeat: 'Repeat rate',
    repeatDesc: 'Lines: share of customers who ordered again in the period before each date; bands: 95% intervals',
    churn: 'Churn',
    churnDesc:
      'Lines: of the customers in the segment at the previous date who ordered in the period before it, the share who did not order since; bands: 95% intervals',
    clusterShares: 'Share of customers per cluster',
    attributeShares: (label: string) => `Share of customers by ${label}`,
    groupingSharesDesc: 'Stacked areas: each group’s share of all customers at each as-of date',
    other: 'Other values',
    noSegment: '(no segment)',
    date: 'As of',
    segment: 'Segment',
    tier: 'Value tier',
    customers: 'Customers',
    share: 'Share of customers',
    low: '95% interval from',
    high: '95% interval to',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Segmenten door de tijd',
    step: {
      month: { one: 'maand', many: 'maanden', every: 'Elke maand' },
      quarter: { one: 'kwartaal', many: 'kwartalen', every: 'Elk kwartaal' },
    },
    intro: (u, first, last) =>
      `${u.every} van ${first} tot ${last} krijgen de klanten opnieuw een score met dezelfde RFM-regels als hierboven, met alleen de bestellingen van vóór die datum, en worden de waardegroepen opnieuw ingedeeld. Zo is te zien welke segmenten groeien en welke krimpen.`,
    intro2: (u, min) =>
      `Omzet per klant en herhaalaankopen gaan over de ${u.one} vóór elke datum: herhaalaankopen is het aandeel klanten van een segment dat in die ${u.one} opnieuw bestelde (een eerste bestelling telt niet). Verloop is, van de klanten die op de vorige datum in een segment zaten en in de ${u.one} daarvóór bestelden, het aandeel dat sindsdien niet meer bestelde (een segment op de datum zelf zou verloop uit de recentheid laten volgen: Kampioenen hebben net besteld); op de eerste datum is het niet bepaald. De gekleurde banden zijn 95%-intervallen; een segment met minder dan ${min} klanten op een datum is te klein om cijfers van te tonen.`,
    intro3: (clusters, attributes, segmentations) =>
      [
        clusters
          ? 'Clusters worden gevolgd door de klanten op elke datum bij het dichtstbijzijnde clustercentrum van hierboven in te delen, met dezelfde schaling, zodat de laatste datum de aantallen van de clustersectie heeft.'
          : '',
        attributes
          ? `Klanten worden ook gevolgd naar ${attributes}; een klant houdt steeds één waarde, die van de laatste datum.`
          : '',
        segmentations
          ? `Klanten worden ook gevolgd naar hun ${segmentations}: elk daarvan wordt op elke datum opnieuw bepaald uit de gegevens van vóór die datum, zodat het segment van een klant van datum tot datum kan verschillen.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    riseFall: (first, last, rise, riseFrom, riseTo, fall, fallFrom, fallTo) =>
      `Van ${first} tot ${last} groeide ${rise} het meest (van ${riseFrom} naar ${riseTo} van de klanten) en kromp ${fall} het meest (van ${fallFrom} naar ${fallTo}).`,
    riseOnly: (first, last, rise, from, to) =>
      `Van ${first} tot ${last} groeide ${rise} het meest, van ${from} naar ${to} van de klanten.`,
    steady: (first, last) =>
      `Van ${first} tot ${last} veranderde het aandeel klanten van geen enkel segment met een procentpunt of meer.`,
    customers: (first, last, from, to) =>
      `Het aantal klanten met een aankoop ging van ${from} op ${first} naar ${to} op ${last}.`,
    topTier: (tier, u, last, value, low, high) =>
      `In de ${u.one} vóór ${last} bracht ${tier} ${value} per klant op (95%-interval ${low} tot ${high}).`,
    shares: 'RFM-segmenten door de tijd',
    sharesDesc:
      'Elke band is het aandeel van een RFM-segment in alle klanten op elke datum: een band die breder wordt, is een segment dat groeit.',
    rfmRevenue: 'Omzet per klant per RFM-segment',
    rfmRevenueDesc:
      'Netto-omzet per klant in de periode vóór elke datum, één paneel per segment, met het 95%-interval; gaten zijn datums waarop het segment te klein was.',
    tierRevenue: 'Omzet per klant per waardegroep',
    tierRevenueDesc: 'Netto-omzet per klant in de periode vóór elke datum per waardegroep, met het 95%-interval.',
    tierChurn: 'Verloop per waardegroep',
    tierChurnDesc:
      'Van de klanten die op de vorige datum in elke waardegroep zaten en in de periode daarvóór bestelden, het aandeel dat sindsdien niet meer bestelde, met het 95%-interval.',
    clusterRevenue: 'Omzet per klant per cluster',
    clusterRevenueDesc:
      'Netto-omzet per klant in de periode vóór elke datum, één paneel per cluster, met het 95%-interval; gaten zijn datums waarop het cluster te klein was.',
    clusterName: 'Clusters',
    attributeName: (label) => `Naar ${label}`,
    tierRepeat: 'Herhaalaankopen per waardegroep',
    tierRepeatDesc:
      'Het aandeel klanten van elke waardegroep dat in de periode vóór elke datum opnieuw bestelde, met het 95%-interval.',
    rfmName: 'RFM-segmenten',
    tierName: 'Waardegroepen',
    sizeCaption: (name, first, last) => `${name}: klanten (aandeel) op ${first} en ${last}`,
    kpiCaption: (name, last, u) =>
      `${name}: omzet per klant, herhaalaankopen en verloop in de ${u.one} vóór ${last}, met 95%-intervallen`,
    sizeCols: (first, last) => ['Segment', first, last, 'Verschil in aandeel (procentpunten)'],
    kpiCols: ['Segment', 'Omzet per klant', 'Herhaalaankopen', 'Verloop'],
    tooSmall: 'te klein',
    tableNote: (min) => `‘te klein’: minder dan ${min} klanten op die datum, te weinig voor een betrouwbaar cijfer.`,
    facts: { period: 'Meetpunten', dates: 'Datums', minSize: 'Kleinste getoonde groep' },
    points: (n, u) => `${n}, één per ${u.one}`,
  },
  charts: {
    shares: 'Aandeel klanten per RFM-segment',
    sharesDesc: 'Gestapelde vlakken: het aandeel van elk RFM-segment in alle klanten op elke peildatum',
    revenue: 'Omzet per klant',
    revenueDesc: 'Lijnen: netto-omzet per klant in de periode vóór elke datum; banden: 95%-intervallen',
    repeat: 'Herhaalaankopen',
    repeatDesc: 'Lijnen: aandeel klanten dat opnieuw bestelde in de periode vóór elke datum; banden: 95%-intervallen',
    churn: 'Verloop',
    churnDesc:
      'Lijnen: van de klanten die op de vorige datum in het segment zaten en in de periode daarvóór bestelden, het aandeel dat sindsdien niet meer bestelde; banden: 95%-intervallen',
    clusterShares: 'Aandeel klanten per cluster',
    attributeShares: (label) => `Aandeel klanten naar ${label}`,
    groupingSharesDesc: 'Gestapelde vlakken: het aandeel van elke groep in alle klanten op elke peildatum',
    other: 'Overige waarden',
    noSegment: '(geen segment)',
    date: 'Peildatum',
    segment: 'Segment',
    tier: 'Waardegroep',
    customers: 'Klanten',
    share: 'Aandeel klanten',
    low: '95%-interval van',
    high: '95%-interval tot',
  },
};

/**
 * The trends words of one locale.
 * @example trendTexts('nl').section.title // 'Segmenten door de tijd'
 */
export function trendTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The trend words of one locale. */
export type TrendTexts = typeof en;
