import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src/errors.js';
import { report } from '../../src/report/report.js';
import { saveReport } from '../../src/report/save.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'swb-save-'));

/** A report whose only chart cannot be rendered (unknown mark type). */
function brokenReport() {
  const spec = { mark: 'no-such-mark', data: { values: [{ a: 1 }] } } as unknown as TopLevelSpec;
  return report({ title: 'broken' }).add({ id: 'x', title: 'x', charts: [{ id: 'bad', title: 'bad', description: 'bad', spec }] });
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
