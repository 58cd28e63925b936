import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diagnoseDelimited, readText } from '../../src/data/diagnose.js';
import { explainReadError } from '../../src/data/source.js';
import { WorkbenchError } from '../../src/errors.js';

describe('diagnoseDelimited', () => {
  it('finds the first line with more or fewer fields than the header, counting the header as line 1', () => {
    expect(diagnoseDelimited('a,b,c\n1,2,3\n4,5,6,7\n8,9\n', ',')).toEqual({ kind: 'fields', line: 3, found: 4, expected: 3 });
    expect(diagnoseDelimited('a;b;c\r\n1;2;3\r\n\r\n4;5\r\n', ';')).toEqual({ kind: 'fields', line: 4, found: 2, expected: 3 });
    expect(diagnoseDelimited('a\tb\r1\t2\r3\r', '\t')).toEqual({ kind: 'fields', line: 3, found: 1, expected: 2 });
  });

  it('counts a quoted delimiter, a doubled quote and a quoted line break as part of one value', () => {
    expect(diagnoseDelimited('a,b\n"1,5","say ""hi"""\n"two\nlines",3\n4,5', ',')).toBeUndefined();
    expect(diagnoseDelimited('a,b\n"two\nlines",3\n4,5,6\n', ',')).toEqual({ kind: 'fields', line: 4, found: 3, expected: 2 });
  });

  it('names the line where a quote opens and never closes, and a line with bytes that are not text', () => {
    expect(diagnoseDelimited('a,b\n1,2\n"3,4\n5,6\n', ',')).toEqual({ kind: 'quote', line: 3 });
    expect(diagnoseDelimited('a,b\n1,2\n3,\u0000\n', ',')).toEqual({ kind: 'not-text', line: 3 });
  });
});

describe('explainReadError', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swb-diagnose-'));
  const failed = (cause: string) => new WorkbenchError('QUERY_FAILED', `Query failed: ${cause}`);
  const sniffFail = 'Invalid Input Error: Error when sniffing file "x".\nIt was not possible to automatically detect the CSV parsing dialect';

  it('words a file with too many fields by its line and counts, never with DuckDB\'s text', () => {
    const path = join(dir, 'orders.csv');
    writeFileSync(path, 'customer_id,order_date,amount\nC1,2011-01-01,12,50\n');
    const e = explainReadError(failed(sniffFail), path, { format: 'csv', delimiter: ',' }) as WorkbenchError;
    expect(e.code).toBe('MALFORMED_FILE');
    expect(e.message).toMatch(/^orders\.csv line 2 has 4 fields where the header has 3: a value that holds the delimiter/);
    expect(e.details).toMatchObject({ line: 2 });
  });

  it('reads a gzip file and a UTF-16 file as text for the diagnosis', () => {
    const gz = join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync('a;b\n1;2\n3\n'));
    expect((explainReadError(failed(sniffFail), gz, { delimiter: ';' }) as Error).message).toMatch(/^orders\.csv\.gz line 3 has 1 field where the header has 2: a value is missing/);
    const u16 = join(dir, 'u16.csv');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]));
    expect(readText(u16)).toEqual({ text: 'a,b\n1,2\n', utf16: true });
    const e = explainReadError(failed(sniffFail), u16, { delimiter: ',', encoding: 'utf-16' }) as WorkbenchError;
    expect([e.code, e.message]).toEqual(['ENCODING', expect.stringMatching(/^u16\.csv is UTF-16 text and could not be read as a table\. Save it as UTF-8/)]);
  });

  it('names a value that is not a number, a damaged Parquet file and broken JSON in plain words', () => {
    const conv = 'Conversion Error: CSV Error on Line: 3\nOriginal Line: 4,x,6\nError when converting column "amount". Could not convert string "x" to \'DOUBLE\'';
    expect((explainReadError(failed(conv), join(dir, 'orders.csv')) as Error).message).toBe('orders.csv line 3: the value "x" in column "amount" is not a number. Fix the value or leave it empty.');
    expect((explainReadError(failed("Invalid Input Error: No magic bytes found at end of file 'p.parquet'"), join(dir, 'p.parquet')) as Error).message)
      .toMatch(/^p\.parquet is not a readable Parquet file: it is cut short, damaged, or not Parquet/);
    const json = 'Invalid Input Error: Malformed JSON in file "j.json", at byte 11 in line 3: unexpected end of data. ';
    expect((explainReadError(failed(json), join(dir, 'j.json')) as Error).message)
      .toBe('j.json is not valid JSON (at byte 11, record 3: the file ends in the middle of a value). Check that the file is complete and holds an array of objects or one object per line.');
  });

  it('keeps DuckDB\'s text out of the message but in details.cause, and passes other errors through', () => {
    const path = join(dir, 'fine.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const e = explainReadError(failed('Invalid Input Error: CSV Error on Line: 2\nMaximum line size of 2097152 bytes exceeded'), path, { delimiter: ',' }) as WorkbenchError;
    expect(e.message).toBe('fine.csv line 2 could not be read as a table of values separated by commas (a line is longer than 2 MB). Check that every line has one value per column of the header, that quotes (") come in pairs, and that the delimiter is the one the file uses.');
    expect(e.details['cause']).toMatch(/Maximum line size/);
    const other = new WorkbenchError('BAD_OPTION', 'x');
    expect(explainReadError(other, path)).toBe(other);
  });
});
