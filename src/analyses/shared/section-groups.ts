/**
 * The table cells of a group with value and retention ({@link GroupKpis}), shared by the channel and price
 * sections: a group below the minimum size gets no numbers, only its customer count and the word for "too small". Pure.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import type { GroupKpis } from './group-kpis.js';
import { splitRuleTable } from './rule-table.js';

/** A share with its interval, e.g. `54% (50–58%)`. */
export function shareWithInterval(p: { rate: number; low: number; high: number }, locale: Locale): string {
  if (!Number.isFinite(p.rate)) return '–';
  const pct = (x: number) => formatPercent(x, locale, 0);
  return Number.isFinite(p.low) ? `${pct(p.rate)} (${pct(p.low)}–${pct(p.high)})` : pct(p.rate);
}

/** An amount with its interval, e.g. `€4,145 (€3,644–€4,645)`. */
export function moneyWithInterval(
  m: { value: number; low: number; high: number },
  locale: Locale,
  currency: string,
): string {
  if (!Number.isFinite(m.value)) return '–';
  const money = (x: number) => formatCurrency(x, locale, currency, 0);
  return Number.isFinite(m.low) ? `${money(m.value)} (${money(m.low)}–${money(m.high)})` : money(m.value);
}

/**
 * The cells of a group: customers, share of customers, revenue per customer, revenue per order, repeat rate and
 * active rate (with intervals); a group below the minimum size shows `tooSmall` in place of every number but its count.
 */
export function groupCells(g: GroupKpis, locale: Locale, currency: string, tooSmall: string): string[] {
  const count = formatNumber(g.customers, locale);
  if (g.tooSmall) return [count, tooSmall, tooSmall, tooSmall, tooSmall, tooSmall];
  return [
    count,
    Number.isFinite(g.share) ? formatPercent(g.share, locale, 1) : '–',
    moneyWithInterval(g.revenuePerCustomer, locale, currency),
    Number.isFinite(g.revenuePerOrder) ? formatCurrency(g.revenuePerOrder, locale, currency, 0) : '–',
    shareWithInterval(g.repeat, locale),
    shareWithInterval(g.active, locale),
  ];
}

/** The words of a segment table of groups with value and retention (channel, price). */
export interface GroupSegmentWords {
  /** Caption of the figures table. */
  caption: string;
  /** Caption of the rules table. */
  rulesCaption: string;
  /** Column labels: segment, rule, what to do, then the labels of {@link groupCells}. */
  cols: readonly string[];
  /** How the figures are computed (the note under the figures). */
  method: string;
  /** The word in a cell of a group too small to show. */
  tooSmallCell: string;
  /** The note when a group is too small, given the minimum size. */
  tooSmall: (minSize: string) => string;
}

/**
 * The rules table (segment, rule, what to do) and the figures table ({@link groupCells}) of segments with value
 * and retention. Pure.
 */
export function groupSegmentTables<K extends string>(
  segments: ReadonlyArray<GroupKpis & { key: K }>,
  names: Readonly<Record<K, { name: string; rule: string; action: string }>>,
  t: GroupSegmentWords,
  minSize: number,
  locale: Locale,
  currency: string,
): ReportTable[] {
  const small = segments.some((s) => s.tooSmall);
  return splitRuleTable(
    {
      caption: t.caption,
      columns: t.cols.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 ? COUNT : {}) })),
      rows: segments.map((s) => {
        const words = names[s.key];
        return [words.name, words.rule, words.action, ...groupCells(s, locale, currency, t.tooSmallCell)];
      }),
      note: [t.method, small ? t.tooSmall(formatNumber(minSize, locale)) : ''].filter(Boolean).join(' '),
    },
    t.rulesCaption,
  );
}
