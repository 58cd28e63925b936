/**
 * The cohorts report section: what cohort analysis shows and how it was made, findings in plain
 * words (how many come back, how many are still active later, whether newer cohorts do better, what
 * a customer is worth over time), the four cohort charts and a cohort table. Pure: result in,
 * section out; every number is formatted for the locale here.
 */
import type { CohortCell, CohortPeriod, CohortResult, CohortSummary } from './index.js';
import { cohortHeatmap, cohortLabel, cohortLtvCurves, cohortRetentionCurves, shownCohorts } from './charts.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { texts } from '../../i18n/index.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { asOfFact } from '../../report/figures.js';
import { cohortTexts } from './texts.js';

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

/** The left-censored first cohort (see `CohortResult.leftCensored`), or undefined. */
function censored(result: CohortResult): CohortSummary | undefined {
  return result.leftCensored === undefined ? undefined : result.cohorts.find((c) => c.cohort === result.leftCensored);
}

/** "without Dec 2010" for averages and comparisons that leave out the left-censored cohort, or undefined. */
function withoutCensored(result: CohortResult, locale: Locale): string | undefined {
  const c = censored(result);
  return c ? cohortTexts(locale).section.without(cohortLabel(c, result.options.period, locale)) : undefined;
}

/** Plain-language findings, most important first (the summary takes the first one or two). */
export function cohortFindings(result: CohortResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = cohortTexts(locale).section;
  const u = t.unit[result.options.period];
  const pct = (x: number) => formatPercent(x, locale, 0);
  const label = (c: CohortSummary) => cohortLabel(c, result.options.period, locale, result.options.by);
  const out: string[] = [];
  const without = withoutCensored(result, locale);
  // the left-censored cohort is no cohort of new customers: no comparison leans on it
  const withNext = result.cohorts.filter((c) => c.cohort !== result.leftCensored && cell(result, c, 1) !== undefined);
  const byAttr = result.options.by !== null;
  // time cohorts: the latest cohort with a complete next period; attribute cohorts: the largest
  const lead = byAttr ? withNext[0] : withNext[withNext.length - 1];
  const leadCell = lead && cell(result, lead, 1);
  if (lead && leadCell) out.push((byAttr ? t.nextAttr : t.next)(label(lead), pct(leadCell.retention), u));
  const [k1, k2] = MILESTONES[result.options.period];
  const avg = (k: number) => result.average.find((p) => p.period === k);
  const a1 = avg(k1);
  const a2 = avg(k2);
  if (a1)
    out.push(
      a2
        ? t.average(pct(a1.retention), k1, u, pct(a2.retention), k2, without)
        : t.average(pct(a1.retention), k1, u, undefined, undefined, without),
    );
  const big = withNext.filter((c) => (cell(result, c, 1)?.observed ?? 0) >= MIN_COMPARED);
  if (!byAttr && big.length >= 6) {
    const early = pooled(result, big.slice(0, 3));
    const recent = pooled(result, big.slice(-3));
    if (Math.abs(recent - early) >= 0.03) out.push(t.trend(recent > early, pct(recent), pct(early), u, without));
  } else if (byAttr && big.length >= 2) {
    const sorted = [...big].sort((a, b) => (cell(result, b, 1)?.retention ?? 0) - (cell(result, a, 1)?.retention ?? 0));
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    if (best && worst)
      out.push(
        t.spread(
          label(best),
          pct(cell(result, best, 1)?.retention ?? NaN),
          label(worst),
          pct(cell(result, worst, 1)?.retention ?? NaN),
          u,
          MIN_COMPARED,
        ),
      );
  }
  const ltvPoint = a2 ?? a1;
  if (ltvPoint)
    out.push(
      t.ltv(ltvPoint.period, u, formatCurrency(ltvPoint.cumulativeRevenuePerCustomer, locale, currency, 0), without),
    );
  return out;
}

/** What to do, from the average retention one period after the first order (none without that figure). */
export function cohortNext(result: CohortResult, locale: Locale = 'en'): string[] {
  const t = cohortTexts(locale).section;
  const p1 = result.average.find((p) => p.period === 1);
  return p1 && Number.isFinite(p1.retention)
    ? [t.todo(formatPercent(p1.retention, locale, 0), t.unit[result.options.period])]
    : [];
}

/** One sentence under the cohort table: what its total leaves out of the summary's net revenue (none when nothing). */
function totalNote(result: CohortResult, locale: Locale, currency: string): string | undefined {
  const t = cohortTexts(locale).section;
  const money = (x: number) => formatCurrency(-x, locale, currency, 0);
  const parts = [
    result.returnsOnlyRevenue
      ? t.totalReturnsOnly(money(result.returnsOnlyRevenue), formatNumber(result.returnsOnlyCustomers, locale))
      : '',
    result.returnsBeforeFirstPurchaseRevenue ? t.totalEarly(money(result.returnsBeforeFirstPurchaseRevenue)) : '',
    // attribute cohorts leave each customer's partial period out (time cohorts keep it, starred)
    result.options.by !== null ? t.totalPartial : '',
  ].filter(Boolean);
  return parts.length ? t.total(formatCurrency(result.revenue, locale, currency, 0), parts) : undefined;
}

function cohortTable(result: CohortResult, locale: Locale, currency: string): ReportTable {
  const t = cohortTexts(locale).section;
  const u = t.unit[result.options.period];
  const ks = [1, ...MILESTONES[result.options.period]];
  const ltvK = MILESTONES[result.options.period][1];
  const pct = (c: CohortCell | undefined) => (c ? formatPercent(c.retention, locale, 1) : '–');
  const shown = shownCohorts(result, 24);
  const first = censored(result);
  const rows = shown.map((c) => {
    const ltv = cell(result, c, ltvK);
    return [
      `${cohortLabel(c, result.options.period, locale, result.options.by)}${c === first ? ` ${t.censoredMark}` : ''}`,
      formatNumber(c.size, locale),
      ...ks.map((k) => pct(cell(result, c, k))),
      ltv ? formatCurrency(ltv.cumulativeRevenuePerCustomer, locale, currency, 0) : '–',
      formatCurrency(c.revenue, locale, currency, 0),
    ];
  });
  const avg = (k: number) => result.average.find((p) => p.period === k);
  const avgLtv = avg(ltvK);
  const without = withoutCensored(result, locale);
  // The average row holds averages only (of the cohorts it averages); the total row the sums of every cohort.
  rows.push(
    [
      without ? `${t.avgRow} (${without})` : t.avgRow,
      formatNumber(result.customerCount - (first?.size ?? 0), locale),
      ...ks.map((k) => {
        const p = avg(k);
        return p ? formatPercent(p.retention, locale, 1) : '–';
      }),
      avgLtv ? formatCurrency(avgLtv.cumulativeRevenuePerCustomer, locale, currency, 0) : '–',
      '',
    ],
    [
      t.totalRow,
      formatNumber(result.customerCount, locale),
      ...ks.map(() => ''),
      '',
      formatCurrency(result.revenue, locale, currency, 0),
    ],
  );
  const notes = [
    shown.length < result.cohorts.length
      ? t.tableNote(shown.length, result.cohorts.length, result.options.by !== null)
      : t.tableNoteAll,
    first ? t.censoredNote(cohortLabel(first, result.options.period, locale)) : '',
    totalNote(result, locale, currency) ?? '',
  ].filter(Boolean);
  return {
    caption: t.caption,
    columns: [
      { label: t.cohort },
      { label: t.customers, numeric: true, ...COUNT },
      ...ks.map((k) => ({ label: t.after(k, u), numeric: true })),
      { label: t.ltvAfter(ltvK, u), numeric: true },
      { label: t.revenue, numeric: true },
    ],
    rows,
    note: notes.join(' '),
  };
}

/**
 * The cohorts section of a report.
 * @example cohortsSection(await cohorts(wb), { locale: 'nl' })
 */
export function cohortsSection(result: CohortResult, options: CohortsSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = cohortTexts(locale).section;
  const o = result.options;
  const u = t.unit[o.period];
  const last = lastLabel(result, locale);
  const asOfDay = formatDate(new Date(o.asOf.getTime() - 1), locale);
  const intro = [t.intro(o.by === null ? t.byPeriod(u) : t.byAttr(o.by), u)];
  if (o.by !== null) intro.push(t.attrPartial);
  else if (result.lastPeriod.partial) intro.push(t.partial(last, asOfDay));
  const first = censored(result);
  if (first) intro.push(t.censored(cohortLabel(first, o.period, locale)));
  const withLine = (d: string) => (first ? `${d} ${t.lineWithout(cohortLabel(first, o.period, locale))}` : d);
  const facts: Array<[string, string]> = [
    [t.facts.by, o.by ?? t.firstOrder(u)],
    [t.facts.period, u.one],
    [t.facts.cohorts, formatNumber(result.cohorts.length, locale)],
    // Every customer with a purchase before the as-of date is in a cohort: the summary's count, in its words.
    [texts(locale).report.figures.customers, formatNumber(result.customerCount, locale)],
    asOfFact(o.asOf, locale),
    [t.facts.partial, result.lastPeriod.partial ? t.partialYes(last) : t.partialNo(last)],
    [t.facts.returns, o.returns === 'net' ? t.returnsNet : t.returnsIgnore],
  ];
  if (result.returnsOnlyCustomers > 0)
    facts.push([t.facts.returnsOnly, formatNumber(result.returnsOnlyCustomers, locale)]);
  return {
    id: 'cohorts',
    title: t.title,
    intro,
    findings: cohortFindings(result, locale, currency),
    charts: [
      { id: 'cohorts-retention', title: t.heat, description: t.heatDesc, spec: cohortHeatmap(result, { locale }) },
      {
        id: 'cohorts-revenue-retention',
        title: t.heatRev,
        description: t.heatRevDesc,
        spec: cohortHeatmap(result, { locale, metric: 'revenueRetention' }),
      },
      {
        id: 'cohorts-curves',
        title: t.curves,
        description: withLine(t.curvesDesc),
        spec: cohortRetentionCurves(result, { locale }),
      },
      {
        id: 'cohorts-ltv',
        title: t.ltvChart,
        description: withLine(t.ltvDesc),
        spec: cohortLtvCurves(result, { locale }),
      },
    ],
    tables: [cohortTable(result, locale, currency)],
    facts,
    next: cohortNext(result, locale),
  };
}
