/**
 * runPipeline's `churnBy`: the report's churn per segment (month by month and over the range) by an attribute of
 * the usage events at each month start, on the hand-made subscriptions and events of fixture.ts written as files;
 * the method text says how the value is taken, in English and Dutch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { subscriptionSectionOf } from '../../src/analyses/subscriptions/analysis.js';
import { Workbench } from '../../src/workbench.js';
import { EVENTS, SUBS } from '../analyses/subscriptions/fixture.js';

let dir = '';
let subs = '';
let events = '';
let wb: Workbench;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-churn-by-'));
  subs = join(dir, 'subscriptions.csv');
  events = join(dir, 'events.csv');
  const lines = SUBS.map(([id, customer, plan, start, end, mrr, currency]) =>
    [id, customer, plan, start, end ?? '', mrr, currency].join(','),
  );
  writeFileSync(subs, ['subscription_id,customer_id,plan,start_date,end_date,mrr,currency', ...lines, ''].join('\n'));
  const rows = EVENTS.map(([c, t, p, v]) => [c, t, 'login', p ?? '', v ?? ''].join(','));
  writeFileSync(events, ['customer_id,event_time,event_name,platform,app_version', ...rows, ''].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

describe('runPipeline with churnBy', () => {
  it('segments churn by the platform at each month start, and says so in the method text', async () => {
    const r = await runPipeline(wb, { subscriptions: subs, events, churnBy: 'platform' });
    const s = r.subscriptions;
    expect(s?.byPlan?.options.by).toEqual({ kind: 'events', table: 'events', column: 'platform' });
    expect(s?.byPlan?.rows.map((x) => [x.segment, x.customerMonths, x.churnedCustomers])).toEqual([
      ['android', 6, 2],
      ['ios', 4, 0],
      ['web', 1, 0],
      [null, 3, 0],
    ]);
    const android = s?.movements?.bySegment?.segments.find((x) => x.segment === 'android');
    expect(android?.totals.customerChurn.events).toBe(2);
    // the KPIs are not split by an event attribute: the totals only
    expect(s?.kpis?.options.by ?? null).toBeNull();
    const en = subscriptionSectionOf(s!, r.failures, 'en', 'EUR');
    const nl = subscriptionSectionOf(s!, r.failures, 'nl', 'EUR');
    expect(en.technical?.map(([k]) => k)).toContain('Device, platform or app version of a customer');
    expect(en.technical?.find(([k]) => k.startsWith('Device'))?.[1]).toContain('at or before each month’s first day');
    expect(nl.technical?.map(([k]) => k)).toContain('Apparaat, platform of app-versie van een klant');
    const charts = (en.charts ?? []).map((c) => [c.id, c.title]);
    expect(charts).toContainEqual(['subscriptions-churn-plan', expect.stringContaining('platform')]);
  });

  it('refuses churnBy without subscriptions, and names the event attributes for an unknown one', async () => {
    await expect(runPipeline(wb, { file: subs, churnBy: 'platform' })).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('--churn-by'),
    });
    const r = await runPipeline(wb, { subscriptions: subs, events, churnBy: 'os' });
    expect(r.failures['mrr']?.message).toContain('"device", "platform", "app_version", "app_major"');
  });
});
