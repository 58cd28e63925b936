/** A LoadReport as readable plain text for `swb validate`: the set-aside reasons in the report's words. */
import { texts } from '../i18n/index.js';
import { isoDate } from '../locale.js';
import type { LoadReport, SetAsideReason } from '../data/load-report.js';

/** A set-aside reason in the text layer's words, lower-case inside the console line. */
function reasonLabel(reason: SetAsideReason): string {
  const label = texts('en').report.reasons[reason];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const n = (x: number) => x.toLocaleString('en');

/** Format a LoadReport as aligned plain text. */
export function formatLoadReport(r: LoadReport): string {
  const setAsideTotal = r.setAside.reduce((a, s) => a + s.count, 0);
  const lines = [
    `${r.fileName} (${r.format}${r.preset ? `, preset ${r.preset}` : ''}) → table ${r.table}`,
    `  rows read     ${n(r.rowsRead)}`,
    `  rows loaded   ${n(r.rowsLoaded)}`,
    `  set aside     ${n(setAsideTotal)}`,
    ...r.setAside.map(
      (s) =>
        `    ${n(s.count).padStart(10)}  ${reasonLabel(s.reason)} (rows ${s.examples.join(', ')}${s.count > s.examples.length ? ', …' : ''})`,
    ),
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
