/**
 * generateSubscriptions: the files load with nothing set aside, the planted churn hazards, plan changes,
 * reactivations and active days come back out of the loaded tables with plain SQL, and the same seed writes
 * the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.js';
import { loadSubscriptions } from '../../src/data/subscriptions.js';
import { loadEvents } from '../../src/data/events.js';
import {
  generateSubscriptions,
  PLANTED_SUBSCRIPTIONS as P,
  plantedChurn,
  type SubscriptionSampleResult,
} from '../../src/sample/subscriptions.js';
import { uniformSql } from '../../src/sample/subscriptions-sql.js';
import { mrrMovements } from '../../src/analyses/subscriptions/index.js';
import type { LoadReport } from '../../src/data/load-report.js';

const dir = mkdtempSync(join(tmpdir(), 'swb-gen-subs-'));
let wb: Workbench;
let gen: SubscriptionSampleResult;
let loaded: LoadReport;

/**
 * Per subscription period: paid months (anniversaries at which a churn draw was made), whether it ended in churn,
 * and whether the next period is a reverted upgrade (the week from the 10th to the 17th). Periods within one month
 * (refunded attempts and reverted upgrades: no anniversary, no draw) are left out.
 */
const PERIODS = `SELECT * FROM (
  SELECT s.*, (year(coalesce(s.end_date, DATE '2024-12-31')) * 12 + month(coalesce(s.end_date, DATE '2024-12-31')))
      - (year(s.start_date) * 12 + month(s.start_date)) AS months,
    n.mrr AS next_mrr, s.end_date IS NOT NULL AND n.mrr IS NULL AS churned,
    coalesce(day(n.start_date) = 10 AND n.end_date - n.start_date = 7, false) AS reverted_next
  FROM subscriptions s LEFT JOIN subscriptions n ON n.subscription_id = s.subscription_id AND n.start_date = s.end_date)
  WHERE months > 0`;

beforeAll(async () => {
  gen = await generateSubscriptions({ dir, customers: 20_000, seed: 7, events: false });
  wb = await Workbench.open();
  loaded = await loadSubscriptions(wb, gen.subscriptionsPath);
}, 120_000);
afterAll(() => wb.close());

describe('generateSubscriptions: planted truth', () => {
  it('writes a clean file: every row loads, one subscription per start, mrr from yearly prices', async () => {
    expect(gen.eventsPath).toBeUndefined();
    expect(loaded.setAside).toEqual([]);
    expect([loaded.rowsRead, loaded.rowsLoaded, loaded.customers]).toEqual([
      gen.subscriptions,
      gen.subscriptions,
      20_000,
    ]);
    expect(loaded.dateRange?.first.toISOString().slice(0, 10)).toBe('2023-01-01');
    const mrr = await wb.query<{ plan: string; mrr: number[] }>(
      'select plan, list(distinct mrr order by mrr) as mrr from subscriptions group by plan order by plan',
    );
    expect(mrr).toEqual([
      { plan: 'basic', mrr: [19] },
      { plan: 'business', mrr: [149] },
      { plan: 'pro', mrr: [49] },
    ]);
    const [yearly] = await wb.query<{ share: number }>(
      `select avg((billing_interval = 'year')::int) as share from (select distinct customer_id, billing_interval from subscriptions)`,
    );
    expect(yearly?.share).toBeGreaterThan(0.19);
    expect(yearly?.share).toBeLessThan(0.21);
  });

  it('recovers the monthly churn hazard of every plan × usage level × app platform within 4 standard errors', async () => {
    // The app platform is not in the file (the events show it): redrawn here with the generator's own draw.
    const cells = await wb.query<{
      plan: string;
      usage_level: string;
      platform: string;
      exposure: number;
      churns: number;
    }>(
      `with platform as (
        select 'C' || lpad(cast(i + 1 as varchar), 6, '0') as customer_id,
          case when ${uniformSql('i', "'os'")} < ${P.platforms[0]!.share} then 'ios' else 'android' end as platform
        from range(20000) r(i))
      select plan, usage_level, platform, sum(months) as exposure, count(*) filter (where churned) as churns
      from (${PERIODS}) p join platform using (customer_id) group by all order by all`,
      { seed: 7 },
    );
    expect(cells).toHaveLength(18);
    for (const c of cells) {
      const h = plantedChurn(c.plan, c.usage_level, c.platform);
      expect(Math.abs(c.churns / c.exposure - h), `${c.plan}/${c.usage_level}/${c.platform}`).toBeLessThan(
        4 * Math.sqrt(h / c.exposure),
      );
    }
    const rate = (platform: string) => {
      const x = cells.filter((c) => c.platform === platform);
      return x.reduce((a, c) => a + c.churns, 0) / x.reduce((a, c) => a + c.exposure, 0);
    };
    // Android × 1.5 the churn of iOS (pooled over plans and usage levels: a little less, iOS customers stay longer)
    expect(rate('android') / rate('ios')).toBeGreaterThan(1.3);
    expect(rate('android') / rate('ios')).toBeLessThan(1.6);
  });

  it('ranks churn by plan (basic about twice pro, pro about twice business) and by usage level', async () => {
    const rate = async (by: string) =>
      Object.fromEntries(
        (
          await wb.query<{ k: string; r: number }>(
            `select ${by} as k, count(*) filter (where churned) / sum(months) as r from (${PERIODS}) group by all`,
          )
        ).map((x) => [x.k, x.r]),
      );
    const plan = await rate('plan');
    expect(plan['basic']! / plan['pro']!).toBeGreaterThan(1.7);
    expect(plan['basic']! / plan['pro']!).toBeLessThan(2.3);
    expect(plan['pro']! / plan['business']!).toBeGreaterThan(1.6);
    expect(plan['pro']! / plan['business']!).toBeLessThan(2.4);
    const usage = await rate('usage_level');
    expect(usage['low']!).toBeGreaterThan(1.6 * usage['medium']!);
    expect(usage['medium']!).toBeGreaterThan(1.8 * usage['high']!);
    const channel = await rate('channel');
    // Channel has no planted effect: its churn rates stay within a few points of each other.
    expect(Math.max(...Object.values(channel)) / Math.min(...Object.values(channel))).toBeLessThan(1.15);
  });

  it('recovers expansion (2%) and contraction (1%) per surviving month, and 5% reactivation after 1–3 months', async () => {
    const [moves] = await wb.query<{ up: number; down: number }>(`
      select count(*) filter (where next_mrr > mrr and not reverted_next) / sum(months) filter (where plan <> 'business') as up,
             count(*) filter (where next_mrr < mrr) / sum(months) filter (where plan <> 'basic') as down
      from (${PERIODS})`);
    // Upgrades need a survived draw: 2% × (1 − churn), churn ≈ 3–7% in basic and pro.
    expect(moves?.up).toBeGreaterThan(0.017);
    expect(moves?.up).toBeLessThan(0.021);
    expect(moves?.down).toBeGreaterThan(0.0085);
    expect(moves?.down).toBeLessThan(0.0115);
    const [back] = await wb.query<{ churns: number; back: number; gaps: number[] }>(`
      with churned as (select customer_id, end_date from (${PERIODS}) where churned and end_date < DATE '2024-10-01'),
      comeback as (select c.customer_id, date_diff('month', c.end_date, s.start_date) as gap from churned c
        join subscriptions s on s.customer_id = c.customer_id and s.start_date > c.end_date and s.start_date <= c.end_date + interval 3 month
        qualify row_number() over (partition by c.customer_id, c.end_date order by s.start_date) = 1)
      select (select count(*) from churned) as churns, count(*) as back, list(distinct gap order by gap) as gaps from comeback`);
    expect(back?.gaps).toEqual([1, 2, 3]);
    const share = back!.back / back!.churns;
    expect(Math.abs(share - P.reactivation)).toBeLessThan(
      4 * Math.sqrt((P.reactivation * (1 - P.reactivation)) / back!.churns),
    );
  });
});

describe('generateSubscriptions: what only day-dated counting sees', () => {
  it('plants refunded first attempts and upgrades reverted within a month; the dated method counts each, month ends none', async () => {
    const [p] = await wb.query<{
      refunds: number;
      refund_mrr: number;
      eligible: number;
      reversals: number;
      reversal_mrr: number;
    }>(`
      with mids as (select m.mrr - b.mrr as up from subscriptions m join subscriptions b
        on b.subscription_id = m.subscription_id and b.end_date = m.start_date
        where day(m.start_date) = 10 and m.end_date - m.start_date = 7)
      select (select count(*) from subscriptions where subscription_id like '%-0') as refunds,
        (select sum(mrr) from subscriptions where subscription_id like '%-0') as refund_mrr,
        (select count(*) from (select customer_id, min(start_date) filter (where subscription_id not like '%-0') as first
          from subscriptions group by all) where day(first) >= 10) as eligible,
        (select count(*) from mids) as reversals, (select sum(up) from mids) as reversal_mrr`);
    // about 3% of the customers whose first start is on day 10 or later
    const share = p!.refunds / p!.eligible;
    expect(Math.abs(share - P.refund)).toBeLessThan(4 * Math.sqrt((P.refund * (1 - P.refund)) / p!.eligible));
    expect(p!.reversals).toBeGreaterThan(100);
    const monthEnd = await mrrMovements(wb);
    const dated = await mrrMovements(wb, { method: 'dated' });
    // MRR at every month end is the same either way: the planted changes start and end inside a month
    expect(dated.rows.map((r) => r.mrrEnd)).toEqual(monthEnd.rows.map((r) => r.mrrEnd));
    const diff = (
      k: 'churned' | 'reactivation' | 'expansion' | 'contraction' | 'churnedCustomers' | 'reactivatedCustomers' | 'new',
    ) => dated.totals[k] - monthEnd.totals[k];
    // each refund: new on the attempt and churned on the refund, the real start a return; each reversal up and down
    expect([diff('churnedCustomers'), diff('reactivatedCustomers')]).toEqual([p!.refunds, p!.refunds]);
    expect(diff('churned')).toBeCloseTo(p!.refund_mrr, 6);
    expect(diff('reactivation')).toBeCloseTo(p!.refund_mrr, 6);
    expect(diff('new')).toBeCloseTo(0, 6);
    expect(diff('expansion')).toBeCloseTo(p!.reversal_mrr, 6);
    expect(diff('contraction')).toBeCloseTo(p!.reversal_mrr, 6);
  }, 60_000);
});

describe('generateSubscriptions: events and determinism', () => {
  it('writes events that load with nothing set aside, active on about activeDays/30 of the paid days per usage level', async () => {
    const small = await generateSubscriptions({ dir: join(dir, 'a'), customers: 400, seed: 3 });
    const w = await Workbench.open();
    try {
      await loadSubscriptions(w, small.subscriptionsPath);
      const ev = await loadEvents(w, small.eventsPath!);
      expect(ev.setAside).toEqual([]);
      expect(ev.rowsLoaded).toBe(small.events);
      const rows = await w.query<{ usage_level: string; paid: number; active: number }>(`
        with levels as (select distinct customer_id, usage_level from subscriptions),
        paid as (select usage_level, sum(coalesce(end_date, DATE '2025-01-01') - start_date) as paid from subscriptions group by all),
        active as (select l.usage_level, count(distinct (e.customer_id, cast(e.event_time as date))) as active from events e join levels l using (customer_id) group by all)
        select * from paid join active using (usage_level) order by usage_level`);
      for (const r of rows) {
        const p = P.usage.find((u) => u.level === r.usage_level)!.activeDays / 30;
        expect(Math.abs(r.active / r.paid - p), r.usage_level).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / r.paid));
      }
      const [platforms] = await w.query<{ web_app_version: number; names: number }>(
        "select count(*) filter (where platform = 'web' and app_version is not null) as web_app_version, count(distinct event_name) as names from events",
      );
      expect(platforms).toEqual({ web_app_version: 0, names: 8 });
      // a release a quarter: 3.0–3.3 in 2023, 4.0–4.3 in 2024 (one behind for customers who lag)
      const versions = await w.query<{ y: number; v: string[] }>(
        'select year(event_time) as y, list(distinct app_version order by app_version) as v from events where app_version is not null group by y order by y',
      );
      expect(versions).toEqual([
        { y: 2023, v: ['3.0', '3.1', '3.2', '3.3'] },
        { y: 2024, v: ['3.3', '4.0', '4.1', '4.2', '4.3'] },
      ]);
    } finally {
      w.close();
    }
  }, 60_000);

  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const a = await generateSubscriptions({ dir: join(dir, 'x'), customers: 150, seed: 11 });
    const b = await generateSubscriptions({ dir: join(dir, 'y'), customers: 150, seed: 11 });
    const c = await generateSubscriptions({ dir: join(dir, 'z'), customers: 150, seed: 12, events: false });
    expect(readFileSync(a.subscriptionsPath).equals(readFileSync(b.subscriptionsPath))).toBe(true);
    expect(readFileSync(a.eventsPath!).equals(readFileSync(b.eventsPath!))).toBe(true);
    expect(readFileSync(a.subscriptionsPath).equals(readFileSync(c.subscriptionsPath))).toBe(false);
    expect(a.events).toBeGreaterThan(10_000);
  }, 60_000);
});
