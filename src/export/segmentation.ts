/**
 * exportSegmentation: one segmentation (timing, loyalty, …; see `SEGMENTATIONS`) as a file for a CRM or an
 * e-mail tool: one row per customer with a purchase before the as-of moment — the customer id (as in the
 * segment export: real ids, for operations), the stable segment key, its label in the chosen language and the
 * numbers behind the segment — written atomically by DuckDB COPY as CSV or Parquet. Labels are bound as
 * parameters; CSV text cells that begin like a formula get a leading `'` (OWASP: CSV injection).
 */
import { keyword } from '../analyses/shared/validate.js';
import { dayAfterLastOrder } from '../analyses/shared/as-of.js';
import { WorkbenchError } from '../errors.js';
import type { Locale } from '../locale.js';
import { messages } from '../messages.js';
import { checkOutputPath } from '../report/save.js';
import { quoteIdentifier } from '../sql.js';
import type { QueryParam, Workbench } from '../workbench.js';
import type { Segmentation } from '../analyses/shared/segmentation.js';
import { SEGMENTATION_IDS, SEGMENTATIONS, writeSegmentation, type SegmentationId } from './segmentations.js';
import { neutraliseSql } from './sql.js';
import { copyAtomically } from './write.js';

/** Options of {@link exportSegmentation}. */
export interface ExportSegmentationOptions {
  /** Which segmentation (see `SEGMENTATION_IDS`). */
  segmentation: SegmentationId;
  /** Output file (parent folders are created). */
  out: string;
  /** File format. @defaultValue 'parquet' when `out` ends in `.parquet`, else 'csv' */
  format?: 'csv' | 'parquet';
  /** CSV field delimiter; with `;` numbers get a decimal comma. @defaultValue ',' */
  delimiter?: ',' | ';' | '\t';
  /** Language of the label column (the key column never changes). @defaultValue 'en' */
  locale?: Locale;
  /** As-of moment; later orders are left out. @defaultValue the day after the last order */
  asOf?: Date;
}

/** What {@link exportSegmentation} wrote. */
export interface ExportSegmentationResult {
  /** Absolute path of the file. */
  path: string;
  /** Rows written (one per customer). */
  rows: number;
  /** Column names in file order. */
  columns: string[];
  /** Customers per segment key, in the segmentation's order (empty segments included). */
  segments: Record<string, number>;
  /** Options used. */
  options: { segmentation: SegmentationId; format: 'csv' | 'parquet'; delimiter: string; locale: Locale; asOf: Date };
  /** Recoverable problems (e.g. data without times of day). */
  warnings: string[];
}

/**
 * The SELECT of a segmentation export over its per-customer `table`: `customer_id, segment, segment_label`, then
 * its number columns, ordered by customer id. Pure.
 */
export function segmentationSelectSql(
  s: Pick<Segmentation, 'keys' | 'columns'>,
  table: string,
  labels: readonly string[],
  o: { decimalComma: boolean; neutralise: boolean },
): { sql: string; params: Record<string, QueryParam>; columns: string[] } {
  const params: Record<string, QueryParam> = {};
  const values = s.keys.map((key, i) => {
    Object.assign(params, { [`k${i}`]: key, [`l${i}`]: labels[i] ?? key });
    return `($k${i}, $l${i})`;
  });
  const text = (expr: string, name: string) => `${o.neutralise ? neutraliseSql(expr) : expr} as ${name}`;
  const num = (c: { name: string; digits: number }) => {
    const col = `t.${quoteIdentifier(c.name)}`;
    if (c.digits === 0) return `${col}::bigint as ${quoteIdentifier(c.name)}`;
    return o.decimalComma
      ? `replace(cast(cast(round(${col}, ${c.digits}) as decimal(18, ${c.digits})) as varchar), '.', ',') as ${quoteIdentifier(c.name)}`
      : `round(${col}, ${c.digits})::double as ${quoteIdentifier(c.name)}`;
  };
  const cols = [
    text('t.customer_id', 'customer_id'),
    't.segment as segment',
    text('l.label', 'segment_label'),
    ...s.columns.map(num),
  ];
  const sql = `with labels as (select * from (values ${values.join(', ')}) as v(key, label))
select ${cols.join(', ')}
from ${quoteIdentifier(table)} t left join labels l on l.key = t.segment
order by t.customer_id`;
  return { sql, params, columns: ['customer_id', 'segment', 'segment_label', ...s.columns.map((c) => c.name)] };
}

/**
 * Write one segmentation per customer: key, label and the numbers behind it.
 * @example await exportSegmentation(wb, { segmentation: 'loyalty', out: 'exports/loyalty.csv', locale: 'nl' });
 */
export async function exportSegmentation(
  wb: Workbench,
  options: ExportSegmentationOptions,
): Promise<ExportSegmentationResult> {
  const id = keyword('segmentation', options.segmentation, SEGMENTATION_IDS);
  const s: Segmentation = SEGMENTATIONS[id];
  const format = options.format ?? (options.out.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
  keyword('format', format, ['csv', 'parquet'] as const);
  if (format === 'parquet' && options.delimiter !== undefined)
    throw new WorkbenchError('BAD_OPTION', messages.delimiterWithParquet(), {});
  const delimiter = format === 'csv' ? keyword('delimiter', options.delimiter ?? ',', [',', ';', '\t'] as const) : ',';
  const locale = options.locale ?? 'en';
  await checkOutputPath(options.out, 'the segment list');
  const asOf = options.asOf ?? (await dayAfterLastOrder(wb, 'transactions'));
  if (!asOf) throw new WorkbenchError('NO_DATA', messages.noOrders('transactions'), { source: 'transactions' });
  const table = wb.tempName(`_swb_export_${id.replace(/-/g, '_')}`);
  try {
    const { warnings, keys } = await writeSegmentation(wb, id, asOf, table);
    const labels = keys.map((k) => s.label(k, locale));
    const { sql, params, columns } = segmentationSelectSql({ keys, columns: s.columns }, table, labels, {
      decimalComma: format === 'csv' && delimiter === ';',
      neutralise: format === 'csv',
    });
    const counts = await wb.query<{ segment: string; n: number }>(
      `select segment, count(*)::bigint as n from ${quoteIdentifier(table)} group by segment order by segment`,
    );
    const path = await copyAtomically(
      wb,
      sql,
      params,
      options.out,
      format === 'csv' ? { format, delimiter } : { format },
      'the segment list',
    );
    const segments = Object.fromEntries(keys.map((k) => [k, Number(counts.find((c) => c.segment === k)?.n ?? 0)]));
    return {
      path,
      rows: Object.values(segments).reduce((a, b) => a + b, 0),
      columns,
      segments,
      options: { segmentation: id, format, delimiter, locale, asOf },
      warnings,
    };
  } finally {
    await wb.run(`drop table if exists ${quoteIdentifier(table)}`);
  }
}
