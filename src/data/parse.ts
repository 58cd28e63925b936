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

/**
 * Spaces trimmed from ids and stripped from money text: ASCII white space, every Unicode space (no-break
 * space, narrow no-break space as a French thousands separator, em space…), line and paragraph separators,
 * the zero-width space and a stray byte-order mark. DuckDB's own `trim()` knows some of them, not all.
 */
export const SPACES = ' \t\n\r\u000b\u000c\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * SQL: true when `expr` starts or ends with one of {@link SPACES} (also true for ''; callers trim it to '').
 * Looking its first and last character up in the list is faster than a regular expression (measured: about
 * 0.5 s less per id column over 10M rows).
 */
export function hasEdgeSpaceSql(expr: string): string {
  return `(strpos('${SPACES}', ${expr}[1]) > 0 OR strpos('${SPACES}', ${expr}[-1]) > 0)`;
}

/**
 * SQL: `expr` without leading and trailing {@link SPACES}. `trim(x, characters)` is ten times slower than a
 * regular-expression test (measured: 1.4 s against 0.12 s over 3M ids), so only values that need it are trimmed.
 */
export function trimSql(expr: string): string {
  return `CASE WHEN ${hasEdgeSpaceSql(expr)} THEN trim(${expr}, '${SPACES}') ELSE ${expr} END`;
}

/** SQL: the text of a number cell without currency signs, codes, brackets and spaces (any of {@link SPACES}). */
export function moneyTextSql(col: string): string {
  return `regexp_replace(${col}, '${MONEY_MARKS}|[()${SPACES}]', '', 'g')`;
}

/** What the numeric text columns look like. */
export interface NumberStyle {
  /** Decimal comma (`12,50`, `1.234,50`) rather than decimal point. */
  decimalComma: boolean;
  /** Some cells carry a currency sign or code, or accounting brackets: they are read without them. */
  moneyText: boolean;
  /** A few such cells that read as numbers once stripped, with their {@link MARK} bit: see {@link moneyNoteExamples}. */
  moneyExamples: Array<{ text: string; mark: number }>;
  /** Only values like `1.234` or `1,234` (one mark before exactly three digits) were seen in the whole file: thousands or decimals cannot be told. */
  ambiguousDot?: string;
}

/**
 * How a number cell shows its decimal mark, as bits (OR-ed over the numeric columns of a row):
 * `comma` = only a decimal comma reads it (`12,50`, `1.234,50`, `1.234.567`); `dot` = only a decimal point
 * (`12.50`, `1,234.50`, `1,234,567`); `eitherDot` / `eitherComma` = one mark before exactly three digits
 * (`1.234`, `1,234`): thousands under one rule, decimals under the other. A leading 0 (`0,125`) is decimals.
 */
export const MARK = { comma: 1, dot: 2, eitherDot: 4, eitherComma: 8 } as const;

const S = '[-+]?';
const EITHER_DOT = `${S}[1-9][0-9]{0,2}\\.[0-9]{3}`;
const EITHER_COMMA = `${S}[1-9][0-9]{0,2},[0-9]{3}`;
const COMMA_FORMS = `${S}[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+|${S}[0-9]*,[0-9]+|${S}[1-9][0-9]{0,2}(\\.[0-9]{3}){2,}`;
const DOT_FORMS = `${S}[0-9]{1,3}(,[0-9]{3})+\\.[0-9]+|${S}[0-9]*\\.[0-9]+|${S}[1-9][0-9]{0,2}(,[0-9]{3}){2,}`;

/** SQL: the {@link MARK} bit of one cell's text `v` (0 for integers, empty and unreadable cells). */
export function markSql(v: string): string {
  return `CASE WHEN NOT (contains(${v}, ',') OR contains(${v}, '.')) THEN 0
    WHEN regexp_full_match(${v}, '${EITHER_DOT}') THEN ${MARK.eitherDot}
    WHEN regexp_full_match(${v}, '${EITHER_COMMA}') THEN ${MARK.eitherComma}
    WHEN regexp_full_match(${v}, '${COMMA_FORMS}') THEN ${MARK.comma}
    WHEN regexp_full_match(${v}, '${DOT_FORMS}') THEN ${MARK.dot} ELSE 0 END`;
}

/** SQL: the {@link MARK} bit of a numeric text column, as the parse reads it (money text stripped when `moneyText`). */
export function columnMarkSql(column: string, type: string, moneyText: boolean): string {
  if (!isText(type)) return '0';
  const col = quoteIdentifier(column);
  return markSql(moneyText ? moneyTextSql(col) : `trim(${col})`);
}

/**
 * Cells that say decimal comma, decimal point, or that could be either (`1.234`, `1,234`); with `examples`,
 * also the first six cells (of the first 1,000 rows) written as money text that look like a number once
 * stripped, with their mark: the note names three of those the chosen decimal mark reads ({@link moneyNoteExamples}).
 */
function evidenceSql(col: string, from: string, where: string, examples: boolean): string {
  const v = moneyTextSql(col);
  return `SELECT count(*) FILTER (WHERE k = ${MARK.comma}) AS comma, count(*) FILTER (WHERE k = ${MARK.dot}) AS dot,
      coalesce(min(v) FILTER (WHERE k = ${MARK.eitherDot}), min(v) FILTER (WHERE k = ${MARK.eitherComma})) AS either
      ${examples ? `, list({'text': raw, 'mark': k} ORDER BY r) FILTER (WHERE raw <> v AND r < 1000 AND regexp_full_match(v, '${S}[0-9]*[.,]?[0-9]+([.,][0-9]+)*'))[1:6] AS money` : ''}
    FROM (SELECT v, ${markSql('v')} AS k${examples ? ', raw, r' : ''}
      FROM (SELECT ${v} AS v${examples ? `, trim(${col}) AS raw, rowid AS r` : ''} FROM ${from} WHERE ${where}))`;
}

/**
 * Decimal mark and money notation of the numeric text columns, from the first rows: a decimal comma when
 * more cells read as `12,50` / `1.234,50` than as `12.50` / `1,234.50` once signs and codes are stripped.
 * A cell like `1.234` or `1,234` is thousands or decimals: it does not vote. When the first rows hold no
 * vote, every row of the file (`file`) is asked (a decimal-comma file whose first rows are whole numbers);
 * when that too holds only such cells, the decimal point is used and `ambiguousDot` says so.
 */
export async function numberStyle(
  wb: Workbench, table: string, columns: readonly string[], file?: { from: string; params: Record<string, QueryParam>; columns: readonly string[] },
): Promise<NumberStyle> {
  let comma = 0;
  let dot = 0;
  let either: string | undefined;
  const moneyExamples: Array<{ text: string; mark: number }> = [];
  for (const column of columns) {
    const col = quoteIdentifier(column);
    const [row] = await wb.query<{ comma: number; dot: number; either: string | null; money: Array<{ text: string; mark: number }> | null }>(
      evidenceSql(col, table, `rowid < ${SAMPLE} AND ${col} IS NOT NULL`, true));
    comma += row?.comma ?? 0;
    dot += row?.dot ?? 0;
    either ??= row?.either ?? undefined;
    for (const m of row?.money ?? []) if (moneyExamples.length < 6) moneyExamples.push({ text: m.text, mark: Number(m.mark) });
  }
  if (comma === 0 && dot === 0 && file) {
    for (const column of file.columns) {
      const [row] = await wb.query<{ comma: number; dot: number; either: string | null }>(evidenceSql(quoteIdentifier(column), file.from, 'true', false), file.params);
      comma += row?.comma ?? 0;
      dot += row?.dot ?? 0;
      either ??= row?.either ?? undefined;
    }
  }
  const stillOpen = comma === 0 && dot === 0 && either !== undefined;
  return { decimalComma: comma > dot, moneyText: moneyExamples.length > 0, moneyExamples, ...(stillOpen ? { ambiguousDot: either } : {}) };
}

/**
 * The money-text cells the note may name as read: up to three that the chosen decimal mark reads (a `€ 12,50`
 * in a file read with a decimal point is set aside, so the note must not claim it). Empty: no note.
 */
export function moneyNoteExamples(style: NumberStyle, decimalComma: boolean): string[] {
  const unreadable = decimalComma ? MARK.dot : MARK.comma;
  return style.moneyExamples.filter((m) => m.mark !== unreadable).slice(0, 3).map((m) => m.text);
}

/**
 * SQL expression parsing a text number column (NULL when unreadable). With a decimal point, thousands
 * commas (`1,234.50`) are read; with a decimal comma, thousands dots (`1.234,50`). A cell written with the
 * other decimal mark (`3.25` in a decimal-comma column) is unreadable, never read 100 times too large.
 * With `moneyText`, currency signs and codes are stripped and `(12.50)` is −12.50.
 */
export function numberExpr(column: string, type: string, decimalComma: boolean, moneyText = false): string {
  const col = quoteIdentifier(column);
  if (!isText(type)) return `TRY_CAST(${col} AS DOUBLE)`;
  const text = moneyText ? moneyTextSql(col) : `trim(${col})`;
  const value = decimalComma
    ? `TRY_CAST(CASE WHEN regexp_full_match(${text}, '${S}[1-9][0-9]{0,2}(\\.[0-9]{3})+(,[0-9]+)?') THEN replace(replace(${text}, '.', ''), ',', '.')
        WHEN NOT contains(${text}, '.') THEN replace(${text}, ',', '.') END AS DOUBLE)`
    : `TRY_CAST(CASE WHEN regexp_full_match(${text}, '${S}[1-9][0-9]{0,2}(,[0-9]{3})+(\\.[0-9]+)?') THEN replace(${text}, ',', '') ELSE ${text} END AS DOUBLE)`;
  // Brackets around the number once signs, codes and spaces are gone: `€ (12,50)` is negative too.
  const bare = `regexp_replace(${col}, '${MONEY_MARKS}|[${SPACES}]', '', 'g')`;
  return moneyText ? `(CASE WHEN starts_with(${bare}, '(') AND ends_with(${bare}, ')') THEN -1 ELSE 1 END * ${value})` : value;
}

/** SQL expression parsing a date column with a bound format parameter. */
export function dateExpr(column: string, type: string, formatParam: string, format?: string): string {
  const col = quoteIdentifier(column);
  // ISO text needs no format: DuckDB's own cast is about twice as fast as strptime.
  if (!isText(type) || format === '%Y-%m-%d %H:%M:%S' || format === '%Y-%m-%d') return `TRY_CAST(${isText(type) ? `trim(${col})` : col} AS TIMESTAMP)`;
  return `try_strptime(trim(${col}), $${formatParam})`;
}

/**
 * SQL: true for a line that repeats the header (files joined with their headers): the id and date cells hold
 * their own column names, bound as `$hid` and `$hdate`. `trimmed: false` compares the cells as they are
 * (cheaper over the tens of millions of rows of an events file).
 */
export function headerSql(idColumn: string, dateColumn: string, trimmed = true): string {
  const cell = (c: string) => (trimmed ? `trim(CAST(${quoteIdentifier(c)} AS VARCHAR))` : `CAST(${quoteIdentifier(c)} AS VARCHAR)`);
  return `coalesce(${cell(idColumn)} = $hid AND ${cell(dateColumn)} = $hdate, false)`;
}

/** SQL expression for an identifier column as text; whole floats lose their `.0` (17850.0 → '17850'). */
export function idExpr(column: string, type: string): string {
  const col = quoteIdentifier(column);
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL')) {
    return `CASE WHEN ${col} = floor(${col}) THEN CAST(CAST(${col} AS HUGEINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`;
  }
  return `nullif(${trimSql(`CAST(${col} AS VARCHAR)`)}, '')`;
}

/** SQL: true when a text id lost leading or trailing spaces ({@link SPACES}) in {@link idExpr}; false for numbers and empty ids. */
export function idTrimmedSql(column: string, type: string): string {
  if (!isText(type)) return 'false';
  const v = `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
  return `coalesce(${hasEdgeSpaceSql(v)} AND ${trimSql(v)} <> '', false)`;
}
