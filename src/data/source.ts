/**
 * Turns a sniffed file into a DuckDB relation (a SQL `FROM` clause with bound parameters) whose
 * columns are the file's columns. DuckDB reads every format itself; nothing is parsed row by row in JS.
 */
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import type { Workbench, QueryParam } from '../workbench.js';
import { quoteIdentifier } from '../sql.js';
import type { Preset } from './presets.js';
import { isGzipFile, type SniffResult } from './sniff.js';
import { diskFull } from './disk-full.js';
import { diagnoseDelimited, readText } from './diagnose.js';

/** A readable relation over a file. */
export interface SourceRelation {
  /** SQL for the FROM clause (uses `$path`, `$delim`, `$enc` parameters). */
  from: string;
  /** Parameters the SQL binds. */
  params: Record<string, QueryParam>;
  /** Column names and DuckDB types, in file order. */
  columns: Array<{ name: string; type: string }>;
  /** Added to rowid (0-based) to give the row number users see (line number for text files). */
  rowOffset: number;
}

/** Build the relation for a file. `allVarchar` reads CSV cells as text (we parse them in SQL). */
export async function sourceRelation(
  wb: Workbench,
  sniff: SniffResult,
  options: { preset?: Preset; allVarchar: boolean; decimalComma?: boolean },
): Promise<SourceRelation> {
  let from: string;
  const params: Record<string, QueryParam> = { path: sniff.path };
  let rowOffset = 1;
  if (sniff.format === 'parquet') {
    from = 'read_parquet($path)';
  } else if (sniff.format === 'json') {
    from = "read_json($path, format = 'auto')";
  } else if (sniff.delimiter === 'whitespace') {
    const { sql, hasHeader } = whitespaceColumns(sniff, options.preset);
    from = sql;
    rowOffset = hasHeader ? 2 : 1;
    params['enc'] = sniff.encoding ?? 'utf-8';
    params['unitsep'] = '\u001f';
  } else {
    params['delim'] = sniff.delimiter ?? ',';
    params['enc'] = sniff.encoding ?? 'utf-8';
    from = delimitedFrom(options.allVarchar ? 'all_varchar = true' : `decimal_separator = '${options.decimalComma ? ',' : '.'}'`, sniff.skip ?? 0);
    rowOffset = 2 + (sniff.skip ?? 0);
  }
  const described = await wb
    .query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${from}`, params)
    .catch((e: unknown) => { throw explainReadError(e, sniff.path, sniff); });
  return { from, params, columns: described.map((d) => ({ name: d.column_name, type: d.column_type })), rowOffset };
}

/**
 * Whitespace-separated text (CDNOW): read each line as one text column and split it on runs of
 * white space in SQL. Column names come from the header line or from the preset by token count.
 */
/** `read_csv` of a delimited file with the bound `$path`, `$delim` and `$enc`, and how to type the columns. */
function delimitedFrom(typing: string, skip: number): string {
  // skip is ours (sniff.ts headerSkip, a whole number): DuckDB's own guess would skip every line above a row
  // wider than the header (after a blank line, say) and silently take that row as the header; now such a row
  // is named by its line number.
  return `read_csv($path, header = true, skip = ${Math.trunc(skip)}, delim = $delim, encoding = $enc, ${typing}, quote = '"', escape = '"')`;
}

/**
 * The same delimited file read with a DuckDB type per column, in file order (types come from a fixed set,
 * never from the data). Undefined for files that are not delimited text.
 */
export function typedFrom(relation: SourceRelation, sniff: SniffResult, types: readonly string[]): SourceRelation | undefined {
  if (sniff.format !== 'csv' || sniff.delimiter === 'whitespace' || types.length !== relation.columns.length) return undefined;
  const known = types.every((t) => TYPED.has(t));
  return known ? { ...relation, from: delimitedFrom(`types = [${types.map((t) => `'${t}'`).join(', ')}]`, sniff.skip ?? 0) } : undefined;
}

const TYPED = new Set(['VARCHAR', 'DOUBLE', 'TIMESTAMP']);

function whitespaceColumns(sniff: SniffResult, preset: Preset | undefined): { sql: string; hasHeader: boolean } {
  const firstLine = sniff.head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const tokens = firstLine.trim().split(/\s+/);
  const hasHeader = tokens.some((t) => !/^[-+]?[0-9.,]+$/.test(t));
  const names = hasHeader ? tokens : (preset?.whitespaceColumns?.[tokens.length] ?? tokens.map((_, i) => `column${i + 1}`));
  const parts = names.map((n, i) => `nullif(parts[${i + 1}], '') AS ${quoteIdentifier(n)}`).join(', ');
  const sql =
    `(SELECT ${parts} FROM (SELECT string_split_regex(regexp_replace(line, '^\\s+|\\s+$', '', 'g'), '\\s+') AS parts ` +
    `FROM read_csv($path, columns = {'line': 'VARCHAR'}, header = ${hasHeader ? 'true' : 'false'}, delim = $unitsep, quote = '', escape = '', encoding = $enc)))`;
  return { sql, hasHeader };
}

/** What the loader knows about the file when a read fails (from the sniff). */
export type ReadContext = Partial<Pick<SniffResult, 'format' | 'delimiter' | 'encoding' | 'skip'>>;

/**
 * Turn DuckDB's reader errors into WorkbenchErrors that say, in plain words, what is wrong with the file
 * and where: the line whose number of fields differs from the header's, an unclosed quote, a value that is
 * not text or not a number. DuckDB's own message (its reader options, SQL) never reaches the user; it is
 * kept in `details.cause` for a bug report. Other errors pass through.
 */
export function explainReadError(e: unknown, path: string, context: ReadContext = {}): unknown {
  if (!isWorkbenchError(e, 'QUERY_FAILED')) return e;
  const text = e.message;
  const details = (more: Record<string, unknown> = {}) => ({ file: path, ...more, cause: text });
  const full = diskFull(text);
  if (full) return new WorkbenchError('WRITE_FAILED', messages.diskFullWhileLoading(path, full.written), details({ written: full.written, reason: 'disk full' }));
  // DuckDB's message quotes the path: a folder named "gzip-exports" says nothing about the file. Its own words
  // and the file itself (gzip magic bytes or a .gz name) decide.
  const said = text.split(path).join('');
  if (/gzip|zlib|inflate|decompress/i.test(said) && (path.toLowerCase().endsWith('.gz') || isGzipFile(path))) {
    return new WorkbenchError('UNSUPPORTED_FORMAT', messages.damagedGzip(path), details());
  }
  const line = realLine(path, context, /CSV Error on Line:\s*(\d+)/.exec(text)?.[1], text);
  if (/invalid unicode|not utf-8 encoded/i.test(text)) {
    return new WorkbenchError('ENCODING', messages.encoding(path, line), details({ line }));
  }
  const format = context.format ?? formatOf(path);
  if (format === 'parquet' && /magic bytes|parquet/i.test(text)) {
    return new WorkbenchError('MALFORMED_FILE', messages.notParquet(path), details());
  }
  if (format === 'json' && /JSON/.test(text)) {
    const at = /at byte (\d+) in (?:record\/value|line) (\d+)/.exec(text);
    const what = /unexpected end of data/.test(text) ? messages.jsonEndOfData() : /unexpected character/.test(text) ? messages.jsonUnexpected() : undefined;
    return new WorkbenchError('MALFORMED_FILE', messages.badJson(path, at ? messages.jsonAt(at[1] ?? '', at[2] ?? '') : undefined, what), details());
  }
  const conversion = /converting column "((?:[^"]|"")*)"\. Could not convert string "((?:[^"]|"")*)" to '(\w+)'/.exec(text);
  if (line !== undefined && conversion) {
    const [, column = '', value = '', type = ''] = conversion;
    return new WorkbenchError('MALFORMED_FILE', messages.notConvertible(path, line, column, value, /TIMESTAMP|DATE/.test(type) ? 'a date' : 'a number'), details({ line }));
  }
  if (line !== undefined || /Conversion Error|Invalid Input Error/.test(text)) {
    return diagnosed(path, context, line, text) ?? e;
  }
  return e;
}

/**
 * The line a user finds DuckDB's complaint on. DuckDB counts records, not lines (blank lines and line breaks in
 * quoted cells shift it, and after an over-long line it says line 1), but it quotes the "Original Line": its
 * first occurrence in the file at or after DuckDB's count is the line. DuckDB's count when the quote is not found.
 */
function realLine(path: string, context: ReadContext, line: string | undefined, text: string): string | undefined {
  const original = /Original Line:\s*([^\r\n]+)/.exec(text)?.[1]?.slice(0, 200);
  if (line === undefined || !original?.trim() || context.delimiter === 'whitespace') return line;
  const content = readText(path, context.encoding)?.text;
  if (content === undefined) return line;
  let first: number | undefined;
  let counted = 0;
  let n = 1;
  for (let at = content.indexOf(original), tries = 0; at >= 0 && tries < 1000; at = content.indexOf(original, at + 1), tries++) {
    if (at > 0 && content[at - 1] !== '\n' && content[at - 1] !== '\r') continue;
    n += content.slice(counted, at).match(/\r\n|\r|\n/g)?.length ?? 0;
    counted = at;
    first ??= n;
    if (n >= Number(line)) return String(n);
  }
  return first === undefined ? line : String(first);
}

/** A delimited file the reader refused: the first problem our own scan finds, else what the reader said, in words. */
function diagnosed(path: string, context: ReadContext, line: string | undefined, text: string): WorkbenchError {
  const details = (at: number | string | undefined) => ({ file: path, ...(at !== undefined ? { line: Number(at) } : {}), cause: text });
  const content = context.delimiter === 'whitespace' ? undefined : readText(path, context.encoding);
  // Lines above the header (sniff.ts headerSkip) are not part of the table: scan from the header, count from the file's top.
  const skip = context.skip ?? 0;
  const table = content === undefined ? undefined : skip > 0 ? content.text.split(/(?<=\r\n|\n|\r(?!\n))/).slice(skip).join('') : content.text;
  const shifted = table === undefined ? undefined : diagnoseDelimited(table, context.delimiter ?? guessDelimiter(table));
  const found = shifted === undefined ? undefined : { ...shifted, line: shifted.line + skip };
  if (found?.kind === 'fields') return new WorkbenchError('MALFORMED_FILE', messages.malformedFields(path, found.line, found.found, found.expected), details(found.line));
  if (found?.kind === 'quote') return new WorkbenchError('MALFORMED_FILE', messages.malformedQuote(path, found.line), details(found.line));
  if (found?.kind === 'not-text') return new WorkbenchError('MALFORMED_FILE', messages.notText(path, found.line), details(found.line));
  if (found?.kind === 'long') {
    return new WorkbenchError('MALFORMED_FILE', messages.unreadableTable(path, String(found.line), context.delimiter, messages.lineTooLong()), details(found.line));
  }
  if (content?.utf16) return new WorkbenchError('ENCODING', messages.utf16Unreadable(path), details(line));
  const reason = /Maximum line size/i.test(text) ? messages.lineTooLong() : undefined;
  return new WorkbenchError('MALFORMED_FILE', messages.unreadableTable(path, line, context.delimiter, reason), details(line));
}

/** The delimiter of a header line when the sniff did not say: the most frequent of `,` `;` tab `|`. */
function guessDelimiter(content: string): string {
  const header = content.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** The format a file name says. */
function formatOf(path: string): SniffResult['format'] {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  if (/\.(parquet|pq)$/.test(lower)) return 'parquet';
  if (/\.(json|ndjson|jsonl)$/.test(lower)) return 'json';
  return 'csv';
}
