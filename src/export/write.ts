/**
 * Writing a query result to a file atomically with DuckDB's COPY: the same path checks and temp-file
 * discipline as the report (src/report/save.ts), so a CRM import never reads a half-written list, a
 * failed export leaves nothing behind, and a folder, symlink or device at the path is refused.
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { checkOutputPath, claimTemp, discardTemp, reasonOf, releaseTemp } from '../report/save.js';
import type { QueryParam, Workbench } from '../workbench.js';

/** COPY options of one output format (literal SQL: the keys and values are ours, never user input). */
export type CopyFormat = { format: 'parquet' } | { format: 'csv'; delimiter: string };

function copyOptions(f: CopyFormat): string {
  // The delimiter is one of three checked characters, bound as a literal here because COPY takes no parameters in its options.
  return f.format === 'parquet' ? '(format parquet, compression zstd)' : `(format csv, header true, delimiter '${f.delimiter === '\t' ? '\\t' : f.delimiter}', quote '"', escape '"')`;
}

const failed = (path: string, reason: string, what: string, details: Record<string, unknown> = {}): WorkbenchError =>
  new WorkbenchError('WRITE_FAILED', messages.writeFailed(path, reason, what), { path, reason, ...details });

/**
 * Run `select` (params bound) and write its rows to `path` atomically: COPY to a temp file beside the
 * target, check the target again, rename. Returns the absolute path.
 * `what` names the file in messages (e.g. 'the segment list').
 * @throws WorkbenchError `WRITE_FAILED` when the path is not a regular file or its folder cannot be written.
 */
export async function copyAtomically(wb: Workbench, select: string, params: Record<string, QueryParam>, path: string, format: CopyFormat, what: string): Promise<string> {
  const target = await checkOutputPath(path, what);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw failed(path, reasonOf(error), what, { cause: error });
  }
  const temp = claimTemp(target);
  try {
    await wb.run(`copy (${select}) to $swb_out ${copyOptions(format)}`, { ...params, swb_out: temp });
    await checkOutputPath(path, what);
    await rename(temp, target);
    releaseTemp(temp);
    return target;
  } catch (error) {
    const cleanup = await discardTemp(temp);
    const details = cleanup ? { cause: error, leftover: temp, cleanupFailed: cleanup } : { cause: error };
    if (error instanceof WorkbenchError && error.code !== 'WRITE_FAILED' && error.code !== 'QUERY_FAILED') throw error;
    const reason = error instanceof WorkbenchError ? String(error.details['reason'] ?? error.message) : reasonOf(error);
    throw failed(path, reason, what, details);
  }
}
