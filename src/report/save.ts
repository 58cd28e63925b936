/**
 * Atomic report writing: the HTML goes to a temp file in the target directory, then is renamed
 * over the target. A reader never sees a half-written report, and a failed write leaves nothing.
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';

let counter = 0;

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EISDIR: 'that path is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder does not exist',
};

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  // mkdir -p reports EEXIST when a part of the path is an existing file.
  const code = e?.code === 'EEXIST' && e.syscall === 'mkdir' ? 'ENOTDIR' : e?.code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return reason;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Write `html` to `path` atomically (missing parent folders are created). Returns the absolute path.
 * @throws WorkbenchError `WRITE_FAILED` (details: `path`) when the folder or file cannot be written.
 * @example await saveReport('reports/segments.html', html);
 */
export async function saveReport(path: string, html: string): Promise<string> {
  const target = resolve(path);
  const dir = dirname(target);
  counter += 1;
  const temp = join(dir, `.${basename(target)}.${process.pid}-${counter}.tmp`);
  let tempMayExist = false;
  try {
    await mkdir(dir, { recursive: true });
    tempMayExist = true;
    await writeFile(temp, html, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
    return target;
  } catch (error) {
    if (tempMayExist) {
      await unlink(temp).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    throw new WorkbenchError('WRITE_FAILED', messages.writeFailed(path, reasonOf(error)), { path, cause: error });
  }
}
