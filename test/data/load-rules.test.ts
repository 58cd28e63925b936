/**
 * The loader's rules for values that are not data and for ambiguous text: each ends in a correct number,
 * a set-aside reason with examples, or a warning in the LoadReport — never silence.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLines } from '../helpers/data.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import type { LoadReport } from '../../src/data/load-report.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-rules-')); });
afterEach(() => wb.close());

const file = (name: string, lines: readonly string[]): string => writeLines(dir, name, lines);
const setAside = (r: LoadReport, reason: string) => r.setAside.find((s) => s.reason === reason);
const amounts = async () => (await wb.query<{ amount: number }>('select amount from transactions order by source_row')).map((r) => r.amount);

describe('amounts that are not money', () => {
  it('sets aside infinite, NaN and too large amounts with their own reason and row numbers', async () => {
    const r = await loadTransactions(wb, file('inf.csv', [
      'customer_id,order_id,order_date,amount',
      'A,1,2011-01-05,10.00', 'A,2,2011-01-06,Infinity', 'B,3,2011-01-07,-inf', 'B,4,2011-01-08,NaN', 'C,5,2011-01-09,1e308', 'C,6,2011-01-10,12.50',
    ]));
    expect(setAside(r, 'invalid_amount')).toEqual({ reason: 'invalid_amount', count: 4, examples: [3, 4, 5, 6] });
    expect(r.rowsLoaded).toBe(2);
    expect(await amounts()).toEqual([10, 12.5]);
  });
});

describe('dates far outside the data\'s period', () => {
  it('sets aside placeholder years and a lone far-future order, so the period and as-of stay the data\'s', async () => {
    const rows = ['customer_id,order_id,order_date,amount'];
    for (let i = 1; i <= 8; i++) rows.push(`C${i},O${i},2011-0${1 + (i % 9)}-1${i % 9},${10 * i}.00`);
    rows.push('X,O9,0001-01-01,5.00', 'Y,O10,9999-12-31,5.00', 'Z,O11,2100-03-01,5.00');
    const r = await loadTransactions(wb, file('far.csv', rows));
    expect(setAside(r, 'date_out_of_range')).toEqual({ reason: 'date_out_of_range', count: 3, examples: [10, 11, 12] });
    expect(r.rowsLoaded).toBe(8);
    expect(r.dateRange?.first.toISOString().slice(0, 10)).toBe('2011-02-11');
    expect(r.dateRange?.last.toISOString().slice(0, 10)).toBe('2011-09-18');
  });

  it('keeps a long history without gaps', async () => {
    const rows = ['customer_id,order_id,order_date,amount'];
    for (let y = 2000; y <= 2011; y++) rows.push(`C${y},O${y},${y}-06-01,10.00`);
    const r = await loadTransactions(wb, file('long.csv', rows));
    expect(setAside(r, 'date_out_of_range')).toBeUndefined();
    expect(r.rowsLoaded).toBe(12);
  });
});

describe('amounts written as money', () => {
  it('reads euro signs, decimal commas, thousands dots and accounting brackets, with a note', async () => {
    const r = await loadTransactions(wb, file('euro.csv', [
      'klant;bestelling;datum;bedrag', 'A;1;05-01-2011;€ 12,50', 'A;2;06-01-2011;€ 1.234,50', 'B;3;07-01-2011;(12,50)', 'B;4;08-01-2011;7,25 EUR',
    ]));
    expect(await amounts()).toEqual([12.5, 1234.5, -12.5, 7.25]);
    expect(r.setAside).toEqual([]);
    expect(r.warnings.some((w) => w.includes('currency signs') && w.includes('€ 12,50'))).toBe(true);
  });

  it('reads dollar signs, thousands commas and currency codes', async () => {
    const r = await loadTransactions(wb, file('usd.csv', [
      'customer_id,order_id,order_date,amount', 'A,1,2011-01-05,"$1,234.50"', 'A,2,2011-01-06,12.50 USD', 'B,3,2011-01-07,($3.00)', 'B,4,2011-01-08,5',
    ]));
    expect(await amounts()).toEqual([1234.5, 12.5, -3, 5]);
    expect(r.rowsLoaded).toBe(4);
    expect(r.warnings.some((w) => w.includes('"$1,234.50"'))).toBe(true);
  });
});

describe('day/month order of dates', () => {
  it('lets a later row settle a sample that fits both, and does not warn', async () => {
    const rows = ['customer_id,order_id,order_date,amount'];
    for (let i = 0; i < 6000; i++) rows.push(`C${i % 50},O${i},12/${1 + (i % 9)}/2010 8:26,1.00`);
    rows.push('Z,late,12/13/2010 9:00,2.00');
    const r = await loadTransactions(wb, file('us.csv', rows));
    expect(setAside(r, 'unparseable_date')).toBeUndefined();
    expect(r.rowsLoaded).toBe(6001);
    expect(r.dateRange?.last.toISOString()).toBe('2010-12-13T09:00:00.000Z');
    expect(r.warnings.some((w) => w.includes('fit both'))).toBe(false);
  });

  it('warns when no row of the file tells day from month', async () => {
    const r = await loadTransactions(wb, file('open.csv', [
      'customer_id,order_id,order_date,amount', 'A,1,03-04-2011,1.00', 'B,2,05-06-2011,2.00',
    ]));
    expect(r.warnings.some((w) => w.includes('fit both'))).toBe(true);
    expect(r.dateRange?.first.toISOString().slice(0, 10)).toBe('2011-04-03');
  });
});

describe('encodings and damaged files', () => {
  const header = 'customer_id,order_id,order_date,amount,city';
  it('reads a file whose first accent comes after the sniffed head as Latin-1, with the note', async () => {
    const rows = [header];
    for (let i = 0; i < 8000; i++) rows.push(`C${i % 40},O${i},2011-01-0${1 + (i % 9)},1.00,Amsterdam`);
    rows.push('Z,late,2011-01-09,2.00,Zürich');
    const path = join(dir, 'late.csv');
    writeFileSync(path, Buffer.from(rows.join('\n') + '\n', 'latin1'));
    const r = await loadTransactions(wb, path);
    expect(r.rowsLoaded).toBe(8001);
    expect(r.warnings.some((w) => w.includes('Latin-1'))).toBe(true);
  });

  it('reads UTF-16 text', async () => {
    const path = join(dir, 'utf16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\nA,1,2011-01-05,12.50,Zürich\nB,2,2011-01-06,3.00,Gent\n`, 'utf16le')]));
    const r = await loadTransactions(wb, path);
    expect(r.rowsLoaded).toBe(2);
    expect(await amounts()).toEqual([12.5, 3]);
  });

  it('names UTF-16 big-endian text as such (with or without its byte-order mark), not as a binary file', async () => {
    const text = Buffer.from(`${header}\nA,1,2011-01-05,12.50,Gent\nB,2,2011-01-06,3.00,Gent\n`, 'utf16le').swap16();
    for (const [name, bytes] of [['be.csv', text], ['be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), text])]] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const e = await loadTransactions(wb, path).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'ENCODING' });
      expect((e as Error).message).toBe(`${name} is UTF-16 big-endian text, which the reader does not take (it reads UTF-8, UTF-16 little-endian and Latin-1). Save it as UTF-8 (in Excel: CSV UTF-8) and load that file.`);
    }
  });

  it('names a binary file and a truncated gzip file as such', async () => {
    const bin = join(dir, 'orders.csv');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42]));
    await expect(loadTransactions(wb, bin)).rejects.toThrow(/not a text table/);
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync(Buffer.from(`${header}\n${'A,1,2011-01-05,12.50,Gent\n'.repeat(20000)}`));
    const cut = join(dir, 'cut.csv.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(loadTransactions(wb, cut)).rejects.toThrow(/damaged or truncated gzip/);
  });
});

describe('a dot before three digits', () => {
  it('is read as thousands when a later row of the file shows decimal commas', async () => {
    const rows = ['klant;bestelling;datum;bedrag'];
    for (let i = 0; i < 6000; i++) rows.push(`K${i % 30};B${i};05-01-2011;1.234`);
    rows.push('Z;laatste;06-01-2011;12,50');
    const r = await loadTransactions(wb, file('dots.csv', rows));
    expect((await amounts()).slice(0, 1)).toEqual([1234]);
    expect((await amounts()).at(-1)).toBe(12.5);
    expect(r.warnings.some((w) => w.includes('no row tells'))).toBe(false);
  });

  it('warns when no row tells thousands from decimals', async () => {
    const r = await loadTransactions(wb, file('open-dots.csv', ['klant;bestelling;datum;bedrag', 'A;1;05-01-2011;1.234', 'B;2;06-01-2011;2.500']));
    expect(await amounts()).toEqual([1.234, 2.5]);
    expect(r.warnings.some((w) => w.includes('"1.234"') && w.includes('no row tells'))).toBe(true);
  });
});

describe('a negative unit price', () => {
  it('is set aside as negative_price, so −2 × −10 is not a purchase of 20', async () => {
    const r = await loadTransactions(wb, file('price.csv', [
      'customer_id,order_id,order_date,quantity,unit_price', 'A,1,2011-01-05,-2,-10', 'B,2,2011-01-06,2,10', 'C,3,2011-01-07,-1,4.50', 'D,4,2011-01-08,3,-1.00',
    ]));
    expect(setAside(r, 'negative_price')).toEqual({ reason: 'negative_price', count: 2, examples: [2, 5] });
    expect(await amounts()).toEqual([20, -4.5]);
    expect(r.rowsLoaded).toBe(2);
  });
});

describe('a header line repeated in the middle of the file', () => {
  it('is set aside as repeated_header, not as an unreadable date', async () => {
    const r = await loadTransactions(wb, file('joined.csv', [
      'customer_id,order_id,order_date,amount', 'A,1,2011-01-05,1.00', 'customer_id,order_id,order_date,amount', 'B,2,2011-01-06,2.00',
      ' customer_id , order_id , order_date , amount ', 'C,3,2011-01-07,3.00',
    ]));
    expect(r.setAside).toEqual([{ reason: 'repeated_header', count: 2, examples: [3, 5] }]);
    expect(r.rowsRead).toBe(5);
    expect(await amounts()).toEqual([1, 2, 3]);
  });
});

describe('line numbers after blank lines and line breaks in quoted cells', () => {
  it('names the lines a user finds in an editor', async () => {
    const r = await loadTransactions(wb, file('concat.csv', [
      'customer_id,order_id,order_date,amount', 'A,1,2011-01-05,1.00', '', 'customer_id,order_id,order_date,amount', 'B,2,2011-01-06,2.00',
      '"C', 'C",3,2011-01-07,n/a', '', 'D,4,2011-01-08,x',
    ]));
    expect(r.setAside).toEqual([
      { reason: 'repeated_header', count: 1, examples: [4] },
      { reason: 'unparseable_amount', count: 2, examples: [6, 9] },
    ]);
  });
});
