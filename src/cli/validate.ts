/**
 * `swb validate FILE… [--preset P] [--mapping map.json] [--returns net|exclude]`: load files and print their LoadReports;
 * `swb validate --subscriptions FILE [--events FILE]`: the same for subscriptions and usage events.
 */
import { readFileSync } from 'node:fs';
import { WorkbenchError } from '../errors.js';
import { loadTransactions, type LoadOptions } from '../data/load.js';
import { loadSubscriptions } from '../data/subscriptions.js';
import { loadEvents } from '../data/events.js';
import type { LoadReport } from '../data/load-report.js';
import { formatLoadReport } from './load-report-text.js';
import type { ColumnMapping } from '../data/fields.js';
import { openWorkbench, runCommand, UsageError, type Command } from './common.js';
import {
  DATE_FORMAT_FLAG,
  MAPPING_FLAG,
  MEMORY_LIMIT_FLAG,
  PRESET_FLAG,
  RETURNS_FLAG,
  type CommandSpec,
} from './flags.js';
import { cliErrorText, forCli } from './wording.js';
import { messages } from '../messages.js';

const SPEC: CommandSpec = {
  name: 'validate',
  args: 'FILE…',
  summary:
    'Load transactions files (or --subscriptions / --events files), one at a time, and print what was read, loaded and set aside (exit 1 when any file fails).',
  flags: [
    { ...PRESET_FLAG, default: 'none: columns are recognised by their names' },
    MAPPING_FLAG,
    DATE_FORMAT_FLAG,
    RETURNS_FLAG,
    {
      name: 'subscriptions',
      value: 'FILE',
      help: 'check a subscriptions file instead of transactions files',
      default: 'none',
    },
    { name: 'events', value: 'FILE', help: 'check a usage events file instead of transactions files', default: 'none' },
    MEMORY_LIMIT_FLAG,
  ],
  notes: ['FILE: a transactions file (CSV, TSV, Parquet or JSON, gzip too); give several to check each on its own.'],
};

/** Read a `--mapping` JSON file into a ColumnMapping, with errors that name the file. */
export function readMappingFile(path: string): ColumnMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new WorkbenchError('FILE_NOT_FOUND', messages.mappingFileNotFound(path), { file: path });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(messages.notAnObject());
    return parsed as ColumnMapping;
  } catch (e) {
    throw new WorkbenchError('BAD_OPTION', messages.mappingFileNotObject(path, e), { file: path });
  }
}

/** Parse `--returns`. */
export function parseReturns(value: string | undefined): 'net' | 'exclude' | undefined {
  if (value === undefined || value === 'net' || value === 'exclude') return value;
  throw new UsageError(messages.badReturnsFlag(value));
}

/** Load one file into a fresh Workbench and return its LoadReport. */
async function validateOne(
  file: string,
  options: LoadOptions,
  memoryLimit: string | undefined,
  kind: 'transactions' | 'subscriptions' | 'events' = 'transactions',
): Promise<LoadReport> {
  const wb = await openWorkbench(memoryLimit);
  try {
    if (kind === 'subscriptions') return await loadSubscriptions(wb, file);
    if (kind === 'events') return await loadEvents(wb, file);
    return await loadTransactions(wb, file, options);
  } finally {
    wb.close();
  }
}

/** A LoadReport as text, its notes in flag wording (`Pass --date-format to choose.`). */
const reportText = (report: LoadReport): string => forCli(formatLoadReport(report));

export const validateCommand: Command = {
  spec: SPEC,
  run: (args, io) =>
    runCommand(SPEC, args, io, async ({ values, positionals }) => {
      const memoryLimit = values['memory-limit'];
      const others = (['subscriptions', 'events'] as const).flatMap((k) =>
        values[k] !== undefined ? [[k, values[k] as string] as const] : [],
      );
      if (
        others.length &&
        (positionals.length || values.preset || values.mapping || values.returns || values['date-format'])
      )
        throw new UsageError(messages.validateOneKind());
      if (others.length) {
        // Each file alone, as with transactions: the first error ends the command.
        for (const [i, [kind, file]] of others.entries())
          io.out(`${i > 0 ? '\n' : ''}${reportText(await validateOne(file, {}, memoryLimit, kind))}`);
        return 0;
      }
      if (positionals.length === 0) throw new UsageError(messages.atLeastOneFile('validate'));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const returns = parseReturns(values.returns);
      const dateFormat = values['date-format'];
      if (dateFormat !== undefined && !dateFormat.includes('%'))
        throw new UsageError(messages.badDateFormatFlag(dateFormat));
      const mapping = values.mapping ? readMappingFile(values.mapping) : undefined;
      const options = {
        ...(values.preset ? { preset: values.preset } : {}),
        ...(mapping ? { mapping } : {}),
        ...(returns ? { returns } : {}),
        ...(dateFormat !== undefined ? { dateFormat } : {}),
      };
      // One file: its error ends the command as usual. Several: each is reported, the exit code says whether any failed.
      if (positionals.length === 1) {
        io.out(reportText(await validateOne(positionals[0] as string, options, memoryLimit)));
        return 0;
      }
      let failed = 0;
      for (const [i, file] of positionals.entries()) {
        try {
          io.out(`${i > 0 ? '\n' : ''}${reportText(await validateOne(file, options, memoryLimit))}`);
        } catch (e) {
          if (!(e instanceof WorkbenchError)) throw e;
          failed += 1;
          io.err(messages.fileError(file, cliErrorText(e), e.code));
        }
      }
      return failed > 0 ? 1 : 0;
    }),
};
