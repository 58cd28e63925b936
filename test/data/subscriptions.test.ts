/**
 * loadSubscriptions: every set-aside reason with its count and line numbers, MRR from a price per billing
 * interval, Dutch CSV, and errors that name the file and its columns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLines } from '../helpers/data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { dataQualitySection } from '../../src/report/sections/data-quality.js';
import { loadSubscriptions } from '../../src/data/subscriptions.js';
import type { LoadReport } from '../../src/data/load-report.js';
import { formatLoadReport } from '../../src/cli/load-report-text.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-subs-')); });
afterEach(() => wb.close());

const file = (name: string, lines: readonly string[]): string => writeLines(dir, name, lines);
const setAside = (r: LoadReport) => Object.fromEntries(r.setAside.map((s) => [s.reason, { count: s.count, rows: s.examples }]));
type Sub = { subscription_id: string; customer_id: string; plan: string | null; start: string; end: string | null; mrr: number; currency: string | null };
const rows = async () => wb.query<Sub>(`select subscription_id, customer_id, plan, strftime(start_date, '%Y-%m-%d') as start,
  strftime(end_date, '%Y-%m-%d') as "end", mrr, currency from subscriptions`);

const HEADER = 'subscription_id,customer_id,plan,start_date,end_date,price,interval,currency,country';
const DIRTY = [
  HEADER,
  'S1,C1,basic,2023-01-01,2023-03-01,19,month,EUR,NL', //        2 kept
  'S1,C1,pro,2023-03-01,,49,month,EUR,NL', //                    3 kept: plan change on the day the previous period ended
  'S2,C2,pro,2023-02-01,,588,year,EUR,DE', //                    4 kept: 588 / 12 = 49
  'S3,,basic,2023-01-01,,19,month,EUR,NL', //                    5 missing_customer_id
  ',C3,basic,2023-01-01,,19,month,EUR,NL', //                    6 missing_subscription_id
  'S4,C4,basic,2023-13-45,,19,month,EUR,NL', //                  7 unparseable_date (start)
  'S5,C5,basic,2023-01-01,someday,19,month,EUR,NL', //           8 unparseable_date (end given, not a date)
  'S6,C6,basic,2023-05-01,2023-04-01,19,month,EUR,NL', //        9 end_before_start
  'S7,C7,basic,2023-05-01,2023-05-01,19,month,EUR,NL', //       10 end_before_start (zero days)
  'S8,C8,basic,2023-01-01,,n/a,month,EUR,NL', //                11 unparseable_amount
  'S9,C9,basic,2023-01-01,,19,fortnight,EUR,NL', //             12 invalid_interval
  'S10,C10,basic,2023-01-01,,-19,month,EUR,NL', //              13 negative_mrr
  'S1,C1,pro,2023-02-01,2023-04-01,49,month,EUR,NL', //         14 overlapping_period: starts before line 2 ends
  'S2,C2,pro,2023-02-01,,588,year,EUR,DE', //                   15 duplicate of line 4
  'S11,C11,business,2023-01-15,,149,quarter,,FR', //            16 kept: 149 / 3 = 49.6667, no currency
  'S12,C12,basic,2023-01-01,2024-01-01,10,week,EUR,BE', //      17 kept: 10 × 52 / 12 = 43.3333
  'S13,C13,basic,2023-01-01,,0,month,EUR,BE', //                18 kept: a free period (MRR 0)
  'S14,C12,basic,2023-06-01,,10,WEEKLY,EUR,BE', //              19 kept: a second subscription of C12 at the same time
];

describe('loadSubscriptions set-aside rules', () => {
  it('sets aside each kind of bad row with its reason, count and line numbers, and keeps the rest', async () => {
    const r = await loadSubscriptions(wb, file('subs.csv', DIRTY));
    expect(setAside(r)).toEqual({
      missing_customer_id: { count: 1, rows: [5] },
      missing_subscription_id: { count: 1, rows: [6] },
      unparseable_date: { count: 2, rows: [7, 8] },
      end_before_start: { count: 2, rows: [9, 10] },
      unparseable_amount: { count: 1, rows: [11] },
      invalid_interval: { count: 1, rows: [12] },
      negative_mrr: { count: 1, rows: [13] },
      overlapping_period: { count: 1, rows: [14] },
      duplicate: { count: 1, rows: [15] },
    });
    expect(r.setAside.map((s) => s.reason)).toEqual([
      'missing_customer_id', 'missing_subscription_id', 'unparseable_date', 'end_before_start', 'unparseable_amount', 'invalid_interval',
      'negative_mrr', 'overlapping_period', 'duplicate',
    ]);
    expect([r.rowsRead, r.rowsLoaded, r.customers, r.subscriptions]).toEqual([18, 7, 5, 6]);
    expect(r.dateRange?.first.toISOString().slice(0, 10)).toBe('2023-01-01');
    expect(r.dateRange?.last.toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(await rows()).toEqual([
      { subscription_id: 'S1', customer_id: 'C1', plan: 'basic', start: '2023-01-01', end: '2023-03-01', mrr: 19, currency: 'EUR' },
      { subscription_id: 'S1', customer_id: 'C1', plan: 'pro', start: '2023-03-01', end: null, mrr: 49, currency: 'EUR' },
      { subscription_id: 'S11', customer_id: 'C11', plan: 'business', start: '2023-01-15', end: null, mrr: 49.6667, currency: null },
      { subscription_id: 'S12', customer_id: 'C12', plan: 'basic', start: '2023-01-01', end: '2024-01-01', mrr: 43.3333, currency: 'EUR' },
      { subscription_id: 'S14', customer_id: 'C12', plan: 'basic', start: '2023-06-01', end: null, mrr: 43.3333, currency: 'EUR' },
      { subscription_id: 'S13', customer_id: 'C13', plan: 'basic', start: '2023-01-01', end: null, mrr: 0, currency: 'EUR' },
      { subscription_id: 'S2', customer_id: 'C2', plan: 'pro', start: '2023-02-01', end: null, mrr: 49, currency: 'EUR' },
    ]);
    expect(formatLoadReport(r)).toContain('period overlaps an earlier period of the same subscription (rows 14)');
  });

  it('gives the canonical column types and keeps the other source columns as loaded', async () => {
    await loadSubscriptions(wb, file('subs.csv', DIRTY));
    const cols = await wb.query<{ column_name: string; column_type: string }>('describe subscriptions');
    expect(cols.map((c) => `${c.column_name} ${c.column_type}`)).toEqual([
      'subscription_id VARCHAR', 'customer_id VARCHAR', 'plan VARCHAR', 'start_date DATE', 'end_date DATE', 'mrr DECIMAL(18,4)',
      'currency VARCHAR', 'price VARCHAR', 'interval VARCHAR', 'country VARCHAR',
    ]);
  });

  it('takes MRR from a yearly price as price / 12 exactly, summed to the cent', async () => {
    const r = await loadSubscriptions(wb, file('yearly.csv', [
      'sub_id,customer,product,started_at,cancelled_at,amount,billing_period',
      'A,1,pro,2023-01-01,,588.00,annual', 'B,2,basic,2023-01-01,,228,yearly', 'C,3,basic,2023-01-01,,100,year',
    ]));
    expect(r.columns.find((c) => c.field === 'mrr')?.source).toBe('amount ÷ months of billing_period');
    const mrr = await wb.query<{ subscription_id: string; mrr: number }>('select subscription_id, mrr from subscriptions order by 1');
    expect(mrr).toEqual([{ subscription_id: 'A', mrr: 49 }, { subscription_id: 'B', mrr: 19 }, { subscription_id: 'C', mrr: 8.3333 }]);
    const [sum] = await wb.query<{ total: string }>('select sum(mrr)::varchar as total from subscriptions');
    expect(sum?.total).toBe('76.3333');
  });

  it('keeps a plan change after a bad overlapping row', async () => {
    const r = await loadSubscriptions(wb, file('chain.csv', [
      'subscription_id,customer_id,start,end,mrr',
      'S,C,2023-01-01,2023-03-01,10', 'S,C,2023-02-01,2023-04-01,10', 'S,C,2023-03-01,,20', 'S,C,2023-05-01,,30',
    ]));
    // line 5 starts inside the running period of line 4 at another price: a price change written without an end
    expect(setAside(r)).toEqual({ overlapping_period: { count: 1, rows: [3] }, price_change_in_period: { count: 1, rows: [5] } });
    expect((await rows()).map((s) => [s.start, s.end, s.mrr])).toEqual([['2023-01-01', '2023-03-01', 10], ['2023-03-01', null, 20]]);
  });

  it('sets aside a price change inside a period apart from other overlaps, and counts each', async () => {
    const r = await loadSubscriptions(wb, file('price.csv', [
      'subscription_id,customer_id,plan,start_date,end_date,price,interval',
      'A,1,pro,2023-01-01,2024-01-01,588,year', //  2 kept
      'A,1,pro,2023-07-01,2024-01-01,708,year', //  3 price_change_in_period: same plan, new price inside the year
      'A,1,business,2023-09-01,,1788,year', //      4 overlapping_period: another plan before line 2 ends
      'B,2,basic,2023-01-01,,19,month', //          5 kept
      'B,2,basic,2023-03-01,,19,month', //          6 overlapping_period: the same price again
    ]));
    expect(setAside(r)).toEqual({
      overlapping_period: { count: 2, rows: [4, 6] },
      price_change_in_period: { count: 1, rows: [3] },
    });
    expect(r.setAside.map((s) => s.reason)).toEqual(['overlapping_period', 'price_change_in_period']);
    expect((await rows()).map((s) => [s.subscription_id, s.start, s.mrr])).toEqual([['A', '2023-01-01', 49], ['B', '2023-01-01', 19]]);
    // the report's data-quality section names the reason and what to do, in English and Dutch
    const en = JSON.stringify(dataQualitySection({ subscriptions: r }, { locale: 'en' }));
    expect(en).toContain('Price of the same plan changes inside a running period of the subscription (end the earlier period the day the new price starts)');
    expect(JSON.stringify(dataQualitySection({ subscriptions: r }, { locale: 'nl' }))).toContain('Prijs van hetzelfde pakket wijzigt');
  });
});

describe('loadSubscriptions input forms', () => {
  it('reads a Dutch CSV: semicolons, decimal comma, dd-mm-yyyy, Dutch headers', async () => {
    const r = await loadSubscriptions(wb, file('abonnementen.csv', [
      'klantnummer;abonnement;begindatum;einddatum;prijs;periode;land',
      '1001;Basis;15-01-2023;15-03-2023;19,00;maand;NL', '1001;Plus;15-03-2023;;49,50;maand;NL', '1002;Plus;01-02-2023;;594,00;jaar;BE',
    ]));
    expect(setAside(r)).toEqual({});
    expect(r.warnings).toEqual(expect.arrayContaining([
      expect.stringContaining('No subscription id column'), 'Dates in "begindatum" were read with format %d-%m-%Y.',
      'abonnementen.csv uses a decimal comma (12,50); numbers were read accordingly.',
    ]));
    expect((await rows()).map((s) => [s.subscription_id, s.plan, s.start, s.end, s.mrr])).toEqual([
      ['1001', 'Basis', '2023-01-15', '2023-03-15', 19], ['1001', 'Plus', '2023-03-15', null, 49.5], ['1002', 'Plus', '2023-02-01', null, 49.5],
    ]);
  });

  it('names the file, its columns and what to pass when a required column is missing', async () => {
    const path = file('plans.csv', ['id,begin,what', 'a,2023-01-01,x']);
    await expect(loadSubscriptions(wb, path)).rejects.toMatchObject({
      code: 'MISSING_FIELD',
      message: 'No column maps to customer_id in plans.csv (columns: "id", "begin", "what"). Pass mapping: { customerId: \'…\' }.',
    });
    await expect(loadSubscriptions(wb, path, { mapping: { customerId: 'id' } })).rejects.toMatchObject({
      code: 'MISSING_FIELD', message: expect.stringMatching(/^No column maps to mrr in plans\.csv \(columns: "id", "begin", "what"\)\. Pass mapping: \{ mrr: '…' \}/),
    });
    const priced = file('priced.csv', ['customer_id,start,price', 'a,2023-01-01,10']);
    await expect(loadSubscriptions(wb, priced)).rejects.toMatchObject({ code: 'MISSING_FIELD', message: expect.stringContaining('mapping: { mrr: "price" } if they are monthly') });
    await expect(loadSubscriptions(wb, path, { mapping: { customerId: 'nope' } })).rejects.toMatchObject({ code: 'UNKNOWN_COLUMN' });
  });

  it('reads Parquet with typed dates and amounts, and numeric ids without a trailing .0', async () => {
    const path = join(dir, 'subs.parquet');
    await wb.run(`copy (select * from (values (1001.0, DATE '2023-01-31', NULL::DATE, 228.00::DECIMAL(10, 2), 'year'),
      (1002.0, DATE '2023-02-01', DATE '2023-05-01', 49.50::DECIMAL(10, 2), 'month')) t(customer_id, start_date, end_date, price, interval)) to '${path}' (format parquet)`);
    const r = await loadSubscriptions(wb, path);
    expect(setAside(r)).toEqual({});
    expect((await rows()).map((s) => [s.subscription_id, s.customer_id, s.start, s.end, s.mrr])).toEqual([
      ['1001', '1001', '2023-01-31', null, 19], ['1002', '1002', '2023-02-01', '2023-05-01', 49.5],
    ]);
  });

  it('refuses to load over an existing table with replace: false', async () => {
    const path = file('s.csv', ['customer_id,start,mrr', 'a,2023-01-01,10']);
    await loadSubscriptions(wb, path);
    await expect(loadSubscriptions(wb, path, { replace: false })).rejects.toMatchObject({ code: 'BAD_OPTION' });
    await expect(loadSubscriptions(wb, path)).resolves.toMatchObject({ rowsLoaded: 1 });
  });
});

describe('a start far outside the period of the other starts', () => {
  it('sets aside one subscription starting on 2100-01-01 among 607 from 2022-2024, so the period stays the data\'s', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 607; i++) lines.push(`S${i},C${i},basic,${2022 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-01,,19,month,EUR,NL`);
    lines.push('S607,C607,basic,2100-01-01,,19,month,EUR,NL');
    const r = await loadSubscriptions(wb, file('far.csv', lines));
    expect(r.rowsRead).toBe(608);
    expect(setAside(r)).toEqual({ date_out_of_range: { count: 1, rows: [609] } });
    expect(r.rowsLoaded).toBe(607);
    expect(r.dateRange?.first.toISOString().slice(0, 10)).toBe('2022-01-01');
    expect(r.dateRange?.last.toISOString().slice(0, 10)).toBe('2024-12-01');
  });
});

describe('notes shared with the transactions loader', () => {
  it('counts ids that lost spaces and sets aside a price in the other decimal mark, with notes', async () => {
    const r = await loadSubscriptions(wb, file('notes.csv', [
      'subscription_id;customer_id;start_date;mrr', 'S1;C1 ;2023-01-01;19,50', 'S2;\u00a0C2;2023-02-01;9,75', 'S3;C3;2023-03-01;3.25', 'S4;C1;2023-04-01;1.234,00',
    ]));
    expect(setAside(r)).toEqual({ unparseable_amount: { count: 1, rows: [4] } });
    expect((await rows()).map((s) => [s.customer_id, s.mrr])).toEqual([['C1', 19.5], ['C1', 1234], ['C2', 9.75]]);
    expect(r.warnings).toContain('Amounts in "mrr" of notes.csv are read with a decimal comma, but 1 row uses a decimal point (row 4); it was set aside as unreadable, ' +
      "not read 100 times too large or small. Fix that row, or pass decimal: '.' if most rows are the other way.");
    expect(r.warnings.find((w) => w.startsWith('Customer ids'))).toMatch(/^Customer ids in "customer_id" of notes\.csv had spaces before or after them in 2 rows \(rows 2, 3; 2 ids\)/);
  });
});

describe('a header line repeated in the middle of the file', () => {
  it('is set aside as repeated_header, not as an unreadable date', async () => {
    const r = await loadSubscriptions(wb, file('joined.csv', [
      'subscription_id,customer_id,start_date,mrr', 'S1,C1,2023-01-01,19', 'subscription_id,customer_id,start_date,mrr', 'S2,C2,2023-02-01,29',
    ]));
    expect(setAside(r)).toEqual({ repeated_header: { count: 1, rows: [3] } });
    expect(r.rowsLoaded).toBe(2);
  });
});

describe('an end date far after every other date', () => {
  it('reads 9999-12-31 as still running with a note, so the period ends with the data', async () => {
    const lines = ['subscription_id,customer_id,start_date,end_date,mrr'];
    for (let i = 0; i < 300; i++) lines.push(`S${i},C${i},2023-${String(1 + (i % 12)).padStart(2, '0')}-01,${i % 5 === 0 ? '2024-03-01' : ''},19`);
    lines.push('S999,C999,2023-05-01,9999-12-31,19', 'S998,C998,2023-06-01,2026-01-01,19');
    const r = await loadSubscriptions(wb, file('open.csv', lines));
    expect(r.setAside).toEqual([]);
    expect(r.dateRange?.last.toISOString().slice(0, 10)).toBe('2026-01-01');
    expect((await rows()).find((s) => s.subscription_id === 'S999')?.end).toBeNull();
    expect(r.warnings).toContain('End dates in "end_date" of open.csv lie far after every other date (more than 24 months, e.g. 9999-12-31) in 1 row (row 302); ' +
      'they were read as still running (no end): a placeholder for "no end", or a contract that runs past the data. Fix the source if such a date is a typo.');
  });
});
