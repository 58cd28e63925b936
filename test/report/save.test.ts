import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src/errors.js';
import { CLI, requireCli } from '../helpers/cli.js';
import { report } from '../../src/report/report.js';
import { checkOutputPath, removeStaleTemps, saveReport } from '../../src/report/save.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-save-'));

/** A report whose only chart cannot be rendered (unknown mark type). */
function brokenReport() {
  const spec = { mark: 'no-such-mark', data: { values: [{ a: 1 }] } } as unknown as TopLevelSpec;
  return report({ title: 'broken' }).add({
    id: 'x',
    title: 'x',
    charts: [{ id: 'bad', title: 'bad', description: 'bad', spec }],
  });
}

describe('saveReport', () => {
  it('writes the file, creates missing folders and leaves no temp file', async () => {
    const dir = fresh();
    const path = await saveReport(join(dir, 'a', 'b', 'r.html'), '<p>hi</p>');
    expect(path).toBe(join(dir, 'a', 'b', 'r.html'));
    expect(readFileSync(path, 'utf8')).toBe('<p>hi</p>');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['r.html']);
  });

  it('replaces an existing report in one step', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'r.html'), 'old');
    await saveReport(join(dir, 'r.html'), 'new');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('fails with WRITE_FAILED naming the path when the folder cannot be written, leaving nothing', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    const target = join(dir, 'file', 'r.html');
    const error: unknown = await saveReport(target, 'x').catch((e: unknown) => e);
    expect(isWorkbenchError(error, 'WRITE_FAILED')).toBe(true);
    expect((error as Error).message).toBe(
      `Could not write the report to ${target}: a part of the path is a file, not a folder. Check that the folder exists and is writable, or pass another --out path.`,
    );
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('fails with WRITE_FAILED when the target is a folder, removing its temp file', async () => {
    const dir = fresh();
    const error: unknown = await saveReport(dir, 'x').catch((e: unknown) => e);
    expect(isWorkbenchError(error, 'WRITE_FAILED')).toBe(true);
    expect((error as { details: { path: string } }).details.path).toBe(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** `chattr +i` makes a folder unwritable even for root; undefined when the file system cannot. */
function immutable(dir: string): (() => void) | undefined {
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
}

const errorOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const reasonOf = (e: unknown): unknown => (e as { details: { reason: string } }).details.reason;

describe('output paths', () => {
  it('refuses a symlink at the path, leaving the link and its target as they were', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.txt'), 'keep me');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'r.html'));
    const error = await errorOf(saveReport(join(dir, 'r.html'), 'x'));
    expect(isWorkbenchError(error, 'WRITE_FAILED')).toBe(true);
    expect(reasonOf(error)).toBe('that path is a symbolic link, which is never replaced or followed');
    expect(lstatSync(join(dir, 'r.html')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'r.html'))).toBe(join(dir, 'target.txt'));
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'target.txt']);
  });

  it('refuses a named pipe (like a device node), and /dev/null itself, without touching them', async () => {
    const dir = fresh();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const error = await errorOf(checkOutputPath(join(dir, 'pipe')));
    expect(reasonOf(error)).toBe('that path is a named pipe (fifo), not a regular file, and is never replaced');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    // Only checked, never written: /dev is not touched.
    const dev = await errorOf(checkOutputPath('/dev/null'));
    expect((dev as Error).message).toBe(
      'Could not write the report to /dev/null: that path is a device, not a regular file, and is never replaced. Check that the folder exists and is writable, or pass another --out path.',
    );
  });

  it('refuses a folder at the path before writing anything', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'r.html'));
    expect(reasonOf(await errorOf(checkOutputPath(join(dir, 'r.html'))))).toBe('that path is a folder');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('follows a symlinked folder above the file (only the file itself must not be a link)', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    await saveReport(join(dir, 'linked', 'r.html'), 'via link');
    expect(readFileSync(join(dir, 'real', 'r.html'), 'utf8')).toBe('via link');
  });

  it('accepts a path under folders still to be made, and an existing regular file', async () => {
    const dir = fresh();
    expect(await checkOutputPath(join(dir, 'a', 'b', 'r.html'))).toBe(join(dir, 'a', 'b', 'r.html'));
    writeFileSync(join(dir, 'old.html'), 'old');
    expect(await checkOutputPath(join(dir, 'old.html'))).toBe(join(dir, 'old.html'));
  });

  it('an unwritable folder fails with the plain reason (never a clean-up error), leaving nothing', async (ctx) => {
    const dir = fresh();
    const undo = immutable(dir);
    if (!undo) return ctx.skip();
    try {
      const error = await errorOf(saveReport(join(dir, 'r.html'), 'x'));
      expect(isWorkbenchError(error, 'WRITE_FAILED')).toBe(true);
      expect(reasonOf(error)).toBe('operation not permitted');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      undo();
    }
  });

  it('removes temp files of processes that are gone, and keeps those of running ones and other files', () => {
    const dir = fresh();
    // A pid that is certainly not running: a child that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    const stale = `.r.html.swb-tmp-${dead}-1`;
    const live = `.r.html.swb-tmp-${process.ppid}-1`;
    for (const name of [stale, live, 'r.html', '.r.html.tmp']) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTemps(dir)).toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual([live, '.r.html.tmp', 'r.html'].sort());
  });

  it('a stale temp file is removed by the next save into the folder', async () => {
    const dir = fresh();
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
    writeFileSync(join(dir, `.r.html.swb-tmp-${dead}-3`), 'half a report');
    await saveReport(join(dir, 'r.html'), 'whole');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s while writing removes the temp file', async (signal) => {
    const dir = fresh();
    // A child process claims a temp file, reports it, then waits to be killed.
    const script = `
      import { claimTemp } from ${JSON.stringify(pathToFileURL(join(dirname(CLI), '..', 'report', 'save.js')).href)};
      import { writeFileSync } from 'node:fs';
      const temp = claimTemp(${JSON.stringify(join(dir, 'r.html'))});
      writeFileSync(temp, 'half');
      process.stdout.write(temp + '\\n');
      setInterval(() => {}, 1000);`;
    requireCli(); // the child runs the built library
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const temp = await new Promise<string>((done) =>
      child.stdout.once('data', (b: Buffer) => done(b.toString().trim())),
    );
    expect(existsSync(temp)).toBe(true);
    expect(temp).toMatch(/\/\.r\.html\.swb-tmp-\d+-1$/);
    const exit = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, s) => done(s)));
    child.kill(signal);
    expect(await exit).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('ReportBuilder.save', () => {
  it('a failing render leaves no file (and no temp file) behind', async () => {
    const dir = fresh();
    await expect(brokenReport().save(join(dir, 'r.html'))).rejects.toThrow();
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failing render keeps the previous report intact', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'r.html'), 'previous');
    await expect(brokenReport().save(join(dir, 'r.html'))).rejects.toThrow();
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('previous');
  });
});
