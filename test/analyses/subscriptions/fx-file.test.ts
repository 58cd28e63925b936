/** parseFxRates / readFxRates: the rates file of --fx, and its mistakes named by file, line and column. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../../src/errors.js';
import { parseFxRates, readFxRates } from '../../../src/analyses/subscriptions/index.js';

const parse = (text: string) => parseFxRates(text, { file: 'rates.csv', currency: 'EUR' });
const message = (text: string): string => {
  try {
    parse(text);
  } catch (e) {
    if (isWorkbenchError(e, 'MALFORMED_FILE')) return e.message;
    throw e;
  }
  throw new Error('parsed');
};

describe('the rates file', () => {
  it('reads currency and rate, with or without a date, comma- or semicolon-delimited', () => {
    expect(parse('currency,rate\nusd,0.9\nGBP,1.15\n')).toEqual({
      currency: 'EUR',
      file: 'rates.csv',
      rates: [
        { currency: 'USD', rate: 0.9 },
        { currency: 'GBP', rate: 1.15 },
      ],
    });
    const dutch = parse('\uFEFFvaluta;koers;datum\r\nUSD;0,9;2024-01-01\r\nUSD;0,8;2024-02-01\r\n');
    expect(dutch.rates).toEqual([
      { currency: 'USD', rate: 0.9, date: new Date('2024-01-01T00:00:00Z') },
      { currency: 'USD', rate: 0.8, date: new Date('2024-02-01T00:00:00Z') },
    ]);
  });

  it('names the file, line and column of a bad value', () => {
    expect(message('currency,rate,date\nUSD,0.9,\nGBP,1.1x,\n')).toBe(
      'rates.csv line 3, column rate: "1.1x" is not a rate above 0 (units of the report currency per unit of the currency, e.g. 0.92).',
    );
    expect(message('currency,rate,date\nUSD,0.9,01-02-2024\n')).toBe(
      'rates.csv line 2, column date: "01-02-2024" is not a date as YYYY-MM-DD (or leave it empty for a rate that holds every day).',
    );
    expect(message('currency,rate\nDollar,0.9\n')).toContain(
      'rates.csv line 2, column currency: "Dollar" is not an ISO 4217',
    );
    expect(message('currency,rate\nUSD,0\n')).toContain('line 2, column rate: "0"');
    expect(message('currency,rate\nUSD,0.9\nUSD,0.8\n')).toBe(
      'rates.csv line 3: USD has a rate without a date on an earlier line; give one rate per currency and date.',
    );
    expect(message('code,value\nUSD,0.9\n')).toMatch(
      /^rates.csv: the first line names no currency and rate columns \(found: code, value\)/,
    );
    expect(message('currency,rate\n')).toBe(
      'rates.csv has a header but no rates; add a line currency,rate[,date] per currency.',
    );
  });

  it('reads a file, and says when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-fx-'));
    try {
      writeFileSync(join(dir, 'fx.csv'), 'currency,rate\nUSD,0.9\n');
      expect(readFxRates(join(dir, 'fx.csv'), 'EUR')).toMatchObject({
        file: 'fx.csv',
        rates: [{ currency: 'USD', rate: 0.9 }],
      });
      expect(() => readFxRates(join(dir, 'none.csv'), 'EUR')).toThrow(/^Cannot read the rates file .*none\.csv/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
