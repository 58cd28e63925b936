/**
 * `swb export [FILE] …`: segment membership for a CRM or e-mail tool, one row per customer (RFM segment,
 * cluster, value tier, CLV band with --clv), as CSV or Parquet. Unlike the report, the file holds the real
 * customer ids; the command says so on stderr. Progress goes to stderr, the file's path to stdout.
 */
import { exportSegments, type ExportFormat } from '../export/segments.js';
import { loadTransactions } from '../data/load.js';
import { checkOutputPath } from '../report/save.js';
import { Workbench } from '../workbench.js';
import { messages } from '../messages.js';
import { elapsed, guarded, parse, UsageError, type Command } from './common.js';
import { asOfOption, BUNDLED_DATA, localeOption } from './report.js';
import { parseReturns, readMappingFile } from './validate.js';

const USAGE = 'export [FILE] [--preset P | --mapping map.json] [--as-of YYYY-MM-DD] [--date-format FMT] [--returns net|exclude] [--format csv|parquet] [--delimiter ,|;|tab] [--locale en|nl] [--clv] [--out PATH]';

const DELIMITERS: Record<string, ',' | ';' | '\t'> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

function formatFlag(value: string | undefined, out: string | undefined): ExportFormat {
  if (value === undefined) return out?.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  if (value === 'csv' || value === 'parquet') return value;
  throw new UsageError(messages.badFlagValue('--format', messages.badExportFormat(value)));
}

export const exportCommand: Command = {
  usage: USAGE,
  summary: 'Write segment membership per customer (RFM segment, cluster, value tier, CLV band) as CSV or Parquet for a CRM or e-mail tool; holds real customer ids.',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, flags, positionals } = parse(args, ['preset', 'mapping', 'as-of', 'date-format', 'returns', 'format', 'delimiter', 'locale', 'out'], ['clv']);
      if (positionals.length > 1) throw new UsageError(messages.tooManyFiles('export', positionals.length));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const locale = localeOption(values.locale);
      const asOf = asOfOption(values['as-of']);
      const returns = parseReturns(values.returns);
      const format = formatFlag(values.format, values.out);
      const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
      if (values.delimiter !== undefined && !delimiter) throw new UsageError(messages.badFlagValue('--delimiter', messages.badExportDelimiter(values.delimiter)));
      if (delimiter !== undefined && format === 'parquet') throw new UsageError(messages.badFlagValue('--delimiter', messages.delimiterWithParquet()));
      const dateFormat = values['date-format'];
      if (dateFormat !== undefined && !dateFormat.includes('%')) throw new UsageError(messages.badDateFormatFlag(dateFormat));
      const file = positionals[0] ?? BUNDLED_DATA;
      const preset = values.preset ?? (positionals[0] === undefined && !values.mapping ? 'online-retail' : undefined);
      const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
      const out = values.out ?? `exports/segments.${format}`;
      await checkOutputPath(out, 'the segment list');

      const start = performance.now();
      const wb = await Workbench.open();
      try {
        const load = await loadTransactions(wb, file, {
          ...(preset ? { preset } : {}), ...(mapping ? { mapping } : {}), ...(returns ? { returns } : {}), ...(dateFormat ? { dateFormat } : {}),
        });
        if (load.rowsLoaded === 0) {
          io.err(messages.cliError(messages.nothingLoaded(load.fileName, load.rowsRead, load.setAside.map((s) => [s.reason, s.count] as const)), 'NO_DATA'));
          return 1;
        }
        io.err(`load      ${elapsed(start).padStart(8)}  ${load.fileName}: ${load.rowsLoaded.toLocaleString('en')} rows, ${load.customers.toLocaleString('en')} customers`);
        const res = await exportSegments(wb, {
          out, format, locale, ...(delimiter ? { delimiter } : {}), ...(asOf ? { asOf } : {}), ...(flags['clv'] ? { clv: true } : {}),
        });
        for (const w of res.warnings) io.err(`warning: ${w}`);
        io.err(`export    ${elapsed(start).padStart(8)}  ${res.rows.toLocaleString('en')} customers, columns ${res.columns.join(', ')}`);
        io.err(messages.exportHasIds(res.path));
        io.out(res.path);
        return 0;
      } finally {
        wb.close();
      }
    }),
};
