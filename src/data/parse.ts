/**
 * Decides how text cells become dates and numbers (date format, decimal comma) from a sample,
 * and builds the SQL expressions that parse them. Parsing itself runs in DuckDB.
 */
import { quoteIdentifier } from '../sql.js';
import type { QueryParam, Workbench } from '../workbench.js';

/** Date formats tried, most specific first; day-first before month-first. */
export const DATE_FORMATS: readonly string[] = [
  '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y%m%d',
  '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y',
  '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y',
  '%d.%m.%Y %H:%M', '%d.%m.%Y',
  '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y',
  '%m-%d-%Y %H:%M:%S', '%m-%d-%Y %H:%M', '%m-%d-%Y',
];

const SAMPLE = 5000;
const TEXT_TYPES = new Set(['VARCHAR']);

/** True when the DuckDB type is text (and so needs parsing). */
export function isText(type: string): boolean {
  return TEXT_TYPES.has(type);
}

/** Outcome of date format detection on a sample. */
export interface DateFormatChoice {
  format: string;
  /** Share of sampled non-empty values the format parses. */
  share: number;
  /** Another format that parsed just as many (d/m vs m/d). */
  tie?: string;
  /** Sampled values it failed on, with their row numbers. */
  failures: Array<{ row: number; value: string }>;
}

/**
 * Pick the date format that parses most of a sample of the column (its first rows). All candidate formats
 * are tried in one query over the sample, bound as parameters.
 */
export async function chooseDateFormat(
  wb: Workbench, table: string, column: string, rowOffset: number, forced?: string,
): Promise<DateFormatChoice> {
  const col = quoteIdentifier(column);
  const sample = `(SELECT trim(${col}) AS v, rowid AS r FROM ${table} WHERE rowid < ${SAMPLE} AND nullif(trim(${col}), '') IS NOT NULL)`;
  const formats = forced ? [forced] : DATE_FORMATS;
  const params: Record<string, string> = {};
  formats.forEach((f, i) => { params[`f${i}`] = f; });
  const counts = formats.map((_, i) => `count(*) FILTER (WHERE try_strptime(v, $f${i}) IS NOT NULL) AS "${i}"`).join(', ');
  const [row] = await wb.query(`SELECT count(*) AS n, ${counts} FROM ${sample}`, params);
  const total = Number(row?.['n'] ?? 0);
  let best = 0;
  let tie: string | undefined;
  formats.forEach((format, i) => {
    const ok = Number(row?.[String(i)] ?? 0);
    const bestOk = Number(row?.[String(best)] ?? 0);
    if (ok > bestOk) { best = i; tie = undefined; }
    else if (i !== best && ok === bestOk && ok > 0 && tie === undefined) tie = format;
  });
  const format = formats[best] ?? '%Y-%m-%d';
  const failures = await wb.query<{ value: string; row: number }>(
    `SELECT v AS value, r + ${rowOffset} AS row FROM ${sample} WHERE try_strptime(v, $fmt) IS NULL ORDER BY r LIMIT 3`, { fmt: format });
  const share = total === 0 ? 0 : Number(row?.[String(best)] ?? 0) / total;
  return { format, share, failures, ...(isAmbiguousTie(format, tie) ? { tie } : {}) };
}

/**
 * Settle a day/month tie on the sample with every row of the file: the format that reads more of the
 * column's cells wins (a `13/12/2010` anywhere settles it). Returns the format to use and whether the
 * whole file still leaves it open (then the LoadReport warns).
 */
export async function settleDateTie(
  wb: Workbench, from: string, params: Record<string, QueryParam>, column: string, chosen: string, other: string,
): Promise<{ format: string; ambiguous: boolean }> {
  const col = quoteIdentifier(column);
  const [row] = await wb.query<{ a: number; b: number }>(
    `SELECT count(try_strptime(v, $fa)) AS a, count(try_strptime(v, $fb)) AS b
     FROM (SELECT trim(${col}) AS v FROM ${from}) WHERE nullif(v, '') IS NOT NULL`, { ...params, fa: chosen, fb: other });
  const a = Number(row?.a ?? 0);
  const b = Number(row?.b ?? 0);
  return { format: b > a ? other : chosen, ambiguous: a === b };
}

function isAmbiguousTie(a: string, b: string | undefined): boolean {
  return b !== undefined && a.includes('%d') && b.includes('%d') && a.indexOf('%d') !== b.indexOf('%d');
}

/**
 * Money written as text: a currency sign or ISO code before or after the number (`€ 12,50`, `12.50 EUR`,
 * `$1,234.50`) and accounting negatives (`(12.50)`). {@link moneyTextSql} strips the sign or code and the
 * brackets; a bracketed amount becomes negative (see {@link numberExpr}).
 */
const MONEY_MARKS = "[€$£¥]|\\b[A-Z]{3}\\b";

/** SQL: the text of a number cell without currency signs, codes, brackets and spaces. */
export function moneyTextSql(col: string): string {
  return `regexp_replace(trim(${col}), '${MONEY_MARKS}|[()\\s]', '', 'g')`;
}

/** What the numeric text columns look like. */
export interface NumberStyle {
  /** Decimal comma (`12,50`, `1.234,50`) rather than decimal point. */
  decimalComma: boolean;
  /** Some cells carry a currency sign or code, or accounting brackets: they are read without them. */
  moneyText: boolean;
  /** A few such cells, for the note in the LoadReport. */
  moneyExamples: string[];
  /** Only values like `1.234` (a dot before exactly three digits) were seen in the whole file: thousands or decimals cannot be told. */
  ambiguousDot?: string;
}

/**
 * Cells that say decimal comma, decimal point, or that could be either (`1.234`); with `examples`, also the
 * first three cells (of the first 1,000 rows) written as money text, for the note.
 */
function evidenceSql(col: string, from: string, where: string, examples: boolean): string {
  const v = moneyTextSql(col);
  return `SELECT count(*) FILTER (WHERE regexp_full_match(v, '[-+]?[0-9]{1,3}(\\.[0-9]{3})*,[0-9]+|[-+]?[0-9]+,[0-9]+')) AS comma,
      count(*) FILTER (WHERE regexp_full_match(v, '[-+]?[0-9]*\\.[0-9]+|[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?')
        AND NOT regexp_full_match(v, '[-+]?[0-9]{1,3}(\\.[0-9]{3})+')) AS dot,
      min(v) FILTER (WHERE regexp_full_match(v, '[-+]?[0-9]{1,3}(\\.[0-9]{3})+')) AS either
      ${examples ? ', list(raw ORDER BY r) FILTER (WHERE raw <> v AND r < 1000)[1:3] AS money' : ''}
    FROM (SELECT ${v} AS v${examples ? `, trim(${col}) AS raw, rowid AS r` : ''} FROM ${from} WHERE ${where})`;
}

/**
 * Decimal mark and money notation of the numeric text columns, from the first rows: a decimal comma when
 * more cells read as `12,50` / `1.234,50` than as `12.50` / `1,234.50` once signs and codes are stripped.
 * A cell like `1.234` is thousands or decimals: it does not vote. When the first rows hold nothing else,
 * every row of the file (`file`) is asked; when that too holds only such cells, the decimal point is used
 * and `ambiguousDot` says so.
 */
export async function numberStyle(
  wb: Workbench, table: string, columns: readonly string[], file?: { from: string; params: Record<string, QueryParam>; columns: readonly string[] },
): Promise<NumberStyle> {
  let comma = 0;
  let dot = 0;
  let either: string | undefined;
  const moneyExamples: string[] = [];
  for (const column of columns) {
    const col = quoteIdentifier(column);
    const [row] = await wb.query<{ comma: number; dot: number; either: string | null; money: string[] | null }>(
      evidenceSql(col, table, `rowid < ${SAMPLE} AND ${col} IS NOT NULL`, true));
    comma += row?.comma ?? 0;
    dot += row?.dot ?? 0;
    either ??= row?.either ?? undefined;
    for (const m of row?.money ?? []) if (moneyExamples.length < 3) moneyExamples.push(m);
  }
  if (comma === 0 && dot === 0 && either !== undefined && file) {
    for (const column of file.columns) {
      const [row] = await wb.query<{ comma: number; dot: number }>(evidenceSql(quoteIdentifier(column), file.from, 'true', false), file.params);
      comma += row?.comma ?? 0;
      dot += row?.dot ?? 0;
    }
  }
  const stillOpen = comma === 0 && dot === 0 && either !== undefined;
  return { decimalComma: comma > dot, moneyText: moneyExamples.length > 0, moneyExamples, ...(stillOpen ? { ambiguousDot: either } : {}) };
}

/**
 * SQL expression parsing a text number column (NULL when unreadable). With a decimal point, thousands
 * commas (`1,234.50`) are read; with a decimal comma, thousands dots (`1.234,50`). With `moneyText`,
 * currency signs and codes are stripped and `(12.50)` is −12.50.
 */
export function numberExpr(column: string, type: string, decimalComma: boolean, moneyText = false): string {
  const col = quoteIdentifier(column);
  if (!isText(type)) return `TRY_CAST(${col} AS DOUBLE)`;
  const text = moneyText ? moneyTextSql(col) : `trim(${col})`;
  const value = decimalComma
    ? `TRY_CAST(replace(replace(${text}, '.', ''), ',', '.') AS DOUBLE)`
    : `TRY_CAST(CASE WHEN regexp_full_match(${text}, '[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?') THEN replace(${text}, ',', '') ELSE ${text} END AS DOUBLE)`;
  return moneyText ? `(CASE WHEN starts_with(trim(${col}), '(') AND ends_with(trim(${col}), ')') THEN -1 ELSE 1 END * ${value})` : value;
}

/** SQL expression parsing a date column with a bound format parameter. */
export function dateExpr(column: string, type: string, formatParam: string, format?: string): string {
  const col = quoteIdentifier(column);
  // ISO text needs no format: DuckDB's own cast is about twice as fast as strptime.
  if (!isText(type) || format === '%Y-%m-%d %H:%M:%S' || format === '%Y-%m-%d') return `TRY_CAST(${isText(type) ? `trim(${col})` : col} AS TIMESTAMP)`;
  return `try_strptime(trim(${col}), $${formatParam})`;
}

/** SQL expression for an identifier column as text; whole floats lose their `.0` (17850.0 → '17850'). */
export function idExpr(column: string, type: string): string {
  const col = quoteIdentifier(column);
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL')) {
    return `CASE WHEN ${col} = floor(${col}) THEN CAST(CAST(${col} AS HUGEINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`;
  }
  return `nullif(trim(CAST(${col} AS VARCHAR)), '')`;
}
