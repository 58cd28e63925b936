/**
 * loadTransactions: read a file into the canonical `transactions` table and report what happened
 * to every row. Steps, all in DuckDB: sniff → read the first rows as text to choose the date format
 * and decimal mark → one pass over the file that parses and classifies every row (kept, or set aside
 * with a reason) into a staging table whose rowid follows file order → count the reasons, find exact
 * duplicates, and turn the staging table into `transactions` in place (no second copy of the rows).
 * Columns whose text DuckDB's CSV reader can read natively (numbers with a decimal point, ISO dates)
 * are read typed; if any cell fails that typed read, the pass is repeated with every column as text
 * and parsed in SQL, so the result never depends on which path ran. The swap into `transactions`
 * runs in one transaction: a failed load leaves the Workbench as it was.
 */
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { FIELD_COLUMNS, MAPPING_KEYS, NUMERIC_KEYS, type ColumnMapping, type MappingKey } from './fields.js';
import type { LoadReport, ReturnHandling, SetAside, SetAsideReason } from './load-report.js';
import { chooseDateFormat, columnMarkSql, dateExpr, headerSql, idExpr, idTrimmedSql, isText, moneyNoteExamples, numberExpr, numberStyle, settleDateTie } from './parse.js';
import { loadNotes, ID_TRIMMED } from './load-notes.js';
import { setAsideFarDates } from './far-dates.js';
import { lineNumbers } from './line-map.js';
import { resolveMapping, resolvePreset } from './mapping.js';
import { gzipIntact, sha256File, sniffFile, type SniffResult } from './sniff.js';
import { explainReadError, sourceRelation, typedFrom, type SourceRelation } from './source.js';
import type { Preset } from './presets.js';
import { tagResult } from '../inspect.js';
import { pseudonymKey } from '../privacy/pseudonyms.js';

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
  'repeated_header', 'missing_customer_id', 'unparseable_date', 'date_out_of_range', 'unparseable_amount', 'invalid_amount', 'negative_price', 'zero_amount',
  'cancellation_excluded', 'return_excluded', 'duplicate',
];

const SAMPLE = '_swb_sample';
/** The staging table: a regular table (not TEMP) so that it can become `transactions` by a rename. */
const PARSED = '_swb_load';
const DUPS = '_swb_dups';
const HASHES = '_swb_hashes';

/**
 * Columns hashed in one pass. A scan holds every column it reads for a whole chunk of rows: all 5,000 columns
 * of a 1.2 MB file ran out of memory at 500MB, while 1,000 at a time stay far below it.
 */
export const HASH_GROUP = 1000;

/** The file's columns in groups of {@link HASH_GROUP}, in file order. */
function columnGroups(names: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < names.length; i += HASH_GROUP) groups.push(names.slice(i, i + HASH_GROUP));
  return groups;
}

/**
 * Fold one more group of columns into the staging table's row hash: one pass over the file hashes the group
 * into a small table whose rowid follows file order, as the staging table's does, and the two are joined on it.
 */
async function extendHash(wb: Workbench, source: SourceRelation, group: readonly string[]): Promise<void> {
  await wb.run(`CREATE OR REPLACE TEMP TABLE ${HASHES} AS SELECT hash(${group.map(quoteIdentifier).join(', ')}) AS h FROM ${source.from}`, source.params);
  await wb.run(`UPDATE ${PARSED} SET _hash = hash(${PARSED}._hash, x.h) FROM (SELECT rowid AS r, h FROM ${HASHES}) x WHERE ${PARSED}.rowid = x.r`);
}

/**
 * Load a transactions file (CSV/TSV, also .gz; Parquet; JSON/NDJSON) into the `transactions` table,
 * replacing any previous one.
 * @example const report = await loadTransactions(wb, 'data/online_retail.csv.gz', { preset: 'online-retail' });
 */
export async function loadTransactions(wb: Workbench, path: string, options: LoadOptions = {}): Promise<LoadReport> {
  const sniff = await sniffFile(path);
  // The checksum reads the whole file in Node while DuckDB reads it on its own threads.
  const sha256 = sha256File(path);
  sha256.catch(() => undefined);
  try {
    return await loadSniffed(wb, path, options, sniff, sha256);
  } catch (e) {
    // A truncated .gz reads as a CSV whose last line is cut: name the real cause.
    if (isWorkbenchError(e, 'MALFORMED_FILE') && path.toLowerCase().endsWith('.gz') && !(await gzipIntact(path))) {
      throw new WorkbenchError('UNSUPPORTED_FORMAT', messages.damagedGzip(path), { file: path });
    }
    // The encoding is sniffed from the first 64 KiB: a first accent further down shows up only here.
    if (!isWorkbenchError(e, 'ENCODING') || sniff.encoding !== 'utf-8') throw e;
    return loadSniffed(wb, path, options, { ...sniff, encoding: 'latin-1' }, sha256);
  }
}

async function loadSniffed(wb: Workbench, path: string, options: LoadOptions, sniff: SniffResult, checksum: Promise<string>): Promise<LoadReport> {
  const preset = resolvePreset(options.preset);
  const returns = options.returns ?? 'net';
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
    if ('tie' in dateFormat && dateFormat.tie) {
      // Day-first and month-first read the whole sample: let every row of the file decide.
      const settled = await settleDateTie(wb, relation.from, relation.params, mapping.orderDate as string, dateFormat.format, dateFormat.tie);
      if (settled.ambiguous) warnings.push(messages.warnAmbiguousDates(mapping.orderDate as string, settled.format, settled.format === dateFormat.format ? dateFormat.tie : dateFormat.format));
      dateFormat.format = settled.format;
    }
    if (textDates) warnings.push(messages.warnDateFormat(mapping.orderDate as string, dateFormat.format));
    const numericKeys = keys.filter((k) => NUMERIC_KEYS.has(k) && stagedType(k) === 'VARCHAR');
    const style = await numberStyle(wb, SAMPLE, numericKeys.map((k) => FIELD_COLUMNS[k]),
      { from: relation.from, params: relation.params, columns: numericKeys.map((k) => mapping[k] as string) });
    if (style.ambiguousDot !== undefined && !options.decimal) warnings.push(messages.warnAmbiguousDot(sniff.fileName, style.ambiguousDot));
    const decimalComma = options.decimal ? options.decimal === ',' : style.decimalComma;
    const moneyText = style.moneyText;
    if (decimalComma) warnings.push(messages.warnDecimalComma(sniff.fileName));
    const readMoney = moneyNoteExamples(style, decimalComma);
    if (moneyText && readMoney.length) warnings.push(messages.warnMoneyText(sniff.fileName, readMoney));
    if (sniff.encoding === 'latin-1') warnings.push(messages.warnLatin1(sniff.fileName));
    if (!mapping.orderId) warnings.push(messages.warnDerivedOrderId());

    // 2. One pass over the file: parse and classify every row into the staging table. Its rowids follow
    //    file order: rowid + offset is the row number users see.
    // A wide file is hashed in groups of columns (see extendHash): the first group here, the others after.
    const [firstGroup = [], ...moreGroups] = columnGroups(names);
    const build = (source: SourceRelation, typeOf: (k: MappingKey) => string) => {
      const rowHash = `hash(${firstGroup.map(quoteIdentifier).join(', ')})`;
      return wb.run(parseSql(`(SELECT ${mapped}, ${rowHash} AS _hash FROM ${source.from})`, keys, typeOf, { decimalComma, moneyText }, returns, preset, dateFormat.format), {
        ...source.params, fmt: dateFormat.format, cprefix: preset?.cancellationPrefix ?? '', okey: mapping.orderId ? '' : pseudonymKey().toString('hex'),
        hid: mapping.customerId as string, hdate: mapping.orderDate as string,
      });
    };
    const typed = moneyText ? undefined : typedRelation(relation, sniff, mapping, keys, decimalComma, dateFormat.format);
    if (typed) {
      // A cell the typed read cannot take (a stray "n/a" amount) fails the whole read: repeat it as text.
      await build(typed.relation, (k) => typed.types.get(k) ?? stagedType(k)).catch(() => build(relation, stagedType));
    } else {
      await build(relation, stagedType);
    }
    for (const group of moreGroups) await extendHash(wb, relation, group);
    // 3. Set aside dates far outside the data's period, count the reasons, mark duplicates, and make the
    //    staging table `transactions`.
    await setAsideFarDates(wb, { table: PARSED, date: 'order_date', kept: 'reason IS NULL', setAside: "reason = 'date_out_of_range'" });
    const notes = await loadNotes(wb, PARSED, relation.rowOffset, {
      file: sniff.fileName, column: mapping.amount ?? mapping.unitPrice ?? '', idColumn: mapping.customerId as string, decimalComma,
    });
    const counted = await reasonCounts(wb, relation.rowOffset, preset?.keepDuplicates ?? false);
    // The row numbers shown become line numbers (blank lines and line breaks in quoted cells shift them).
    const lines = await lineNumbers(sniff, [...notes.rows, ...counted.flatMap((g) => (g.reason ? [...g.examples].map(Number) : []))]);
    const line = (n: number) => lines.get(n) ?? n;
    warnings.push(...notes.texts(line));
    const reasons = counted.map((g) => ({ ...g, examples: [...g.examples].map((n) => line(Number(n))) }));
    await finalise(wb, relation.rowOffset);
    const sha256 = await checksum;
    return await wb.transaction(async () => {
      await wb.run(`DROP TABLE IF EXISTS transactions; ALTER TABLE ${PARSED} RENAME TO transactions`);
      const summary = await summarise(wb, reasons);
      return tagResult({
        table: 'transactions' as const, source: path, fileName: sniff.fileName, format: sniff.format, sha256,
        ...(preset ? { preset: preset.name } : {}),
        ...summary, columns: used, returns, warnings,
      }, 'LoadReport');
    });
  } catch (e) {
    throw explainReadError(e, path, sniff);
  } finally {
    await wb.run(`DROP TABLE IF EXISTS ${SAMPLE}; DROP TABLE IF EXISTS ${PARSED}; DROP TABLE IF EXISTS ${DUPS}; DROP TABLE IF EXISTS ${HASHES}`);
  }
}

const DATE_FORMATS_TRIED = (): string[] => ['ISO (%Y-%m-%d …)', '%Y%m%d', 'day-first (%d-%m-%Y, %d/%m/%Y, %d.%m.%Y)', 'month-first (%m/%d/%Y, %m-%d-%Y)'];

/**
 * The typed variant of a delimited-text relation: amount, quantity and unit price as DOUBLE when the
 * file uses a decimal point, the order date as TIMESTAMP when it is ISO text (the formats that the text
 * path parses with a plain cast too), every other column as text. Undefined when nothing would be typed.
 */
function typedRelation(
  relation: SourceRelation, sniff: SniffResult, mapping: ColumnMapping, keys: readonly MappingKey[], decimalComma: boolean, dateFormat: string,
): { relation: SourceRelation; types: Map<MappingKey, string> } | undefined {
  const types = new Map<MappingKey, string>();
  if (!decimalComma) for (const k of keys) if (NUMERIC_KEYS.has(k)) types.set(k, 'DOUBLE');
  if (ISO_FORMATS.has(dateFormat)) types.set('orderDate', 'TIMESTAMP');
  if (types.size === 0) return undefined;
  const byColumn = new Map([...types].map(([k, type]) => [mapping[k] as string, type]));
  const typed = typedFrom(relation, sniff, relation.columns.map((c) => byColumn.get(c.name) ?? 'VARCHAR'));
  return typed ? { relation: typed, types } : undefined;
}

/** Date formats that the text path reads with a plain cast (see `dateExpr`), so a typed read gives the same values. */
const ISO_FORMATS = new Set(['%Y-%m-%d %H:%M:%S', '%Y-%m-%d']);

function parseSql(
  from: string, keys: readonly MappingKey[], typeOf: (k: MappingKey) => string, numbers: { decimalComma: boolean; moneyText: boolean },
  returns: ReturnHandling, preset: Preset | undefined, dateFormat: string,
): string {
  const c = (k: MappingKey) => FIELD_COLUMNS[k];
  const has = (k: MappingKey) => keys.includes(k);
  const num = (k: MappingKey) => numberExpr(c(k), typeOf(k), numbers.decimalComma, numbers.moneyText);
  const amount = has('amount') ? num('amount') : `round(${num('quantity')} * ${num('unitPrice')}, 6)`;
  // Without an order id, each customer-day is one order, named by a keyed hash (the pseudonym key) so the id
  // carries no customer id: an unkeyed hash of a short id and a date is reversed by trying every id.
  const orderId = has('orderId') ? 'order_id' : `'O-' || md5($okey || customer_id || '@' || strftime(order_date, '%Y-%m-%d'))`;
  const extras = (['quantity', 'unitPrice', 'discount', 'listPrice'] as const).filter(has).map((k) => `${num(k)} AS ${quoteIdentifier(c(k))}`);
  const texts = (['productId', 'description', 'country', 'channel', 'category', 'paymentMethod', 'promoCode'] as const)
    .filter(has).map((k) => `CAST(${quoteIdentifier(c(k))} AS VARCHAR) AS ${quoteIdentifier(c(k))}`);
  const optional = OPTIONAL_KEYS.filter(has).map((k) => quoteIdentifier(c(k)));
  const cancelled = preset?.cancellationPrefix ? 'coalesce(starts_with(order_id, $cprefix), false)' : 'false';
  const exclude = returns === 'exclude';
  // How each row shows its decimal mark, and whether its id lost spaces: bits for the LoadReport's notes (see load-notes.ts).
  const marks = (['amount', 'quantity', 'unitPrice'] as const).filter(has).map((k) => columnMarkSql(c(k), typeOf(k), numbers.moneyText));
  const mark = `CAST((${[...marks, `CASE WHEN ${idTrimmedSql(c('customerId'), typeOf('customerId'))} THEN ${ID_TRIMMED} ELSE 0 END`].join(' | ')}) AS UTINYINT)`;
  // A repeated header puts the date column's name in a TIMESTAMP column: the typed read fails and the text
  // read runs, so a typed date never needs the check (casting 10M timestamps back to text: about 1 s).
  const header = isText(typeOf('orderDate')) ? headerSql(c('customerId'), c('orderDate')) : 'false';
  // Columns in the order of `transactions`; `source_row` is filled from the rowid once the rows are in.
  return `
    CREATE OR REPLACE TABLE ${PARSED} AS
    SELECT customer_id, ${orderId} AS order_id, order_date, amount, (amount < 0 OR ${cancelled}) AS is_return,
      NULL::BIGINT AS source_row${optional.length ? ', ' + optional.join(', ') : ''},
      CASE
        WHEN _header THEN 'repeated_header'
        WHEN customer_id IS NULL THEN 'missing_customer_id'
        WHEN order_date IS NULL THEN 'unparseable_date'
        WHEN amount IS NULL THEN 'unparseable_amount'
        WHEN isnan(amount) OR isinf(amount) OR abs(amount) >= ${MAX_AMOUNT} THEN 'invalid_amount'
        ${has('unitPrice') ? "WHEN unit_price < 0 THEN 'negative_price'" : ''}
        ${preset?.keepZeroAmounts ? '' : "WHEN amount = 0 THEN 'zero_amount'"}
        ${exclude ? `WHEN ${cancelled} THEN 'cancellation_excluded' WHEN amount < 0 THEN 'return_excluded'` : ''}
      END AS reason,
      _hash, _mark
    FROM (
      SELECT
        ${idExpr(c('customerId'), typeOf('customerId'))} AS customer_id,
        ${has('orderId') ? idExpr(c('orderId'), typeOf('orderId')) : 'NULL'} AS order_id,
        ${dateExpr(c('orderDate'), typeOf('orderDate'), 'fmt', dateFormat)} AS order_date,
        ${amount} AS amount,
        ${[...extras, ...texts, '_hash'].join(', ')}, ${mark} AS _mark, ${header} AS _header
      FROM ${from}
    )`;
}

/** Amounts at or above this size (in absolute value) are not money: the exact sums use DECIMAL(18, 6), which holds less than 10¹². */
export const MAX_AMOUNT = 1e12;

/** Optional columns of `transactions`, in table order. */
const OPTIONAL_KEYS = ['quantity', 'unitPrice', 'productId', 'description', 'country', 'channel', 'category', 'paymentMethod', 'discount', 'promoCode', 'listPrice'] as const;

type ReasonRow = { reason: SetAsideReason | null; count: number; examples: number[] };

/**
 * Rows per reason with the first five row numbers (bounded aggregates: memory stays flat at any size), and
 * the exact duplicates among kept rows: every copy after the first of rows equal in every column (by a hash
 * of all columns; numbers and ISO dates read typed compare as values). The duplicates' hashes go to a small
 * table with one row per repeated hash.
 */
async function reasonCounts(wb: Workbench, rowOffset: number, keepDuplicates: boolean): Promise<ReasonRow[]> {
  // Repeated hashes first (a grouping that carries no row number: half the memory), then the first row of each.
  await wb.run(`CREATE OR REPLACE TEMP TABLE ${DUPS} AS
    WITH repeated AS (SELECT _hash FROM ${PARSED} WHERE reason IS NULL AND ${keepDuplicates ? 'false' : 'true'} GROUP BY _hash HAVING count(*) > 1)
    SELECT p._hash, min(p.rowid) AS keep FROM ${PARSED} p SEMI JOIN repeated USING (_hash) WHERE p.reason IS NULL GROUP BY p._hash`);
  return wb.query<ReasonRow>(`
    SELECT reason, count(*) AS count, min(rowid + ${rowOffset}, 5) AS examples FROM ${PARSED} GROUP BY reason
    UNION ALL
    SELECT 'duplicate', count(*), min(p.rowid + ${rowOffset}, 5)
    FROM ${PARSED} p JOIN ${DUPS} d ON d._hash = p._hash AND d.keep <> p.rowid WHERE p.reason IS NULL HAVING count(*) > 0`);
}

/** Turn the staging table into the kept rows in place: row numbers in, set-aside rows and duplicate copies out, helper columns dropped. */
async function finalise(wb: Workbench, rowOffset: number): Promise<void> {
  await wb.run(`UPDATE ${PARSED} SET source_row = rowid + ${rowOffset}`);
  await wb.run(`DELETE FROM ${PARSED} WHERE reason IS NOT NULL
    OR rowid IN (SELECT p.rowid FROM ${PARSED} p JOIN ${DUPS} d ON d._hash = p._hash AND d.keep <> p.rowid)`);
  await wb.run(`ALTER TABLE ${PARSED} DROP COLUMN reason; ALTER TABLE ${PARSED} DROP COLUMN _hash; ALTER TABLE ${PARSED} DROP COLUMN _mark`);
}

async function summarise(wb: Workbench, grouped: readonly ReasonRow[]): Promise<Pick<LoadReport, 'rowsRead' | 'rowsLoaded' | 'setAside' | 'dateRange' | 'customers' | 'orders'>> {
  const byReason = new Map(grouped.map((g) => [g.reason, g]));
  const setAside: SetAside[] = REASONS.flatMap((reason) => {
    const g = byReason.get(reason);
    return g ? [{ reason, count: g.count, examples: [...g.examples].map(Number).sort((a, b) => a - b) }] : [];
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
