/**
 * loadTransactions: read a file into the canonical `transactions` table and report what happened
 * to every row. Steps, all in DuckDB: sniff → stage the mapped columns as read (file order kept,
 * so rowid gives the row number) → choose date format and decimal mark from a sample → parse and
 * classify each row (kept, or set aside with a reason) → build `transactions` from the kept rows.
 * Everything after the sniff runs in one transaction: a failed load leaves the Workbench as it was.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { FIELD_COLUMNS, MAPPING_KEYS, NUMERIC_KEYS, type ColumnMapping, type MappingKey } from './fields.js';
import type { LoadReport, ReturnHandling, SetAside, SetAsideReason } from './load-report.js';
import { chooseDateFormat, dateExpr, idExpr, numberExpr, usesDecimalComma } from './parse.js';
import { resolveMapping, resolvePreset } from './mapping.js';
import { sha256File, sniffFile } from './sniff.js';
import { explainReadError, sourceRelation } from './source.js';
import type { Preset } from './presets.js';

/** Options for {@link loadTransactions}. */
export interface LoadOptions {
  /** A named preset: `online-retail`, `online-retail-ii`, `cdnow`. */
  preset?: string;
  /** Explicit column mapping (wins over the preset and over recognised headers). */
  mapping?: ColumnMapping;
  /**
   * Returns and cancellations: `'net'` loads them as negative amounts (flag `is_return`), so revenue is
   * net of returns — what RFM's monetary value expects; `'exclude'` sets them aside. @defaultValue 'net'
   */
  returns?: ReturnHandling;
  /** strptime date format; by default chosen from a sample (ISO, then day-first, then month-first). */
  dateFormat?: string;
  /** Decimal mark of text numbers; by default detected from a sample. */
  decimal?: ',' | '.';
}

/** Reason order in reports. */
export const REASONS: readonly SetAsideReason[] = [
  'missing_customer_id', 'unparseable_date', 'unparseable_amount', 'zero_amount', 'cancellation_excluded', 'return_excluded', 'duplicate',
];

const SAMPLE = '_swb_sample';
const PARSED = '_swb_parsed';

/**
 * Load a transactions file (CSV/TSV, also .gz; Parquet; JSON/NDJSON) into the `transactions` table,
 * replacing any previous one.
 * @example const report = await loadTransactions(wb, 'data/online_retail.csv.gz', { preset: 'online-retail' });
 */
export async function loadTransactions(wb: Workbench, path: string, options: LoadOptions = {}): Promise<LoadReport> {
  const preset = resolvePreset(options.preset);
  const returns = options.returns ?? 'net';
  const sniff = await sniffFile(path);
  const sha256 = await sha256File(path);
  const relation = await sourceRelation(wb, sniff, { ...(preset ? { preset } : {}), allVarchar: true });
  const names = relation.columns.map((c) => c.name);
  const { mapping, used, warnings } = resolveMapping(names, path, options.mapping, preset);
  const typeOf = new Map(relation.columns.map((c) => [c.name, c.type]));
  const keys = MAPPING_KEYS.filter((k) => mapping[k] !== undefined);
  const stagedType = (k: MappingKey) => typeOf.get(mapping[k] as string) ?? 'VARCHAR';
  const mapped = keys.map((k) => `${quoteIdentifier(mapping[k] as string)} AS ${quoteIdentifier(FIELD_COLUMNS[k])}`).join(', ');
  try {
    // 1. The first rows, to choose the date format and decimal mark.
    await wb.run(`CREATE OR REPLACE TEMP TABLE ${SAMPLE} AS SELECT ${mapped} FROM ${relation.from} LIMIT 5000`, relation.params);
    const [{ n: sampled } = { n: 0 }] = await wb.query<{ n: number }>(`SELECT count(*) AS n FROM ${SAMPLE}`);
    if (sampled === 0) throw new WorkbenchError('HEADER_ONLY', messages.headerOnly(path, names), { file: path });
    const textDates = stagedType('orderDate') === 'VARCHAR';
    const dateFormat = textDates
      ? await chooseDateFormat(wb, SAMPLE, FIELD_COLUMNS.orderDate, relation.rowOffset, options.dateFormat ?? preset?.dateFormat)
      : { format: '', share: 1, failures: [] };
    if (textDates && dateFormat.share < 0.5) {
      const tried = options.dateFormat ? [options.dateFormat] : DATE_FORMATS_TRIED();
      throw new WorkbenchError('BAD_DATES', messages.badDates(mapping.orderDate as string, path, dateFormat.failures, tried), { file: path, column: mapping.orderDate });
    }
    if (textDates) warnings.push(messages.warnDateFormat(mapping.orderDate as string, dateFormat.format));
    if ('tie' in dateFormat && dateFormat.tie) warnings.push(messages.warnAmbiguousDates(mapping.orderDate as string, dateFormat.format, dateFormat.tie));
    const numericKeys = keys.filter((k) => NUMERIC_KEYS.has(k) && stagedType(k) === 'VARCHAR');
    const decimalComma = options.decimal ? options.decimal === ',' : await usesDecimalComma(wb, SAMPLE, numericKeys.map((k) => FIELD_COLUMNS[k]));
    if (decimalComma) warnings.push(messages.warnDecimalComma(sniff.fileName));
    if (sniff.encoding === 'latin-1') warnings.push(messages.warnLatin1(sniff.fileName));
    if (!mapping.orderId) warnings.push(messages.warnDerivedOrderId());

    // 2. One pass over the file: parse and classify every row. Built outside the transaction, so its
    //    rowids are final and follow file order: rowid + offset is the row number users see.
    const rowHash = `hash(${names.map(quoteIdentifier).join(', ')})`;
    await wb.run(parseSql(`(SELECT ${mapped}, ${rowHash} AS _hash FROM ${relation.from})`, keys, stagedType, decimalComma, returns, preset, dateFormat.format), {
      ...relation.params, fmt: dateFormat.format, cprefix: preset?.cancellationPrefix ?? '',
    });
    // 3. Replace `transactions` atomically.
    return await wb.transaction(async () => {
      await wb.run(finalSql(keys, preset?.keepDuplicates ?? false, relation.rowOffset));
      const summary = await summarise(wb, relation.rowOffset);
      return {
        table: 'transactions' as const, source: path, fileName: sniff.fileName, format: sniff.format, sha256,
        ...(preset ? { preset: preset.name } : {}),
        ...summary, columns: used, returns, warnings,
      };
    });
  } catch (e) {
    throw explainReadError(e, path);
  } finally {
    await wb.run(`DROP TABLE IF EXISTS ${SAMPLE}; DROP TABLE IF EXISTS ${PARSED}; DROP TABLE IF EXISTS _swb_dups`);
  }
}

const DATE_FORMATS_TRIED = (): string[] => ['ISO (%Y-%m-%d …)', '%Y%m%d', 'day-first (%d-%m-%Y, %d/%m/%Y, %d.%m.%Y)', 'month-first (%m/%d/%Y)'];

function parseSql(
  from: string, keys: readonly MappingKey[], typeOf: (k: MappingKey) => string, decimalComma: boolean,
  returns: ReturnHandling, preset: Preset | undefined, dateFormat: string,
): string {
  const c = (k: MappingKey) => FIELD_COLUMNS[k];
  const has = (k: MappingKey) => keys.includes(k);
  const num = (k: MappingKey) => numberExpr(c(k), typeOf(k), decimalComma);
  const amount = has('amount') ? num('amount') : `round(${num('quantity')} * ${num('unitPrice')}, 6)`;
  const orderId = has('orderId') ? idExpr(c('orderId'), typeOf('orderId')) : 'NULL';
  const extras = (['quantity', 'unitPrice'] as const).filter(has).map((k) => `${num(k)} AS ${quoteIdentifier(c(k))}`);
  const texts = (['productId', 'description', 'country', 'channel', 'category'] as const)
    .filter(has).map((k) => `CAST(${quoteIdentifier(c(k))} AS VARCHAR) AS ${quoteIdentifier(c(k))}`);
  const cancelled = preset?.cancellationPrefix ? 'coalesce(starts_with(order_id, $cprefix), false)' : 'false';
  const exclude = returns === 'exclude';
  return `
    CREATE OR REPLACE TEMP TABLE ${PARSED} AS
    SELECT *,
      CASE
        WHEN customer_id IS NULL THEN 'missing_customer_id'
        WHEN order_date IS NULL THEN 'unparseable_date'
        WHEN amount IS NULL OR isnan(amount) THEN 'unparseable_amount'
        ${preset?.keepZeroAmounts ? '' : "WHEN amount = 0 THEN 'zero_amount'"}
        ${exclude ? `WHEN ${cancelled} THEN 'cancellation_excluded' WHEN amount < 0 THEN 'return_excluded'` : ''}
      END AS reason,
      (amount < 0 OR ${cancelled}) AS is_return
    FROM (
      SELECT
        ${idExpr(c('customerId'), typeOf('customerId'))} AS customer_id,
        ${orderId} AS order_id,
        ${dateExpr(c('orderDate'), typeOf('orderDate'), 'fmt', dateFormat)} AS order_date,
        ${amount} AS amount,
        ${[...extras, ...texts, '_hash'].join(', ')}
      FROM ${from}
    )`;
}

function finalSql(keys: readonly MappingKey[], keepDuplicates: boolean, rowOffset: number): string {
  const optional = (['quantity', 'unitPrice', 'productId', 'description', 'country', 'channel', 'category'] as const)
    .filter((k) => keys.includes(k)).map((k) => `p.${quoteIdentifier(FIELD_COLUMNS[k])}`);
  const orderId = keys.includes('orderId') ? 'p.order_id' : `p.customer_id || '@' || strftime(p.order_date, '%Y-%m-%d')`;
  // Duplicates via a small table of repeated row hashes (a hash aggregate and a left join against it: no sort of
  // all rows; `_swb_dups` has one row per hash, so the join never multiplies rows).
  const dups = `CREATE OR REPLACE TEMP TABLE _swb_dups AS
    SELECT _hash, min(rowid) AS keep FROM ${PARSED} WHERE reason IS NULL AND ${keepDuplicates ? 'false' : 'true'} GROUP BY _hash HAVING count(*) > 1;`;
  return `${dups}
    CREATE OR REPLACE TABLE transactions AS
    SELECT p.customer_id, ${orderId} AS order_id, p.order_date, p.amount, p.is_return, p.rowid + ${rowOffset} AS source_row${optional.length ? ', ' + optional.join(', ') : ''}
    FROM ${PARSED} p LEFT JOIN _swb_dups d ON d._hash = p._hash
    WHERE p.reason IS NULL AND (d.keep IS NULL OR d.keep = p.rowid);`;
}

async function summarise(wb: Workbench, rowOffset: number): Promise<Pick<LoadReport, 'rowsRead' | 'rowsLoaded' | 'setAside' | 'dateRange' | 'customers' | 'orders'>> {
  const grouped = await wb.query<{ reason: SetAsideReason | null; count: number; examples: number[] }>(`
    SELECT reason, count(*) AS count, list(rowid + ${rowOffset} ORDER BY rowid)[1:5] AS examples FROM ${PARSED} GROUP BY reason
    UNION ALL
    SELECT 'duplicate', count(*), list(p.rowid + ${rowOffset} ORDER BY p.rowid)[1:5]
    FROM ${PARSED} p JOIN _swb_dups d ON d._hash = p._hash AND d.keep <> p.rowid WHERE p.reason IS NULL HAVING count(*) > 0`);
  const byReason = new Map(grouped.map((g) => [g.reason, g]));
  const setAside: SetAside[] = REASONS.flatMap((reason) => {
    const g = byReason.get(reason);
    return g ? [{ reason, count: g.count, examples: g.examples.map(Number) }] : [];
  });
  const rowsRead = grouped.filter((g) => g.reason !== 'duplicate').reduce((a, g) => a + g.count, 0);
  const [stats] = await wb.query<{ n: number; customers: number; orders: number; first: Date | null; last: Date | null }>(
    'SELECT count(*) AS n, count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders, min(order_date) AS first, max(order_date) AS last FROM transactions');
  return {
    rowsRead,
    rowsLoaded: stats?.n ?? 0,
    setAside,
    ...(stats?.first && stats.last ? { dateRange: { first: stats.first, last: stats.last } } : {}),
    customers: stats?.customers ?? 0,
    orders: stats?.orders ?? 0,
  };
}
