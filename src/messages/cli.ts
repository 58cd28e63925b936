/**
 * Messages of the `swb` command line itself: parsing flags, its help, and the flag wording of library
 * errors. The library names its options (`mapping`, `dateFormat`, `memoryLimit`); a user of `swb` sets
 * them with flags, so an error that reaches that user names the flag instead (see `src/cli/wording.ts`).
 */

const quote = (s: string): string => JSON.stringify(s);
const grouped = (n: number): string => n.toLocaleString('en');

/** Message builders of the CLI's parser, help and flag checks. */
export const cliMessages = {
  /** One line for any usage error: `error: … [USAGE]` (exit code 2), like the `[CODE]` of a library error. */
  usageError: (message: string) => `error: ${message} [USAGE]`,
  /** `unknown flag --local for swb report; did you mean --locale?` */
  unknownFlag: (flag: string, command: string, near: string | undefined) =>
    `unknown flag ${flag} for swb ${command}; ${near ? `did you mean --${near}?` : `swb ${command} --help lists its flags`}`,
  /** `unknown command reprot; did you mean swb report?` */
  unknownCommand: (name: string, near: string | undefined, known: readonly string[]) =>
    `unknown command ${name}; ${near ? `did you mean swb ${near}?` : `the commands are ${known.join(', ')} (swb --help)`}`,
  /** `--out needs a value (PATH)`; when a flag follows, how to give a value that starts with `--`. */
  flagNeedsValue: (flag: string, placeholder: string, next: string | undefined) =>
    `--${flag} needs a value (${placeholder})${next === undefined ? '' : `, not the flag ${next} (write --${flag}=${next} for a value that starts with --)`}`,
  flagTakesNoValue: (flag: string, value: string) => `--${flag} is a switch and takes no value, got --${flag}=${value}`,
  /** `--customers takes a whole number from 1 to 100,000,000, not "-5"` */
  flagNotWhole: (flag: string, value: string, min: number, max: number) =>
    `--${flag} takes a whole number from ${grouped(min)} to ${grouped(max)}, not ${quote(value)}`,
  /** `--margin takes a number in (0, 1], not "2"` (the range as the library's validators write it). */
  flagNotInRange: (flag: string, value: string, range: string, hint?: string) =>
    `--${flag} takes a number ${range}${hint ? ` (${hint})` : ''}, not ${quote(value)}`,
  badMemoryLimitFlag: (value: string) =>
    `--memory-limit takes an amount of memory like 512MB or 4GB, not ${quote(value)}`,
  /** `--by region` names customer attributes, which only a customers file has. */
  compareSnapshotNeedsCompare: () =>
    '--compare-snapshot needs --compare PREVIOUS.html (the report of the same run as the snapshot): the moves are part of what changed',
  byNeedsCustomers: (names: readonly string[], transactionColumns: readonly string[]) =>
    `--by ${names.join(',')}: ${names.length > 1 ? 'these are not columns' : 'that is not a column'} of the transactions file ` +
    `(usable without --customers: ${transactionColumns.join(', ')}); pass --customers FILE with ${names.length > 1 ? 'those columns' : 'that column'} to split by ${names.length > 1 ? 'them' : 'it'}`,
  /** After loading, a `--by` name the data does not have: the usable ones, and where they come from. */
  unknownByFlag: (
    unknown: readonly string[],
    usable: readonly string[],
    withCustomers: boolean,
    segmentations: readonly string[] = [],
  ) =>
    `--by: unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}; ` +
    (usable.length === 0
      ? `there is no customer attribute to split by (${withCustomers ? 'the customers file has no text columns' : 'pass --customers FILE with text columns'})`
      : `usable: ${usable.map(quote).join(', ')} (${withCustomers ? 'text columns of --customers and of the transactions file' : 'text columns of the transactions file; pass --customers FILE for more'})`) +
    (segmentations.length ? `, or a behavioural segmentation: ${segmentations.join(', ')}` : ''),

  // help
  helpUsage: (command: string, args: string) => `usage: swb ${command}${args ? ` ${args}` : ''} [options]`,
  helpOptions: () => 'Options:',
  helpDefault: (text: string) => `[default: ${text}]`,
  helpFlag: () => 'print this help and exit',
  helpPresets: () => 'Presets (--preset):',
  helpTitle: () => 'segment-workbench (swb): customer segmentation on DuckDB',
  helpCommands: () => 'Commands:',
  helpMore: () =>
    'Run swb COMMAND --help for its flags, their defaults and what they do. Exit codes: 0 done, 1 bad input, 2 usage error.',
  helpVersion: () => 'print the version and exit',
  helpHelp: () => 'print this help, or the flags of COMMAND, and exit',
  version: (name: string, version: string) => `${name} ${version}`,

  // flag wording of library hints (what to pass, in flags)
  /** A transactions field without a column. */
  mappingFlagHint: (key: string) =>
    key === 'amount'
      ? 'Pass --mapping map.json holding {"amount": "<column>"} or both {"quantity": "<column>", "unitPrice": "<column>"}, or --preset P.'
      : `Pass --mapping map.json holding {"${key}": "<column>"}, or --preset P.`,
  dateFormatFlagHint: () => "Pass --date-format (strptime, e.g. '%d-%m-%Y %H:%M')",
  dateFormatFlagChoose: () => 'Pass --date-format to choose.',
  /** Out of memory under swb: the flag, not the API. */
  memoryFlagAdvice: () => 'Run again with a larger --memory-limit (e.g. --memory-limit 4GB)',
  memoryFlagLimit: (limit: string) => `with --memory-limit ${limit}`,
  /** The customers file (`--customers`) without a recognisable id column: swb has no flag to name it. */
  customersIdHint: () =>
    "Name its customer id column customer_id (swb recognises the customers file's columns by their names).",
  /** Subscriptions and events files are read by their column names under swb (no mapping flag). */
  renameColumnHint: (field: string) =>
    `Name that column ${field} in the file (swb recognises the columns of --subscriptions and --events files by their names).`,
  renameMrrHint: () =>
    'Name the monthly amount column mrr, or the price column price and its billing interval column interval (swb recognises the columns of --subscriptions files by their names).',
  renameIntervalHint: (priceColumn: string) =>
    `The prices in ${quote(priceColumn)} need a billing interval: add a column interval (month, quarter, year or week), or name the price column mrr if the prices are monthly amounts.`,
  subscriptionIdColumn: () => 'Add a subscription_id column',
  decimalThousandsNoFlag: () =>
    "If the dot separates thousands, remove the dots from the file (swb has no flag for this; in code, pass decimal: ',').",
  decimalNoFlag: () =>
    "fix the column (swb guesses the decimal separator from the file; in code, pass decimal: ',' or '.')",
} as const;
