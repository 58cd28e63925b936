/**
 * The trends report section: how the points were made, a sentence naming the RFM segment that grew most and
 * the one that shrank most between the first and the last point, the share and KPI charts, and a table per
 * segmentation (first and last point, change, the last period's KPIs). Pure: result in, section out; every
 * number is formatted for the locale here, and a point too small to judge reads "too small", not a number.
 */
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { columnLabel } from '../../i18n/analyses.js';
import type { ReportChart } from '../../report/section.js';
import type { TrendGrouping, TrendsResult, TrendValue } from './index.js';
import { groupingNames, trendGroupingShareChart, trendKpiChart, trendSegmentName, trendShareChart } from './charts.js';
import { trendTexts } from './texts.js';

/** Options of {@link trendsSection}. */
export interface TrendsSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

/** A change of share smaller than this (one percentage point) is not called a rise or a fall. */
const MIN_CHANGE = 0.01;

/** The values of the first and last point per segment key. */
function ends(list: readonly TrendValue[], last: number): Array<{ first: TrendValue; last: TrendValue }> {
  const firsts = list.filter((v) => v.point === 0);
  return firsts.flatMap((first) => {
    const l = list.find((v) => v.point === last && v.segment === first.segment);
    return l ? [{ first, last: l }] : [];
  });
}

/**
 * Plain-language findings, most important first: the biggest rise and fall in share of an RFM segment, the
 * number of customers, the top value tier's revenue per customer in the last period.
 * @example trendFindings(result, 'en')[0] // 'From 10 Jan 2011 to 10 Dec 2011, Hibernating grew the most (…)'
 */
export function trendFindings(result: TrendsResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = trendTexts(locale).section;
  const u = t.step[result.options.period];
  const lastPoint = result.points.length - 1;
  const firstP = result.points[0];
  const lastP = result.points[lastPoint];
  if (!firstP || !lastP || lastPoint < 1) return [];
  const first = formatDate(firstP.date, locale);
  const last = formatDate(lastP.date, locale);
  const pct = (x: number) => formatPercent(x, locale, 1);
  const name = (v: TrendValue) => trendSegmentName(result, v, 'rfm', locale);
  const changes = ends(result.rfm, lastPoint).map((e) => ({ ...e, change: e.last.share - e.first.share }));
  const rise = [...changes].sort((a, b) => b.change - a.change)[0];
  const fall = [...changes].sort((a, b) => a.change - b.change)[0];
  const out: string[] = [];
  const rose = rise && rise.change >= MIN_CHANGE;
  const fell = fall && fall.change <= -MIN_CHANGE;
  if (rose && fell)
    out.push(
      t.riseFall(
        first,
        last,
        name(rise.first),
        pct(rise.first.share),
        pct(rise.last.share),
        name(fall.first),
        pct(fall.first.share),
        pct(fall.last.share),
      ),
    );
  else if (rose) out.push(t.riseOnly(first, last, name(rise.first), pct(rise.first.share), pct(rise.last.share)));
  else if (fell) out.push(t.riseOnly(first, last, name(fall.first), pct(fall.first.share), pct(fall.last.share)));
  else out.push(t.steady(first, last));
  out.push(t.customers(first, last, formatNumber(firstP.customers, locale), formatNumber(lastP.customers, locale)));
  const top = result.valueTiers.find((v) => v.point === lastPoint && v.segment === result.tiers[0]);
  if (top && !top.tooSmall && Number.isFinite(top.revenuePerCustomer.low)) {
    const money = (x: number) => formatCurrency(x, locale, currency, 0);
    out.push(
      t.topTier(
        trendSegmentName(result, top, 'tiers', locale),
        u,
        last,
        money(top.revenuePerCustomer.mean),
        money(top.revenuePerCustomer.low),
        money(top.revenuePerCustomer.high),
      ),
    );
  }
  return out;
}

/**
 * The two tables of one grouping (split so that neither scrolls on a laptop): its segments' sizes at the first
 * and last point with the change in share, and the last window's KPIs with their intervals.
 */
function groupTables(
  result: TrendsResult,
  list: readonly TrendValue[],
  names: (v: TrendValue) => string,
  name: string,
  locale: Locale,
  currency: string,
): ReportTable[] {
  const t = trendTexts(locale).section;
  const u = t.step[result.options.period];
  const lastPoint = result.points.length - 1;
  const first = formatDate(result.points[0]!.date, locale);
  const last = formatDate(result.points[lastPoint]!.date, locale);
  // -0.4 would read "-£0": a figure that rounds to zero is written as zero
  const money = (x: number) => formatCurrency(Math.round(x) === 0 ? 0 : x, locale, currency, 0);
  const pct = (x: number) => formatPercent(x, locale, 1);
  const interval = (v: string, low: number, high: number, f: (x: number) => string) =>
    Number.isFinite(low) ? `${v} (${f(low)}–${f(high)})` : v;
  const shown = (v: TrendValue, text: string) => (v.customers === 0 ? '–' : v.tooSmall ? t.tooSmall : text);
  const rate = (v: TrendValue, p: TrendValue['churn']) =>
    shown(v, p.total === 0 ? '–' : interval(pct(p.rate), p.low, p.high, pct));
  const change = (x: number) => {
    const points = Math.round(x * 1000) / 10;
    return `${points > 0 ? '+' : points < 0 ? '−' : ''}${formatNumber(Math.abs(points), locale, 1)}`;
  };
  const count = (v: TrendValue) => `${formatNumber(v.customers, locale)} (${pct(v.share)})`;
  const pairs = ends(list, lastPoint);
  return [
    {
      caption: t.sizeCaption(name, first, last),
      columns: t
        .sizeCols(first, last)
        .map((label, i) => ({ label, numeric: i > 0, ...(i === 1 || i === 2 ? COUNT : {}) })),
      rows: pairs.map(({ first: a, last: b }) => [names(a), count(a), count(b), change(b.share - a.share)]),
    },
    {
      caption: t.kpiCaption(name, last, u),
      columns: t.kpiCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: pairs.map(({ last: b }) => [
        names(b),
        shown(
          b,
          interval(money(b.revenuePerCustomer.mean), b.revenuePerCustomer.low, b.revenuePerCustomer.high, money),
        ),
        rate(b, b.repeatRate),
        rate(b, b.churn),
      ]),
      note: t.tableNote(result.options.minSize),
    },
  ];
}

/** The charts and tables of one more grouping: its shares, for clusters their revenue per customer, the tables. */
function groupingParts(
  result: TrendsResult,
  grouping: TrendGrouping,
  index: number,
  locale: Locale,
  currency: string,
): { charts: ReportChart[]; tables: ReportTable[] } {
  const t = trendTexts(locale);
  const names = groupingNames(grouping, locale);
  const name = (v: TrendValue) => names[grouping.keys.indexOf(v.segment)] ?? v.segment;
  const label = columnLabel(grouping.by, locale);
  const clusters = grouping.kind === 'clusters';
  const id = clusters ? 'trends-clusters' : `trends-by-${index}`;
  const charts: ReportChart[] = [
    {
      id,
      title: clusters ? t.charts.clusterShares : t.charts.attributeShares(label),
      description: t.charts.groupingSharesDesc,
      spec: trendGroupingShareChart(result, grouping, { locale }),
    },
  ];
  if (clusters)
    charts.push({
      id: `${id}-revenue`,
      title: t.section.clusterRevenue,
      description: t.section.clusterRevenueDesc,
      spec: trendKpiChart(result, { locale, segments: grouping }),
    });
  const title = clusters ? t.section.clusterName : t.section.attributeName(label);
  return { charts, tables: groupTables(result, grouping.values, name, title, locale, currency) };
}

/**
 * The trends section of a report.
 * @example trendsSection(await trends(wb), { locale: 'nl', currency: 'GBP' })
 */
export function trendsSection(result: TrendsResult, options: TrendsSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = trendTexts(locale).section;
  const u = t.step[result.options.period];
  const first = formatDate(result.points[0]!.date, locale);
  const last = formatDate(result.points[result.points.length - 1]!.date, locale);
  const parts = result.groupings.map((g, i) => groupingParts(result, g, i, locale, currency));
  const labels = (kind: TrendGrouping['kind']) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      result.groupings.filter((g) => g.kind === kind).map((g) => columnLabel(g.by, locale)),
    );
  const intro3 = t.intro3(
    result.groupings.some((g) => g.kind === 'clusters'),
    labels('attribute'),
    labels('segmentation'),
  );
  return {
    id: 'trends',
    title: t.title,
    intro: [t.intro(u, first, last), t.intro2(u, result.options.minSize), ...(intro3 ? [intro3] : [])],
    findings: trendFindings(result, locale, currency),
    charts: [
      { id: 'trends-shares', title: t.shares, description: t.sharesDesc, spec: trendShareChart(result, { locale }) },
      {
        id: 'trends-rfm-revenue',
        title: t.rfmRevenue,
        description: t.rfmRevenueDesc,
        spec: trendKpiChart(result, { locale, segments: 'rfm' }),
      },
      {
        id: 'trends-tier-revenue',
        title: t.tierRevenue,
        description: t.tierRevenueDesc,
        spec: trendKpiChart(result, { locale, segments: 'tiers' }),
      },
      {
        id: 'trends-tier-repeat',
        title: t.tierRepeat,
        description: t.tierRepeatDesc,
        spec: trendKpiChart(result, { locale, segments: 'tiers', kpi: 'repeatRate' }),
      },
      {
        id: 'trends-tier-churn',
        title: t.tierChurn,
        description: t.tierChurnDesc,
        spec: trendKpiChart(result, { locale, segments: 'tiers', kpi: 'churn' }),
      },
      ...parts.flatMap((p) => p.charts),
    ],
    tables: [
      ...groupTables(
        result,
        result.rfm,
        (v) => trendSegmentName(result, v, 'rfm', locale),
        t.rfmName,
        locale,
        currency,
      ),
      ...groupTables(
        result,
        result.valueTiers,
        (v) => trendSegmentName(result, v, 'tiers', locale),
        t.tierName,
        locale,
        currency,
      ),
      ...parts.flatMap((p) => p.tables),
    ],
    facts: [
      [t.facts.period, t.points(result.points.length, u)],
      [t.facts.dates, `${first} – ${last}`],
      [t.facts.minSize, formatNumber(result.options.minSize, locale)],
    ],
  };
}
