/**
 * explainReadError and the CSV relation: messages classified by the file, not by the words of its path; a
 * full disk said as such; a row wider than the header named by its line, never taken as the header.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import { explainReadError } from '../../src/data/source.js';
import { isWorkbenchError, WorkbenchError } from '../../src/errors.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-source-')); });
afterEach(() => wb.close());

const HEADER = 'customer_id,order_id,order_date,amount';
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as WorkbenchError);

describe('a plain CSV in a folder whose name speaks of gzip', () => {
  it('is named by what is wrong with it, not as a damaged gzip file', async () => {
    for (const folder of ['gzip-exports', 'zlib', 'inflate-2024', 'decompressed']) {
      const path = join(dir, folder, 'orders.csv');
      mkdirSync(join(dir, folder));
      writeFileSync(path, `${HEADER}\nA,1,2011-01-05,1\nB,"2,2011-01-06,2\nC,3,2011-01-07,3\n`);
      const e = await failure(loadTransactions(wb, path));
      expect(e?.code).toBe('MALFORMED_FILE');
      expect(e?.message).toBe('orders.csv line 3 opens a quote (") that is never closed, so everything after it would be one value. Close or remove that quote.');
    }
  });

  it('still names a reader error on a gzip file (by its magic bytes) as a damaged gzip file', async () => {
    const path = join(dir, 'orders.dat');
    writeFileSync(path, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x41]));
    const e = explainReadError(new WorkbenchError('QUERY_FAILED', `IO Error: Input is not a GZIP stream: ${path}`), path);
    expect((e as WorkbenchError).message).toMatch(/^orders\.dat is a damaged or truncated gzip file/);
    const plain = join(dir, 'gzip.csv');
    writeFileSync(plain, `${HEADER}\n`);
    expect((explainReadError(new WorkbenchError('QUERY_FAILED', `IO Error: something "${plain}"`), plain) as WorkbenchError).code).toBe('QUERY_FAILED');
  });
});

describe('a full disk', () => {
  it('says the disk is full and which file DuckDB could not write', async () => {
    // /dev/full answers every write with ENOSPC: DuckDB's own message for a full disk.
    const real = await failure(wb.run("copy (select 1) to '/dev/full' (format csv)"));
    expect(isWorkbenchError(real, 'QUERY_FAILED')).toBe(true);
    const e = explainReadError(real, join(dir, 'orders.csv')) as WorkbenchError;
    expect(e.code).toBe('WRITE_FAILED');
    expect(e.message).toBe('The disk is full: DuckDB could not write /dev/full while loading orders.csv. Free space on that disk (it holds the ' +
      "Workbench's database file, or its temporary folder for data that does not fit in memory), or open the Workbench with a path or tempDirectory " +
      "on a disk with room (Workbench.open({ tempDirectory: '/big/disk/tmp' })).");
    expect(e.details['written']).toBe('/dev/full');
  });
});

describe('a row wider than the header after blank lines', () => {
  it('is named by its line instead of being taken as the header (DuckDB would skip every line above it)', async () => {
    const path = join(dir, 'blank.csv');
    writeFileSync(path, `${HEADER}\nA,1,2011-01-05,1\n\n\nB,2,2011-01-06,2\nC,3,2011-01-07,3,9\n`);
    const e = await failure(loadTransactions(wb, path));
    expect(e?.code).toBe('MALFORMED_FILE');
    expect(e?.message).toMatch(/^blank\.csv line 6 has 5 fields where the header has 4/);
  });
});

describe('a line longer than the reader takes', () => {
  it('is named by its real line, where DuckDB says line 1', async () => {
    const path = join(dir, 'long.csv');
    writeFileSync(path, `${HEADER}\nA,1,2011-01-05,1\n"B\nB\nB",2,2011-01-06,2\n\n\nC,3,2011-01-07,${'x'.repeat(2_200_000)}\nD,4,2011-01-08,4\n`);
    const e = await failure(loadTransactions(wb, path));
    expect(e?.code).toBe('MALFORMED_FILE');
    expect(String(e?.details['cause'])).toMatch(/CSV Error on Line: 1\b/);
    expect(e?.message).toBe('long.csv line 8 could not be read as a table of values separated by commas (a line is longer than 2 MB). ' +
      'Check that every line has one value per column of the header, that quotes (") come in pairs, and that the delimiter is the one the file uses.');
    expect(e?.details['line']).toBe(8);
  });
});

describe('the line DuckDB names', () => {
  it('becomes the line its "Original Line" starts on, past blank lines and quoted line breaks', () => {
    const path = join(dir, 'odd.csv');
    writeFileSync(path, `${HEADER}\nA,1,2011-01-05,1\n\n"B\nB",2,2011-01-06,2\n\nC,3,2011-01-07,3\nA,1,2011-01-05,1\n`);
    // DuckDB counts records: the repeated "A,1,…" row is its line 5, the file's line 8 (line 2 holds the same text).
    const duck = new WorkbenchError('QUERY_FAILED', 'Invalid Input Error: CSV Error on Line: 5\nOriginal Line: A,1,2011-01-05,1\nsomething odd');
    const e = explainReadError(duck, path, { format: 'csv', delimiter: ',', encoding: 'utf-8' }) as WorkbenchError;
    expect(e.message).toMatch(/^odd\.csv line 8 could not be read as a table of values separated by commas\./);
    expect(e.details['line']).toBe(8);
  });
});

describe('lines above the header', () => {
  it('skips Excel\'s sep=; line and a title, and counts line numbers from the top of the file', async () => {
    const sep = join(dir, 'sep.csv');
    writeFileSync(sep, 'sep=;\nklant;bestelling;datum;bedrag\nA;1;2011-01-05;12,50\n\nB;2;2011-01-06;n/a\n');
    const r = await loadTransactions(wb, sep);
    expect(r.rowsLoaded).toBe(1);
    expect(r.setAside).toEqual([{ reason: 'unparseable_amount', count: 1, examples: [5] }]);
    const title = join(dir, 'title.csv');
    writeFileSync(title, `Export of orders, 2011\n\n${HEADER}\nA,1,2011-01-05,1\nB,2,2011-01-06,2,9\n`);
    const e = await failure(loadTransactions(wb, title));
    expect(e?.message).toMatch(/^title\.csv line 5 has 5 fields where the header has 4/);
  });
});

describe('headerSkip', () => {
  it('skips only short lines above the line with the usual field count', async () => {
    const { headerSkip } = await import('../../src/data/sniff.js');
    expect(headerSkip('sep=;\na;b;c\n1;2;3\n4;5;6\n', ';')).toBe(1);
    expect(headerSkip('Orders, 2011\n\na,b,c\n1,2,3\n', ',')).toBe(2);
    expect(headerSkip('a,b,c,d\n1,2,3,4\n\n\n5,6,7,8\n9,9,9,9,9\n', ',')).toBe(0);
    // a header narrower than its rows is not a title: never skipped
    expect(headerSkip('a,b,c\n1,2,3,4\n5,6,7,8\n', ',')).toBe(0);
    expect(headerSkip('a,b\n1,2\n', ',')).toBe(0);
  });
});
