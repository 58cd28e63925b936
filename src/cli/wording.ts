/**
 * Library text as `swb` says it. Library messages tell a programmer which option to pass (`Pass mapping:
 * { customerId: '…' }`, `Pass dateFormat`, `Workbench.open({ memoryLimit: '4GB' })`); through the CLI the
 * same advice names the flag (`--mapping map.json`, `--date-format`, `--memory-limit 4GB`), or, where no flag
 * sets that option, what to change in the file. The library keeps its wording; the CLI swaps whole phrases,
 * each taken from the library's own message builders where there is one, so a reworded library message
 * fails test/cli/wording.test.ts instead of slipping through in API terms.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { cliMessages as cli } from '../messages/cli.js';

/** A library phrase and its CLI wording; a RegExp's groups are passed to the replacement. */
type Swap = readonly [from: string | RegExp, to: string | ((...groups: string[]) => string)];

/** Phrases written inline in library messages (src/messages/data.ts), not by a builder of their own. */
export const INLINE_PHRASES = {
  dateFormat: "Pass dateFormat (strptime, e.g. '%d-%m-%Y %H:%M')",
  dateFormatChoose: 'Pass dateFormat to choose.',
  decimalGuess: "pass decimal: ',' or '.' if the guess was wrong",
  subscriptionId: "Pass mapping: { subscriptionId: '…' }",
  decimalThousands: "Pass decimal: ',' if the dot separates thousands.",
} as const;

/** The placeholder a one-argument builder is called with to learn its sentence around the argument. */
const MARK = '\u0001arg\u0001';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sentence of a one-string-argument builder as a RegExp capturing the argument (as it was JSON-quoted or not). */
function around(build: (arg: string) => string): RegExp {
  const text = build(MARK);
  const quoted = JSON.stringify(MARK);
  const source = text.includes(quoted)
    ? escape(text).split(escape(quoted)).join('"((?:[^"\\\\]|\\\\.)*)"')
    : escape(text).split(escape(MARK)).join('(.*?)');
  return new RegExp(source);
}

/** Transactions fields the loader requires, as the missing-field message names them, with their mapping key. */
const TRANSACTION_FIELDS: ReadonlyArray<readonly [field: string, key: string]> = [
  ['customer_id', 'customerId'],
  ['order_date', 'orderDate'],
  ['amount', 'amount'],
];
/** Subscriptions and events fields the loaders require: their mapping key and column name. */
const FILE_FIELDS: ReadonlyArray<readonly [key: string, field: string]> = [
  ['customerId', 'customer_id'],
  ['start', 'start_date'],
  ['time', 'event_time'],
  ['event', 'event_name'],
];

function swaps(details: Readonly<Record<string, unknown>>): Swap[] {
  const limit = typeof details['memoryLimit'] === 'string' ? details['memoryLimit'] : undefined;
  return [
    ...TRANSACTION_FIELDS.map(([field, key]) => [messages.missingHint(field), cli.mappingFlagHint(key)] as const),
    [messages.missingIdHint(), cli.customersIdHint()],
    ...FILE_FIELDS.map(([key, field]) => [messages.loadMappingHint(key), cli.renameColumnHint(field)] as const),
    [messages.loadMrrHint(), cli.renameMrrHint()],
    [around(messages.loadIntervalHint), (column = '') => cli.renameIntervalHint(JSON.parse(`"${column}"`) as string)],
    [INLINE_PHRASES.dateFormat, cli.dateFormatFlagHint()],
    [INLINE_PHRASES.dateFormatChoose, cli.dateFormatFlagChoose()],
    [INLINE_PHRASES.decimalGuess, cli.decimalNoFlag()],
    [INLINE_PHRASES.subscriptionId, cli.subscriptionIdColumn()],
    [INLINE_PHRASES.decimalThousands, cli.decimalThousandsNoFlag()],
    [messages.memoryAdvice(), cli.memoryFlagAdvice()],
    ...(limit ? [[messages.memoryLimitWas(limit), cli.memoryFlagLimit(limit)] as const] : []),
  ];
}

/**
 * `text` with every library phrase that names an option replaced by the flag that sets it.
 * @example forCli("… Pass dateFormat (strptime, e.g. '%d-%m-%Y %H:%M') or fix the column.") // "… Pass --date-format (strptime, …) or fix the column."
 */
export function forCli(text: string, details: Readonly<Record<string, unknown>> = {}): string {
  let out = text;
  for (const [from, to] of swaps(details)) {
    if (typeof from === 'string') out = out.split(from).join(typeof to === 'string' ? to : to());
    else
      out = out.replace(from, (...m: unknown[]) => (typeof to === 'string' ? to : to(...m.slice(1, -2).map(String))));
  }
  return out;
}

/** The message of a library error as `swb` prints it. */
export function cliErrorText(e: WorkbenchError): string {
  return forCli(e.message, e.details);
}
