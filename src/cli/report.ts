/**
 * `swb report [FILE] …`: load a file, run the analyses, write one self-contained HTML report.
 * Progress lines (stage, time) go to stderr, the report's path to stdout. Without FILE it reports
 * on the bundled Online Retail data, unless `--subscriptions FILE` is given: then the report is on the
 * subscriptions (and `--events FILE`) alone. The generated-at line uses the clock unless SOURCE_DATE_EPOCH
 * is set (the reproducible-builds convention), which makes the output byte-identical.
 */
import { fileURLToPath } from 'node:url';
import { toCurrency, toLocale, type Locale } from '../locale.js';
import { buildReport, parseAsOf, type BuildReportOptions } from '../pipeline/build-report.js';
import { ANALYSES } from '../analyses/registry.js';
import type { AnyAnalysis } from '../analyses/shared/analysis.js';
import { checkOutputPath, saveReport } from '../report/save.js';
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { FIELD_COLUMNS } from '../data/fields.js';
import { DEFAULT_MIN_GROUP } from '../report/small-groups.js';
import {
  elapsed,
  openWorkbench,
  runCommand,
  UsageError,
  type Command,
  type CommandIo,
  type ParsedArgs,
} from './common.js';
import { CLV_DISCOUNT_RATE, CLV_MARGIN } from '../analyses/clv/index.js';
import {
  AS_OF_FLAG,
  CLV_FLAG,
  DATE_FORMAT_FLAG,
  LOCALE_FLAG,
  MAPPING_FLAG,
  MEMORY_LIMIT_FLAG,
  numberFlag,
  PRESET_FLAG,
  RETURNS_FLAG,
  wholeFlag,
  type CommandSpec,
} from './flags.js';
import { parseReturns, readMappingFile } from './validate.js';
import { messages } from '../messages.js';
import { cliMessages as cli } from '../messages/cli.js';
import { readGoalsFile } from '../analyses/goals/index.js';
import { readJourneyMap } from '../analyses/journey/stages.js';
import { forCli } from './wording.js';
import { SEGMENTATION_IDS } from '../export/segmentations.js';
import { mrrMethodOption } from '../analyses/subscriptions/analysis.js';
import { readFxRates, type MrrMethod } from '../analyses/subscriptions/index.js';
import { readReportData } from '../compare/read.js';

/** The report's analysis sections from the registry, in reading order; those that need a flag say which. */
function sectionList(): string {
  // The subscriptions section has its own sentence in the summary below.
  return (ANALYSES as readonly AnyAnalysis[])
    .filter((a) => a.present && a.id !== 'subscriptions')
    .map((a) => (a.flag ? `${a.title('en').toLowerCase()} (with ${a.flag})` : a.title('en')))
    .join(', ');
}

/** Largest `--min-group`: a threshold above a million customers would hide every count of any report. */
export const MAX_MIN_GROUP = 1_000_000;

/** Text columns of the transactions file that `--by` can split by without `--customers` (when the file has them). */
export const TRANSACTION_BY_COLUMNS: readonly string[] = [
  FIELD_COLUMNS.country,
  FIELD_COLUMNS.channel,
  FIELD_COLUMNS.category,
];

const SPEC: CommandSpec = {
  name: 'report',
  args: '[FILE]',
  summary:
    `Write a self-contained HTML segment report: summary, data quality, ${sectionList()}, method; ` +
    'with --subscriptions also MRR, churn by plan and subscription cohorts, and with --events usage segments and churn by usage (without FILE: on the subscriptions alone).',
  flags: [
    PRESET_FLAG,
    MAPPING_FLAG,
    {
      name: 'customers',
      value: 'FILE',
      help: 'customers file (one row per customer_id: attributes such as region, an nps column) for the segments section',
      default: 'none',
    },
    AS_OF_FLAG,
    DATE_FORMAT_FLAG,
    LOCALE_FLAG,
    {
      name: 'currency',
      value: 'CODE',
      help: 'ISO 4217 currency of the amounts, e.g. USD',
      default: "the preset's, else EUR",
    },
    CLV_FLAG,
    {
      name: 'margin',
      value: 'M',
      help: 'with --clv: share of revenue that is profit, in (0, 1]',
      default: '1 (values are revenue)',
    },
    { name: 'discount-rate', value: 'R', help: 'with --clv: discount per year, ≥ 0 (0.1 = 10%)', default: '0' },
    { name: 'goals', value: 'goals.json', help: 'KPI goals per segment: adds the goals section', default: 'none' },
    {
      name: 'categories',
      value: 'FILE',
      help: 'product → category mapping (CSV: product, category) for the product-mix section, matched on the product id',
      default: "the data's category column",
    },
    {
      name: 'journey-map',
      value: 'FILE',
      help: 'CSV event_name,stage mapping event names to journey stages (aware, considering, first-purchase, repeat, advocate)',
      default: 'the default map of common event names',
    },
    {
      name: 'by',
      value: 'ATTR,ATTR',
      help: `customer attributes the segments section splits by: columns of --customers, ${TRANSACTION_BY_COLUMNS.join(', ')} of FILE, or a behavioural segmentation (${SEGMENTATION_IDS.join(', ')}: KPIs per segment, and each tier split by it)`,
      default: 'country when FILE has it, and the first three text columns of --customers with 2 to 12 values',
    },
    {
      name: 'migration-from',
      value: 'YYYY-MM-DD',
      help: 'start of the RFM migration in the segments section: after the first purchase, before the as-of date',
      default: '182 days before the as-of date, when the data reaches back that far',
    },
    {
      name: 'migration-of',
      value: 'SEGMENTATION',
      help: 'the segmentation the migration follows: rfm, or timing, loyalty, journey, product-mix, channel, price',
      default: 'rfm',
    },
    {
      name: 'compare',
      value: 'PREVIOUS.html',
      help: 'a report swb report wrote before: this report opens with what changed since (sizes, KPIs, cohorts, like-for-like check)',
      default: 'none',
    },
    {
      name: 'snapshot',
      value: 'FILE.parquet',
      help: "write each customer's RFM segment, value tier and cluster under their pseudonym (K-…), for a later --compare-snapshot; not for sharing",
      default: 'none',
    },
    {
      name: 'compare-snapshot',
      value: 'FILE.parquet',
      help: "with --compare: the previous run's --snapshot; what changed then counts new, gone and moved customers",
      default: 'none',
    },
    { name: 'title', value: 'T', help: 'report title', default: 'Customer segments (Klantsegmenten with --locale nl)' },
    {
      name: 'out',
      value: 'PATH',
      help: 'the HTML file to write (atomically: a temp file renamed over it)',
      default: 'reports/segment-report.html (.nl.html with --locale nl)',
    },
    RETURNS_FLAG,
    {
      name: 'min-group',
      value: 'N',
      help: `counts of fewer than N customers are hidden (privacy), 1 to ${MAX_MIN_GROUP.toLocaleString('en')}; 1 shows every count`,
      default: String(DEFAULT_MIN_GROUP),
    },
    MEMORY_LIMIT_FLAG,
    {
      name: 'subscriptions',
      value: 'FILE',
      help: 'subscriptions file: adds MRR, churn by plan and subscription cohorts; without FILE the report is on it alone',
      default: 'none',
    },
    {
      name: 'events',
      value: 'FILE',
      help: 'events file (web visits, e-mail opens and clicks, app sessions…): journey stages; with --subscriptions also usage segments and churn by usage',
      default: 'none',
    },
    {
      name: 'mrr-method',
      value: 'month-end|dated',
      help: 'with --subscriptions: count MRR movements between month ends, or on the day of each change (as ChartMogul); the method section says which',
      default: 'month-end',
    },
    {
      name: 'churn-by',
      value: 'ATTR',
      help: 'with --subscriptions: segment churn by ATTR month by month instead of the plan: a subscriptions column (country, …) or, with --events, device, platform, app_version or app_major, each taken at the month start',
      default: 'plan',
    },
    {
      name: 'fx',
      value: 'rates.csv',
      help: 'with --subscriptions and --currency: exchange rates (columns currency, rate, optional date: units of --currency per unit, from that date) applied before any sum; subscriptions in several currencies need them',
      default: 'none',
    },
  ],
  notes: [
    'FILE: a transactions file (CSV, TSV, Parquet or JSON, gzip too); default: the bundled data/online_retail.csv.gz with --preset online-retail.',
  ],
};

/** The bundled Online Retail file (in the package's data/ folder). */
export const BUNDLED_DATA = fileURLToPath(new URL('../../data/online_retail.csv.gz', import.meta.url));

/** Default output path per locale. */
export function defaultOut(locale: Locale): string {
  return locale === 'en' ? 'reports/segment-report.html' : `reports/segment-report.${locale}.html`;
}

function currencyOption(value: string): string {
  try {
    return toCurrency(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--currency', e));
  }
}

/** Parse `--locale` (en when absent); a bad value is a usage error. */
export function localeOption(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  try {
    return toLocale(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--locale', e));
  }
}

/** Parse `--as-of YYYY-MM-DD`; a bad value is a usage error. */
export function asOfOption(text: string | undefined): Date | undefined {
  const asOf = text === undefined ? undefined : parseAsOf(text);
  if (text !== undefined && !asOf) throw new UsageError(messages.badAsOfFlag(text));
  return asOf;
}

/** Parse `--mrr-method`; absent → undefined, a bad value is a usage error. */
function mrrMethodFlag(value: string | undefined): MrrMethod | undefined {
  if (value === undefined) return undefined;
  try {
    return mrrMethodOption(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--mrr-method', e));
  }
}

function generatedAt(): Date | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}

/**
 * `--by` before any work: without `--customers` only the transactions file's customer columns
 * ({@link TRANSACTION_BY_COLUMNS}) and the behavioural segmentations can be split by, so any other name is a usage error naming the flags.
 */
function byOption(value: string | undefined, customers: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const by = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (by.length === 0) throw new UsageError(messages.emptyBy());
  const withoutCustomers = [...new Set([...TRANSACTION_BY_COLUMNS, ...SEGMENTATION_IDS])];
  const notInTransactions = by.filter((b) => !withoutCustomers.includes(b));
  if (customers === undefined && notInTransactions.length)
    throw new UsageError(cli.byNeedsCustomers(notInTransactions, withoutCustomers));
  return by;
}

/** After loading, a `--by` name the data lacks: the usable names and where they come from, in flags. */
function byError(e: unknown, customers: string | undefined): unknown {
  if (!isWorkbenchError(e, 'UNKNOWN_COLUMN')) return e;
  const { unknown, usable, segmentations } = e.details;
  if (!Array.isArray(unknown) || !Array.isArray(usable)) return e;
  return new WorkbenchError(
    'UNKNOWN_COLUMN',
    cli.unknownByFlag(
      unknown.map(String),
      usable.map(String),
      customers !== undefined,
      Array.isArray(segmentations) ? segmentations.map(String) : [],
    ),
    e.details,
  );
}

const pad = (s: string): string => s.padEnd(10);

/** What `swb report` will do: the report's options, where it goes, and its generated-at time. */
interface ReportRun {
  options: BuildReportOptions;
  out: string;
  when: Date | undefined;
}

/** Read and check every flag before any work: a mistake is a usage error naming the flag. */
async function readReportFlags({ values, flags, positionals }: ParsedArgs, io: CommandIo): Promise<ReportRun> {
  if (positionals.length > 1) throw new UsageError(messages.tooManyFiles('report', positionals.length));
  if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
  const locale = localeOption(values.locale);
  const currency = values.currency === undefined ? undefined : currencyOption(values.currency);
  const asOf = asOfOption(values['as-of']);
  const returns = parseReturns(values.returns);
  const margin = numberFlag('margin', values.margin, CLV_MARGIN);
  const discountRate = numberFlag('discount-rate', values['discount-rate'], CLV_DISCOUNT_RATE);
  if ((margin !== undefined || discountRate !== undefined) && !flags['clv'])
    throw new UsageError(messages.clvFlagWithoutClv());
  const minGroup = wholeFlag('min-group', values['min-group'], 1, MAX_MIN_GROUP);
  const dateFormat = values['date-format'];
  if (dateFormat !== undefined && !dateFormat.includes('%'))
    throw new UsageError(messages.badDateFormatFlag(dateFormat));
  const mrrMethod = mrrMethodFlag(values['mrr-method']);
  if (values.fx !== undefined && values.subscriptions === undefined)
    throw new UsageError(messages.fxNeedsSubscriptions());
  if (values.fx !== undefined && currency === undefined) throw new UsageError(messages.fxNeedsCurrency());
  // Read and checked before any work: a mistake in the rates file names the file, line and column.
  const fx = values.fx === undefined || currency === undefined ? undefined : readFxRates(values.fx, currency);
  if (mrrMethod !== undefined && values.subscriptions === undefined)
    throw new UsageError(messages.mrrMethodNeedsSubscriptions());
  const churnBy = values['churn-by'];
  if (churnBy !== undefined && values.subscriptions === undefined)
    throw new UsageError(messages.churnByNeedsSubscriptions());
  // Subscriptions without FILE: a report on them alone, never on the bundled transactions.
  const onlySubscriptions = positionals[0] === undefined && values.subscriptions !== undefined;
  if (onlySubscriptions) {
    const given = [
      'preset',
      'mapping',
      'customers',
      'as-of',
      'date-format',
      'returns',
      'margin',
      'discount-rate',
      'journey-map',
      'by',
      'migration-from',
      'migration-of',
      'compare',
      'categories',
      'snapshot',
      'compare-snapshot',
    ].filter((f) => values[f] !== undefined);
    if (flags['clv']) given.push('clv');
    if (given.length) throw new UsageError(messages.flagNeedsTransactions(given.map((f) => `--${f}`).join(', ')));
  }
  const file = positionals[0] ?? (onlySubscriptions ? undefined : BUNDLED_DATA);
  const preset =
    values.preset ??
    (positionals[0] === undefined && !values.mapping && !onlySubscriptions ? 'online-retail' : undefined);
  const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
  const by = byOption(values.by, values.customers);
  // Read and checked before any work: a mistake in the goals file names the file and the JSON path.
  const goals = values.goals === undefined ? undefined : readGoalsFile(values.goals);
  if (goals && onlySubscriptions && goals.goals.length > 0)
    throw new UsageError(messages.segmentGoalsNeedTransactions(goals.file));
  if (goals?.subscriptions && values.subscriptions === undefined)
    throw new UsageError(messages.subscriptionGoalsNeedSubscriptions(goals.file));
  // Read before any work: a file that is not a workbench report, or from another version, fails now.
  const compareWith = values.compare === undefined ? undefined : await readReportData(values.compare);
  if (values['compare-snapshot'] !== undefined && compareWith === undefined)
    throw new UsageError(cli.compareSnapshotNeedsCompare());
  if (values.snapshot !== undefined) await checkOutputPath(values.snapshot, 'the snapshot');
  // Likewise the journey map: a mistake names the file, the row and the column.
  const journeyMap = values['journey-map'] === undefined ? undefined : readJourneyMap(values['journey-map']);
  const options: BuildReportOptions = {
    ...(file !== undefined ? { file } : {}),
    locale,
    ...(values.subscriptions !== undefined ? { subscriptions: values.subscriptions } : {}),
    ...(values.events !== undefined ? { events: values.events } : {}),
    ...(mrrMethod !== undefined ? { mrrMethod } : {}),
    ...(churnBy !== undefined ? { churnBy } : {}),
    ...(fx ? { fx } : {}),
    ...(preset ? { preset } : {}),
    ...(mapping ? { mapping } : {}),
    ...(returns ? { returns } : {}),
    ...(values.customers ? { customers: values.customers } : {}),
    ...(asOf ? { asOf } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(currency ? { currency } : {}),
    ...(flags['clv'] ? { clv: true } : {}),
    ...(margin !== undefined ? { margin } : {}),
    ...(discountRate !== undefined ? { discountRate } : {}),
    ...(dateFormat !== undefined ? { dateFormat } : {}),
    ...(goals ? { goals } : {}),
    ...(values.categories !== undefined ? { categories: values.categories } : {}),
    ...(journeyMap ? { journeyMap } : {}),
    ...(by ? { by } : {}),
    ...(values['migration-from'] !== undefined ? { migrationFrom: values['migration-from'] } : {}),
    ...(values['migration-of'] !== undefined ? { migrationOf: values['migration-of'] } : {}),
    ...(minGroup !== undefined ? { minGroup } : {}),
    ...(compareWith ? { compareWith } : {}),
    ...(values.snapshot !== undefined ? { snapshot: values.snapshot } : {}),
    ...(values['compare-snapshot'] !== undefined ? { compareSnapshot: values['compare-snapshot'] } : {}),
    onProgress: (p) =>
      io.err(
        `${pad(p.running ? '' : p.stage)}${(p.ms / 1000).toFixed(1).padStart(6)} s  ${p.running ? `${p.stage} ` : ''}${forCli(p.detail)}`,
      ),
  };
  return { options, out: values.out ?? defaultOut(locale), when: generatedAt() };
}

/** Build the report, render it and save it atomically; a stage line for each, the path on stdout. */
async function writeReport(
  run: ReportRun,
  memoryLimit: string | undefined,
  customers: string | undefined,
  io: CommandIo,
): Promise<number> {
  const start = performance.now();
  const wb = await openWorkbench(memoryLimit);
  try {
    const built = await buildReport(wb, run.options).catch((e: unknown) => {
      throw byError(e, customers);
    });
    let stageStart = performance.now();
    const html = await built.toHtml(run.when ? { generatedAt: run.when } : {});
    io.err(
      `${pad('render')}${elapsed(stageStart).padStart(8)}  ${built.sections.length} sections, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`,
    );
    stageStart = performance.now();
    const path = await saveReport(run.out, html);
    io.err(`${pad('write')}${elapsed(stageStart).padStart(8)}  total ${elapsed(start)}`);
    io.out(path);
    return 0;
  } finally {
    wb.close();
  }
}

/** `swb report`: flags read and checked, the output path checked, then the report built and written. */
async function reportMain(parsed: ParsedArgs, io: CommandIo): Promise<number> {
  const run = await readReportFlags(parsed, io);
  // Before any work: a folder, device or symlink at --out, or a folder we cannot write, fails now.
  await checkOutputPath(run.out);
  return writeReport(run, parsed.values['memory-limit'], parsed.values.customers, io);
}

export const reportCommand: Command = {
  spec: SPEC,
  run: (args, io) => runCommand(SPEC, args, io, (parsed) => reportMain(parsed, io)),
};
