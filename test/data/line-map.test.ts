/** lineNumbers: row numbers (records, header = 1) to the lines the records start on, as a user finds them in an editor. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lineNumbers } from '../../src/data/line-map.js';
import type { SniffResult } from '../../src/data/sniff.js';

const dir = mkdtempSync(join(tmpdir(), 'swb-lines-'));
const csv = (name: string, content: string | Buffer, more: Partial<SniffResult> = {}): SniffResult => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, fileName: name, format: 'csv', delimiter: ',', encoding: 'utf-8', head: '', ...more };
};

describe('lineNumbers', () => {
  const text = 'a,b\n1,2\n\n\n"x\ny",3\r\n\r\n4,5\n"p""\nq",6\n7,8';
  it('skips blank lines and counts line breaks inside quoted cells (\\n and \\r\\n)', async () => {
    const lines = await lineNumbers(csv('t.csv', text), [2, 3, 4, 5, 6, 99]);
    expect(Object.fromEntries(lines)).toEqual({ 2: 2, 3: 5, 4: 8, 5: 9, 6: 11 });
  });

  it('reads gzip and UTF-16 the same way', async () => {
    expect(Object.fromEntries(await lineNumbers(csv('t.csv.gz', gzipSync(text)), [4, 6]))).toEqual({ 4: 8, 6: 11 });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(Object.fromEntries(await lineNumbers(csv('t16.csv', utf16, { encoding: 'utf-16' }), [4, 6]))).toEqual({ 4: 8, 6: 11 });
  });

  it('takes quotes as text in whitespace-separated files and leaves Parquet record numbers alone', async () => {
    const ws = csv('t.txt', '001 19970101 1 11.77\n\n002 19970112 "1 12.00\n003 19970102 2 20.76\n', { delimiter: 'whitespace' });
    expect(Object.fromEntries(await lineNumbers(ws, [1, 2, 3]))).toEqual({ 1: 1, 2: 3, 3: 4 });
    expect((await lineNumbers({ ...ws, format: 'parquet' }, [1, 2])).size).toBe(0);
  });
});
