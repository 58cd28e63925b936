/**
 * Writing a query result to a file atomically with DuckDB's COPY: the same path checks and temp-file
 * discipline as the report (src/report/save.ts), so a CRM import never reads a half-written list, a
 * failed export leaves nothing behind, and a folder, symlink or device at the path is refused.
 */
import { dirname } from 'node:path';
import { diskFull } from '../data/disk-full.js';
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { exportMessages } from '../messages/export.js';
import { chmod } from 'node:fs/promises';
import { writeAtomically } from '../report/save.js';
import type { QueryParam, Workbench } from '../workbench.js';

/** COPY options of one output format (literal SQL: the keys and values are ours, never user input). */
export type CopyFormat = { format: 'parquet' } | { format: 'csv'; delimiter: string };

function copyOptions(f: CopyFormat): string {
  // The delimiter is one of three checked characters, bound as a literal here because COPY takes no parameters in its options.
  return f.format === 'parquet'
    ? '(format parquet, compression zstd)'
    : `(format csv, header true, delimiter '${f.delimiter === '\t' ? '\\t' : f.delimiter}', quote '"', escape '"')`;
}

/**
 * Run `select` (params bound) and write its rows to `path` atomically: COPY to a temp file beside the
 * target, make it readable by its owner only (mode 600: an export holds real customer ids), check the
 * target again, rename. Returns the absolute path.
 * `what` names the file in messages (e.g. 'the segment list').
 * @throws WorkbenchError `WRITE_FAILED` when the path is not a regular file or its folder cannot be written.
 */
export async function copyAtomically(
  wb: Workbench,
  select: string,
  params: Record<string, QueryParam>,
  path: string,
  format: CopyFormat,
  what: string,
): Promise<string> {
  return writeAtomically(
    path,
    async (temp) => {
      try {
        await wb.run(`copy (${select}) to $swb_out ${copyOptions(format)}`, { ...params, swb_out: temp });
        await chmod(temp, 0o600);
      } catch (e) {
        throw copyError(e, temp);
      }
    },
    what,
  );
}

/** A COPY that failed on a full disk: `WRITE_FAILED` whose reason says so and names the folder (the caller's message adds the path). */
export function copyError(e: unknown, temp: string): unknown {
  if (!isWorkbenchError(e, 'QUERY_FAILED') || !diskFull(e.message)) return e;
  const reason = exportMessages.diskFull(dirname(temp));
  return new WorkbenchError('WRITE_FAILED', reason, { reason, cause: e.message });
}
