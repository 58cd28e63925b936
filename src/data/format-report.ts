/** A LoadReport as readable plain text (for `swb validate` and notebooks). */
import { isoDate } from '../locale.js';
import type { LoadReport, SetAsideReason } from './load-report.js';

/** Plain-English label of each set-aside reason. */
export const REASON_LABELS: Readonly<Record<SetAsideReason, string>> = {
  missing_customer_id: 'no customer id',
  unparseable_date: 'date could not be read',
  unparseable_amount: 'amount could not be read',
  invalid_amount: 'amount is not money (infinite, NaN, or 1,000,000,000,000 or more)',
  date_out_of_range: 'date far outside the data\'s period (more than 24 months from the other orders)',
  zero_amount: 'amount is zero',
  negative_price: 'unit price below zero (not the price of a sale)',
  repeated_header: 'a repeat of the header line',
  cancellation_excluded: 'cancellation (returns excluded)',
  return_excluded: 'return / negative amount (returns excluded)',
  duplicate: 'exact duplicate of an earlier row',
  missing_subscription_id: 'no subscription id',
  end_before_start: 'end date on or before the start date',
  negative_mrr: 'monthly recurring revenue below zero',
  invalid_interval: 'billing interval not recognised (month, quarter, half year, year, week)',
  overlapping_period: 'period overlaps an earlier period of the same subscription',
  missing_event: 'no event name',
};

const n = (x: number) => x.toLocaleString('en');

/** Format a LoadReport as aligned plain text. */
export function formatLoadReport(r: LoadReport): string {
  const setAsideTotal = r.setAside.reduce((a, s) => a + s.count, 0);
  const lines = [
    `${r.fileName} (${r.format}${r.preset ? `, preset ${r.preset}` : ''}) → table ${r.table}`,
    `  rows read     ${n(r.rowsRead)}`,
    `  rows loaded   ${n(r.rowsLoaded)}`,
    `  set aside     ${n(setAsideTotal)}`,
    ...r.setAside.map((s) => `    ${n(s.count).padStart(10)}  ${REASON_LABELS[s.reason]} (rows ${s.examples.join(', ')}${s.count > s.examples.length ? ', …' : ''})`),
    // The report's data-quality section states these two counts under the same names.
    `  customer ids  ${n(r.customers)}`,
    ...(r.orders !== undefined ? [`  order ids     ${n(r.orders)} (incl. returns and cancellations)`] : []),
    ...(r.dateRange ? [`  period        ${isoDate(r.dateRange.first)} … ${isoDate(r.dateRange.last)}`] : []),
    ...(r.returns ? [`  returns       ${r.returns === 'net' ? 'netted in (negative amounts)' : 'set aside'}`] : []),
    '  columns',
    ...r.columns.map((c) => `    ${c.field.padEnd(12)} ← ${c.source}`),
    `  sha256        ${r.sha256}`,
    ...(r.warnings.length ? ['  notes', ...r.warnings.map((w) => `    - ${w}`)] : []),
  ];
  return lines.join('\n');
}
