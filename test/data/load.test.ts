import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import { isWorkbenchError, WorkbenchError } from '../../src/errors.js';
import { available, CDNOW_MASTER, CDNOW_SAMPLE, fixture, ONLINE_RETAIL, ONLINE_RETAIL_II } from '../helpers/data.js';

let wb: Workbench;
beforeEach(async () => { wb = await Workbench.open(); });
afterEach(() => wb.close());

const count = (reason: string, r: { setAside: Array<{ reason: string; count: number }> }) =>
  r.setAside.find((s) => s.reason === reason)?.count ?? 0;

async function loadError(path: string, options = {}): Promise<WorkbenchError> {
  try {
    await loadTransactions(wb, path, options);
  } catch (e) {
    if (isWorkbenchError(e)) return e;
    throw e;
  }
  throw new Error('expected the load to fail');
}

// Expected figures were computed independently with Python's csv module over the raw file
// (rows without CustomerID; Quantity × UnitPrice = 0; exact duplicate rows among the rest).
describe('loadTransactions on Online Retail (bundled)', () => {
  it('reads, sets aside and loads the verified row counts', async () => {
    const r = await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    expect(r.rowsRead).toBe(541_909);
    expect(count('missing_customer_id', r)).toBe(135_080);
    expect(count('zero_amount', r)).toBe(40);
    expect(count('duplicate', r)).toBe(5_225);
    expect(r.rowsLoaded).toBe(401_564);
    expect(r.customers).toBe(4_371);
    expect(r.orders).toBe(22_186);
    expect(r.dateRange?.first.toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(r.dateRange?.last.toISOString()).toBe('2011-12-09T12:50:00.000Z');
    expect(r.sha256).toBe('49957b05e60c2650740be37d4dd3bed18dc7916ba30a0f9204889b7b64d75509');
    expect(r.columns).toContainEqual({ field: 'amount', source: 'Quantity × UnitPrice' });
    // row numbers are file lines (header = line 1): line 624 is the first row without a customer
    expect(r.setAside[0]?.examples[0]).toBe(624);
    const [returns] = await wb.query<{ n: number }>('select count(*) as n from transactions where is_return');
    expect(returns?.n).toBe(8_872);
  });

  it('sets cancellations aside when returns are excluded', async () => {
    const r = await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail', returns: 'exclude' });
    // 8,905 cancellation rows have a customer and a non-zero amount; 33 of them are exact duplicates,
    // which is why 8,872 remain when returns are netted in.
    expect(count('cancellation_excluded', r)).toBe(8_905);
    expect(count('duplicate', r)).toBe(5_225 - 33);
    expect(r.rowsLoaded).toBe(401_564 - 8_872);
  });
});

describe.runIf(available(ONLINE_RETAIL_II, 'Online Retail II tests'))('loadTransactions on Online Retail II', () => {
  it('reads, sets aside and loads the verified row counts', async () => {
    const r = await loadTransactions(wb, ONLINE_RETAIL_II, { preset: 'online-retail-ii' });
    expect(r.rowsRead).toBe(525_461);
    expect(count('missing_customer_id', r)).toBe(107_927);
    expect(count('zero_amount', r)).toBe(31);
    expect(count('duplicate', r)).toBe(6_771);
    expect(r.rowsLoaded).toBe(410_732);
    expect(r.customers).toBe(4_381);
    expect(r.orders).toBe(23_585);
    expect(r.dateRange?.first.toISOString()).toBe('2009-12-01T07:45:00.000Z');
    expect(r.dateRange?.last.toISOString()).toBe('2010-12-09T20:01:00.000Z');
  });
});

describe.runIf(available(CDNOW_MASTER, 'CDNOW tests'))('loadTransactions on CDNOW', () => {
  it('reads the whitespace-separated master file with YYYYMMDD dates', async () => {
    const r = await loadTransactions(wb, CDNOW_MASTER, { preset: 'cdnow' });
    expect(r.rowsRead).toBe(69_659);
    expect(r.rowsLoaded).toBe(69_659);
    expect(r.setAside).toEqual([]);
    expect(r.customers).toBe(23_570);
    expect(r.dateRange?.first.toISOString()).toBe('1997-01-01T00:00:00.000Z');
    expect(r.dateRange?.last.toISOString()).toBe('1998-06-30T00:00:00.000Z');
    const [first] = await wb.query('select customer_id, amount, quantity from transactions order by source_row limit 1');
    expect(first).toEqual({ customer_id: '00001', amount: 11.77, quantity: 1 });
  });

  it('reads the headerless 1/10 sample with the sample id as customer', async () => {
    const r = await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
    expect(r.rowsRead).toBe(6_919);
    expect(r.customers).toBe(2_357);
  });
});

describe('European CSV', () => {
  it('loads to the same table as its plain twin (; delimiter, decimal comma, dd-mm-yyyy, BOM, Dutch headers)', async () => {
    const cols = 'customer_id, order_id, order_date, amount, country';
    await loadTransactions(wb, fixture('orders-plain.csv'));
    const plain = await wb.query(`select ${cols} from transactions order by source_row`);
    const r = await loadTransactions(wb, fixture('orders-european.csv'));
    const european = await wb.query(`select ${cols} from transactions order by source_row`);
    expect(european).toEqual(plain);
    expect(plain[1]).toMatchObject({ customer_id: '2', amount: 1234.5 });
    expect(r.columns.map((c) => c.source)).toEqual(['Klantnummer', 'Bestelnummer', 'Datum', 'Bedrag', 'Land']);
  });

  it('reads Latin-1 text correctly and says so', async () => {
    const r = await loadTransactions(wb, fixture('orders-latin1.csv'));
    expect(r.warnings.join(' ')).toMatch(/Latin-1/);
    expect(r.rowsLoaded).toBe(2);
  });
});

describe('Parquet and JSON', () => {
  it('load to the same table as the CSV they were written from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-'));
    await wb.run(`copy (select * from read_csv($p, all_varchar = true)) to '${join(dir, 'o.parquet')}' (format parquet)`, { p: fixture('orders-plain.csv') });
    writeFileSync(join(dir, 'o.ndjson'), [
      { customer_id: 1, order_id: 'A1', order_date: '2011-02-01', amount: 12.5, country: 'Netherlands' },
      { customer_id: 2, order_id: 'A2', order_date: '2011-02-13', amount: 1234.5, country: 'Belgium' },
      { customer_id: 1, order_id: 'A3', order_date: '2011-03-05', amount: -2.25, country: 'Netherlands' },
      { customer_id: 3, order_id: 'A4', order_date: '2011-03-06', amount: 99.99, country: 'Germany' },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const cols = 'customer_id, order_id, order_date, amount, country';
    await loadTransactions(wb, fixture('orders-plain.csv'));
    const plain = await wb.query(`select ${cols} from transactions order by order_id`);
    const pq = await loadTransactions(wb, join(dir, 'o.parquet'));
    expect(pq.format).toBe('parquet');
    expect(await wb.query(`select ${cols} from transactions order by order_id`)).toEqual(plain);
    const js = await loadTransactions(wb, join(dir, 'o.ndjson'));
    expect(js.format).toBe('json');
    expect(await wb.query(`select ${cols} from transactions order by order_id`)).toEqual(plain);
  });
});

describe('bad input', () => {
  it('names a missing file', async () => {
    const e = await loadError('no/such/file.csv');
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toContain('no/such/file.csv');
  });
  it('says an empty file is empty', async () => {
    const e = await loadError(fixture('empty.csv'));
    expect(e.code).toBe('EMPTY_FILE');
    expect(e.message).toMatch(/empty\.csv is empty/);
  });
  it('says a header-only file has no data rows and lists its columns', async () => {
    const e = await loadError(fixture('header-only.csv'), { preset: 'online-retail' });
    expect(e.code).toBe('HEADER_ONLY');
    expect(e.message).toContain('"CustomerID"');
  });
  it('lists the columns found and the field expected when nothing maps to customer_id', async () => {
    const e = await loadError(fixture('no-customer.csv'));
    expect(e.code).toBe('MISSING_FIELD');
    expect(e.message).toBe('No column maps to customer_id in no-customer.csv (columns: "id", "email", "total"). Pass mapping: { customerId: \'…\' } or a preset.');
  });
  it('names a mapping column that is not in the file', async () => {
    const e = await loadError(fixture('orders-plain.csv'), { mapping: { customerId: 'Klant' } });
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.message).toContain('customerId: "Klant"');
    expect(e.message).toContain('"customer_id", "order_id"');
  });
  it('shows examples and the formats tried when most dates cannot be read', async () => {
    const e = await loadError(fixture('bad-dates.csv'));
    expect(e.code).toBe('BAD_DATES');
    expect(e.message).toContain('"yesterday" (row 2)');
    expect(e.message).toContain('Formats tried');
  });
  it('says a malformed CSV cannot be read and what to check', async () => {
    const e = await loadError(fixture('malformed.csv'));
    expect(e.code).toBe('MALFORMED_FILE');
    // line 3 is `2,"2011-01-02,6`: the quote is never closed (line 4 also has 5 fields, but the quote comes first)
    expect(e.message).toBe('malformed.csv line 3 opens a quote (") that is never closed, so everything after it would be one value. Close or remove that quote.');
  });
  it('names the known presets for an unknown one', async () => {
    const e = await loadError(fixture('orders-plain.csv'), { preset: 'shopify' });
    expect(e.code).toBe('UNKNOWN_PRESET');
    expect(e.message).toContain('"online-retail"');
  });
  it('treats a hostile header as an ordinary column name', async () => {
    const r = await loadTransactions(wb, fixture('hostile-header.csv'));
    expect(r.rowsLoaded).toBe(1);
    expect(r.warnings.join(' ')).toContain('DROP TABLE');
    expect(await wb.hasTable('transactions')).toBe(true);
  });
  it('leaves the previous tables as they were when a load fails', async () => {
    await loadTransactions(wb, fixture('orders-plain.csv'));
    await loadError(fixture('bad-dates.csv'));
    const [row] = await wb.query<{ n: number }>('select count(*) as n from transactions');
    expect(row?.n).toBe(4);
    const temps = await wb.query("select table_name from information_schema.tables where table_name like '_swb%'");
    expect(temps).toEqual([]);
  });
});
