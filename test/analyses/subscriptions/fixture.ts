/**
 * The hand-made subscriptions of the subscription tests: six paying customers over January–April 2024
 * (plus one whose only subscription starts and ends inside March, so it never pays at a month end).
 *
 *   a  Basic 50 from 10 Jan, running                              Jan new 50
 *   b  Basic 50 from 5 Jan; Pro 120 from 15 Feb (plan change)     Jan new 50, Feb expansion 70
 *   c  Pro 100 from 1 Jan + Seats 30.50 from 1 Feb to 1 Apr       Jan new 100, Feb expansion 30.50, Apr contraction 30.50
 *   d  Pro 120 from 20 Jan to 10 Mar; Basic 40.25 from 5 Apr      Jan new 120, Mar churned 120, Apr reactivation 40.25
 *   e  Basic 50 from 3 Feb; Starter 19.99 from 20 Mar (downgrade) Feb new 50, Mar contraction 30.01
 *   f  Starter 19.99 from 15 Jan to 1 Feb (end exclusive)         Jan new 19.99, Feb churned 19.99
 *   g  Starter 25 from 5 Mar to 25 Mar                            never counted
 */
import type { Workbench } from '../../../src/workbench.js';
import { quoteIdentifier } from '../../../src/sql.js';

/** [subscription_id, customer_id, plan, start_date, end_date, mrr, currency, country] */
export type Sub = [string, string, string, string, string | null, number, string, string];

export const SUBS: Sub[] = [
  ['s1', 'a', 'Basic', '2024-01-10', null, 50, 'EUR', 'NL'],
  ['s2', 'b', 'Basic', '2024-01-05', '2024-02-15', 50, 'EUR', 'BE'],
  ['s3', 'b', 'Pro', '2024-02-15', null, 120, 'EUR', 'BE'],
  ['s4', 'c', 'Pro', '2024-01-01', null, 100, 'EUR', 'NL'],
  ['s5', 'c', 'Seats', '2024-02-01', '2024-04-01', 30.5, 'EUR', 'NL'],
  ['s6', 'd', 'Pro', '2024-01-20', '2024-03-10', 120, 'EUR', 'DE'],
  ['s7', 'd', 'Basic', '2024-04-05', null, 40.25, 'EUR', 'DE'],
  ['s8', 'e', 'Basic', '2024-02-03', '2024-03-20', 50, 'EUR', 'NL'],
  ['s9', 'e', 'Starter', '2024-03-20', null, 19.99, 'EUR', 'NL'],
  ['s10', 'f', 'Starter', '2024-01-15', '2024-02-01', 19.99, 'EUR', 'BE'],
  ['s11', 'g', 'Starter', '2024-03-05', '2024-03-25', 25, 'EUR', 'BE'],
];

/** (Re)create `table` with the contract's columns (plus country) from rows, as a loader would. */
export async function subscriptions(wb: Workbench, rows: readonly Sub[], table = 'subscriptions'): Promise<void> {
  await wb.run(`create or replace table ${quoteIdentifier(table)} (subscription_id varchar, customer_id varchar, plan varchar,
    start_date date, end_date date, mrr decimal(18, 4), currency varchar, country varchar)`);
  for (const [id, customer, plan, start, end, mrr, currency, country] of rows) {
    await wb.run(
      `insert into ${quoteIdentifier(table)} values ($id, $customer, $plan, cast($start as date), cast($end as date), cast($mrr as decimal(18, 4)), $currency, $country)`,
      { id, customer, plan, start, end, mrr: String(mrr), currency, country },
    );
  }
}

/** One EUR period in NL. */
const row = (id: string, customer: string, plan: string, start: string, end: string | null, mrr: number): Sub => [
  id,
  customer,
  plan,
  start,
  end,
  mrr,
  'EUR',
  'NL',
];

/** The table whose changes reverse within February; movements-dated.test.ts works every day-dated class by hand. */
export const DATED: Sub[] = [
  row('h1', 'h', 'Basic', '2024-01-01', '2024-02-10', 50),
  row('h2', 'h', 'Pro', '2024-02-10', '2024-02-20', 100),
  row('h3', 'h', 'Basic', '2024-02-20', null, 50),
  row('i1', 'i', 'Basic', '2024-01-05', '2024-02-03', 40),
  row('i2', 'i', 'Basic', '2024-02-17', null, 40),
  row('j1', 'j', 'Basic', '2024-02-05', '2024-02-12', 30),
  row('k1', 'k', 'Basic', '2024-01-15', null, 20),
  row('k2', 'k', 'Seats', '2024-02-01', '2024-03-01', 10),
  row('l1', 'l', 'Pro', '2024-01-20', '2024-03-15', 60),
  row('m1', 'm', 'Basic', '2024-02-25', '2024-03-10', 25),
  row('m2', 'm', 'Starter', '2024-03-10', null, 15),
  row('n1', 'n', 'Pro', '2024-02-08', '2024-02-18', 80),
  row('n2', 'n', 'Basic', '2024-02-18', null, 30),
  row('o1', 'o', 'A', '2024-01-10', '2024-03-05', 10),
  row('o2', 'o', 'B', '2024-03-05', null, 10),
];

/**
 * Usage events of the SUBS customers for churn by an event attribute at the month start (event-segments.test.ts):
 * [customer_id, event_time, platform, app_version].
 */
export const EVENTS: Array<[string, string, string | null, string | null]> = [
  ['a', '2024-01-20 10:00:00', 'ios', '2.10'],
  ['a', '2024-02-01 00:00:00', 'android', '10.1'], // at the month start: counts for February
  ['a', '2024-03-15 09:00:00', 'web', null],
  ['b', '2024-01-06 12:00:00', 'android', '3.1'],
  ['b', '2024-01-06 12:00:00', 'ios', '3.2'], // same moment: the highest value wins
  ['b', '2024-03-31 23:59:59', 'android', '4.0.2'],
  ['d', '2024-01-25 08:00:00', 'android', '3.0'],
  ['e', '2024-02-03 08:00:00', 'ios', '4.1'], // after February's start: counts from March
  ['e', '2024-03-25 08:00:00', null, null], // no platform: ignored
  ['f', '2024-01-15 08:00:00', 'android', '3.0'],
];

/** (Re)create `events` as loadEvents would, from {@link EVENTS}. */
export async function events(wb: Workbench): Promise<void> {
  await wb.run(`create or replace table events (customer_id varchar, event_time timestamp, event_name varchar,
    platform varchar, device varchar, app_version varchar)`);
  for (const [customer, time, platform, version] of EVENTS)
    await wb.run(`insert into events values ($c, cast($t as timestamp), 'login', $p, null, $v)`, {
      c: customer,
      t: time,
      p: platform,
      v: version,
    });
}
