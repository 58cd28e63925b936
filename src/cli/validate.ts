/** `swb validate FILE [--preset P] [--mapping map.json] [--returns net|exclude]`: load a file and print its LoadReport. */
import { readFileSync } from 'node:fs';
import { WorkbenchError } from '../errors.js';
import { loadTransactions } from '../data/load.js';
import { formatLoadReport } from '../data/format-report.js';
import type { ColumnMapping } from '../data/fields.js';
import { Workbench } from '../workbench.js';
import { guarded, parse, UsageError, type Command } from './common.js';
import { messages } from '../messages.js';

const USAGE = 'validate FILE [--preset P | --mapping map.json] [--returns net|exclude]';

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

export const validateCommand: Command = {
  usage: USAGE,
  summary: 'Load a transactions file and print what was read, loaded and set aside (exit 1 on errors).',
  run: (args, io) =>
    guarded(io, USAGE, async () => {
      const { values, positionals } = parse(args, ['preset', 'mapping', 'returns']);
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError(messages.exactlyOneFile('validate'));
      if (values.preset && values.mapping) throw new UsageError(messages.presetOrMapping());
      const returns = parseReturns(values.returns);
      const wb = await Workbench.open();
      try {
        const report = await loadTransactions(wb, file, {
          ...(values.preset ? { preset: values.preset } : {}),
          ...(values.mapping ? { mapping: readMappingFile(values.mapping) } : {}),
          ...(returns ? { returns } : {}),
        });
        io.out(formatLoadReport(report));
        return 0;
      } finally {
        wb.close();
      }
    }),
};
