/**
 * `swb export [FILE] …`: segment membership for a CRM or e-mail tool, one row per customer (RFM segment,
 * cluster, value tier, CLV band with --clv), as CSV or Parquet. Unlike the report, the file holds the real
 * customer ids; the command says so on stderr. With `--what mrr-movements` FILE is a subscriptions file and
 * the file lists every MRR movement per customer under pseudonyms. Progress goes to stderr, the file's path to stdout.
 */
import { exportSegments, type ExportFormat } from '../export/segments.js';
import { exportSegmentation } from '../export/segmentation.js';
import { SEGMENTATION_IDS, type SegmentationId } from '../export/segmentations.js';
import { keyword } from '../analyses/shared/validate.js';
import { loadTransactions } from '../data/load.js';
import { loadEvents } from '../data/events.js';
import { loadCategories } from '../data/categories.js';
import { productMixColumns } from '../analyses/product-mix/index.js';
import { mixMessages } from '../analyses/product-mix/messages.js';
import { WorkbenchError } from '../errors.js';
import { checkOutputPath } from '../report/save.js';
import { messages } from '../messages.js';
import { elapsed, openWorkbench, runCommand, UsageError, type Command, type CommandIo } from './common.js';
import { exportMrrMovements } from '../export/mrr-movements.js';
import { loadSubscriptions } from '../data/subscriptions.js';
import { mrrMethodOption } from '../analyses/subscriptions/analysis.js';
import { readFxRates, type MrrMethod } from '../analyses/subscriptions/index.js';
import { toCurrency } from '../locale.js';
import {
  AS_OF_FLAG,
  CLV_FLAG,
  DATE_FORMAT_FLAG,
  LOCALE_FLAG,
  MAPPING_FLAG,
  MEMORY_LIMIT_FLAG,
  PRESET_FLAG,
  RETURNS_FLAG,
  type CommandSpec,
} from './flags.js';
import { asOfOption, BUNDLED_DATA, localeOption } from './report.js';
import { parseReturns, readMappingFile } from './validate.js';
import { forCli } from './wording.js';

const SPEC: CommandSpec = {
  name: 'export',
  args: '[FILE]',
  summary:
    'Write segment membership per customer (RFM segment, cluster, value tier, CLV band) as CSV or Parquet for a CRM or e-mail tool; holds real customer ids. With --what mrr-movements: who moved, every MRR movement per customer of a subscriptions file, under pseudonyms.',
  flags: [
    PRESET_FLAG,
    MAPPING_FLAG,
    AS_OF_FLAG,
    DATE_FORMAT_FLAG,
    RETURNS_FLAG,
    { name: 'format', value: 'csv|parquet', help: 'file format', default: 'from the extension of --out, else csv' },
    {
      name: 'delimiter',
      value: ',|;|tab',
      help: 'CSV delimiter; with ; numbers get a decimal comma, as Dutch Excel reads them',
      default: ',',
    },
    { ...LOCALE_FLAG, help: 'language of the segment labels' },
    { ...CLV_FLAG, help: 'add the CLV band, CLV and P(alive) columns' },
    {
      name: 'segmentation',
      value: SEGMENTATION_IDS.join('|'),
      help: 'write this one segmentation instead: customer id, segment key, its label and the numbers behind it',
      default: 'none (RFM segment, cluster, value tier)',
    },
    {
      name: 'events',
      value: 'FILE',
      help: 'with --segmentation journey: the events file (web visits, e-mail opens and clicks, …) the stages come from, besides the orders',
      default: 'none (stages from the orders alone)',
    },
    {
      name: 'categories',
      value: 'FILE',
      help: 'with --segmentation product-mix: product → category mapping (CSV: product, category), matched on the product id',
      default: "the data's category column",
    },
    {
      name: 'compare-snapshot',
      value: 'FILE.parquet',
      help: 'a snapshot of swb report --snapshot: adds previous_rfm_segment (empty: a new customer), to list who moved',
      default: 'none',
    },
    {
      name: 'out',
      value: 'PATH',
      help: 'the file to write (atomically: a temp file renamed over it)',
      default: 'exports/segments.csv (.parquet with --format parquet)',
    },
    MEMORY_LIMIT_FLAG,
    {
      name: 'what',
      value: 'segments|mrr-movements',
      help: 'segments: membership per customer (real ids); mrr-movements: every MRR movement per customer of the subscriptions FILE (pseudonyms, month, day, kind, amount)',
      default: 'segments',
    },
    {
      name: 'mrr-method',
      value: 'month-end|dated',
      help: 'with --what mrr-movements: movements between month ends, or on the day of each change',
      default: 'month-end',
    },
    {
      name: 'fx',
      value: 'rates.csv',
      help: 'with --what mrr-movements and --currency: exchange rates (currency, rate, optional date) for subscriptions in several currencies',
      default: 'none',
    },
    { name: 'currency', value: 'CODE', help: 'with --fx: the currency the rates convert into', default: 'none' },
  ],
  notes: [
    'FILE: a transactions file (CSV, TSV, Parquet or JSON, gzip too); default: the bundled data/online_retail.csv.gz with --preset online-retail. With --what mrr-movements: a subscriptions file (required).',
  ],
};

const DELIMITERS: Record<string, ',' | ';' | '\t'> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

function formatFlag(value: string | undefined, out: string | undefined): ExportFormat {
  if (value === undefined) return out?.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  if (value === 'csv' || value === 'parquet') return value;
  throw new UsageError(messages.badFlagValue('--format', messages.badExportFormat(value)));
}

/** `swb export SUBSCRIPTIONS --what mrr-movements`: load the subscriptions, write the movement list. */
async function movementsMain(
  file: string,
  values: Record<string, string | undefined>,
  format: ExportFormat,
  delimiter: ',' | ';' | '\t' | undefined,
  io: CommandIo,
): Promise<number> {
  const mrrMethod = values['mrr-method'] === undefined ? undefined : methodFlag(values['mrr-method']);
  if (values.fx !== undefined && values.currency === undefined) throw new UsageError(messages.fxNeedsCurrency());
  const currency = values.currency === undefined ? undefined : currencyFlag(values.currency);
  const fx = values.fx !== undefined && currency !== undefined ? readFxRates(values.fx, currency) : undefined;
  const out = values.out ?? `exports/mrr-movements.${format}`;
  await checkOutputPath(out, 'the MRR movement list');
  const start = performance.now();
  const wb = await openWorkbench(values['memory-limit']);
  try {
    const load = await loadSubscriptions(wb, file);
    io.err(
      `load      ${elapsed(start).padStart(8)}  ${load.fileName}: ${load.rowsLoaded.toLocaleString('en')} rows, ${load.customers.toLocaleString('en')} customers`,
    );
    const res = await exportMrrMovements(wb, {
      out,
      format,
      ...(delimiter ? { delimiter } : {}),
      ...(mrrMethod ? { method: mrrMethod } : {}),
      ...(fx ? { fx } : {}),
    });
    io.err(
      `export    ${elapsed(start).padStart(8)}  ${res.rows.toLocaleString('en')} movements (${res.options.method}), columns ${res.columns.join(', ')}`,
    );
    io.err(messages.exportHasPseudonyms(res.path));
    io.out(res.path);
    return 0;
  } finally {
    wb.close();
  }
}

function methodFlag(value: string): MrrMethod {
  try {
    return mrrMethodOption(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--mrr-method', e));
  }
}

function currencyFlag(value: string): string {
  try {
    return toCurrency(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--currency', e));
  }
}

export const exportCommand: Command = {
  spec: SPEC,
  run: (args, io) =>
    runCommand(SPEC, args, io, async ({ values, flags, positionals }) => {
      if (positionals.length > 1) throw new UsageError(messages.tooManyFiles('export', positionals.length));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const locale = localeOption(values.locale);
      const asOf = asOfOption(values['as-of']);
      const returns = parseReturns(values.returns);
      const format = formatFlag(values.format, values.out);
      const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
      if (values.delimiter !== undefined && !delimiter)
        throw new UsageError(messages.badFlagValue('--delimiter', messages.badExportDelimiter(values.delimiter)));
      if (delimiter !== undefined && format === 'parquet')
        throw new UsageError(messages.badFlagValue('--delimiter', messages.delimiterWithParquet()));
      const dateFormat = values['date-format'];
      if (dateFormat !== undefined && !dateFormat.includes('%'))
        throw new UsageError(messages.badDateFormatFlag(dateFormat));
      const what = values.what ?? 'segments';
      if (what !== 'segments' && what !== 'mrr-movements') throw new UsageError(messages.badExportWhat(what));
      const only = (names: readonly string[], switches: readonly string[] = []) =>
        [...names.filter((n) => values[n] !== undefined), ...switches.filter((n) => flags[n])].map((n) => `--${n}`);
      if (what === 'mrr-movements') {
        const wrong = only(['preset', 'mapping', 'as-of', 'date-format', 'returns'], ['clv']);
        if (wrong.length) throw new UsageError(messages.exportFlagsFor(what, wrong.join(', ')));
        if (positionals[0] === undefined) throw new UsageError(messages.exportNeedsSubscriptions());
        return movementsMain(positionals[0], values, format, delimiter, io);
      }
      const wrong = only(['mrr-method', 'fx', 'currency']);
      if (wrong.length) throw new UsageError(messages.exportFlagsFor(what, wrong.join(', ')));
      const file = positionals[0] ?? BUNDLED_DATA;
      const preset = values.preset ?? (positionals[0] === undefined && !values.mapping ? 'online-retail' : undefined);
      const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
      const segmentation =
        values.segmentation === undefined
          ? undefined
          : flagValue('--segmentation', () => keyword('segmentation', values.segmentation, SEGMENTATION_IDS));
      if (segmentation && flags['clv']) throw new UsageError(messages.badFlagValue('--clv', 'not with --segmentation'));
      // The events and the category mapping are read by one segmentation each.
      for (const [flag, reader] of [
        ['events', 'journey'],
        ['categories', 'product-mix'],
      ] as const)
        if (values[flag] !== undefined && segmentation !== reader)
          throw new UsageError(messages.exportFlagForSegmentation(`--${flag}`, reader));
      const out = values.out ?? `exports/${segmentation ?? 'segments'}.${format}`;
      await checkOutputPath(out, 'the segment list');

      const start = performance.now();
      const wb = await openWorkbench(values['memory-limit']);
      try {
        const load = await loadTransactions(wb, file, {
          ...(preset ? { preset } : {}),
          ...(mapping ? { mapping } : {}),
          ...(returns ? { returns } : {}),
          ...(dateFormat ? { dateFormat } : {}),
        });
        if (load.rowsLoaded === 0) {
          io.err(
            messages.cliError(
              messages.nothingLoaded(
                load.fileName,
                load.rowsRead,
                load.setAside.map((s) => [s.reason, s.count] as const),
              ),
              'NO_DATA',
            ),
          );
          return 1;
        }
        io.err(
          `load      ${elapsed(start).padStart(8)}  ${load.fileName}: ${load.rowsLoaded.toLocaleString('en')} rows, ${load.customers.toLocaleString('en')} customers`,
        );
        if (values.events !== undefined) {
          const events = await loadEvents(wb, values.events);
          io.err(
            `events    ${elapsed(start).padStart(8)}  ${events.fileName}: ${events.rowsLoaded.toLocaleString('en')} rows, ${events.customers.toLocaleString('en')} customers`,
          );
        }
        if (values.categories !== undefined) {
          // as the report reads it: the product id matched against the mapping's products
          if (!(await productMixColumns(wb)).hasProductId)
            throw new WorkbenchError('MISSING_FIELD', mixMessages.needsProductId('transactions'), {
              missing: ['product_id'],
            });
          await loadCategories(wb, values.categories);
        }
        if (segmentation)
          return await writeSegmentation(wb, io, start, {
            segmentation,
            out,
            format,
            locale,
            ...(delimiter ? { delimiter } : {}),
            ...(asOf ? { asOf } : {}),
          });
        const res = await exportSegments(wb, {
          out,
          format,
          locale,
          ...(delimiter ? { delimiter } : {}),
          ...(asOf ? { asOf } : {}),
          ...(flags['clv'] ? { clv: true } : {}),
          ...(values['compare-snapshot'] !== undefined ? { previousSnapshot: values['compare-snapshot'] } : {}),
        });
        for (const w of res.warnings) io.err(`warning: ${forCli(w)}`);
        io.err(
          `export    ${elapsed(start).padStart(8)}  ${res.rows.toLocaleString('en')} customers, columns ${res.columns.join(', ')}`,
        );
        io.err(messages.exportHasIds(res.path));
        io.out(res.path);
        return 0;
      } finally {
        wb.close();
      }
    }),
};

/** A flag's value checked by `check`; its error becomes a usage error naming the flag. */
function flagValue<T>(flag: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new UsageError(messages.badFlagValue(flag, e instanceof Error ? e.message : String(e)));
  }
}

/** `--segmentation NAME`: write that one segmentation and report it as the segment export does. */
async function writeSegmentation(
  wb: Parameters<typeof exportSegmentation>[0],
  io: Parameters<Command['run']>[1],
  start: number,
  options: Parameters<typeof exportSegmentation>[1] & { segmentation: SegmentationId },
): Promise<number> {
  const res = await exportSegmentation(wb, options);
  for (const w of res.warnings) io.err(`warning: ${forCli(w)}`);
  io.err(
    `export    ${elapsed(start).padStart(8)}  ${res.rows.toLocaleString('en')} customers, columns ${res.columns.join(', ')}`,
  );
  io.err(messages.exportHasIds(res.path));
  io.out(res.path);
  return 0;
}
