/**
 * exportMrrMovements: who moved, as a file. The per-customer MRR movement list of `mrrMovementList` written by
 * DuckDB COPY as CSV or Parquet (atomically, as the segment list), with pseudonyms instead of customer ids: a
 * list of churned and downgraded customers goes to people who need no ids to read it. No text of the data is
 * written (pseudonyms, dates, kind keys and amounts only), so no cell can begin like a formula.
 */
import { movementListQuery, type MrrMovementListOptions } from '../analyses/subscriptions/movement-list.js';
import type { MrrMethod } from '../analyses/subscriptions/index.js';
import { keyword } from '../analyses/shared/validate.js';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { checkOutputPath } from '../report/save.js';
import type { Workbench } from '../workbench.js';
import type { ExportFormat } from './segments.js';
import { copyAtomically } from './write.js';

/** Options of {@link exportMrrMovements}: where and how to write, and the list's own options. */
export interface ExportMrrMovementsOptions extends MrrMovementListOptions {
  /** Output file (parent folders are created). */
  out: string;
  /** File format. @defaultValue 'parquet' when `out` ends in `.parquet`, else 'csv' */
  format?: ExportFormat;
  /** CSV field delimiter; with `;` amounts get a decimal comma (Dutch Excel). @defaultValue ',' */
  delimiter?: ',' | ';' | '\t';
}

/** What {@link exportMrrMovements} wrote. */
export interface ExportMrrMovementsResult {
  /** Absolute path of the file. */
  path: string;
  /** Movements written. */
  rows: number;
  /** Column names in file order. */
  columns: string[];
  /** Options used. */
  options: { format: ExportFormat; delimiter: string; method: MrrMethod; from: Date; to: Date };
  /** The one currency of the amounts, or null when the table records none. */
  currency: string | null;
}

const COLUMNS = ['customer', 'month', 'day', 'kind', 'amount', 'mrr_before', 'mrr_after'];

/**
 * Write every MRR movement of every customer (pseudonymised) to `out`.
 * @example await exportMrrMovements(wb, { out: 'exports/mrr-movements.csv', method: 'dated' });
 */
export async function exportMrrMovements(
  wb: Workbench,
  options: ExportMrrMovementsOptions,
): Promise<ExportMrrMovementsResult> {
  const { out, format: f, delimiter: d, ...list } = options;
  const format = f ?? (out.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
  if (format !== 'csv' && format !== 'parquet')
    throw new WorkbenchError('BAD_OPTION', messages.badExportFormat(format), { format });
  if (format === 'parquet' && d !== undefined)
    throw new WorkbenchError('BAD_OPTION', messages.delimiterWithParquet(), {});
  const delimiter = keyword('delimiter', d ?? ',', [',', ';', '\t'] as const);
  await checkOutputPath(out, 'the MRR movement list');
  const q = await movementListQuery(wb, 'exportMrrMovements', list);
  const money = (c: string) => (format === 'csv' && delimiter === ';' ? `replace(cast(${c} as varchar), '.', ',')` : c);
  const { path, rows } = await q.run(async (sql, params) => {
    const select = `select customer, month, day, kind, ${money('amount')} as amount, ${money('mrr_before')} as mrr_before,
      ${money('mrr_after')} as mrr_after from (${sql})`;
    const [n] = await wb.query<{ n: number }>(`select count(*) as n from (${sql})`, params);
    const written = await copyAtomically(
      wb,
      select,
      params,
      out,
      format === 'csv' ? { format, delimiter } : { format },
      'the MRR movement list',
    );
    return { path: written, rows: Number(n?.n ?? 0) };
  });
  return {
    path,
    rows,
    columns: COLUMNS,
    options: { format, delimiter, method: q.used.method, from: q.used.from, to: q.used.to },
    currency: q.currency,
  };
}
