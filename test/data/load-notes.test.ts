/**
 * Values the loader changes or sets aside by a rule, each told in the LoadReport: rows that disagree on
 * the decimal mark, ids that lose spaces, money text that is read (and only then claimed as read).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLines } from '../helpers/data.js';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import type { LoadReport } from '../../src/data/load-report.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-notes-')); });
afterEach(() => wb.close());

const file = (name: string, lines: readonly string[]): string => writeLines(dir, name, lines);
const amounts = async () => (await wb.query<{ amount: number }>('select amount from transactions order by source_row')).map((r) => r.amount);
const note = (r: LoadReport, text: string) => r.warnings.find((w) => w.includes(text));

describe('a column whose rows disagree on the decimal mark', () => {
  const mixed = 'Amounts in "amount" of mixed.csv hold values like 1.234 (row 2) and like 1,234 (row 3): one of the two marks separates thousands, ' +
    'and the rows disagree on which. The decimal point was used, so 1.234 was read as 1.234 and 1,234 as 1234. Check those rows, and pass decimal: \',\' or \'.\' to choose.';

  it('reads 1.234 and "1,234" by one stated rule in a comma-separated file, with both rows named', async () => {
    const r = await loadTransactions(wb, file('mixed.csv', ['customer_id,order_id,order_date,amount', 'A,1,2011-01-05,1.234', 'B,2,2011-01-06,"1,234"']));
    expect(await amounts()).toEqual([1.234, 1234]);
    expect(r.setAside).toEqual([]);
    expect(r.warnings).toContain(mixed);
  });

  it('does the same in a semicolon file', async () => {
    const r = await loadTransactions(wb, file('mixed.csv', ['customer_id;order_id;order_date;amount', 'A;1;2011-01-05;1.234', 'B;2;2011-01-06;1,234']));
    expect(await amounts()).toEqual([1.234, 1234]);
    expect(r.warnings).toContain(mixed);
  });

  it('sets aside a 3.25 among decimal commas instead of reading it as 325, and says so', async () => {
    const r = await loadTransactions(wb, file('eu.csv', ['klant;bestelling;datum;bedrag', 'A;1;2011-01-05;12,50', 'B;2;2011-01-06;3.25', 'C;3;2011-01-07;7,00', 'D;4;2011-01-08;1.234,50']));
    expect(await amounts()).toEqual([12.5, 7, 1234.5]);
    expect(r.setAside).toEqual([{ reason: 'unparseable_amount', count: 1, examples: [3] }]);
    expect(note(r, 'are read with a decimal comma')).toBe(
      'Amounts in "bedrag" of eu.csv are read with a decimal comma, but 1 row uses a decimal point (row 3); it was set aside as unreadable, ' +
      "not read 100 times too large or small. Fix that row, or pass decimal: '.' if most rows are the other way.");
  });

  it('sets aside a "12,50" among decimal points, with the note', async () => {
    const r = await loadTransactions(wb, file('us.csv', ['customer_id,order_id,order_date,amount', 'A,1,2011-01-05,12.50', 'B,2,2011-01-06,"12,50"', 'C,3,2011-01-07,3.25']));
    expect(await amounts()).toEqual([12.5, 3.25]);
    expect(r.setAside).toEqual([{ reason: 'unparseable_amount', count: 1, examples: [3] }]);
    expect(note(r, 'but 1 row uses a decimal comma (row 3)')).toBeDefined();
  });

  it('reads "2.000" as 2000 in a decimal-comma file whose first 5,000 rows are whole numbers', async () => {
    const rows = ['klant;bestelling;datum;bedrag'];
    for (let i = 0; i < 6000; i++) rows.push(`K${i % 30};B${i};2011-01-05;${1 + (i % 7)}`);
    rows.push('Y;y;2011-01-06;"2.000"', 'Z;z;2011-01-06;12,50');
    const r = await loadTransactions(wb, file('whole.csv', rows));
    expect((await amounts()).slice(-2)).toEqual([2000, 12.5]);
    expect(r.rowsLoaded).toBe(6002);
    expect(r.warnings).toContain('whole.csv uses a decimal comma (12,50); numbers were read accordingly.');
  });

  it('reads 1.234 as 1234 in a decimal-comma file without a note of disagreement (the documented rule)', async () => {
    const r = await loadTransactions(wb, file('nl.csv', ['klant;bestelling;datum;bedrag', 'A;1;2011-01-05;1.234', 'B;2;2011-01-06;12,50']));
    expect(await amounts()).toEqual([1234, 12.5]);
    expect(r.warnings.filter((w) => w.includes('disagree') || w.includes('set aside'))).toEqual([]);
  });
});

describe('customer ids with spaces around them', () => {
  it('merges ABC, "ABC ", " ABC" and ABC + no-break space into one customer and counts the rows', async () => {
    const r = await loadTransactions(wb, file('ids.csv', [
      'customer_id,order_id,order_date,amount', 'ABC,1,2011-01-05,1', 'ABC ,2,2011-01-06,2', ' ABC,3,2011-01-07,3', 'ABC\u00a0,4,2011-01-08,4',
      '\u2003XYZ\u200b,5,2011-01-09,5', 'XYZ,6,2011-01-10,6',
    ]));
    expect(r.customers).toBe(2);
    const ids = await wb.query<{ customer_id: string; n: number }>('select customer_id, count(*)::int as n from transactions group by 1 order by 1');
    expect(ids).toEqual([{ customer_id: 'ABC', n: 4 }, { customer_id: 'XYZ', n: 2 }]);
    expect(note(r, 'Customer ids')).toBe(
      'Customer ids in "customer_id" of ids.csv had spaces before or after them in 4 rows (rows 3, 4, 5, …; 2 ids); the spaces (also no-break ' +
      'and other Unicode spaces) were removed, so "ABC " and "ABC" are one customer. Fix the ids in the source if they are different customers.');
  });

  it('says nothing when no id had spaces', async () => {
    const r = await loadTransactions(wb, file('clean.csv', ['customer_id,order_id,order_date,amount', 'A,1,2011-01-05,1', 'B,2,2011-01-06,2']));
    expect(note(r, 'Customer ids')).toBeUndefined();
  });
});

describe('money text: read and noted, or set aside and not claimed', () => {
  it('reads euro signs and thousands written with ordinary, no-break and narrow no-break spaces', async () => {
    const r = await loadTransactions(wb, file('spaces.csv', [
      'klant;bestelling;datum;bedrag', 'A;1;2011-01-05;€ 12,50', 'B;2;2011-01-06;€\u00a012,50', 'C;3;2011-01-07;1 234,50', 'D;4;2011-01-08;1\u00a0234,50',
      'E;5;2011-01-09;1\u202f234,50', 'F;6;2011-01-10;3,00',
    ]));
    expect(await amounts()).toEqual([12.5, 12.5, 1234.5, 1234.5, 1234.5, 3]);
    expect(r.setAside).toEqual([]);
    expect(note(r, 'currency signs')).toBe(
      'Amounts in spaces.csv carry currency signs, codes, brackets or spaces (e.g. "€ 12,50", "€\u00a012,50", "1 234,50"); they were read without them, and an amount in brackets as negative.');
  });

  it('does not name as read a € 12,50 that a decimal-point file sets aside', async () => {
    const r = await loadTransactions(wb, file('point.csv', [
      'customer_id,order_id,order_date,amount', 'A,1,2011-01-05,"€ 12,50"', 'B,2,2011-01-06,$3.00', 'C,3,2011-01-07,4.25', 'D,4,2011-01-08,5.75',
    ]));
    expect(await amounts()).toEqual([3, 4.25, 5.75]);
    expect(r.setAside).toEqual([{ reason: 'unparseable_amount', count: 1, examples: [2] }]);
    expect(note(r, 'currency signs')).toBe('Amounts in point.csv carry currency signs, codes, brackets or spaces (e.g. "$3.00"); they were read without them, and an amount in brackets as negative.');
    expect(note(r, 'but 1 row uses a decimal comma (row 2)')).toBeDefined();
  });

  it('reads a bracketed amount after a currency sign as negative: € (12,50) = -12.5', async () => {
    const r = await loadTransactions(wb, file('brackets.csv', ['klant;bestelling;datum;bedrag', 'A;1;2011-01-05;€ (12,50)', 'B;2;2011-01-06;(€ 3,00)', 'C;3;2011-01-07;EUR 4,00']));
    expect(await amounts()).toEqual([-12.5, -3, 4]);
    expect(r.setAside).toEqual([]);
  });

  it('names as read only cells that were read: an unreadable one is set aside and left out of the examples', async () => {
    const r = await loadTransactions(wb, file('junk.csv', ['klant;bestelling;datum;bedrag', 'A;1;2011-01-05;€ abc', 'B;2;2011-01-06;€ 12,50', 'C;3;2011-01-07;4,00']));
    expect(await amounts()).toEqual([12.5, 4]);
    expect(r.setAside).toEqual([{ reason: 'unparseable_amount', count: 1, examples: [2] }]);
    expect(note(r, 'currency signs')).toContain('(e.g. "€ 12,50")');
  });
});
