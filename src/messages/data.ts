/** Messages of the data layer: files, column mapping, parsing, and the notes of a LoadReport. */
import { basename } from 'node:path';
import { examples, list } from './format.js';

/** A delimiter as a reader names it. */
function delimiterName(d: string | undefined): string {
  if (d === undefined || d === ',') return 'commas';
  if (d === ';') return 'semicolons';
  if (d === '\t') return 'tabs';
  if (d === '|') return 'bars (|)';
  if (d === 'whitespace') return 'spaces';
  return JSON.stringify(d);
}

/** `rows 2, 5, 9` (and `, …` when there are more than shown). */
function rowList(rows: readonly number[], total = rows.length): string {
  return `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${total > rows.length ? ', …' : ''}`;
}

/** Message builders for loading files. */
export const dataMessages = {
  // files
  fileNotFound: (path: string) =>
    `File not found: ${path}. Check the path (relative paths start from ${process.cwd()}).`,
  notAFile: (path: string) => `Not a file: ${path}. Pass the path of a CSV, TSV, Parquet or JSON file.`,
  emptyFile: (path: string) =>
    `${basename(path)} is empty (0 data bytes). Export the data again, with a header row and at least one data row.`,
  headerOnly: (path: string, columns: readonly string[]) =>
    `${basename(path)} has a header (${list(columns)}) but no data rows. Export the data again with its rows.`,
  excel: (path: string) =>
    `${basename(path)} is an Excel workbook, which cannot be read here. In Excel choose File › Save As › "CSV UTF-8 (comma delimited)" and load the .csv.`,
  unreadable: (path: string, why: string) => `${basename(path)} could not be read: ${why}`,
  encoding: (path: string, line: string | undefined) =>
    `${basename(path)} is not valid UTF-8 and could not be read as Latin-1 either${line ? ` (line ${line} holds bytes that are neither)` : ''}. Convert it to UTF-8, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv\`, or in Excel save as "CSV UTF-8".`,
  // a file the reader cannot take: what is wrong, in words a user can check in a text editor
  malformedFields: (path: string, line: number, found: number, expected: number) =>
    `${basename(path)} line ${line} has ${found} ${found === 1 ? 'field' : 'fields'} where the header has ${expected}${
      found > expected
        ? ': a value that holds the delimiter (e.g. a decimal comma in a comma-separated file) needs quotes around it'
        : ': a value is missing, or the line was cut'
    }. Fix that line (and any like it), or export the file again.`,
  malformedQuote: (path: string, line: number) =>
    `${basename(path)} line ${line} opens a quote (") that is never closed, so everything after it would be one value. Close or remove that quote.`,
  notText: (path: string, line: number) =>
    `${basename(path)} line ${line} holds bytes that are not text (a NUL byte or an invalid character). Export the file again as CSV UTF-8.`,
  notConvertible: (path: string, line: string, column: string, value: string, kind: string) =>
    `${basename(path)} line ${line}: the value ${JSON.stringify(value)} in column ${JSON.stringify(column)} is not ${kind}. Fix the value or leave it empty.`,
  unreadableTable: (
    path: string,
    line: string | undefined,
    delimiter: string | undefined,
    reason: string | undefined,
  ) =>
    `${basename(path)}${line ? ` line ${line}` : ''} could not be read as a table of values separated by ${delimiterName(delimiter)}${reason ? ` (${reason})` : ''}. ` +
    'Check that every line has one value per column of the header, that quotes (") come in pairs, and that the delimiter is the one the file uses.',
  lineTooLong: () => 'a line is longer than 2 MB',
  utf16Unreadable: (path: string) =>
    `${basename(path)} is UTF-16 text and could not be read as a table. Save it as UTF-8 (in Excel: "CSV UTF-8"), e.g. \`iconv -f UTF-16 -t UTF-8 in.csv > out.csv\`.`,
  notParquet: (path: string) =>
    `${basename(path)} is not a readable Parquet file: it is cut short, damaged, or not Parquet despite its name. Export it again, or load the data as CSV.`,
  badJson: (path: string, where: string | undefined, what: string | undefined) =>
    `${basename(path)} is not valid JSON${where ? ` (${where}${what ? `: ${what}` : ''})` : ''}. Check that the file is complete and holds an array of objects or one object per line.`,
  jsonAt: (byte: string, record: string) => `at byte ${byte}, record ${record}`,
  jsonEndOfData: () => 'the file ends in the middle of a value',
  jsonUnexpected: () => 'a character that does not belong there',

  // mapping
  unknownPreset: (name: string, names: readonly string[]) =>
    `Unknown preset ${JSON.stringify(name)}. Known presets: ${list(names)}.`,
  unknownMappingKey: (key: string, keys: readonly string[]) =>
    `Unknown mapping key ${JSON.stringify(key)}. Known keys: ${keys.join(', ')}.`,
  missingField: (field: string, path: string, columns: readonly string[], hint: string) =>
    `No column maps to ${field} in ${basename(path)} (columns: ${list(columns)}). ${hint}`,
  missingHint: (field: string) =>
    field === 'amount'
      ? "Pass mapping: { amount: '…' } or both { quantity: '…', unitPrice: '…' }, or a preset."
      : `Pass mapping: { ${field === 'customer_id' ? 'customerId' : field === 'order_date' ? 'orderDate' : field}: '…' } or a preset.`,
  missingIdHint: () => "Pass idColumn: '…'.",
  unknownColumn: (key: string, column: string, path: string, columns: readonly string[]) =>
    `The mapping says ${key}: ${JSON.stringify(column)}, but ${basename(path)} has no such column (columns: ${list(columns)}). Fix the name in the mapping (names are case-sensitive).`,

  // parsing
  badDates: (
    column: string,
    path: string,
    failures: ReadonlyArray<{ row: number; value: string }>,
    formats: readonly string[],
  ) =>
    `Dates in column ${JSON.stringify(column)} of ${basename(path)} could not be read in most rows, e.g. ${examples(failures)}. Formats tried: ${formats.join(', ')}. Pass dateFormat (strptime, e.g. '%d-%m-%Y %H:%M') or fix the column.`,
  badNumbers: (column: string, path: string, failures: ReadonlyArray<{ row: number; value: string }>) =>
    `Numbers in column ${JSON.stringify(column)} of ${basename(path)} could not be read in most rows, e.g. ${examples(failures)}. Expected numbers such as 12.50 or 12,50; pass decimal: ',' or '.' if the guess was wrong.`,

  // notes in the LoadReport
  warnLatin1: (file: string) => `${file} is not UTF-8; it was read as Latin-1 (ISO-8859-1). Check accented characters.`,
  warnDateFormat: (column: string, format: string) =>
    `Dates in ${JSON.stringify(column)} were read with format ${format}.`,
  warnAmbiguousDates: (column: string, chosen: string, other: string) =>
    `Dates in ${JSON.stringify(column)} fit both ${chosen} and ${other}; ${chosen} was used. Pass dateFormat to choose.`,
  utf16BigEndian: (path: string) =>
    `${basename(path)} is UTF-16 big-endian text, which the reader does not take (it reads UTF-8, UTF-16 little-endian and Latin-1). Save it as UTF-8 (in Excel: CSV UTF-8) and load that file.`,
  binaryFile: (path: string) =>
    `${basename(path)} is not a text table (it holds binary data). Export the data as CSV (UTF-8), Parquet or JSON and load that file.`,
  diskFullWhileLoading: (path: string, written: string | undefined) =>
    `The disk is full: ${written ? `DuckDB could not write ${written}` : 'DuckDB could not write its data'} while loading ${basename(path)}. ` +
    "Free space on that disk (it holds the Workbench's database file, or its temporary folder for data that does not fit in memory), " +
    "or open the Workbench with a path or tempDirectory on a disk with room (Workbench.open({ tempDirectory: '/big/disk/tmp' })).",
  damagedGzip: (path: string) =>
    `${basename(path)} is a damaged or truncated gzip file: it could not be decompressed to the end. Copy or download it again, or load the uncompressed file.`,
  warnAmbiguousDot: (file: string, example: string) =>
    `Numbers in ${file} such as ${JSON.stringify(example)} can mean thousands (1234) or decimals (1.234), and no row tells; they were read with a decimal point. Pass decimal: ',' if the dot separates thousands.`,
  warnMoneyText: (file: string, examples: readonly string[]) =>
    `Amounts in ${file} carry currency signs, codes, brackets or spaces (e.g. ${list(examples)}); they were read without them, and an amount in brackets as negative.`,
  warnDecimalComma: (file: string) => `${file} uses a decimal comma (12,50); numbers were read accordingly.`,
  warnOtherDecimalMark: (file: string, column: string, decimalComma: boolean, count: number, rows: readonly number[]) =>
    `Amounts in ${JSON.stringify(column)} of ${file} are read with a decimal ${decimalComma ? 'comma' : 'point'}, but ${count} ${count === 1 ? 'row uses' : 'rows use'} ` +
    `a decimal ${decimalComma ? 'point' : 'comma'} (${rowList(rows, count)}); ${count === 1 ? 'it was' : 'they were'} set aside as unreadable, not read 100 times too large or small. ` +
    `Fix ${count === 1 ? 'that row' : 'those rows'}, or pass decimal: '${decimalComma ? '.' : ','}' if most rows are the other way.`,
  warnMixedMarks: (
    file: string,
    column: string,
    decimalComma: boolean,
    dotRows: readonly number[],
    commaRows: readonly number[],
  ) =>
    `Amounts in ${JSON.stringify(column)} of ${file} hold values like 1.234 (${rowList(dotRows)}) and like 1,234 (${rowList(commaRows)}): ` +
    `one of the two marks separates thousands, and the rows disagree on which. The decimal ${decimalComma ? 'comma' : 'point'} was used, so ` +
    `${decimalComma ? '1.234 was read as 1234 and 1,234 as 1.234' : '1.234 was read as 1.234 and 1,234 as 1234'}. Check those rows, and pass decimal: ',' or '.' to choose.`,
  warnTrimmedIds: (file: string, column: string, count: number, ids: number, rows: readonly number[]) =>
    `Customer ids in ${JSON.stringify(column)} of ${file} had spaces before or after them in ${count} ${count === 1 ? 'row' : 'rows'} (${rowList(rows, count)}; ` +
    `${ids} ${ids === 1 ? 'id' : 'ids'}); the spaces (also no-break and other Unicode spaces) were removed, so "ABC " and "ABC" are one customer. Fix the ids in the source if they are different customers.`,
  warnDerivedOrderId: () =>
    'No order id column: each customer-day counts as one order (order_id = a keyed hash of customer and date, holding no customer id).',
  warnIgnoredColumns: (columns: readonly string[]) => `Columns not used: ${list(columns)}.`,
} as const;
