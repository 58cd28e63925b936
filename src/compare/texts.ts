/**
 * The words of the "What changed" section and of `swb compare`, in English and Dutch: the Dutch table has the
 * English table's type, so a missing Dutch string does not compile. Numbers and dates come in formatted.
 */
import type { Locale } from '../i18n/types.js';

/** English. */
const en = {
  title: 'What changed',
  notLike: (list: string) =>
    `Not like for like: ${list}. The figures of both reports are shown side by side, not as changes, because a difference here changes the figures by itself.`,
  factNames: {
    version: 'workbench version',
    source: 'data file',
    period: 'data period',
    asOf: 'as-of date',
    mapping: 'column mapping',
    returns: 'returns (--returns)',
    segmentMap: 'segment map',
    currency: 'currency',
    minGroup: 'smallest group shown (--min-group)',
  },
  factChange: (name: string, before: string, after: string) => `${name}: ${before} → ${after}`,
  previous: 'Previous report',
  current: 'This report',
  asOfFact: (asOf: string, period: string) => `as of ${asOf} (data ${period})`,
  alsoDiffers: 'Also different',
  intro: (previous: string, current: string) =>
    `This report (as of ${current}) set against the previous one (as of ${previous}), from the results each report keeps. Segment sizes are compared by their share of customers with a two-proportion z test, at 5% over all segments of a grouping (Bonferroni); the two runs share most customers, so read the test as a guide.`,
  kpiIntro:
    'Revenue per customer and repeat rate are for the period before each as-of date, with 95% intervals; a change is clear when the two intervals do not overlap.',
  customers: (before: string, after: string, change: string) =>
    `Customers with a purchase: ${before} before, ${after} now (${change}).`,
  newSince: (n: string, date: string) => `${n} customers bought for the first time on or after ${date}.`,
  newUnknown: (date: string) =>
    `The reports do not tell how many customers are new since ${date}: that date is not the start of a cohort. Keep a snapshot (swb report --snapshot) to count new and lost customers exactly.`,
  lostNeedsSnapshot:
    'Which customers left or moved to another segment is not in the reports: keep snapshots (swb report --snapshot) for that.',
  movedNeedsSnapshot:
    'Which customers moved to another segment is not in the reports: keep snapshots (swb report --snapshot) for that.',
  since: (date: string, added: string, lapsed: string, lost: string) =>
    `Since ${date}, from this run’s data: ${added} customers are new (first purchase on or after that date), ${lapsed} customers of before have not bought since, and ${lost} counted by the previous report are not in this run’s data before that date.`,
  biggest: (segment: string, grouping: string, from: string, to: string) =>
    `${segment} (${grouping}) changed the most beyond chance: from ${from} to ${to} of customers.`,
  noneBeyond: (grouping: string) => `No ${grouping} changed in share beyond chance.`,
  groupings: {
    rfm: 'RFM segments',
    valueTiers: 'value tiers',
    clusters: 'clusters',
    by: (attribute: string) => `customers by ${attribute}`,
  },
  sizesCaption: (grouping: string) => `${grouping}: customers before and now`,
  columns: {
    segment: 'Segment',
    before: 'Before',
    now: 'Now',
    change: 'Change',
    shareBefore: 'Share before',
    shareNow: 'Share now',
    beyond: 'Beyond chance',
    kpi: 'KPI',
    period: 'Period since first order',
  },
  yes: 'yes',
  no: 'no',
  untested: '–',
  kpiNames: { revenuePerCustomer: 'Revenue per customer', repeatRate: 'Repeat rate' },
  kpiCaption: 'KPIs per segment before and now, with 95% intervals',
  clear: 'Clear change',
  withInterval: (value: string, low: string, high: string) => `${value} (${low} to ${high})`,
  cohortCaption: (period: string) =>
    `Customer retention of all cohorts together by ${period} since the first order, before and now`,
  cohortsShown: (n: string, drawn: string) =>
    `${n} cohorts are in both reports; the latest ${drawn} are drawn one by one above, the others can be read in each report's cohort section.`,
  eachChart: {
    title: 'Each cohort’s retention, before and now',
    description: (period: string) =>
      `One panel per cohort in both reports: the share of its customers buying, by ${period} since their first order, in the previous report (grey) and in this one; where both saw the same ${period}s the lines should lie on each other.`,
    cohort: 'Cohort',
  },
  periods: { month: 'month', quarter: 'quarter', week: 'week' } as Record<string, string>,
  missing: '–',
  chart: {
    title: 'Cohort retention, before and now',
    description: (period: string) =>
      `Lines: the share of all cohorts together still buying, by ${period} since their first order, in the previous report (grey) and in this one.`,
    retention: 'Customers active',
    run: 'Report',
  },
  moves: {
    caption: (grouping: string, date: string) => `${grouping}: customers who moved since the snapshot of ${date}`,
    from: 'Then',
    to: 'Now',
    customers: 'Customers',
    new: 'New (not in the snapshot)',
    lost: 'Gone (only in the snapshot)',
    stayed: 'Stayed in their segment',
    note: (moved: string, max: string) =>
      `${moved} customers moved to another segment; the ${max} largest moves are listed. Counted on pseudonyms: swb export lists the customers.`,
    finding: (added: string, gone: string, moved: string, stayed: string) =>
      `By the snapshot: ${added} customers are new, ${gone} are gone, ${moved} moved to another RFM segment and ${stayed} stayed.`,
  },
  clustersNote:
    'Clusters are fitted again on each run: they are matched by name, and a cluster that changed character has another name.',
};

/** Dutch. */
const nl: typeof en = {
  title: 'Wat is er veranderd',
  notLike: (list: string) =>
    `Niet vergelijkbaar: ${list}. De cijfers van beide rapporten staan naast elkaar, niet als veranderingen, want een verschil hierin verandert de cijfers op zich al.`,
  factNames: {
    version: 'versie van de workbench',
    source: 'gegevensbestand',
    period: 'periode van de gegevens',
    asOf: 'peildatum',
    mapping: 'kolomindeling',
    returns: 'retouren (--returns)',
    segmentMap: 'segmentindeling',
    currency: 'valuta',
    minGroup: 'kleinste getoonde groep (--min-group)',
  },
  factChange: (name: string, before: string, after: string) => `${name}: ${before} → ${after}`,
  previous: 'Vorig rapport',
  current: 'Dit rapport',
  asOfFact: (asOf: string, period: string) => `peildatum ${asOf} (gegevens ${period})`,
  alsoDiffers: 'Ook anders',
  intro: (previous: string, current: string) =>
    `Dit rapport (peildatum ${current}) naast het vorige (peildatum ${previous}), op basis van de resultaten die elk rapport bewaart. Segmentgroottes zijn vergeleken op hun aandeel klanten met een z-toets voor twee proporties, op 5% over alle segmenten van een indeling (Bonferroni); de twee runs delen de meeste klanten, dus lees de toets als richtlijn.`,
  kpiIntro:
    'Omzet per klant en herhaalaankopen gaan over de periode vóór elke peildatum, met 95%-intervallen; een verandering is duidelijk als de twee intervallen elkaar niet overlappen.',
  customers: (before: string, after: string, change: string) =>
    `Klanten met een aankoop: ${before} eerst, ${after} nu (${change}).`,
  newSince: (n: string, date: string) => `${n} klanten kochten voor het eerst op of na ${date}.`,
  newUnknown: (date: string) =>
    `De rapporten vertellen niet hoeveel klanten sinds ${date} nieuw zijn: die datum is niet het begin van een cohort. Bewaar een momentopname (swb report --snapshot) om nieuwe en verloren klanten precies te tellen.`,
  lostNeedsSnapshot:
    'Welke klanten vertrokken of naar een ander segment gingen, staat niet in de rapporten: bewaar daarvoor momentopnamen (swb report --snapshot).',
  movedNeedsSnapshot:
    'Welke klanten naar een ander segment gingen, staat niet in de rapporten: bewaar daarvoor momentopnamen (swb report --snapshot).',
  since: (date, added, lapsed, lost) =>
    `Sinds ${date}, volgens de gegevens van deze run: ${added} klanten zijn nieuw (eerste aankoop op of na die datum), ${lapsed} klanten van eerder kochten sindsdien niet meer, en ${lost} die het vorige rapport telde, staan vóór die datum niet in de gegevens van deze run.`,
  biggest: (segment: string, grouping: string, from: string, to: string) =>
    `${segment} (${grouping}) veranderde het meest, meer dan toeval: van ${from} naar ${to} van de klanten.`,
  noneBeyond: (grouping: string) => `Geen van de ${grouping} veranderde in aandeel meer dan toeval.`,
  groupings: {
    rfm: 'RFM-segmenten',
    valueTiers: 'waardegroepen',
    clusters: 'clusters',
    by: (attribute: string) => `klanten per ${attribute}`,
  },
  sizesCaption: (grouping: string) => `${grouping}: klanten eerst en nu`,
  columns: {
    segment: 'Segment',
    before: 'Eerst',
    now: 'Nu',
    change: 'Verschil',
    shareBefore: 'Aandeel eerst',
    shareNow: 'Aandeel nu',
    beyond: 'Meer dan toeval',
    kpi: 'KPI',
    period: 'Periode sinds eerste bestelling',
  },
  yes: 'ja',
  no: 'nee',
  untested: '–',
  kpiNames: { revenuePerCustomer: 'Omzet per klant', repeatRate: 'Herhaalaankopen' },
  kpiCaption: 'KPI’s per segment eerst en nu, met 95%-intervallen',
  clear: 'Duidelijke verandering',
  withInterval: (value: string, low: string, high: string) => `${value} (${low} tot ${high})`,
  cohortCaption: (period: string) =>
    `Klantbehoud van alle cohorten samen per ${period} sinds de eerste bestelling, eerst en nu`,
  cohortsShown: (n, drawn) =>
    `${n} cohorten staan in beide rapporten; de laatste ${drawn} staan hierboven elk apart, de andere in het cohortonderdeel van elk rapport.`,
  eachChart: {
    title: 'Klantbehoud van elk cohort, eerst en nu',
    description: (period) =>
      `Eén paneel per cohort uit beide rapporten: het aandeel van de klanten dat koopt, per ${period} sinds de eerste bestelling, in het vorige rapport (grijs) en in dit rapport; waar beide dezelfde periodes zagen, horen de lijnen op elkaar te liggen.`,
    cohort: 'Cohort',
  },
  periods: { month: 'maand', quarter: 'kwartaal', week: 'week' },
  missing: '–',
  chart: {
    title: 'Klantbehoud per cohort, eerst en nu',
    description: (period: string) =>
      `Lijnen: het aandeel van alle cohorten samen dat nog koopt, per ${period} sinds de eerste bestelling, in het vorige rapport (grijs) en in dit rapport.`,
    retention: 'Actieve klanten',
    run: 'Rapport',
  },
  moves: {
    caption: (grouping: string, date: string) =>
      `${grouping}: klanten die verschoven sinds de momentopname van ${date}`,
    from: 'Toen',
    to: 'Nu',
    customers: 'Klanten',
    new: 'Nieuw (niet in de momentopname)',
    lost: 'Weg (alleen in de momentopname)',
    stayed: 'Bleven in hun segment',
    note: (moved: string, max: string) =>
      `${moved} klanten gingen naar een ander segment; de ${max} grootste verschuivingen staan hier. Geteld op pseudoniemen: swb export geeft de klanten.`,
    finding: (added: string, gone: string, moved: string, stayed: string) =>
      `Volgens de momentopname: ${added} klanten zijn nieuw, ${gone} zijn weg, ${moved} gingen naar een ander RFM-segment en ${stayed} bleven.`,
  },
  clustersNote:
    'Clusters worden bij elke run opnieuw bepaald: ze zijn op naam gekoppeld, en een cluster met een ander karakter heeft een andere naam.',
};

/**
 * The words of the comparison in a locale.
 * @example compareTexts('nl').title // 'Wat is er veranderd'
 */
export function compareTexts(locale: Locale): typeof en {
  return locale === 'nl' ? nl : en;
}

/** The type of the comparison's words. */
export type CompareTexts = typeof en;
