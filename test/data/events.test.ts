/**
 * loadEvents: set-aside reasons with counts and line numbers, identical events kept, values kept as given
 * (trimmed), Dutch CSV, the typed and the text read giving the same table, and errors that name the file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLines } from '../helpers/data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadEvents } from '../../src/data/events.js';
import type { LoadReport } from '../../src/data/load-report.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-events-')); });
afterEach(() => wb.close());

const file = (name: string, lines: readonly string[]): string => writeLines(dir, name, lines);
const setAside = (r: LoadReport) => Object.fromEntries(r.setAside.map((s) => [s.reason, { count: s.count, rows: s.examples }]));
type Ev = { customer_id: string; t: string; event_name: string; platform: string | null; device: string | null; app_version: string | null };
const events = async () => wb.query<Ev>(`select customer_id, strftime(event_time, '%Y-%m-%d %H:%M:%S') as t, event_name, platform, device, app_version from events`);

const DIRTY = [
  'user_id,timestamp,event_name,platform,device,app_version,session',
  'C1,2024-03-01 10:00:00,login,web,desktop,,s1', //                2 kept
  'C1,2024-03-01 10:00:00,login,web,desktop,,s1', //                3 kept: an identical event is kept
  ',2024-03-01 10:00:05,login,web,desktop,,s2', //                  4 missing_customer_id
  'C2,yesterday,login,ios,phone,3.1,s3', //                         5 unparseable_date
  'C2,2024-03-02 09:15:00,, ios ,phone,3.1,s3', //                  6 missing_event
  'C2,2024-03-02 09:16:00,export, iOS , phone ,3.1.0,s3', //        7 kept: trimmed, case kept
  'C3,,login,android,tablet,3.0,s4', //                             8 unparseable_date (empty)
  'C3,2024-03-03 20:00:00,share,android,tablet,3.0,s4', //          9 kept
];

describe('loadEvents', () => {
  it('sets aside rows without customer, time or event name, with counts and line numbers, and keeps identical events', async () => {
    const r = await loadEvents(wb, file('events.csv', DIRTY));
    expect(setAside(r)).toEqual({
      missing_customer_id: { count: 1, rows: [4] },
      unparseable_date: { count: 2, rows: [5, 8] },
      missing_event: { count: 1, rows: [6] },
    });
    expect([r.rowsRead, r.rowsLoaded, r.customers]).toEqual([8, 4, 3]);
    expect(r.dateRange?.first.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(r.dateRange?.last.toISOString()).toBe('2024-03-03T20:00:00.000Z');
    expect(r.warnings).toContain('Columns not used: "session".');
    expect(await events()).toEqual([
      { customer_id: 'C1', t: '2024-03-01 10:00:00', event_name: 'login', platform: 'web', device: 'desktop', app_version: null },
      { customer_id: 'C1', t: '2024-03-01 10:00:00', event_name: 'login', platform: 'web', device: 'desktop', app_version: null },
      { customer_id: 'C2', t: '2024-03-02 09:16:00', event_name: 'export', platform: 'iOS', device: 'phone', app_version: '3.1.0' },
      { customer_id: 'C3', t: '2024-03-03 20:00:00', event_name: 'share', platform: 'android', device: 'tablet', app_version: '3.0' },
    ]);
    const cols = await wb.query<{ column_name: string; column_type: string }>('describe events');
    expect(cols.map((c) => `${c.column_name} ${c.column_type}`)).toEqual([
      'customer_id VARCHAR', 'event_time TIMESTAMP', 'event_name VARCHAR', 'platform VARCHAR', 'device VARCHAR', 'app_version VARCHAR',
    ]);
    expect(await wb.query("select table_name from information_schema.tables where table_name like '_swb%'")).toEqual([]);
  });

  it('reads the same table from the text path when a time cell fails the typed read', async () => {
    const clean = DIRTY.filter((_, i) => i !== 4);
    await loadEvents(wb, file('clean.csv', clean));
    const typed = await events();
    const r = await loadEvents(wb, file('dirty.csv', DIRTY));
    expect(r.rowsLoaded).toBe(4);
    expect(await events()).toEqual(typed);
  });

  it('reads a Dutch CSV with day-first times and no optional columns; platform and friends are NULL', async () => {
    const r = await loadEvents(wb, file('gebruik.csv', ['klantnummer;tijdstip;gebeurtenis', '1001;15-01-2024 08:30;inloggen', '1002;16-01-2024 21:05;rapport']));
    expect(setAside(r)).toEqual({});
    expect(r.warnings).toContain('Dates in "tijdstip" were read with format %d-%m-%Y %H:%M.');
    expect(await events()).toEqual([
      { customer_id: '1001', t: '2024-01-15 08:30:00', event_name: 'inloggen', platform: null, device: null, app_version: null },
      { customer_id: '1002', t: '2024-01-16 21:05:00', event_name: 'rapport', platform: null, device: null, app_version: null },
    ]);
  });

  it('reads Parquet with a typed timestamp and a numeric app version', async () => {
    const path = join(dir, 'events.parquet');
    await wb.run(`copy (select * from (values ('C1', TIMESTAMP '2024-01-02 03:04:05', 'login', 'ios', 3.5::DOUBLE), ('C2', NULL, 'login', 'web', NULL))
      t(user_id, event_time, event, platform, version)) to '${path}' (format parquet)`);
    const r = await loadEvents(wb, path);
    expect(setAside(r)).toEqual({ unparseable_date: { count: 1, rows: [2] } });
    expect(await events()).toEqual([{ customer_id: 'C1', t: '2024-01-02 03:04:05', event_name: 'login', platform: 'ios', device: null, app_version: '3.5' }]);
  });

  it('names the file, its columns and what to pass when a required column is missing', async () => {
    await expect(loadEvents(wb, file('usage.csv', ['user_id,when,what', 'a,2024-01-01,x']))).rejects.toMatchObject({
      code: 'MISSING_FIELD', message: 'No column maps to event_time in usage.csv (columns: "user_id", "when", "what"). Pass mapping: { time: \'…\' }.',
    });
    const r = await loadEvents(wb, file('usage2.csv', ['user_id,when,what', 'a,2024-01-01,x']), { mapping: { time: 'when', event: 'what' } });
    expect(r.columns).toEqual([
      { field: 'customer_id', source: 'user_id' }, { field: 'event_time', source: 'when' }, { field: 'event_name', source: 'what' },
    ]);
  });
});

describe('an event time far outside the period of the other events', () => {
  it('sets aside a 2100 and a year-1 event, so the event period stays the data\'s', async () => {
    const lines = ['user_id,timestamp,event_name'];
    for (let i = 0; i < 50; i++) lines.push(`C${i % 7},2024-0${1 + (i % 6)}-1${i % 9} 10:00:00,login`);
    lines.push('C1,2100-01-01 00:00:00,login', 'C2,0001-01-01 00:00:00,login');
    const r = await loadEvents(wb, file('far.csv', lines));
    expect(setAside(r)).toEqual({ date_out_of_range: { count: 2, rows: [52, 53] } });
    expect(r.rowsLoaded).toBe(50);
    expect(r.dateRange?.first.toISOString()).toBe('2024-01-10T10:00:00.000Z');
    expect(r.dateRange?.last.toISOString()).toBe('2024-06-18T10:00:00.000Z');
  });
});

describe('a header line repeated in the middle of the file', () => {
  it('is set aside as repeated_header, not as an unreadable time', async () => {
    const r = await loadEvents(wb, file('joined.csv', [
      'user_id,timestamp,event_name', 'C1,2024-03-01 10:00:00,login', '', 'user_id,timestamp,event_name', 'C2,2024-03-02 10:00:00,login',
    ]));
    expect(setAside(r)).toEqual({ repeated_header: { count: 1, rows: [4] } });
    expect(r.rowsLoaded).toBe(2);
    expect((await events()).map((e) => e.customer_id)).toEqual(['C1', 'C2']);
  });
});
