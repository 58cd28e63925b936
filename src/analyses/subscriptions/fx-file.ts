/**
 * The exchange-rates file of `--fx`: a small CSV (`,`, `;` or tab) with the columns currency, rate and an
 * optional date (also valuta, koers, datum), one rate per currency and date: the units of the report currency
 * per unit of that currency, from that date on. {@link parseFxRates} is pure; only {@link readFxRates} reads.
 * A bad value names the file, the line and the column.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WorkbenchError } from '../../errors.js';
import type { FxRate, FxRates } from './fx.js';
import { subscriptionMessages as m } from './messages.js';

const HEADERS: Readonly<Record<'currency' | 'rate' | 'date', readonly string[]>> = {
  currency: ['currency', 'valuta', 'munt'],
  rate: ['rate', 'koers', 'fx_rate', 'exchange_rate'],
  date: ['date', 'datum', 'valid_from', 'from'],
};

/** The cells of one line, quotes ("a;b", "" for a quote) honoured. */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

const bad = (file: string, message: string, line?: number, column?: string) =>
  new WorkbenchError('MALFORMED_FILE', message, { file, ...(line ? { line } : {}), ...(column ? { column } : {}) });

/** A rate as written: 0.8573, or 0,8573 in a file not delimited by commas; above 0. */
function rateOf(text: string, delimiter: string): number {
  const plain = delimiter === ',' ? text : text.replace(',', '.');
  return /^\d+(\.\d+)?$|^\.\d+$/.test(plain) ? Number(plain) : NaN;
}

/**
 * The rates of a rates file's text into `currency` (the report currency).
 * @example parseFxRates('currency,rate\nUSD,0.92\nGBP,1.17\n', { file: 'rates.csv', currency: 'EUR' })
 */
export function parseFxRates(text: string, options: { file: string; currency: string }): FxRates {
  const { file } = options;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes('\t') ? '\t' : header.includes(';') ? ';' : ',';
  const names = cells(header, delimiter).map((h) => h.toLowerCase());
  const at = (field: keyof typeof HEADERS) => names.findIndex((n) => HEADERS[field].includes(n));
  const [currencyAt, rateAt, dateAt] = [at('currency'), at('rate'), at('date')];
  if (currencyAt < 0 || rateAt < 0) throw bad(file, m.fxFileHeader(file, names));
  const rates: FxRate[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '') continue;
    const row = cells(line, delimiter);
    const currency = (row[currencyAt] ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw bad(
        file,
        m.fxFileCell(file, i + 1, names[currencyAt] ?? 'currency', row[currencyAt] ?? '', 'code'),
        i + 1,
        'currency',
      );
    const rate = rateOf(row[rateAt] ?? '', delimiter);
    if (!Number.isFinite(rate) || rate <= 0)
      throw bad(file, m.fxFileCell(file, i + 1, names[rateAt] ?? 'rate', row[rateAt] ?? '', 'rate'), i + 1, 'rate');
    const dateText = dateAt < 0 ? '' : (row[dateAt] ?? '');
    const date = dateText === '' ? undefined : new Date(`${dateText}T00:00:00Z`);
    if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || Number.isNaN(date.getTime())))
      throw bad(file, m.fxFileCell(file, i + 1, names[dateAt] ?? 'date', dateText, 'date'), i + 1, 'date');
    const twice = rates.find((r) => r.currency === currency && r.date?.getTime() === date?.getTime());
    if (twice) throw bad(file, m.fxFileTwice(file, i + 1, currency, dateText), i + 1);
    rates.push({ currency, rate, ...(date ? { date } : {}) });
  }
  if (rates.length === 0) throw bad(file, m.fxFileEmpty(file));
  return { currency: options.currency, rates, file };
}

/**
 * Read a rates file (see {@link parseFxRates}) into `currency`.
 * @example const fx = readFxRates('rates.csv', 'EUR'); await mrrMovements(wb, { fx });
 */
export function readFxRates(path: string, currency: string): FxRates {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new WorkbenchError('FILE_NOT_FOUND', m.fxFileNotRead(path, e instanceof Error ? e.message : String(e)), {
      file: path,
    });
  }
  return parseFxRates(text, { file: basename(path), currency });
}
