/**
 * loadEvents reads text fields by testing each value for a leading or trailing space and trimming only
 * those (trimming every value is a copy each): padded values are trimmed, blank and space-only values are
 * missing (and set a row aside when the field is required), inner spaces stay; Parquet ids as well.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeLines } from '../helpers/data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadEvents } from '../../src/data/events.js';

let wb: Workbench;
let dir: string;
beforeEach(async () => { wb = await Workbench.open(); dir = mkdtempSync(join(tmpdir(), 'swb-events-text-')); });
afterEach(() => wb.close());

const file = (name: string, lines: readonly string[]): string => writeLines(dir, name, lines);

const LINES = [
  'customer_id,event_time,event_name,platform,device,app_version',
  '   ,2024-03-01 10:00:00,login,web,desktop,1.0', //             2 missing_customer_id: spaces only
  'C1,2024-03-01 10:00:01,"  ",web,desktop,1.0', //               3 missing_event: a quoted value of spaces
  'C1,2024-03-01 10:00:02,"",web,desktop,1.0', //                 4 missing_event: quoted empty
  ' C1 ,2024-03-01 10:00:03, log in ,  web,desktop  ,  ', //      5 kept: trimmed, the inner space stays, app_version missing
  'C2,2024-03-01 10:00:04,export, ,"",2.0', //                    6 kept: platform and device missing
];

it('trims padded text, treats blank text as missing and sets rows aside by it', async () => {
  const r = await loadEvents(wb, file('events.csv', LINES));
  expect(r.setAside.map((s) => [s.reason, s.count, s.examples])).toEqual([['missing_customer_id', 1, [2]], ['missing_event', 2, [3, 4]]]);
  expect([r.rowsRead, r.rowsLoaded, r.customers]).toEqual([5, 2, 2]);
  expect(await wb.query('select customer_id, event_name, platform, device, app_version from events order by event_time')).toEqual([
    { customer_id: 'C1', event_name: 'log in', platform: 'web', device: 'desktop', app_version: null },
    { customer_id: 'C2', event_name: 'export', platform: null, device: null, app_version: '2.0' },
  ]);
  expect(await wb.query("select column_name from information_schema.columns where table_name = 'events' and column_name like '_swb%'")).toEqual([]);
});

it('reads whole-number Parquet ids as text without a decimal part', async () => {
  const parquet = join(dir, 'events.parquet');
  await wb.run(`copy (select * from (values (17850.0::double, timestamp '2024-03-01 10:00:00', 'login'), (42.5, timestamp '2024-03-01 11:00:00', ' open '))
    v(customer_id, event_time, event_name)) to '${parquet.replaceAll("'", "''")}' (format parquet)`);
  const r = await loadEvents(wb, parquet);
  expect([r.rowsRead, r.rowsLoaded, r.customers]).toEqual([2, 2, 2]);
  expect(await wb.query('select customer_id, event_name from events order by event_time')).toEqual([
    { customer_id: '17850', event_name: 'login' }, { customer_id: '42.5', event_name: 'open' },
  ]);
});
