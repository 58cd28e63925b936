/**
 * The words of the cohorts analysis's section and charts, in English and Dutch: the Dutch table has the English
 * table's type, so a missing Dutch string does not compile. Numbers come in already formatted for the locale.
 */
import type { Locale } from '../../i18n/types.js';

/** A period grain (month, week, quarter) in the words cohort sentences need. */
export interface PeriodWords {
  /** Singular: `month`. */
  one: string;
  /** Plural: `months`. */
  many: string;
  /** The period after one: `the next month`. */
  next: string;
}

/** English chart words (the subscription wording overrides some). */
const enCharts = {
  heat: 'Customer retention by cohort',
  heatRev: 'Revenue retention by cohort',
  heatDesc:
    'Cohort triangle: one row per cohort (size in brackets), one column per period since the first order; each cell shows the share of the cohort that ordered in that period',
  heatRevDesc:
    'Cohort triangle: each cell shows the cohort’s revenue per customer in that period as a share of its first period',
  curves: 'Retention curves',
  curvesDesc:
    'One line per cohort: the share of the cohort ordering in each period since the first order; the thick black line is the average weighted by cohort size',
  ltv: 'Cumulative revenue per customer (LTV)',
  ltvDesc:
    'One line per cohort: net revenue per customer summed from the first period on; the thick black line is the weighted average',
  since: { month: 'Months since first order', week: 'Weeks since first order', quarter: 'Quarters since first order' },
  cohort: 'Cohort',
  size: 'Customers',
  active: 'Active',
  retention: 'Retention',
  revenueRetention: 'Revenue retention',
  revenue: 'Net revenue',
  ltvValue: 'Cumulative revenue per customer',
  average: 'Weighted average',
  averageWhere: (n: number) => `the average is drawn where at least ${n} cohorts are observed`,
  partial: '* partly observed (the data ends during this period)',
  partialLeftOut: 'partly observed periods left out',
  shown: (n: number, of: number, by: boolean) => `${by ? 'largest' : 'latest'} ${n} of ${of} cohorts`,
  censored: (label: string) => `† ${label} also holds customers from before the data starts`,
  averageOf: (without: string | undefined, shownOnly: boolean) =>
    shownOnly || without
      ? `black line: average${shownOnly ? ' of the cohorts shown' : ''}${without ? `${shownOnly ? ',' : ''} ${without}` : ''}`
      : '',
  unknown: '(unknown)',
  q: 'Q',
  period: 'Period',
};

/** English. */
const en = {
  /** The cohorts section; `PeriodWords` is the grain (month, week, quarter) in words. */
  section: {
    title: 'Cohorts',
    unit: {
      month: { one: 'month', many: 'months', next: 'the next month' },
      week: { one: 'week', many: 'weeks', next: 'the next week' },
      quarter: { one: 'quarter', many: 'quarters', next: 'the next quarter' },
    },
    intro: (by: string, u: PeriodWords) =>
      `Cohort analysis groups customers by ${by} and follows each group ${u.one} by ${u.one} after the first order. Retention is the share of a cohort that ordered again in a ${u.one}; revenue retention compares the cohort’s revenue per customer in a ${u.one} with its first ${u.one}; cumulative revenue per customer adds up net revenue from the first order on (a historical lifetime value). Newer cohorts have fewer ${u.many} behind them, which is why the table is a triangle.`,
    byPeriod: (u: PeriodWords) => `the ${u.one} of their first order`,
    byAttr: (a: string) => `${a} (of their first order or customer record)`,
    partial: (label: string, asOf: string) =>
      `The data ends on ${asOf}, during ${label}: that last period is only partly observed, so it is marked with * and left out of the curves and averages.`,
    attrPartial:
      'Each customer’s last, partly observed period is left out, because the cohorts mix customers who started at different times.',
    next: (label: string, share: string, u: PeriodWords) =>
      `Of the customers who started in ${label}, ${share} ordered again ${u.next}.`,
    nextAttr: (label: string, share: string, u: PeriodWords) =>
      `Of the customers in ${label}, ${share} ordered again ${u.next}.`,
    average: (a: string, k: number, u: PeriodWords, b?: string, k2?: number, without?: string) =>
      `On average ${a} of a cohort is still active after ${k} ${k === 1 ? u.one : u.many}${b !== undefined && k2 !== undefined ? ` and ${b} after ${k2} ${u.many}` : ''} (weighted by cohort size${without ? `, ${without}` : ''}).`,
    trend: (better: boolean, recent: string, early: string, u: PeriodWords, without?: string) =>
      `Newer cohorts come back ${better ? 'more' : 'less'} often: ${recent} of the last three ordered again ${u.next}, against ${early} of the first three${without ? ` (${without})` : ''}.`,
    spread: (best: string, bestShare: string, worst: string, worstShare: string, u: PeriodWords, min: number) =>
      `Retention after one ${u.one} is highest for ${best} (${bestShare}) and lowest for ${worst} (${worstShare}), among cohorts of at least ${min} customers.`,
    ltv: (k: number, u: PeriodWords, v: string, without?: string) =>
      `After ${k} ${k === 1 ? u.one : u.many} a customer has brought ${v} in net revenue on average (cumulative, weighted by cohort size${without ? `, ${without}` : ''}).`,
    heat: 'Retention by cohort',
    heatDesc:
      'Each row is a cohort (with its number of customers), each column a period since the first order; a cell is the share of the cohort that ordered in that period. Read down a column to compare cohorts at the same age.',
    heatRev: 'Revenue retention by cohort',
    heatRevDesc:
      'As above, but each cell is the cohort’s revenue per customer in that period relative to its first period; above 100% means customers spend more than when they started.',
    curves: 'Retention curves',
    curvesDesc:
      'The same retention as lines, one per cohort, with the size-weighted average in black: curves that flatten out show a loyal core.',
    ltvChart: 'Cumulative revenue per customer',
    ltvDesc:
      'Net revenue per customer added up period by period: how much a customer of each cohort has been worth so far.',
    caption: 'Cohorts',
    cohort: 'Cohort',
    customers: 'Customers',
    after: (k: number, u: PeriodWords) => `Retention after ${k} ${k === 1 ? u.one : u.many}`,
    ltvAfter: (k: number, u: PeriodWords) => `Revenue per customer after ${k} ${k === 1 ? u.one : u.many}`,
    revenue: 'Net revenue',
    avgRow: 'Weighted average',
    tableNote: (n: number, total: number, by: boolean) =>
      `${by ? 'The largest' : 'The latest'} ${n} of ${total} cohorts; – = not yet (fully) observed.`,
    tableNoteAll: '– = not yet (fully) observed.',
    facts: {
      by: 'Cohorts by',
      period: 'Period',
      cohorts: 'Cohorts',
      returns: 'Returns',
      partial: 'Last period',
      returnsOnly: 'Customers with only returns (in no cohort)',
    },
    firstOrder: (u: PeriodWords) => `${u.one} of first order`,
    returnsNet: 'netted against revenue',
    returnsIgnore: 'left out',
    /** The first cohort holds everyone who bought before the data starts. */
    censored: (label: string) =>
      `The first cohort, ${label}, also holds every customer who already bought before the data starts: their real first order is not in the data. It is marked † and left out of the averages and of comparisons between cohorts.`,
    without: (label: string) => `without ${label}`,
    censoredMark: '†',
    censoredNote: (label: string) =>
      `† ${label} also holds the customers from before the data starts; not in the average.`,
    totalRow: 'Total',
    lineWithout: (label: string) => `The black line leaves out ${label}.`,
    /** Under the cohort table: why its total is not the summary's net revenue. */
    total: (total: string, parts: string[]) =>
      `Total ${total}: the summary’s net revenue without ${parts.join(' and without ')}.`,
    totalReturnsOnly: (amount: string, n: string) =>
      `the ${amount} of returns by ${n} customers who only returned something`,
    totalEarly: (amount: string) =>
      `${amount} of returns booked before the customer’s first purchase (of purchases from before the data starts)`,
    totalPartial: 'the revenue of each customer’s last, partly observed period',
    /** What to do, from the retention after one period. */
    todo: (share: string, u: PeriodWords) =>
      `What to do: only ${share} of new customers order again ${u.next}. Make the second order easy within the first ${u.one} (a welcome offer, a reminder) and follow this figure for every new cohort.`,
    partialYes: (l: string) => `${l}, partly observed`,
    partialNo: (l: string) => `${l}, complete`,
  },
  /** Cohort charts: the retention triangle and the retention and LTV curves. */
  charts: enCharts,
  /** Subscription wording of the charts (`wording: 'subscriptions'`), over the order words. */
  subscriptionCharts: {
    heat: 'Paying customers kept, by start month',
    heatRev: 'MRR kept, by start month',
    heatDesc:
      'Cohort triangle: one row per month in which customers first paid (size in brackets), one column per month since; each cell shows the share of the cohort still paying at that month’s end',
    heatRevDesc:
      'Cohort triangle: each cell shows the cohort’s MRR at that month’s end as a share of its MRR in its first paid month; above 100% means those who stay pay more',
    curves: 'Paying customers kept',
    curvesDesc:
      'One line per start month: the share of the cohort still paying in each month since its first paid month; the thick black line is the average weighted by cohort size',
    ltv: 'MRR per customer added up',
    ltvDesc:
      'One line per start month: MRR per customer summed from the first paid month on; the thick black line is the weighted average',
    since: {
      month: 'Months since first payment',
      week: 'Weeks since first payment',
      quarter: 'Quarters since first payment',
    },
    cohort: 'Start month',
    active: 'Still paying',
    retention: 'Still paying',
    revenueRetention: 'MRR retention',
    revenue: 'MRR',
    ltvValue: 'MRR per customer added up',
  } satisfies Partial<typeof enCharts>,
};

/** Dutch. */
const nl: typeof en = {
  section: {
    title: 'Cohorten',
    unit: {
      month: { one: 'maand', many: 'maanden', next: 'de maand erna' },
      week: { one: 'week', many: 'weken', next: 'de week erna' },
      quarter: { one: 'kwartaal', many: 'kwartalen', next: 'het kwartaal erna' },
    },
    intro: (by: string, u) =>
      `Cohortanalyse groepeert klanten naar ${by} en volgt elke groep per ${u.one} na de eerste bestelling. Behoud (retentie) is het aandeel van een cohort dat in een ${u.one} opnieuw bestelde; omzetbehoud vergelijkt de omzet per klant van het cohort in een ${u.one} met de eerste ${u.one}; cumulatieve omzet per klant telt de netto-omzet op vanaf de eerste bestelling (een historische klantwaarde). Nieuwere cohorten hebben minder ${u.many} achter zich; daarom is de tabel een driehoek.`,
    byPeriod: (u) => `de ${u.one} van hun eerste bestelling`,
    byAttr: (a: string) => `${a} (van hun eerste bestelling of klantgegevens)`,
    partial: (label: string, asOf: string) =>
      `De data eindigt op ${asOf}, midden in ${label}: die laatste periode is maar deels waargenomen; ze is gemarkeerd met * en weggelaten uit de curves en gemiddelden.`,
    attrPartial:
      'De laatste, deels waargenomen periode van elke klant is weggelaten, omdat de cohorten klanten mengen die op verschillende momenten begonnen.',
    next: (label: string, share: string, u) =>
      `Van de klanten die in ${label} begonnen, bestelde ${share} opnieuw in ${u.next}.`,
    nextAttr: (label: string, share: string, u) => `Van de klanten in ${label} bestelde ${share} opnieuw in ${u.next}.`,
    average: (a: string, k: number, u, b?: string, k2?: number, without?: string) =>
      `Gemiddeld is ${a} van een cohort na ${k} ${k === 1 ? u.one : u.many} nog actief${b !== undefined && k2 !== undefined ? ` en ${b} na ${k2} ${u.many}` : ''} (gewogen naar cohortomvang${without ? `, ${without}` : ''}).`,
    trend: (better: boolean, recent: string, early: string, u, without?: string) =>
      `Nieuwere cohorten komen ${better ? 'vaker' : 'minder vaak'} terug: ${recent} van de laatste drie bestelde opnieuw in ${u.next}, tegen ${early} van de eerste drie${without ? ` (${without})` : ''}.`,
    spread: (best: string, bestShare: string, worst: string, worstShare: string, u, min: number) =>
      `Het behoud na één ${u.one} is het hoogst voor ${best} (${bestShare}) en het laagst voor ${worst} (${worstShare}), onder cohorten van minstens ${min} klanten.`,
    ltv: (k: number, u, v: string, without?: string) =>
      `Na ${k} ${k === 1 ? u.one : u.many} heeft een klant gemiddeld ${v} netto-omzet opgebracht (cumulatief, gewogen naar cohortomvang${without ? `, ${without}` : ''}).`,
    heat: 'Behoud per cohort',
    heatDesc:
      'Elke rij is een cohort (met het aantal klanten), elke kolom een periode sinds de eerste bestelling; een cel is het aandeel van het cohort dat in die periode bestelde. Lees een kolom van boven naar beneden om cohorten op dezelfde leeftijd te vergelijken.',
    heatRev: 'Omzetbehoud per cohort',
    heatRevDesc:
      'Als hierboven, maar elke cel is de omzet per klant van het cohort in die periode ten opzichte van de eerste periode; boven 100% besteden klanten meer dan toen ze begonnen.',
    curves: 'Retentiecurves',
    curvesDesc:
      'Hetzelfde behoud als lijnen, één per cohort, met het naar omvang gewogen gemiddelde in zwart: curves die afvlakken wijzen op een trouwe kern.',
    ltvChart: 'Cumulatieve omzet per klant',
    ltvDesc: 'Netto-omzet per klant, periode na periode opgeteld: wat een klant van elk cohort tot nu toe waard was.',
    caption: 'Cohorten',
    cohort: 'Cohort',
    customers: 'Klanten',
    after: (k: number, u) => `Behoud na ${k} ${k === 1 ? u.one : u.many}`,
    ltvAfter: (k: number, u) => `Omzet per klant na ${k} ${k === 1 ? u.one : u.many}`,
    revenue: 'Netto-omzet',
    avgRow: 'Gewogen gemiddelde',
    tableNote: (n: number, total: number, by: boolean) =>
      `De ${by ? 'grootste' : 'laatste'} ${n} van ${total} cohorten; – = nog niet (volledig) waargenomen.`,
    tableNoteAll: '– = nog niet (volledig) waargenomen.',
    facts: {
      by: 'Cohorten naar',
      period: 'Periode',
      cohorts: 'Cohorten',
      returns: 'Retouren',
      partial: 'Laatste periode',
      returnsOnly: 'Klanten met alleen retouren (in geen cohort)',
    },
    firstOrder: (u) => `${u.one} van eerste bestelling`,
    returnsNet: 'verrekend met de omzet',
    returnsIgnore: 'weggelaten',
    censored: (label: string) =>
      `Het eerste cohort, ${label}, bevat ook alle klanten die al vóór het begin van de data kochten: hun echte eerste bestelling staat niet in de data. Het is gemarkeerd met † en telt niet mee in de gemiddelden en in vergelijkingen tussen cohorten.`,
    without: (label: string) => `zonder ${label}`,
    censoredMark: '†',
    censoredNote: (label: string) =>
      `† ${label} bevat ook de klanten van vóór het begin van de data; telt niet mee in het gemiddelde.`,
    totalRow: 'Totaal',
    lineWithout: (label: string) => `De zwarte lijn laat ${label} weg.`,
    total: (total: string, parts: string[]) =>
      `Totaal ${total}: de netto-omzet uit de samenvatting zonder ${parts.join(' en zonder ')}.`,
    totalReturnsOnly: (amount: string, n: string) =>
      `de ${amount} aan retouren van ${n} klanten die alleen iets terugstuurden`,
    totalEarly: (amount: string) =>
      `${amount} aan retouren die vóór de eerste aankoop van de klant vallen (van aankopen van vóór het begin van de data)`,
    totalPartial: 'de omzet in de laatste, deels waargenomen periode van elke klant',
    todo: (share: string, u) =>
      `Wat te doen: maar ${share} van de nieuwe klanten bestelt opnieuw in ${u.next}. Maak een tweede bestelling in de eerste ${u.one} makkelijk (een welkomstaanbod, een herinnering) en volg dit cijfer voor elk nieuw cohort.`,
    partialYes: (l: string) => `${l}, deels waargenomen`,
    partialNo: (l: string) => `${l}, volledig`,
  },
  charts: {
    heat: 'Klantbehoud per cohort',
    heatRev: 'Omzetbehoud per cohort',
    heatDesc:
      'Cohortdriehoek: één rij per cohort (omvang tussen haakjes), één kolom per periode sinds de eerste bestelling; elke cel toont het aandeel van het cohort dat in die periode bestelde',
    heatRevDesc:
      'Cohortdriehoek: elke cel toont de omzet per klant van het cohort in die periode als aandeel van de eerste periode',
    curves: 'Retentiecurves',
    curvesDesc:
      'Eén lijn per cohort: het aandeel van het cohort dat bestelt in elke periode sinds de eerste bestelling; de dikke zwarte lijn is het gemiddelde, gewogen naar cohortomvang',
    ltv: 'Cumulatieve omzet per klant (klantwaarde tot nu toe)',
    ltvDesc:
      'Eén lijn per cohort: netto-omzet per klant opgeteld vanaf de eerste periode; de dikke zwarte lijn is het gewogen gemiddelde',
    since: {
      month: 'Maanden sinds eerste bestelling',
      week: 'Weken sinds eerste bestelling',
      quarter: 'Kwartalen sinds eerste bestelling',
    },
    cohort: 'Cohort',
    size: 'Klanten',
    active: 'Actief',
    retention: 'Behoud',
    revenueRetention: 'Omzetbehoud',
    revenue: 'Netto-omzet',
    ltvValue: 'Cumulatieve omzet per klant',
    average: 'Gewogen gemiddelde',
    averageWhere: (n: number) => `het gemiddelde staat waar minstens ${n} cohorten zijn waargenomen`,
    partial: '* deels waargenomen (de data eindigt in deze periode)',
    partialLeftOut: 'deels waargenomen perioden weggelaten',
    shown: (n: number, of: number, by: boolean) => `${by ? 'grootste' : 'laatste'} ${n} van ${of} cohorten`,
    censored: (label: string) => `† ${label} bevat ook klanten van vóór het begin van de data`,
    averageOf: (without: string | undefined, shownOnly: boolean) =>
      shownOnly || without
        ? `zwarte lijn: gemiddelde${shownOnly ? ' van de getoonde cohorten' : ''}${without ? `${shownOnly ? ',' : ''} ${without}` : ''}`
        : '',
    unknown: '(onbekend)',
    q: 'K',
    period: 'Periode',
  },
  subscriptionCharts: {
    heat: 'Behouden betalende klanten, per startmaand',
    heatRev: 'Behouden MRR, per startmaand',
    heatDesc:
      'Cohortdriehoek: één rij per maand waarin klanten voor het eerst betaalden (aantal tussen haakjes), één kolom per maand daarna; elke cel toont het aandeel van het cohort dat aan het eind van die maand nog betaalt',
    heatRevDesc:
      'Cohortdriehoek: elke cel toont de MRR van het cohort aan het eind van die maand als aandeel van de MRR in de eerste betaalde maand; boven 100% betalen de blijvers meer',
    curves: 'Behouden betalende klanten',
    curvesDesc:
      'Eén lijn per startmaand: het aandeel van het cohort dat in elke maand na de eerste betaalde maand nog betaalt; de dikke zwarte lijn is het gemiddelde gewogen naar cohortgrootte',
    ltv: 'Opgetelde MRR per klant',
    ltvDesc:
      'Eén lijn per startmaand: MRR per klant opgeteld vanaf de eerste betaalde maand; de dikke zwarte lijn is het gewogen gemiddelde',
    since: {
      month: 'Maanden na eerste betaling',
      week: 'Weken na eerste betaling',
      quarter: 'Kwartalen na eerste betaling',
    },
    cohort: 'Startmaand',
    active: 'Betaalt nog',
    retention: 'Betaalt nog',
    revenueRetention: 'MRR-behoud',
    revenue: 'MRR',
    ltvValue: 'Opgetelde MRR per klant',
  },
};

/**
 * The cohorts words of one locale.
 * @example cohortTexts('nl').section
 */
export function cohortTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The cohort words of one locale. */
export type CohortTexts = typeof en;
