/**
 * `swb report [FILE] …`: load a file, run the analyses, write one self-contained HTML report.
 * Progress lines (stage, time) go to stderr, the report's path to stdout. Without FILE it reports
 * on the bundled Online Retail data. The generated-at line uses the clock unless SOURCE_DATE_EPOCH
 * is set (the reproducible-builds convention), which makes the output byte-identical.
 */
import { fileURLToPath } from 'node:url';
import { toCurrency, toLocale, type Locale } from '../locale.js';
import { buildReport, parseAsOf } from '../pipeline/build-report.js';
import { saveReport } from '../report/save.js';
import { Workbench } from '../workbench.js';
import { elapsed, guarded, parse, UsageError, type Command } from './common.js';
import { parseReturns, readMappingFile } from './validate.js';
import { messages } from '../messages.js';

const USAGE = 'report [FILE] [--preset P | --mapping map.json] [--customers FILE] [--as-of YYYY-MM-DD] [--locale en|nl] [--currency CODE] [--clv] [--title T] [--out PATH] [--returns net|exclude]';

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

function localeOption(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  try {
    return toLocale(value);
  } catch (e) {
    throw new UsageError(messages.badFlagValue('--locale', e));
  }
}

function generatedAt(): Date | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}

const pad = (s: string): string => s.padEnd(10);

export const reportCommand: Command = {
  usage: USAGE,
  summary: 'Write a self-contained HTML segment report (summary, data quality, RFM, cohorts, clusters, segments, optional predicted value, method).',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, flags, positionals } = parse(args, ['preset', 'mapping', 'customers', 'as-of', 'locale', 'currency', 'title', 'out', 'returns'], ['clv']);
      if (positionals.length > 1) throw new UsageError(messages.tooManyFiles('report', positionals.length));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const locale = localeOption(values.locale);
      const currency = values.currency === undefined ? undefined : currencyOption(values.currency);
      const asOfText = values['as-of'];
      const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
      if (asOfText !== undefined && !asOf) throw new UsageError(messages.badAsOfFlag(asOfText));
      const returns = parseReturns(values.returns);
      const file = positionals[0] ?? BUNDLED_DATA;
      const preset = values.preset ?? (positionals[0] === undefined && !values.mapping ? 'online-retail' : undefined);
      const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
      const out = values.out ?? defaultOut(locale);
      const when = generatedAt();

      const start = performance.now();
      const wb = await Workbench.open();
      try {
        const built = await buildReport(wb, {
          file, locale,
          ...(preset ? { preset } : {}),
          ...(mapping ? { mapping } : {}),
          ...(returns ? { returns } : {}),
          ...(values.customers ? { customers: values.customers } : {}),
          ...(asOf ? { asOf } : {}),
          ...(values.title ? { title: values.title } : {}),
          ...(currency ? { currency } : {}),
          ...(flags['clv'] ? { clv: true } : {}),
          onProgress: (p) => io.err(`${pad(p.stage)}${(p.ms / 1000).toFixed(1).padStart(6)} s  ${p.detail}`),
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
