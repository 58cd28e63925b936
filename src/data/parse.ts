/**
 * Decides how text cells become dates and numbers (date format, decimal comma) from a sample,
 * and builds the SQL expressions that parse them. Parsing itself runs in DuckDB.
 */
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';

/** Date formats tried, most specific first; day-first before month-first. */
export const DATE_FORMATS: readonly string[] = [
  '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y%m%d',
  '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y',
  '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y',
  '%d.%m.%Y %H:%M', '%d.%m.%Y',
  '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y',
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

function isAmbiguousTie(a: string, b: string | undefined): boolean {
  return b !== undefined && a.includes('%d') && b.includes('%d') && a.indexOf('%d') !== b.indexOf('%d');
}

/** True when the sampled numeric text columns use a decimal comma (`12,50`, `1.234,50`). */
export async function usesDecimalComma(wb: Workbench, table: string, columns: readonly string[]): Promise<boolean> {
  let comma = 0;
  let dot = 0;
  for (const column of columns) {
    const col = quoteIdentifier(column);
    const [row] = await wb.query<{ comma: number; dot: number }>(
      `SELECT count(*) FILTER (WHERE regexp_full_match(v, '[-+]?[0-9]{1,3}(\\.[0-9]{3})*,[0-9]+|[-+]?[0-9]+,[0-9]+')) AS comma,
              count(*) FILTER (WHERE regexp_full_match(v, '[-+]?[0-9]*\\.[0-9]+')) AS dot
       FROM (SELECT trim(${col}) AS v FROM ${table} WHERE rowid < ${SAMPLE} AND ${col} IS NOT NULL)`);
    comma += row?.comma ?? 0;
    dot += row?.dot ?? 0;
  }
  return comma > dot;
}

/** SQL expression parsing a text number column (NULL when unreadable). */
export function numberExpr(column: string, type: string, decimalComma: boolean): string {
  const col = quoteIdentifier(column);
  if (!isText(type)) return `TRY_CAST(${col} AS DOUBLE)`;
  return decimalComma
    ? `TRY_CAST(replace(replace(trim(${col}), '.', ''), ',', '.') AS DOUBLE)`
    : `TRY_CAST(trim(${col}) AS DOUBLE)`;
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
