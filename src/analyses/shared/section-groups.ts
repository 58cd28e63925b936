/**
 * The table cells of a group with value and retention ({@link GroupKpis}), shared by the channel and price
 * sections: a group below the minimum size gets no numbers, only its customer count and the word for "too small". Pure.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { GroupKpis } from './group-kpis.js';

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
