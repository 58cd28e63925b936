/**
 * A segment table whose first three columns are the segment, its rule and what to do, split in two so it fits a
 * laptop screen: the rules (segment, rule, what to do) and the figures (segment and the numbers). Pure.
 */
import type { ReportTable } from '../../report/section.js';

/**
 * `[rules, figures]` from one table with columns `segment, rule, action, …numbers`; the note stays with the figures.
 * @example tables: splitRuleTable(segmentTable(result, locale, currency), texts.rulesCaption)
 */
export function splitRuleTable(table: ReportTable, rulesCaption: string): ReportTable[] {
  const rules: ReportTable = {
    caption: rulesCaption,
    columns: table.columns.slice(0, 3).map((c) => ({ ...c, numeric: false })),
    rows: table.rows.map((r) => r.slice(0, 3)),
  };
  const figures: ReportTable = {
    ...table,
    columns: [table.columns[0]!, ...table.columns.slice(3)],
    rows: table.rows.map((r) => [r[0]!, ...r.slice(3)]),
  };
  return [rules, figures];
}
