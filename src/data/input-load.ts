/**
 * The steps `loadSubscriptions` and `loadEvents` share with each other and, through sniff/source/parse,
 * with `loadTransactions`: read with a Latin-1 retry, resolve a column mapping against recognised headers,
 * choose a date format from a sample, and count the set-aside rows of a staging table (bounded: first five
 * row numbers per reason, so memory stays flat at any size).
 */
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { QueryParam, Workbench } from '../workbench.js';
import { recogniseWith } from './fields.js';
import type { SetAside, SetAsideReason } from './load-report.js';
import { chooseDateFormat, settleDateTie } from './parse.js';
import { gzipIntact, sha256File, sniffFile, type SniffResult } from './sniff.js';
import { explainReadError } from './source.js';

/**
 * Sniff `path` and run `load` on it; a read that fails on an accent past the sniffed first 64 KiB is run
 * again as Latin-1, and a truncated .gz is named as such. DuckDB's reader errors become plain words.
 */
export async function withSniffedFile<T>(path: string, load: (sniff: SniffResult, sha256: Promise<string>) => Promise<T>): Promise<T> {
  const sniff = await sniffFile(path);
  // The checksum reads the whole file in Node while DuckDB reads it on its own threads.
  const sha256 = sha256File(path);
  sha256.catch(() => undefined);
  const attempt = (s: SniffResult) => load(s, sha256).catch((e: unknown) => { throw explainReadError(e, path, s); });
  try {
    return await attempt(sniff);
  } catch (e) {
    if (isWorkbenchError(e, 'MALFORMED_FILE') && path.toLowerCase().endsWith('.gz') && !(await gzipIntact(path))) {
      throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.damagedGzip(path), { file: path });
    }
    if (!isWorkbenchError(e, 'ENCODING') || sniff.encoding !== 'utf-8') throw e;
    return attempt({ ...sniff, encoding: 'latin-1' });
  }
}

/**
 * The mapping of a loader whose fields are `keys`: the explicit mapping (checked: known keys, existing
 * columns) over the columns recognised by their header names.
 */
export function resolveInputMapping<K extends string>(
  columns: readonly string[], path: string, explicit: Partial<Record<K, string>> | undefined, synonyms: Readonly<Record<K, readonly string[]>>,
): Partial<Record<K, string>> {
  const keys = Object.keys(synonyms) as K[];
  for (const [key, column] of Object.entries(explicit ?? {})) {
    if (!keys.includes(key as K)) throw new WorkbenchError('BAD_OPTION', messages.unknownMappingKey(key, keys), { key });
    if (typeof column !== 'string' || !columns.includes(column)) {
      throw new WorkbenchError('UNKNOWN_COLUMN', messages.unknownColumn(key, String(column), path, columns), { file: path, column });
    }
  }
  const mapping: Partial<Record<K, string>> = { ...recogniseWith(columns, synonyms) };
  for (const [key, column] of Object.entries(explicit ?? {})) if (typeof column === 'string') mapping[key as K] = column;
  return mapping;
}

/** Throw `MISSING_FIELD` naming the file, its columns and what to pass, unless `column` is set. */
export function requireField(column: string | undefined, field: string, path: string, columns: readonly string[], hint: string): string {
  if (column === undefined) throw new WorkbenchError('MISSING_FIELD', messages.missingField(field, path, columns, hint), { file: path, field, columns });
  return column;
}

/** Refuse to load over an existing table when `replace: false` was passed. */
export async function checkReplace(wb: Workbench, table: string, replace: boolean | undefined, path: string): Promise<void> {
  if (replace === false && (await wb.hasTable(table))) {
    throw new WorkbenchError('BAD_OPTION', messages.loadTableExists(table, path), { table, file: path });
  }
}

/** Date formats named when most dates of a column cannot be read. */
const DATE_FORMATS_TRIED = ['ISO (%Y-%m-%d …)', '%Y%m%d', 'day-first (%d-%m-%Y, %d/%m/%Y, %d.%m.%Y)', 'month-first (%m/%d/%Y, %m-%d-%Y)'];

/**
 * The strptime format of the text dates in `column` (of the sample table, staged as `staged`): chosen from
 * the sample, a day/month tie settled by every row of the file, and the notes for the LoadReport. Throws
 * `BAD_DATES` naming failed rows when the best format reads fewer than half of the sampled dates.
 */
export async function textDateFormat(
  wb: Workbench, sample: string, staged: string, file: { from: string; params: Record<string, QueryParam>; rowOffset: number; path: string },
  column: string, forced: string | undefined, warnings: string[],
): Promise<string> {
  const choice = await chooseDateFormat(wb, sample, staged, file.rowOffset, forced);
  if (choice.share < 0.5) {
    throw new WorkbenchError('BAD_DATES', messages.badDates(column, file.path, choice.failures, forced ? [forced] : DATE_FORMATS_TRIED), { file: file.path, column });
  }
  let format = choice.format;
  if (choice.tie) {
    const settled = await settleDateTie(wb, file.from, file.params, column, format, choice.tie);
    if (settled.ambiguous) warnings.push(messages.warnAmbiguousDates(column, settled.format, settled.format === format ? choice.tie : format));
    format = settled.format;
  }
  warnings.push(messages.warnDateFormat(column, format));
  return format;
}

/** Date formats that a plain cast reads (see `dateExpr`), so a typed CSV read gives the same values. */
export const ISO_DATE_FORMATS: ReadonlySet<string> = new Set(['%Y-%m-%d %H:%M:%S', '%Y-%m-%d']);

/** One row of a reason count ({@link reasonCountSql}): the reason (NULL = kept), its rows and first five row numbers. */
type ReasonCount = {
  reason: SetAsideReason | null;
  count: number;
  examples: number[] | null;
};

/**
 * SQL counting the rows of `table` per set-aside reason (`reason`, `count`, `examples`), its rowid in file
 * order. The reason is the column `_swb_reason`: text (NULL = kept), or with `codes` a small number (0 = kept,
 * i = `codes[i - 1]`), cheaper to store and to group over tens of millions of rows. Example row numbers: the
 * first five, by `min(x, 5)`.
 */
export function reasonCountSql(table: string, rowOffset: number, codes?: readonly SetAsideReason[]): string {
  const grouped = `SELECT _swb_reason AS reason, count(*) AS count, min(rowid + ${rowOffset}, 5) AS examples
     FROM ${quoteIdentifier(table)} GROUP BY _swb_reason`;
  if (!codes) return `SELECT reason, count, CASE WHEN reason IS NOT NULL THEN examples END AS examples FROM (${grouped})`;
  const label = `CASE reason ${codes.map((c, i) => `WHEN ${i + 1} THEN '${c}'`).join(' ')} END`;
  return `SELECT ${label} AS reason, count, CASE WHEN reason > 0 THEN examples END AS examples FROM (${grouped})`;
}

/** Rows read and rows set aside per reason (in `order`; reasons with no rows left out) from the rows of {@link reasonCountSql}. */
function setAsideFrom(rows: readonly ReasonCount[], order: readonly SetAsideReason[]): { rowsRead: number; setAside: SetAside[] } {
  const byReason = new Map(rows.map((r) => [r.reason, r]));
  const setAside = order.flatMap((reason) => {
    const r = byReason.get(reason);
    return r ? [{ reason, count: r.count, examples: [...(r.examples ?? [])].map(Number).sort((a, b) => a - b) }] : [];
  });
  return { rowsRead: rows.reduce((a, r) => a + r.count, 0), setAside };
}

/**
 * Rows read and rows set aside per reason (in `order`; reasons with no rows left out) of a staging table
 * with a `_swb_reason` column ({@link reasonCountSql}), its rowid in file order.
 */
export async function countReasons(
  wb: Workbench, table: string, rowOffset: number, order: readonly SetAsideReason[], codes?: readonly SetAsideReason[],
): Promise<{ rowsRead: number; setAside: SetAside[] }> {
  return setAsideFrom(await wb.query<ReasonCount>(reasonCountSql(table, rowOffset, codes)), order);
}

/**
 * SQL for a text field: trimmed, empty = NULL; NULL when the field has no column. Only a value that starts
 * or ends with a space is trimmed (`trim` copies every value: seconds over 50M rows; the LIKE tests are the
 * cheapest check measured).
 */
export function textExpr(column: string | undefined): string {
  if (column === undefined) return 'NULL::VARCHAR';
  const v = `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
  return `CASE WHEN ${v} LIKE ' %' OR ${v} LIKE '% ' THEN nullif(trim(${v}), '') ELSE nullif(${v}, '') END`;
}
