/**
 * The words of the segments analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** English. */
const en = {
  /** The segments section: attribute segments, sub-segments, KPIs against goals, migration and overlap. */
  section: {
    title: 'Segments',
    intro:
      'Segments here are formed from what is known about customers (attributes such as age, region or device, or their value) rather than from scores. A segment is then split by one more variable at a time, and each sub-segment is held against its own segment’s average, with a 95% confidence interval: a difference counts only when the interval excludes zero, and groups too small to judge are reported as such, never ranked.',
    largest: (s: string, c: string, r: string) =>
      `The largest segment is ${s}: ${c} of customers and ${r} of net revenue.`,
    tier: (s: string, c: string | null, r: string, min: string) =>
      `The ${s} of customers by revenue (${c ? `${c} of customers, ` : ''}from ${min} each) bring ${r} of net revenue.`,
    small: (n: number, min: number, list: string) =>
      `${n} segment(s) have fewer than ${min} customers, too few to act on: ${list}.`,
    diff: (seg: string, by: string, sub: string, k: string, v: string, sv: string, d: string, lo: string, hi: string) =>
      `${seg}: customers with ${by} ${sub} have ${k} ${v}, against ${sv} for the whole segment (difference ${d}, 95% CI ${lo} to ${hi}).`,
    none: (k: string, by: string) => `No sub-segment by ${by} differs significantly from its segment in ${k}.`,
    allSmall: (by: string, min: number) =>
      `Every sub-segment by ${by} has fewer than ${min} customers: too small to compare.`,
    goals: (met: number, close: number, missed: number) => `Goals: ${met} met, ${close} close, ${missed} missed.`,
    behind: (s: string, k: string, v: string, g: string) => `Furthest behind: ${s}, ${k} ${v} against a goal of ${g}.`,
    appeared: (n: string, d: string, dormant: string) =>
      `${n} customers bought for the first time between ${d}; ${dormant} existing customers did not buy at all in that time.`,
    overlapMost: (a: string, b: string, n: string, j: string) =>
      `${a} and ${b} overlap most: ${n} customers are in both (Jaccard ${j}).`,
    sizeCaption: (v: string) => `Segments by ${v}`,
    sizeCols: ['Segment', 'Customers', 'Share', 'Share of revenue', 'Note'],
    tooSmall: 'too small',
    subTitle: (k: string, by: string) => `${k} by ${by}, against the segment`,
    subDesc:
      'Each bar is a sub-segment’s difference from its own segment’s average; the thin black line shows the uncertainty (the 95% confidence interval); grey bars are too small to compare. All panels share one scale.',
    manyComparisons:
      'Several sub-segments are compared at once, so the intervals are made wider to keep chance differences out.',
    hidden: (n: number, min: number) =>
      `${n} sub-segment(s) with fewer than ${min} customers are too small to compare and are not shown.`,
    subCaption: (k: string, by: string) => `${k}: sub-segments by ${by}`,
    subCols: ['Segment', 'Sub-segment', 'Customers', 'Sub-segment', 'Segment', 'Difference', '95% CI', 'Result'],
    significant: 'significant',
    notSignificant: 'not significant',
    how: (m: string) => `How it is computed: ${m}; each sub-segment is compared with the rest of its own segment.`,
    /** A KPI in plain words, for the note under its table (the exact method is in the method section). */
    kpiHow: {
      mean: 'the average per customer',
      ratio: 'net revenue divided by the number of orders',
      repeat: 'the share of customers with two or more orders',
      churn: (days: string) => `the share of customers with no order in the ${days} days before the as-of date`,
      nps: 'the share of promoters (scores 9–10) minus the share of detractors (scores 0–6)',
    },
    kpiTitle: (k: string) => `${k} against goals`,
    kpiDesc: 'Each bar is a segment’s KPI, the black tick its goal; green met, orange close, red missed.',
    kpiCaption: 'KPIs against goals',
    kpiCols: ['Segment', 'KPI', 'Value', 'Goal', 'Gap', 'Status'],
    status: { met: 'met', close: 'close', missed: 'missed', 'no goal': 'no goal', 'no data': 'no data' },
    kpiNote: 'Close: missed by at most the stated tolerance (by default 5% of the goal).',
    migTitle: 'Movement between RFM segments',
    migTitleOf: (what: string) => `Movement between segments: ${what}`,
    migDesc:
      'Rows are the segment at the first date, columns the segment at the second; colour is the share of the row, numbers are customers.',
    ovTitle: 'Overlap between segment definitions',
    ovDesc:
      'Jaccard index for each pair: customers in both divided by customers in either; numbers are customers in both.',
    and: 'and',
    /** What to do: keep the top tier close; act on the biggest move before more customers make it. */
    todoTier: (tier: string, share: string) =>
      `What to do: the ${tier} of customers bring ${share} of net revenue; give them personal attention and check every quarter that they stay.`,
    todoFlow: (flow: string, from: string) =>
      `Watch the biggest move (${flow}): reach the customers still in ${from} before they follow.`,
  },
  /** Segment charts: sub-segments, KPIs against goals (with the KPI labels), migration and overlap. */
  charts: {
    sub: (k: string, by: string) => `${k}: sub-segments by ${by} against their segment`,
    subSub:
      'bars: difference from the segment average (0 = the segment); thin line: 95% confidence interval; one scale for all panels',
    subDesc:
      'Diverging bars per sub-segment showing how far its KPI lies from its own segment average, with 95% confidence intervals; grey bars are too small to compare',
    diff: 'Difference from segment average',
    group: 'Sub-segment',
    status: 'Result',
    significant: 'significant',
    notSignificant: 'not significant',
    tooSmall: 'too small',
    value: 'Sub-segment',
    segmentValue: 'Segment',
    customers: 'Customers',
    ciLow: 'CI low',
    ciHigh: 'CI high',
    goal: 'Goal',
    kpiTitle: (k: string) => `${k} per segment against its goal`,
    kpiDesc: "Bars show each segment's KPI, the black tick its goal; colour gives the status",
    segment: 'Segment',
    met: 'met',
    close: 'close',
    missed: 'missed',
    noGoal: 'no goal',
    noData: 'no data',
    mig: 'Where customers of each segment went',
    migSub: (a: string, b: string) => `rows: segment on ${a}; columns: segment on ${b}; colour: share of the row`,
    migDesc:
      'Heatmap of the transition matrix between two as-of dates: each cell shows how many customers of the row segment ended in the column segment',
    from: 'Segment at start',
    to: 'Segment at end',
    rowShare: 'Share of row',
    count: 'Customers',
    ov: 'Overlap between customer sets',
    ovDesc: 'Heatmap of the Jaccard index (customers in both / in either) for every pair of sets',
    a: 'Set',
    b: 'Set',
    jaccard: 'Jaccard',
    both: 'In both',
    kpiLabels: {
      revenuePerCustomer: 'Revenue per customer',
      ordersPerCustomer: 'Orders per customer',
      averageOrderValue: 'Average order value',
      repeatRate: 'Repeat rate',
      nps: 'NPS',
    },
    churnLabel: (days: string) => `Churn rate (${days} days)`,
    meanLabel: (column: string) => `Mean ${column}`,
    allCustomers: 'All customers',
  },
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Segmenten',
    intro:
      'Segmenten worden hier gevormd uit wat over klanten bekend is (kenmerken zoals leeftijd, regio of apparaat, of hun waarde) in plaats van uit scores. Een segment wordt daarna telkens naar één extra variabele gesplitst, en elk subsegment wordt vergeleken met het gemiddelde van het eigen segment, met een 95%-betrouwbaarheidsinterval: een verschil telt alleen als het interval nul uitsluit, en groepen die te klein zijn om te beoordelen worden zo gemeld en nooit gerangschikt.',
    largest: (s: string, c: string, r: string) =>
      `Het grootste segment is ${s}: ${c} van de klanten en ${r} van de netto-omzet.`,
    tier: (s: string, c: string | null, r: string, min: string) =>
      `De ${s} van de klanten naar omzet (${c ? `${c} van de klanten, ` : ''}vanaf ${min} per klant) brengen ${r} van de netto-omzet op.`,
    small: (n: number, min: number, list: string) =>
      `${n} segment(en) hebben minder dan ${min} klanten, te weinig om op te sturen: ${list}.`,
    diff: (seg: string, by: string, sub: string, k: string, v: string, sv: string, d: string, lo: string, hi: string) =>
      `${seg}: klanten met ${by} ${sub} hebben ${k} ${v}, tegen ${sv} voor het hele segment (verschil ${d}, 95%-BI ${lo} tot ${hi}).`,
    none: (k: string, by: string) => `Geen subsegment naar ${by} wijkt significant af van zijn segment in ${k}.`,
    allSmall: (by: string, min: number) =>
      `Elk subsegment naar ${by} heeft minder dan ${min} klanten: te klein om te vergelijken.`,
    goals: (met: number, close: number, missed: number) =>
      `Doelen: ${met} gehaald, ${close} bijna, ${missed} niet gehaald.`,
    behind: (s: string, k: string, v: string, g: string) =>
      `Het verst achter: ${s}, ${k} ${v} tegen een doel van ${g}.`,
    appeared: (n: string, d: string, dormant: string) =>
      `${n} klanten kochten voor het eerst tussen ${d}; ${dormant} bestaande klanten kochten in die tijd helemaal niet.`,
    overlapMost: (a: string, b: string, n: string, j: string) =>
      `${a} en ${b} overlappen het meest: ${n} klanten zitten in beide (Jaccard ${j}).`,
    sizeCaption: (v: string) => `Segmenten naar ${v}`,
    sizeCols: ['Segment', 'Klanten', 'Aandeel', 'Aandeel omzet', 'Opmerking'],
    tooSmall: 'te klein',
    subTitle: (k: string, by: string) => `${k} naar ${by}, tegen het segment`,
    subDesc:
      'Elke staaf is het verschil van een subsegment met het gemiddelde van het eigen segment; de dunne zwarte lijn toont de onzekerheid (het 95%-betrouwbaarheidsinterval); grijze staven zijn te klein om te vergelijken. Alle panelen gebruiken dezelfde schaal.',
    manyComparisons:
      'Er worden meerdere subsegmenten tegelijk vergeleken; daarom zijn de intervallen breder gemaakt, zodat toevallige verschillen buiten beeld blijven.',
    hidden: (n: number, min: number) =>
      `${n} subsegment(en) met minder dan ${min} klanten zijn te klein om te vergelijken en worden niet getoond.`,
    subCaption: (k: string, by: string) => `${k}: subsegmenten naar ${by}`,
    subCols: ['Segment', 'Subsegment', 'Klanten', 'Subsegment', 'Segment', 'Verschil', '95%-BI', 'Uitkomst'],
    significant: 'significant',
    notSignificant: 'niet significant',
    how: (m: string) => `Zo is het berekend: ${m}; elk subsegment wordt vergeleken met de rest van het eigen segment.`,
    kpiHow: {
      mean: 'het gemiddelde per klant',
      ratio: 'netto-omzet gedeeld door het aantal bestellingen',
      repeat: 'het aandeel klanten met twee of meer bestellingen',
      churn: (days: string) => `het aandeel klanten zonder bestelling in de ${days} dagen voor de peildatum`,
      nps: 'het aandeel promotors (score 9–10) min het aandeel criticasters (score 0–6)',
    },
    kpiTitle: (k: string) => `${k} tegen de doelen`,
    kpiDesc:
      'Elke staaf is de KPI van een segment, het zwarte streepje het doel; groen gehaald, oranje bijna, rood niet gehaald.',
    kpiCaption: 'KPI’s tegen doelen',
    kpiCols: ['Segment', 'KPI', 'Waarde', 'Doel', 'Verschil', 'Status'],
    status: {
      met: 'gehaald',
      close: 'bijna',
      missed: 'niet gehaald',
      'no goal': 'geen doel',
      'no data': 'geen gegevens',
    },
    kpiNote: 'Bijna: gemist met hoogstens de opgegeven marge (standaard 5% van het doel).',
    migTitle: 'Verschuiving tussen RFM-segmenten',
    migTitleOf: (what: string) => `Verschuiving tussen segmenten: ${what}`,
    migDesc:
      'Rijen zijn het segment op de eerste datum, kolommen het segment op de tweede; de kleur is het aandeel van de rij, de getallen zijn klanten.',
    ovTitle: 'Overlap tussen segmentdefinities',
    ovDesc:
      'Jaccard-index per paar: klanten in beide gedeeld door klanten in een van beide; de getallen zijn klanten in beide.',
    and: 'en',
    todoTier: (tier: string, share: string) =>
      `Wat te doen: de ${tier} van de klanten brengt ${share} van de netto-omzet op; geef hen persoonlijke aandacht en controleer elk kwartaal of ze blijven.`,
    todoFlow: (flow: string, from: string) =>
      `Let op de grootste verschuiving (${flow}): benader de klanten die nog ${from} zijn voordat ook zij verschuiven.`,
  },
  charts: {
    sub: (k: string, by: string) => `${k}: subsegmenten naar ${by} tegen hun segment`,
    subSub:
      'staven: verschil met het segmentgemiddelde (0 = het segment); dunne lijn: 95%-betrouwbaarheidsinterval; één schaal voor alle panelen',
    subDesc:
      'Staven per subsegment die tonen hoe ver de KPI van het eigen segmentgemiddelde ligt, met 95%-betrouwbaarheidsintervallen; grijze staven zijn te klein om te vergelijken',
    diff: 'Verschil met segmentgemiddelde',
    group: 'Subsegment',
    status: 'Uitkomst',
    significant: 'significant',
    notSignificant: 'niet significant',
    tooSmall: 'te klein',
    value: 'Subsegment',
    segmentValue: 'Segment',
    customers: 'Klanten',
    ciLow: 'BI onder',
    ciHigh: 'BI boven',
    goal: 'Doel',
    kpiTitle: (k: string) => `${k} per segment tegen het doel`,
    kpiDesc: 'Staven tonen de KPI per segment, het zwarte streepje het doel; de kleur geeft de status',
    segment: 'Segment',
    met: 'gehaald',
    close: 'bijna',
    missed: 'niet gehaald',
    noGoal: 'geen doel',
    noData: 'geen gegevens',
    mig: 'Waar de klanten van elk segment heen gingen',
    migSub: (a: string, b: string) => `rijen: segment op ${a}; kolommen: segment op ${b}; kleur: aandeel van de rij`,
    migDesc:
      'Heatmap van de overgangsmatrix tussen twee peildata: elke cel toont hoeveel klanten van het rijsegment in het kolomsegment belandden',
    from: 'Segment aan het begin',
    to: 'Segment aan het eind',
    rowShare: 'Aandeel van rij',
    count: 'Klanten',
    ov: 'Overlap tussen klantgroepen',
    ovDesc: 'Heatmap van de Jaccard-index (klanten in beide / in een van beide) voor elk paar groepen',
    a: 'Groep',
    b: 'Groep',
    jaccard: 'Jaccard',
    both: 'In beide',
    kpiLabels: {
      revenuePerCustomer: 'Omzet per klant',
      ordersPerCustomer: 'Bestellingen per klant',
      averageOrderValue: 'Gemiddelde orderwaarde',
      repeatRate: 'Herhaalaankopen',
      nps: 'NPS',
    },
    churnLabel: (days: string) => `Churn (${days} dagen)`,
    meanLabel: (column: string) => `Gemiddelde ${column}`,
    allCustomers: 'Alle klanten',
  },
};

/**
 * The segments words of one locale.
 * @example segmentTexts('nl').section
 */
export function segmentTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}
