/**
 * The cohorts report section: what cohort analysis shows and how it was made, findings in plain
 * words (how many come back, how many are still active later, whether newer cohorts do better, what
 * a customer is worth over time), the four cohort charts and a cohort table. Pure: result in,
 * section out; every number is formatted for the locale here.
 */
import type { CohortCell, CohortPeriod, CohortResult, CohortSummary } from '../../analyses/cohorts/index.js';
import { cohortHeatmap, cohortLabel, cohortLtvCurves, cohortRetentionCurves, shownCohorts } from '../../charts/cohorts.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../section.js';

/** Options of {@link cohortsSection}. */
export interface CohortsSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

/** The two "later" period indexes findings and the table speak of, per period grain. */
const MILESTONES: Record<CohortPeriod, readonly [number, number]> = { month: [3, 6], week: [4, 12], quarter: [1, 2] };
/** Cohorts smaller than this are not compared in findings (their percentages jump with one customer). */
const MIN_COMPARED = 30;

type Unit = { one: string; many: string; next: string };

const T = {
  en: {
    title: 'Cohorts',
    unit: {
      month: { one: 'month', many: 'months', next: 'the next month' }, week: { one: 'week', many: 'weeks', next: 'the next week' },
      quarter: { one: 'quarter', many: 'quarters', next: 'the next quarter' },
    } as Record<CohortPeriod, Unit>,
    intro: (by: string, u: Unit) =>
      `Cohort analysis groups customers by ${by} and follows each group ${u.one} by ${u.one} after the first order. Retention is the share of a cohort that ordered again in a ${u.one}; revenue retention compares the cohort’s revenue per customer in a ${u.one} with its first ${u.one}; cumulative revenue per customer adds up net revenue from the first order on (a historical lifetime value). Newer cohorts have fewer ${u.many} behind them, which is why the table is a triangle.`,
    byPeriod: (u: Unit) => `the ${u.one} of their first order`, byAttr: (a: string) => `${a} (of their first order or customer record)`,
    partial: (label: string, asOf: string) => `The data ends on ${asOf}, during ${label}: that last period is only partly observed, so it is marked with * and left out of the curves and averages.`,
    attrPartial: 'Each customer’s last, partly observed period is left out, because the cohorts mix customers who started at different times.',
    next: (label: string, share: string, u: Unit) => `Of the customers who started in ${label}, ${share} ordered again ${u.next}.`,
    nextAttr: (label: string, share: string, u: Unit) => `Of the customers in ${label}, ${share} ordered again ${u.next}.`,
    average: (a: string, k: number, u: Unit, b?: string, k2?: number) =>
      `On average ${a} of a cohort is still active after ${k} ${k === 1 ? u.one : u.many}${b !== undefined && k2 !== undefined ? ` and ${b} after ${k2} ${u.many}` : ''} (weighted by cohort size).`,
    trend: (better: boolean, recent: string, early: string, u: Unit) =>
      `Newer cohorts come back ${better ? 'more' : 'less'} often: ${recent} of the last three ordered again ${u.next}, against ${early} of the first three.`,
    spread: (best: string, bestShare: string, worst: string, worstShare: string, u: Unit) =>
      `Retention after one ${u.one} is highest for ${best} (${bestShare}) and lowest for ${worst} (${worstShare}), among cohorts of at least ${MIN_COMPARED} customers.`,
    ltv: (k: number, u: Unit, v: string) => `After ${k} ${k === 1 ? u.one : u.many} a customer has brought ${v} in net revenue on average (cumulative, weighted by cohort size).`,
    heat: 'Retention by cohort', heatDesc: 'Each row is a cohort (with its number of customers), each column a period since the first order; a cell is the share of the cohort that ordered in that period. Read down a column to compare cohorts at the same age.',
    heatRev: 'Revenue retention by cohort', heatRevDesc: 'As above, but each cell is the cohort’s revenue per customer in that period relative to its first period; above 100% means customers spend more than when they started.',
    curves: 'Retention curves', curvesDesc: 'The same retention as lines, one per cohort, with the size-weighted average in black: curves that flatten out show a loyal core.',
    ltvChart: 'Cumulative revenue per customer', ltvDesc: 'Net revenue per customer added up period by period: how much a customer of each cohort has been worth so far.',
    caption: 'Cohorts', cohort: 'Cohort', customers: 'Customers', after: (k: number, u: Unit) => `Retention after ${k} ${k === 1 ? u.one : u.many}`,
    ltvAfter: (k: number, u: Unit) => `Revenue per customer after ${k} ${k === 1 ? u.one : u.many}`, revenue: 'Net revenue', avgRow: 'Weighted average',
    tableNote: (n: number, total: number, by: boolean) => `${by ? 'The largest' : 'The latest'} ${n} of ${total} cohorts; – = not yet (fully) observed.`,
    tableNoteAll: '– = not yet (fully) observed.',
    facts: { by: 'Cohorts by', period: 'Period', cohorts: 'Cohorts', customers: 'Customers in cohorts', asOf: 'Data up to (as-of)', returns: 'Returns', partial: 'Last period', returnsOnly: 'Customers with only returns (in no cohort)' },
    firstOrder: (u: Unit) => `${u.one} of first order`, returnsNet: 'netted against revenue', returnsIgnore: 'left out',
    partialYes: (l: string) => `${l}, partly observed`, partialNo: (l: string) => `${l}, complete`,
  },
  nl: {
    title: 'Cohorten',
    unit: {
      month: { one: 'maand', many: 'maanden', next: 'de maand erna' }, week: { one: 'week', many: 'weken', next: 'de week erna' },
      quarter: { one: 'kwartaal', many: 'kwartalen', next: 'het kwartaal erna' },
    } as Record<CohortPeriod, Unit>,
    intro: (by: string, u: Unit) =>
      `Cohortanalyse groepeert klanten naar ${by} en volgt elke groep per ${u.one} na de eerste bestelling. Behoud (retentie) is het aandeel van een cohort dat in een ${u.one} opnieuw bestelde; omzetbehoud vergelijkt de omzet per klant van het cohort in een ${u.one} met de eerste ${u.one}; cumulatieve omzet per klant telt de netto-omzet op vanaf de eerste bestelling (een historische klantwaarde). Nieuwere cohorten hebben minder ${u.many} achter zich; daarom is de tabel een driehoek.`,
    byPeriod: (u: Unit) => `de ${u.one} van hun eerste bestelling`, byAttr: (a: string) => `${a} (van hun eerste bestelling of klantgegevens)`,
    partial: (label: string, asOf: string) => `De data eindigt op ${asOf}, midden in ${label}: die laatste periode is maar deels waargenomen; ze is gemarkeerd met * en weggelaten uit de curves en gemiddelden.`,
    attrPartial: 'De laatste, deels waargenomen periode van elke klant is weggelaten, omdat de cohorten klanten mengen die op verschillende momenten begonnen.',
    next: (label: string, share: string, u: Unit) => `Van de klanten die in ${label} begonnen, bestelde ${share} opnieuw in ${u.next}.`,
    nextAttr: (label: string, share: string, u: Unit) => `Van de klanten in ${label} bestelde ${share} opnieuw in ${u.next}.`,
    average: (a: string, k: number, u: Unit, b?: string, k2?: number) =>
      `Gemiddeld is ${a} van een cohort na ${k} ${k === 1 ? u.one : u.many} nog actief${b !== undefined && k2 !== undefined ? ` en ${b} na ${k2} ${u.many}` : ''} (gewogen naar cohortomvang).`,
    trend: (better: boolean, recent: string, early: string, u: Unit) =>
      `Nieuwere cohorten komen ${better ? 'vaker' : 'minder vaak'} terug: ${recent} van de laatste drie bestelde opnieuw in ${u.next}, tegen ${early} van de eerste drie.`,
    spread: (best: string, bestShare: string, worst: string, worstShare: string, u: Unit) =>
      `Het behoud na één ${u.one} is het hoogst voor ${best} (${bestShare}) en het laagst voor ${worst} (${worstShare}), onder cohorten van minstens ${MIN_COMPARED} klanten.`,
    ltv: (k: number, u: Unit, v: string) => `Na ${k} ${k === 1 ? u.one : u.many} heeft een klant gemiddeld ${v} netto-omzet opgebracht (cumulatief, gewogen naar cohortomvang).`,
    heat: 'Behoud per cohort', heatDesc: 'Elke rij is een cohort (met het aantal klanten), elke kolom een periode sinds de eerste bestelling; een cel is het aandeel van het cohort dat in die periode bestelde. Lees een kolom van boven naar beneden om cohorten op dezelfde leeftijd te vergelijken.',
    heatRev: 'Omzetbehoud per cohort', heatRevDesc: 'Als hierboven, maar elke cel is de omzet per klant van het cohort in die periode ten opzichte van de eerste periode; boven 100% besteden klanten meer dan toen ze begonnen.',
    curves: 'Retentiecurves', curvesDesc: 'Hetzelfde behoud als lijnen, één per cohort, met het naar omvang gewogen gemiddelde in zwart: curves die afvlakken wijzen op een trouwe kern.',
    ltvChart: 'Cumulatieve omzet per klant', ltvDesc: 'Netto-omzet per klant, periode na periode opgeteld: wat een klant van elk cohort tot nu toe waard was.',
    caption: 'Cohorten', cohort: 'Cohort', customers: 'Klanten', after: (k: number, u: Unit) => `Behoud na ${k} ${k === 1 ? u.one : u.many}`,
    ltvAfter: (k: number, u: Unit) => `Omzet per klant na ${k} ${k === 1 ? u.one : u.many}`, revenue: 'Netto-omzet', avgRow: 'Gewogen gemiddelde',
    tableNote: (n: number, total: number, by: boolean) => `De ${by ? 'grootste' : 'laatste'} ${n} van ${total} cohorten; – = nog niet (volledig) waargenomen.`,
    tableNoteAll: '– = nog niet (volledig) waargenomen.',
    facts: { by: 'Cohorten naar', period: 'Periode', cohorts: 'Cohorten', customers: 'Klanten in cohorten', asOf: 'Data tot (peildatum)', returns: 'Retouren', partial: 'Laatste periode', returnsOnly: 'Klanten met alleen retouren (in geen cohort)' },
    firstOrder: (u: Unit) => `${u.one} van eerste bestelling`, returnsNet: 'verrekend met de omzet', returnsIgnore: 'weggelaten',
    partialYes: (l: string) => `${l}, deels waargenomen`, partialNo: (l: string) => `${l}, volledig`,
  },
} as const;

/** A cohort's complete (not partial) cell at period k. */
function cell(result: CohortResult, cohort: CohortSummary, k: number): CohortCell | undefined {
  return result.rows.find((c) => c.cohort === cohort.cohort && c.period === k && !c.partial);
}

/** Label of the last observed period for text (`Dec 2011`, `2011-W49`). */
function lastLabel(result: CohortResult, locale: Locale): string {
  return cohortLabel({ cohort: result.lastPeriod.key, start: result.lastPeriod.start }, result.options.period, locale);
}

/** Pooled period-1 retention over a few cohorts: Σ active / Σ observed. */
function pooled(result: CohortResult, list: CohortSummary[]): number {
  const cells = list.map((c) => cell(result, c, 1)).filter((c): c is CohortCell => c !== undefined);
  const n = cells.reduce((s, c) => s + c.observed, 0);
  return n > 0 ? cells.reduce((s, c) => s + c.active, 0) / n : NaN;
}

/** Plain-language findings, most important first (the summary takes the first one or two). */
export function cohortFindings(result: CohortResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = T[locale];
  const u = t.unit[result.options.period];
  const pct = (x: number) => formatPercent(x, locale, 0);
  const label = (c: CohortSummary) => cohortLabel(c, result.options.period, locale);
  const out: string[] = [];
  const withNext = result.cohorts.filter((c) => cell(result, c, 1) !== undefined);
  const byAttr = result.options.by !== null;
  // time cohorts: the latest cohort with a complete next period; attribute cohorts: the largest
  const lead = byAttr ? withNext[0] : withNext[withNext.length - 1];
  const leadCell = lead && cell(result, lead, 1);
  if (lead && leadCell) out.push((byAttr ? t.nextAttr : t.next)(label(lead), pct(leadCell.retention), u));
  const [k1, k2] = MILESTONES[result.options.period];
  const avg = (k: number) => result.average.find((p) => p.period === k);
  const a1 = avg(k1);
  const a2 = avg(k2);
  if (a1) out.push(a2 ? t.average(pct(a1.retention), k1, u, pct(a2.retention), k2) : t.average(pct(a1.retention), k1, u));
  const big = withNext.filter((c) => (cell(result, c, 1)?.observed ?? 0) >= MIN_COMPARED);
  if (!byAttr && big.length >= 6) {
    const early = pooled(result, big.slice(0, 3));
    const recent = pooled(result, big.slice(-3));
    if (Math.abs(recent - early) >= 0.03) out.push(t.trend(recent > early, pct(recent), pct(early), u));
  } else if (byAttr && big.length >= 2) {
    const sorted = [...big].sort((a, b) => (cell(result, b, 1)?.retention ?? 0) - (cell(result, a, 1)?.retention ?? 0));
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    if (best && worst) out.push(t.spread(label(best), pct(cell(result, best, 1)?.retention ?? NaN), label(worst), pct(cell(result, worst, 1)?.retention ?? NaN), u));
  }
  const ltvPoint = a2 ?? a1;
  if (ltvPoint) out.push(t.ltv(ltvPoint.period, u, formatCurrency(ltvPoint.cumulativeRevenuePerCustomer, locale, currency, 0)));
  return out;
}

function cohortTable(result: CohortResult, locale: Locale, currency: string): ReportTable {
  const t = T[locale];
  const u = t.unit[result.options.period];
  const ks = [1, ...MILESTONES[result.options.period]];
  const ltvK = MILESTONES[result.options.period][1];
  const pct = (c: CohortCell | undefined) => (c ? formatPercent(c.retention, locale, 1) : '–');
  const shown = shownCohorts(result, 24);
  const rows = shown.map((c) => {
    const ltv = cell(result, c, ltvK);
    return [
      cohortLabel(c, result.options.period, locale), formatNumber(c.size, locale), ...ks.map((k) => pct(cell(result, c, k))),
      ltv ? formatCurrency(ltv.cumulativeRevenuePerCustomer, locale, currency, 0) : '–', formatCurrency(c.revenue, locale, currency, 0),
    ];
  });
  const avg = (k: number) => result.average.find((p) => p.period === k);
  const avgLtv = avg(ltvK);
  rows.push([
    t.avgRow, formatNumber(result.customerCount, locale),
    ...ks.map((k) => { const p = avg(k); return p ? formatPercent(p.retention, locale, 1) : '–'; }),
    avgLtv ? formatCurrency(avgLtv.cumulativeRevenuePerCustomer, locale, currency, 0) : '–', formatCurrency(result.revenue, locale, currency, 0),
  ]);
  return {
    caption: t.caption,
    columns: [{ label: t.cohort }, { label: t.customers, numeric: true }, ...ks.map((k) => ({ label: t.after(k, u), numeric: true })),
      { label: t.ltvAfter(ltvK, u), numeric: true }, { label: t.revenue, numeric: true }],
    rows,
    note: shown.length < result.cohorts.length ? t.tableNote(shown.length, result.cohorts.length, result.options.by !== null) : t.tableNoteAll,
  };
}

/**
 * The cohorts section of a report.
 * @example cohortsSection(await cohorts(wb), { locale: 'nl' })
 */
export function cohortsSection(result: CohortResult, options: CohortsSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = T[locale];
  const o = result.options;
  const u = t.unit[o.period];
  const last = lastLabel(result, locale);
  const asOfDay = formatDate(new Date(o.asOf.getTime() - 1), locale);
  const intro = [t.intro(o.by === null ? t.byPeriod(u) : t.byAttr(o.by), u)];
  if (o.by !== null) intro.push(t.attrPartial);
  else if (result.lastPeriod.partial) intro.push(t.partial(last, asOfDay));
  const facts: Array<[string, string]> = [
    [t.facts.by, o.by ?? t.firstOrder(u)],
    [t.facts.period, u.one],
    [t.facts.cohorts, formatNumber(result.cohorts.length, locale)],
    [t.facts.customers, formatNumber(result.customerCount, locale)],
    [t.facts.asOf, asOfDay],
    [t.facts.partial, result.lastPeriod.partial ? t.partialYes(last) : t.partialNo(last)],
    [t.facts.returns, o.returns === 'net' ? t.returnsNet : t.returnsIgnore],
  ];
  if (result.returnsOnlyCustomers > 0) facts.push([t.facts.returnsOnly, formatNumber(result.returnsOnlyCustomers, locale)]);
  return {
    id: 'cohorts',
    title: t.title,
    intro,
    findings: cohortFindings(result, locale, currency),
    charts: [
      { id: 'cohorts-retention', title: t.heat, description: t.heatDesc, spec: cohortHeatmap(result, { locale }) },
      { id: 'cohorts-revenue-retention', title: t.heatRev, description: t.heatRevDesc, spec: cohortHeatmap(result, { locale, metric: 'revenueRetention' }) },
      { id: 'cohorts-curves', title: t.curves, description: t.curvesDesc, spec: cohortRetentionCurves(result, { locale }) },
      { id: 'cohorts-ltv', title: t.ltvChart, description: t.ltvDesc, spec: cohortLtvCurves(result, { locale }) },
    ],
    tables: [cohortTable(result, locale, currency)],
    facts,
  };
}
