/** Every `swb` command that writes checks its --out path before any work, and never replaces what is not a regular file. */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/data.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-outputs-'));

beforeAll(() => {
  requireCli();
});

/** A folder holding a symlink `link` (to `target.txt`), a fifo `pipe` and a folder `sub`. */
function hostileFolder(): string {
  const dir = fresh();
  writeFileSync(join(dir, 'target.txt'), 'keep me');
  symlinkSync(join(dir, 'target.txt'), join(dir, 'link'));
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  mkdirSync(join(dir, 'sub'));
  return dir;
}

function unchanged(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual(['link', 'pipe', 'sub', 'target.txt']);
  expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
  expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep me');
  expect(readdirSync(join(dir, 'sub'))).toEqual([]);
}

describe('--out is checked before any analysis runs', () => {
  it.each([
    ['link', 'that path is a symbolic link, which is never replaced or followed'],
    ['pipe', 'that path is a named pipe (fifo), not a regular file, and is never replaced'],
    ['sub', 'that path is a folder'],
  ])('swb report --out <%s> exits 1 before loading, leaving it as it was', async (name, reason) => {
    const dir = hostileFolder();
    const r = await runCli(['report', fixture('orders-plain.csv'), '--out', join(dir, name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: Could not write the report to ${join(dir, name)}: ${reason}. Check that the folder exists and is writable, or pass another --out path. [WRITE_FAILED]\n`,
    );
    expect(r.stdout).toBe('');
    unchanged(dir);
  });

  it('swb report --out /dev/null is refused, not replaced', async () => {
    const r = await runCli(['report', fixture('orders-plain.csv'), '--out', '/dev/null']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('that path is a device, not a regular file, and is never replaced');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.each([
    ['link', 'that path is a symbolic link, which is never replaced or followed'],
    ['pipe', 'that path is a named pipe (fifo), not a regular file, and is never replaced'],
  ])('swb sample --out <%s> exits 1, writing nothing', async (name, reason) => {
    const dir = hostileFolder();
    const r = await runCli(['sample', '--customers', '20', '--out', join(dir, name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: Could not write the sample to ${join(dir, name)}: ${reason}. Check that the folder exists and is writable, or pass another --out path. [WRITE_FAILED]\n`,
    );
    unchanged(dir);
  });

  it('swb sample refuses when the customers file beside --out is a symlink', async () => {
    const dir = hostileFolder();
    symlinkSync(join(dir, 'target.txt'), join(dir, 's-customers.csv'));
    const r = await runCli(['sample', '--customers', '20', '--out', join(dir, 's.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Could not write the sample to ${join(dir, 's-customers.csv')}: that path is a symbolic link`,
    );
    expect(readdirSync(dir)).not.toContain('s.csv');
  });

  it('swb sample writes both files into a folder it creates, and no temp file', async () => {
    const dir = fresh();
    const r = await runCli(['sample', '--customers', '20', '--seed', '3', '--out', join(dir, 'new', 's.csv')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'new')).sort()).toEqual(['s-customers.csv', 's.csv']);
    expect(
      readFileSync(join(dir, 'new', 's-customers.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(21);
  });

  it('an unwritable folder exits 1 with one plain line, no stack trace', async (ctx) => {
    const dir = fresh();
    try {
      execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    } catch {
      return ctx.skip();
    }
    try {
      for (const args of [
        ['report', fixture('orders-plain.csv')],
        ['sample', '--customers', '20'],
      ]) {
        const r = await runCli([...args, '--out', join(dir, 'r.csv')]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^error: Could not write the (report|sample) to .*: operation not permitted\. Check/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(readdirSync(dir)).toEqual([]);
      }
    } finally {
      execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
    }
  });
});
