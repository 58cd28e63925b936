/**
 * The tables of the subscriptions section: MRR per month, churn with MRR per customer and LTV per segment,
 * usage segments, churn by usage segment. Cells are formatted for the locale; counts of people are marked,
 * so a shared report suppresses small ones. Pure.
 */
import type { MrrMovementsResult, SubscriptionChurnResult } from './index.js';
import type { UsageSegmentsResult } from '../usage/index.js';
import type { UsageChurnResult } from '../usage/churn.js';
import { usageGroupName } from './charts.js';
import { periodLabel } from '../overview/charts.js';
import { texts } from '../../i18n/index.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { COUNT } from '../../report/small-groups.js';
import type { ReportTable } from '../../report/section.js';
import { segmentTexts } from '../segments/texts.js';

/** Money with no decimals, or a dash when there is no number. */
export function money(x: number | null | undefined, locale: Locale, currency: string, digits = 0): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : formatCurrency(x, locale, currency, digits);
}

/** A share as a percentage (one decimal), or a dash. */
export function pct(x: number | null | undefined, locale: Locale, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : formatPercent(x, locale, digits);
}

/** MRR per month, the last `months` months. */
export function movementsTable(result: MrrMovementsResult, locale: Locale, currency: string, months = 12): ReportTable {
  const t = texts(locale).subscriptions.report;
  const rows = result.rows.slice(Math.max(0, result.rows.length - months));
  const cols = t.movementsCols;
  return {
    caption: t.movementsCaption,
    columns: cols.map((label, i) => ({
      label,
      ...(i > 0 ? { numeric: true } : {}),
      ...(i === cols.length - 1 ? COUNT : {}),
    })),
    rows: rows.map((r) => [
      periodLabel(r.month, 'month', locale),
      money(r.mrrStart, locale, currency),
      money(r.new, locale, currency),
      money(r.expansion, locale, currency),
      money(r.reactivation, locale, currency),
      money(-r.contraction, locale, currency),
      money(-r.churned, locale, currency),
      money(r.mrrEnd, locale, currency),
      formatNumber(r.customersEnd, locale),
    ]),
  };
}

/**
 * Customer and revenue churn, MRR per customer and LTV per segment (the first column named after `byLabel`),
 * with the total unless `total: false`; small segments starred.
 */
export function churnTable(
  result: SubscriptionChurnResult,
  byLabel: string,
  locale: Locale,
  currency: string,
  options: { names?: (s: string) => string; total?: boolean } = {},
): ReportTable {
  const names = options.names;
  const t = texts(locale).subscriptions.report;
  const all = segmentTexts(locale).charts.allCustomers;
  const line = (name: string, f: SubscriptionChurnResult['total']): string[] => [
    name,
    formatNumber(f.customers, locale),
    pct(f.customerChurn.rate, locale),
    t.ci(pct(f.customerChurn.low, locale), pct(f.customerChurn.high, locale)),
    pct(f.grossRevenueChurn, locale),
    pct(f.netRevenueChurn, locale),
    money(f.arpu, locale, currency, 2),
    money(f.ltv, locale, currency),
  ];
  const rows = result.rows.map((r) =>
    line(`${r.segment === null ? t.unknown : names ? names(r.segment) : r.segment}${r.small ? ' *' : ''}`, r),
  );
  const anySmall = result.rows.some((r) => r.small);
  return {
    caption: t.churnCaption(byLabel),
    columns: t.churnCols.map((label, i) => ({
      label: i === 0 ? byLabel.charAt(0).toLocaleUpperCase() + byLabel.slice(1) : label,
      ...(i > 0 ? { numeric: true } : {}),
      ...(i === 1 ? COUNT : {}),
    })),
    rows: options.total === false ? rows : [...rows, line(all, result.total)],
    note: [anySmall ? t.small(formatNumber(result.options.minSize, locale)) : '', t.ltvNote].filter(Boolean).join(' '),
  };
}

/** Customers per usage segment with their mean active days and features. */
export function usageTable(result: UsageSegmentsResult, locale: Locale): ReportTable {
  const t = texts(locale).subscriptions.report;
  const one = (x: number) => (Number.isFinite(x) ? formatNumber(x, locale, 1) : '–');
  return {
    caption: t.usageCaption(formatDate(result.options.at, locale)),
    columns: t.usageCols.map((label, i) => ({ label, ...(i > 0 ? { numeric: true } : {}), ...(i === 1 ? COUNT : {}) })),
    rows: result.segments.map((s) => [
      usageGroupName(s.segment, locale),
      formatNumber(s.customers, locale),
      pct(s.share, locale),
      one(s.meanActiveDays),
      one(s.meanFeatures),
    ]),
  };
}

/** Churn within the horizon per usage segment, with the 95% interval; groups below `minSize` starred. */
export function usageChurnTable(result: UsageChurnResult, locale: Locale): ReportTable {
  const t = texts(locale).subscriptions.report;
  const months = texts(locale).subscriptions.charts.months(result.options.horizonMonths);
  return {
    caption: t.usageChurnCaption(months),
    columns: t.usageChurnCols.map((label, i) => ({
      label,
      ...(i > 0 ? { numeric: true } : {}),
      ...(i === 1 || i === 2 ? COUNT : {}),
    })),
    rows: result.rows.map((r) => [
      `${usageGroupName(r.segment, locale)}${r.tooSmall ? ' *' : ''}`,
      formatNumber(r.customers, locale),
      formatNumber(r.churned, locale),
      pct(r.rate, locale),
      t.ci(pct(r.low, locale), pct(r.high, locale)),
    ]),
    ...(result.rows.some((r) => r.tooSmall)
      ? { note: t.usageTooSmall2(formatNumber(result.options.minSize, locale)) }
      : {}),
  };
}
