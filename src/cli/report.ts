/**
 * `swb report [FILE] …`: load a file, run the analyses, write one self-contained HTML report.
 * Progress lines (stage, time) go to stderr, the report's path to stdout. Without FILE it reports
 * on the bundled Online Retail data, unless `--subscriptions FILE` is given: then the report is on the
 * subscriptions (and `--events FILE`) alone. The generated-at line uses the clock unless SOURCE_DATE_EPOCH
 * is set (the reproducible-builds convention), which makes the output byte-identical.
 */
import { fileURLToPath } from 'node:url';
import { toCurrency, toLocale, type Locale } from '../locale.js';
import { buildReport, parseAsOf } from '../pipeline/build-report.js';
import { checkOutputPath, saveReport } from '../report/save.js';
import { Workbench } from '../workbench.js';
import { isWorkbenchError } from '../errors.js';
import { elapsed, guarded, parse, UsageError, type Command } from './common.js';
import { CLV_DISCOUNT_RATE, CLV_MARGIN } from '../analyses/clv/index.js';
import { numberInRange, wholeNumber, type NumberRange } from '../analyses/shared/validate.js';
import { parseReturns, readMappingFile } from './validate.js';
import { messages } from '../messages.js';
import { readGoalsFile } from '../analyses/goals/index.js';

const USAGE = 'report [FILE] [--preset P | --mapping map.json] [--customers FILE] [--as-of YYYY-MM-DD] [--date-format FMT] [--locale en|nl] [--currency CODE] [--clv [--margin M] [--discount-rate R]] [--goals goals.json] [--by ATTR,ATTR] [--migration-from YYYY-MM-DD] [--title T] [--out PATH] [--returns net|exclude] [--min-group N] [--memory-limit 2GB] [--subscriptions FILE [--events FILE]]';

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

/** A number flag checked by the same rule as the library option it sets; a bad value is a usage error. */
function numberFlag(flag: string, option: string, value: string | undefined, range: NumberRange): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  try {
    return numberInRange(option, n, range);
  } catch (e) {
    throw new UsageError(messages.badFlagValue(flag, e));
  }
}

/** Parse `--as-of YYYY-MM-DD`; a bad value is a usage error. */
export function asOfOption(text: string | undefined): Date | undefined {
  const asOf = text === undefined ? undefined : parseAsOf(text);
  if (text !== undefined && !asOf) throw new UsageError(messages.badAsOfFlag(text));
  return asOf;
}

function generatedAt(): Date | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}

/** `--min-group N`: a whole number ≥ 1 (1 shows every count); a bad value is a usage error. */
function minGroupFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return wholeNumber('minGroup', value.trim() === '' ? NaN : Number(value), 1);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--min-group', e));
  }
}

const pad = (s: string): string => s.padEnd(10);

export const reportCommand: Command = {
  usage: USAGE,
  summary: 'Write a self-contained HTML segment report (summary, data quality, RFM, cohorts, clusters, segments, optional goals and predicted value, method); '
    + 'with --subscriptions also MRR, churn by plan and subscription cohorts, and with --events usage segments and churn by usage (without FILE: on the subscriptions alone).',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, flags, positionals } = parse(args, ['preset', 'mapping', 'customers', 'as-of', 'date-format', 'locale', 'currency', 'title', 'out', 'returns', 'margin', 'discount-rate', 'min-group', 'goals', 'by', 'migration-from', 'memory-limit', 'subscriptions', 'events'], ['clv']);
      if (positionals.length > 1) throw new UsageError(messages.tooManyFiles('report', positionals.length));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const locale = localeOption(values.locale);
      const currency = values.currency === undefined ? undefined : currencyOption(values.currency);
      const asOf = asOfOption(values['as-of']);
      const returns = parseReturns(values.returns);
      const margin = numberFlag('--margin', 'margin', values.margin, CLV_MARGIN);
      const discountRate = numberFlag('--discount-rate', 'discountRate', values['discount-rate'], CLV_DISCOUNT_RATE);
      if ((margin !== undefined || discountRate !== undefined) && !flags['clv']) throw new UsageError(messages.clvFlagWithoutClv());
      const minGroup = minGroupFlag(values['min-group']);
      const dateFormat = values['date-format'];
      if (dateFormat !== undefined && !dateFormat.includes('%')) throw new UsageError(messages.badDateFormatFlag(dateFormat));
      if (values.events !== undefined && values.subscriptions === undefined) throw new UsageError(messages.eventsNeedSubscriptions());
      // Subscriptions without FILE: a report on them alone, never on the bundled transactions.
      const onlySubscriptions = positionals[0] === undefined && values.subscriptions !== undefined;
      if (onlySubscriptions) {
        const given = ['preset', 'mapping', 'customers', 'as-of', 'date-format', 'returns', 'margin', 'discount-rate', 'goals', 'by'].filter((f) => values[f] !== undefined);
        if (flags['clv']) given.push('clv');
        if (given.length) throw new UsageError(messages.flagNeedsTransactions(given.map((f) => `--${f}`).join(', ')));
      }
      const file = positionals[0] ?? (onlySubscriptions ? undefined : BUNDLED_DATA);
      const preset = values.preset ?? (positionals[0] === undefined && !values.mapping && !onlySubscriptions ? 'online-retail' : undefined);
      const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
      const by = values.by === undefined ? undefined : values.by.split(',').map((b) => b.trim()).filter((b) => b !== '');
      if (by !== undefined && by.length === 0) throw new UsageError(messages.emptyBy());
      // Read and checked before any work: a mistake in the goals file names the file and the JSON path.
      const goals = values.goals === undefined ? undefined : readGoalsFile(values.goals);
      const out = values.out ?? defaultOut(locale);
      const when = generatedAt();
      // Before any work: a folder, device or symlink at --out, or a folder we cannot write, fails now.
      await checkOutputPath(out);

      const start = performance.now();
      const wb = await Workbench.open(values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {}).catch((e: unknown) => {
        throw isWorkbenchError(e, 'BAD_OPTION') && values['memory-limit'] ? new UsageError(messages.badFlagValue('--memory-limit', e)) : e;
      });
      try {
        const built = await buildReport(wb, {
          ...(file !== undefined ? { file } : {}), locale,
          ...(values.subscriptions !== undefined ? { subscriptions: values.subscriptions } : {}),
          ...(values.events !== undefined ? { events: values.events } : {}),
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
          ...(by ? { by } : {}),
          ...(values['migration-from'] !== undefined ? { migrationFrom: values['migration-from'] } : {}),
          ...(minGroup !== undefined ? { minGroup } : {}),
          onProgress: (p) => io.err(`${pad(p.running ? '' : p.stage)}${(p.ms / 1000).toFixed(1).padStart(6)} s  ${p.running ? `${p.stage} ` : ''}${p.detail}`),
        });
        let stageStart = performance.now();
        const html = await built.toHtml(when ? { generatedAt: when } : {});
        io.err(`${pad('render')}${elapsed(stageStart).padStart(8)}  ${built.sections.length} sections, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB`);
        stageStart = performance.now();
        const path = await saveReport(out, html);
        io.err(`${pad('write')}${elapsed(stageStart).padStart(8)}  total ${elapsed(start)}`);
        io.out(path);
        return 0;
      } finally {
        wb.close();
      }
    }),
};
