/**
 * Writing output files safely: the path is checked before any work starts ({@link checkOutputPath}),
 * the content goes to a temp file with a recognisable name in the target folder
 * (`.<name>.swb-tmp-<pid>-<n>`), then is renamed over the target. A reader never sees a half-written
 * file, a failed write leaves nothing, SIGINT/SIGTERM remove the temp files of the running process,
 * and the next write into a folder removes the temp files that dead processes left there.
 * A path that exists and is not a regular file (a folder, a symlink, a device, a fifo, a socket) is
 * refused, never replaced.
 */
import { lstatSync, readdirSync, rmSync, type Stats } from 'node:fs';
import { access, constants, lstat, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';

let counter = 0;

/** Marker in every temp file name: `.<name>.swb-tmp-<pid>-<n>`. */
export const TEMP_MARKER = '.swb-tmp-';
const TEMP_PATTERN = /^\..*\.swb-tmp-(\d+)(?:-\d+)?$/;

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'that path is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a file operation failed, in a few plain words (`permission denied`, `read-only file system`…). */
export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  // mkdir -p reports EEXIST when a part of the path is an existing file.
  const code = e?.code === 'EEXIST' && e.syscall === 'mkdir' ? 'ENOTDIR' : e?.code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return reason;
  return error instanceof Error ? error.message : String(error);
}

const writeFailed = (
  path: string,
  reason: string,
  details: Record<string, unknown> = {},
  what?: string,
): WorkbenchError =>
  new WorkbenchError('WRITE_FAILED', messages.writeFailed(path, reason, what), { path, reason, ...details });

/** What kind of thing a non-regular path is, in a few words. */
function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return REASONS['EISDIR'] as string;
  if (stats.isSymbolicLink()) return messages.outIsSymlink();
  if (stats.isFIFO()) return messages.outIsSpecial('named pipe (fifo)');
  if (stats.isSocket()) return messages.outIsSpecial('socket');
  return messages.outIsSpecial('device');
}

async function statOrUndefined(path: string, follow = false): Promise<Stats | undefined> {
  try {
    return await (follow ? stat(path) : lstat(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Check that `path` can take an output file, before any work is done: it is a regular file or does not
 * exist yet, and its folder (or the nearest existing folder above it, when folders are still to be made)
 * is a writable folder. Returns the absolute path.
 * `what` names the file in the message. @defaultValue 'the report'
 * @throws WorkbenchError `WRITE_FAILED` (details: `path`, `reason`) saying why, e.g. "that path is a folder".
 * @example await checkOutputPath('reports/segments.html');
 */
export async function checkOutputPath(path: string, what?: string): Promise<string> {
  const target = resolve(path);
  try {
    // The target itself is not followed (a symlink there is refused); folders above it may be links.
    const stats = await statOrUndefined(target);
    const kind = stats ? kindOf(stats) : undefined;
    if (kind) throw writeFailed(path, kind, {}, what);
    let dir = dirname(target);
    for (;;) {
      const d = await statOrUndefined(dir, true);
      if (d) {
        if (!d.isDirectory()) throw writeFailed(path, REASONS['ENOTDIR'] as string, {}, what);
        await access(dir, constants.W_OK | constants.X_OK);
        return target;
      }
      const up = dirname(dir);
      if (up === dir) throw writeFailed(path, REASONS['ENOENT'] as string, {}, what);
      dir = up;
    }
  } catch (e) {
    if (e instanceof WorkbenchError) throw e;
    throw writeFailed(path, reasonOf(e), { cause: e }, what);
  }
}

// Temp files of this process that exist right now; SIGINT/SIGTERM remove them before the process ends.
const liveTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of liveTemps) rmSync(temp, { force: true });
  liveTemps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // The default action now applies: the process ends as it would have without us.
  process.kill(process.pid, signal);
}

/**
 * A fresh temp path beside `target` (`.<name>.swb-tmp-<pid>-<n>`), removed on SIGINT/SIGTERM until
 * {@link releaseTemp} is called. Stale temp files of dead processes in the same folder are removed first.
 */
export function claimTemp(target: string): string {
  removeStaleTemps(dirname(target));
  counter += 1;
  const temp = join(dirname(target), `.${basename(target)}${TEMP_MARKER}${process.pid}-${counter}`);
  if (liveTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveTemps.add(temp);
  return temp;
}

/** Forget a temp path of {@link claimTemp} (it was renamed or removed). */
export function releaseTemp(temp: string): void {
  liveTemps.delete(temp);
  if (liveTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files (`.<name>.swb-tmp-<pid>…`, regular files only) that processes no longer running
 * left in `dir`. Returns the names removed. Best effort: an unreadable folder removes nothing.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_PATTERN.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: the next run tries again.
    }
  }
  return removed;
}

/**
 * Remove a temp file after a failure. A failure to remove it never hides the error that caused the
 * clean-up: it is returned (and stated in the caller's error details) instead of thrown.
 */
export async function discardTemp(temp: string): Promise<string | undefined> {
  try {
    await unlink(temp);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : reasonOf(e);
  } finally {
    releaseTemp(temp);
  }
}

/**
 * Write a file atomically: check the path, create missing folders, let `writeTemp` fill a recognisable temp
 * file beside the target, check the target again and rename. A failure removes the temp file and never hides
 * the real error behind a failed clean-up. `what` names the file in messages. Returns the absolute path.
 * @throws WorkbenchError `WRITE_FAILED` (details: `path`) when the path is not a regular file or its folder cannot be written.
 */
export async function writeAtomically(
  path: string,
  writeTemp: (temp: string) => Promise<void>,
  what?: string,
): Promise<string> {
  const target = await checkOutputPath(path, what);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw writeFailed(path, reasonOf(error), { cause: error }, what);
  }
  const temp = claimTemp(target);
  try {
    await writeTemp(temp);
    // Checked again just before the rename: the path may have changed while the file was written.
    await checkOutputPath(path, what);
    await rename(temp, target);
    releaseTemp(temp);
    return target;
  } catch (error) {
    const cleanup = await discardTemp(temp);
    const details = cleanup ? { cause: error, leftover: temp, cleanupFailed: cleanup } : { cause: error };
    if (error instanceof WorkbenchError && error.code !== 'WRITE_FAILED' && error.code !== 'QUERY_FAILED') throw error;
    const reason = error instanceof WorkbenchError ? String(error.details['reason'] ?? error.message) : reasonOf(error);
    throw writeFailed(path, reason, details, what);
  }
}

/**
 * Write `html` to `path` atomically (missing parent folders are created). Returns the absolute path.
 * @throws WorkbenchError `WRITE_FAILED` (details: `path`) when the path is not a regular file or its folder cannot be written.
 * @example await saveReport('reports/segments.html', html);
 */
export async function saveReport(path: string, html: string): Promise<string> {
  return writeAtomically(path, (temp) => writeFile(temp, html, { encoding: 'utf8', flag: 'wx' }));
}
