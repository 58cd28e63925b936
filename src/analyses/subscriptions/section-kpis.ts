/**
 * The SaaS KPIs in the subscriptions section: ARR, 12-month net and gross revenue retention and the quick
 * ratio of the last month as facts; retention and trial → paid conversion as findings. Pure.
 */
import type { SubscriptionKpiMonth, SubscriptionKpiResult } from './kpis.js';
import { wilson, type Proportion } from '../../stats/proportion.js';
import { texts } from '../../i18n/index.js';
import { formatDate, formatNumber, type Locale } from '../../locale.js';
import { money, pct } from './section-tables.js';
import { periodLabel } from '../overview/charts.js';
import { COUNT } from '../../report/small-groups.js';
import type { ReportTable } from '../../report/section.js';
import { segmentTexts } from '../segments/texts.js';

/** The last day of the month starting at `month`. */
const monthEnd = (month: Date): Date => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));

/** ARR, 12-month NRR and GRR and the quick ratio of the last month, as facts. */
export function kpiFacts(
  k: SubscriptionKpiResult | undefined,
  locale: Locale,
  currency: string,
): Array<[string, string]> {
  const last = k?.rows[k.rows.length - 1];
  if (!k || !last) return [];
  const f = texts(locale).subscriptions.report.facts;
  const facts: Array<[string, string]> = [[f.arr, money(last.arr, locale, currency)]];
  if (last.nrr !== null && k.options.retentionMonths === 12)
    facts.push([f.nrr, pct(last.nrr, locale)], [f.grr, pct(last.grr, locale)]);
  if (last.quickRatio !== null) facts.push([f.quickRatio, formatNumber(last.quickRatio, locale, 2)]);
  return facts;
}

/** Revenue retention over the last window and trial conversion over the range, in words. */
export function kpiFindings(k: SubscriptionKpiResult, locale: Locale): { retention?: string; trials?: string } {
  const t = texts(locale).subscriptions.report;
  const last = k.rows[k.rows.length - 1];
  const out: { retention?: string; trials?: string } = {};
  if (last && last.nrr !== null && last.grr !== null) {
    const then = new Date(
      Date.UTC(last.month.getUTCFullYear(), last.month.getUTCMonth() - k.options.retentionMonths, 1),
    );
    out.retention = t.retention(
      formatDate(monthEnd(then), locale),
      formatDate(monthEnd(last.month), locale),
      pct(last.nrr, locale),
      pct(last.grr, locale),
    );
  }
  const converted = k.rows.reduce((n, r) => n + (r.trialConversion?.events ?? 0), 0);
  const decided = k.rows.reduce((n, r) => n + (r.trialConversion?.total ?? 0), 0);
  if (decided > 0) {
    const p = wilson(converted, decided);
    out.trials = t.trials(
      pct(p.rate, locale),
      pct(p.low, locale),
      pct(p.high, locale),
      formatNumber(decided, locale),
      k.options.conversionDays,
    );
  }
  return out;
}

/**
 * The KPIs of the last month per segment and for all customers (segments too small to rank starred), or
 * undefined without segments. `byLabel` names the segments (`plan`).
 */
export function kpiTable(
  k: SubscriptionKpiResult,
  byLabel: string,
  locale: Locale,
  currency: string,
): ReportTable | undefined {
  const last = k.rows[k.rows.length - 1];
  if (!k.segments || !last) return undefined;
  const t = texts(locale).subscriptions.report;
  const withCi = (value: string, lo: string, hi: string): string =>
    value === '–' ? value : `${value} (${t.ci(lo, hi)})`;
  const rate = (p: Proportion | null | undefined): string =>
    p ? withCi(pct(p.rate, locale), pct(p.low, locale), pct(p.high, locale)) : '–';
  const line = (name: string, r: SubscriptionKpiMonth | undefined): string[] => [
    name,
    formatNumber(r?.customers ?? 0, locale),
    money(r?.mrr, locale, currency),
    money(r?.arr, locale, currency),
    money(r?.arpa, locale, currency, 2),
    pct(r?.nrr, locale),
    pct(r?.grr, locale),
    r?.quickRatio === null || r?.quickRatio === undefined ? '–' : formatNumber(r.quickRatio, locale, 2),
    rate(r?.customerChurn),
    rate(r?.trialConversionPooled),
    withCi(
      money(r?.ltv.value, locale, currency),
      money(r?.ltv.low, locale, currency),
      money(r?.ltv.high, locale, currency),
    ),
  ];
  const rows = k.segments.map((s) =>
    line(`${s.segment ?? t.unknown}${s.tooSmall ? ' *' : ''}`, s.rows[s.rows.length - 1]),
  );
  return {
    caption: t.kpiCaption(byLabel, periodLabel(last.month, 'month', locale)),
    columns: t.kpiCols.map((label, i) => ({
      label: i === 0 ? byLabel.charAt(0).toLocaleUpperCase() + byLabel.slice(1) : label,
      ...(i > 0 ? { numeric: true } : {}),
      ...(i === 1 ? COUNT : {}),
    })),
    rows: [...rows, line(segmentTexts(locale).charts.allCustomers, last)],
    ...(k.segments.some((s) => s.tooSmall) && k.options.minSize !== null
      ? { note: t.small(formatNumber(k.options.minSize, locale)) }
      : {}),
  };
}
