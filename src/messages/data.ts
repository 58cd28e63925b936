/** Messages of the data layer: files, column mapping, parsing, and the notes of a LoadReport. */
import { basename } from 'node:path';
import { examples, list } from './format.js';

/** Message builders for loading files. */
export const dataMessages = {
  // files
  fileNotFound: (path: string) => `File not found: ${path}. Check the path (relative paths start from ${process.cwd()}).`,
  notAFile: (path: string) => `Not a file: ${path}. Pass the path of a CSV, TSV, Parquet or JSON file.`,
  emptyFile: (path: string) => `${basename(path)} is empty (0 data bytes). Export the data again, with a header row and at least one data row.`,
  headerOnly: (path: string, columns: readonly string[]) =>
    `${basename(path)} has a header (${list(columns)}) but no data rows. Export the data again with its rows.`,
  excel: (path: string) =>
    `${basename(path)} is an Excel workbook, which cannot be read here. In Excel choose File › Save As › "CSV UTF-8 (comma delimited)" and load the .csv.`,
  unreadable: (path: string, why: string) => `${basename(path)} could not be read: ${why}`,
  encoding: (path: string, why: string) =>
    `${basename(path)} is not valid UTF-8 and could not be read as Latin-1 either (${why}). Convert it to UTF-8, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv\`, or in Excel save as "CSV UTF-8".`,
  malformed: (path: string, line: string | undefined, why: string) =>
    `${basename(path)}${line ? ` line ${line}` : ''} could not be read as ${line ? 'a CSV row' : 'CSV'} (${why}). Check the delimiter, the quoting and the number of fields${line ? ' of that line' : ' per line (an unclosed quote is a common cause)'}.`,

  // mapping
  unknownPreset: (name: string, names: readonly string[]) => `Unknown preset ${JSON.stringify(name)}. Known presets: ${list(names)}.`,
  unknownMappingKey: (key: string, keys: readonly string[]) => `Unknown mapping key ${JSON.stringify(key)}. Known keys: ${keys.join(', ')}.`,
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
  badDates: (column: string, path: string, failures: ReadonlyArray<{ row: number; value: string }>, formats: readonly string[]) =>
    `Dates in column ${JSON.stringify(column)} of ${basename(path)} could not be read in most rows, e.g. ${examples(failures)}. Formats tried: ${formats.join(', ')}. Pass dateFormat (strptime, e.g. '%d-%m-%Y %H:%M') or fix the column.`,
  badNumbers: (column: string, path: string, failures: ReadonlyArray<{ row: number; value: string }>) =>
    `Numbers in column ${JSON.stringify(column)} of ${basename(path)} could not be read in most rows, e.g. ${examples(failures)}. Expected numbers such as 12.50 or 12,50; pass decimal: ',' or '.' if the guess was wrong.`,

  // notes in the LoadReport
  warnLatin1: (file: string) => `${file} is not UTF-8; it was read as Latin-1 (ISO-8859-1). Check accented characters.`,
  warnDateFormat: (column: string, format: string) => `Dates in ${JSON.stringify(column)} were read with format ${format}.`,
  warnAmbiguousDates: (column: string, chosen: string, other: string) =>
    `Dates in ${JSON.stringify(column)} fit both ${chosen} and ${other}; ${chosen} was used. Pass dateFormat to choose.`,
  binaryFile: (path: string) =>
    `${basename(path)} is not a text table (it holds binary data). Export the data as CSV (UTF-8), Parquet or JSON and load that file.`,
  damagedGzip: (path: string) =>
    `${basename(path)} is a damaged or truncated gzip file: it could not be decompressed to the end. Copy or download it again, or load the uncompressed file.`,
  warnAmbiguousDot: (file: string, example: string) =>
    `Numbers in ${file} such as ${JSON.stringify(example)} can mean thousands (1234) or decimals (1.234), and no row tells; they were read with a decimal point. Pass decimal: ',' if the dot separates thousands.`,
  warnMoneyText: (file: string, examples: readonly string[]) =>
    `Amounts in ${file} carry currency signs, codes, brackets or spaces (e.g. ${list(examples)}); they were read without them, and an amount in brackets as negative.`,
  warnDecimalComma: (file: string) => `${file} uses a decimal comma (12,50); numbers were read accordingly.`,
  warnDerivedOrderId: () => 'No order id column: each customer-day counts as one order (order_id = customer_id + date).',
  warnIgnoredColumns: (columns: readonly string[]) => `Columns not used: ${list(columns)}.`,
} as const;
