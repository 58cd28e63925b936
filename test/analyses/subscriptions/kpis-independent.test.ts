/**
 * subscriptionKpis against an independent computation: the generated subscriptions (1,500 customers, seed 11,
 * 24 months, plan changes, annual plans, cancellations and returns) plus hand-added trials, written to a CSV
 * and loaded; then every KPI is recomputed here in plain loops over the file's rows — MRR of each customer on
 * each month's last day, the plan with the highest MRR on that day, the movement classes between month ends —
 * and compared with the library's SQL month by month, per plan and for all customers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../../src/workbench.js';
import { loadSubscriptions } from '../../../src/data/subscriptions.js';
import { generateSubscriptions } from '../../../src/sample/subscriptions.js';
import { subscriptionKpis, type SubscriptionKpiResult } from '../../../src/analyses/subscriptions/kpis.js';

type Row = { id: string; customer: string; plan: string; start: string; end: string | null; mrr: number };

const dir = mkdtempSync(join(tmpdir(), 'swb-kpi-indep-'));
let wb: Workbench;
let rows: Row[];
let lib: SubscriptionKpiResult;

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const monthKey = (d: string): string => d.slice(0, 7);
const addMonths = (key: string, n: number): string => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m - 1 + n, 1))).slice(0, 7);
};
const lastDay = (key: string): string => iso(new Date(Date.parse(`${addMonths(key, 1)}-01`) - 86_400_000));
const addDays = (day: string, n: number): string => iso(new Date(Date.parse(day) + n * 86_400_000));

/** Wilson's 95% interval, written out. */
function wilson(k: number, n: number): [number, number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [p, Math.max(0, c - h), Math.min(1, c + h)];
}

beforeAll(async () => {
  const gen = await generateSubscriptions({ dir, customers: 1_500, seed: 11, events: false });
  wb = await Workbench.open();
  await loadSubscriptions(wb, gen.subscriptionsPath);
  const raw = await wb.query<{
    id: string;
    customer: string;
    plan: string;
    start: Date;
    end: Date | null;
    mrr: number;
  }>(
    `select subscription_id as id, customer_id as customer, plan, start_date as start, end_date as "end", mrr::double as mrr
     from subscriptions order by customer_id, start_date, subscription_id`,
  );
  rows = raw.map((r) => ({ ...r, start: iso(r.start), end: r.end ? iso(r.end) : null }));
  // Trials by hand: every 5th customer had a free trial of their first plan 10 days before first paying (converts);
  // every 10th, offset 5, gets a trial-only twin that never pays.
  const first = new Map<string, Row>();
  for (const r of rows) if (!first.has(r.customer)) first.set(r.customer, r);
  [...first.values()].forEach((f, i) => {
    if (i % 5 === 0) rows.push({ ...f, id: `trial-${f.customer}`, start: addDays(f.start, -10), end: f.start, mrr: 0 });
    if (i % 10 === 5)
      rows.push({ ...f, id: `t-${f.customer}`, customer: `t-${f.customer}`, end: addDays(f.start, 14), mrr: 0 });
  });
  const csv = ['subscription_id,customer_id,plan,start_date,end_date,mrr']
    .concat(rows.map((r) => `${r.id},${r.customer},${r.plan},${r.start},${r.end ?? ''},${r.mrr}`))
    .join('\n');
  writeFileSync(join(dir, 'with-trials.csv'), `${csv}\n`);
  await loadSubscriptions(wb, join(dir, 'with-trials.csv'), { replace: true });
  lib = await subscriptionKpis(wb, { by: 'plan', margin: 0.8 });
}, 180_000);
afterAll(() => {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** MRR of a customer on a day and the plan with the highest MRR then (ties: the lowest name), by plain loops. */
function atDay(periods: readonly Row[], day: string): { mrr: number; plan: string | null } {
  const perPlan = new Map<string, number>();
  let mrr = 0;
  for (const p of periods) {
    if (p.start <= day && (p.end === null || p.end > day)) {
      mrr += p.mrr;
      perPlan.set(p.plan, (perPlan.get(p.plan) ?? 0) + p.mrr);
    }
  }
  if (mrr <= 0) return { mrr: 0, plan: null };
  const plan = [...perPlan].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  return { mrr, plan };
}

describe('subscriptionKpis matches plain loops over the rows', () => {
  let months: string[];
  let at: Map<string, Map<string, { mrr: number; plan: string | null }>>; // customer → month → month-end
  const byCustomer = new Map<string, Row[]>();
  const end = (c: string, m: string) => at.get(c)?.get(m) ?? { mrr: 0, plan: null };

  beforeAll(() => {
    for (const r of rows) byCustomer.set(r.customer, [...(byCustomer.get(r.customer) ?? []), r]);
    const firstMonth = monthKey(rows.reduce((a, r) => (r.start < a ? r.start : a), '9999'));
    const lastMonth = monthKey(rows.reduce((a, r) => [a, r.start, r.end ?? ''].sort().at(-1) ?? a, ''));
    months = [];
    for (let m = firstMonth; m <= lastMonth; m = addMonths(m, 1)) months.push(m);
    at = new Map();
    for (const [c, periods] of byCustomer) {
      const mine = new Map<string, { mrr: number; plan: string | null }>();
      for (const m of months) mine.set(m, atDay(periods, lastDay(m)));
      at.set(c, mine);
    }
  });

  it('covers the same months, with MRR, ARR, paying customers and ARPA of every month', () => {
    expect(lib.rows.map((r) => iso(r.month).slice(0, 7))).toEqual(months);
    expect(months).toHaveLength(25); // December 2022 (the first trials) to December 2024
    for (const [i, m] of months.entries()) {
      const paying = [...at.keys()].map((c) => end(c, m).mrr).filter((x) => x > 0);
      const mrr = paying.reduce((a, b) => a + b, 0);
      const r = lib.rows[i]!;
      expect(r.mrr).toBeCloseTo(mrr, 6);
      expect(r.arr).toBeCloseTo(12 * mrr, 5);
      expect(r.customers).toBe(paying.length);
      if (paying.length === 0) expect(r.arpa).toBeNull();
      else expect(r.arpa).toBeCloseTo(mrr / paying.length, 9);
    }
    expect(lib.rows.at(-1)?.customers).toBeGreaterThan(300);
  });

  it('gives per-plan monthly churn with its Wilson interval, each customer in the plan of the month start', () => {
    let checked = 0;
    for (const s of lib.segments ?? []) {
      for (const [i, m] of months.entries()) {
        if (i === 0) continue;
        let base = 0;
        let lost = 0;
        for (const c of at.keys()) {
          const before = end(c, months[i - 1]!);
          if (before.mrr > 0 && before.plan === s.segment) {
            base += 1;
            if (end(c, m).mrr === 0) lost += 1;
          }
        }
        const churn = s.rows[i]!.customerChurn;
        if (base === 0) expect(churn).toBeNull();
        else {
          const [p, lo, hi] = wilson(lost, base);
          expect([churn?.events, churn?.total]).toEqual([lost, base]);
          expect(churn?.rate).toBeCloseTo(p, 12);
          expect(churn?.low).toBeCloseTo(lo, 12);
          expect(churn?.high).toBeCloseTo(hi, 12);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(60); // 3+ plans × 23 months
    expect((lib.segments ?? []).map((s) => s.segment)).toEqual(expect.arrayContaining(['basic', 'pro']));
  });

  it('gives 12-month NRR and GRR per plan and for all, the plan at the start of the window', () => {
    let checked = 0;
    const check = (segment: string | null, i: number, nrr: number | null, grr: number | null) => {
      let base = 0;
      let kept = 0;
      let gross = 0;
      for (const c of at.keys()) {
        const then = end(c, months[i - 12]!);
        if (then.mrr > 0 && (segment === null || then.plan === segment)) {
          const now = end(c, months[i]!).mrr;
          base += then.mrr;
          kept += now;
          gross += Math.min(now, then.mrr);
        }
      }
      if (base === 0) return expect([nrr, grr]).toEqual([null, null]);
      expect(nrr).toBeCloseTo(kept / base, 9);
      expect(grr).toBeCloseTo(gross / base, 9);
      return checked++;
    };
    for (let i = 12; i < months.length; i++) {
      check(null, i, lib.rows[i]!.nrr, lib.rows[i]!.grr);
      for (const s of lib.segments ?? [])
        if (s.segment !== null && s.rows[i]!.retentionBase > 0) check(s.segment, i, s.rows[i]!.nrr, s.rows[i]!.grr);
    }
    expect(lib.rows.slice(0, 13).every((r) => r.nrr === null)).toBe(true); // no one paid in December 2022
    expect(checked).toBeGreaterThan(30);
  });

  it('gives the quick ratio from the movement classes between month ends', () => {
    for (const [i, m] of months.entries()) {
      let gained = 0;
      let lostMrr = 0;
      for (const c of at.keys()) {
        const prev = i === 0 ? 0 : end(c, months[i - 1]!).mrr;
        const cur = end(c, m).mrr;
        if (cur > prev) gained += cur - prev; // new, returning and expansion all add what the customer pays more
        if (cur < prev) lostMrr += prev - cur; // cancellation and downgrade
      }
      const q = lib.rows[i]!.quickRatio;
      if (lostMrr === 0) expect(q).toBeNull();
      else expect(q).toBeCloseTo(gained / lostMrr, 9);
    }
  });

  it('gives trial → paid conversion within 30 days, open windows pending', () => {
    const lastData = rows.reduce((a, r) => [a, r.start, r.end ?? ''].sort().at(-1) ?? a, '');
    const perMonth = new Map<string, { trials: number; converted: number; pending: number }>();
    for (const [, periods] of byCustomer) {
      const paid =
        periods
          .filter((p) => p.mrr > 0)
          .map((p) => p.start)
          .sort()[0] ?? null;
      const trials = periods
        .filter((p) => p.mrr === 0 && (paid === null || p.start < paid))
        .map((p) => p.start)
        .sort();
      const start = trials[0];
      if (start === undefined) continue;
      const converted = paid !== null && paid < addDays(start, 30);
      const t = perMonth.get(monthKey(start)) ?? { trials: 0, converted: 0, pending: 0 };
      t.trials += 1;
      if (converted) t.converted += 1;
      else if (addDays(start, 30) > lastData) t.pending += 1;
      perMonth.set(monthKey(start), t);
    }
    let total = 0;
    for (const [i, m] of months.entries()) {
      const t = perMonth.get(m) ?? { trials: 0, converted: 0, pending: 0 };
      const r = lib.rows[i]!;
      expect([r.trials, r.trialConversion?.events ?? 0, r.pendingTrials]).toEqual([t.trials, t.converted, t.pending]);
      total += t.trials;
    }
    expect(total).toBeGreaterThan(400);
    // pooled over the 12 months up to the last: the rate the KPI table and the goals judge
    const window = months.slice(-12).map((m) => perMonth.get(m) ?? { trials: 0, converted: 0, pending: 0 });
    const decided = window.reduce((n, t) => n + t.trials - t.pending, 0);
    const converted = window.reduce((n, t) => n + t.converted, 0);
    const [rate, lo, hi] = wilson(converted, decided);
    const pooled = lib.rows.at(-1)?.trialConversionPooled;
    expect([pooled?.events, pooled?.total]).toEqual([converted, decided]);
    expect([pooled?.rate, pooled?.low, pooled?.high].map((x) => x?.toFixed(12))).toEqual(
      [rate, lo, hi].map((x) => x.toFixed(12)),
    );
    const all =
      lib.rows.reduce((n, r) => n + (r.trialConversion?.events ?? 0), 0) /
      lib.rows.reduce((n, r) => n + (r.trialConversion?.total ?? 0), 0);
    expect(all).toBeCloseTo(2 / 3, 1); // of every 10 customers, 2 convert and 1 never pays
  });

  it('gives LTV = ARPA × margin ÷ the customer churn of the last 12 months, with its interval', () => {
    const i = months.length - 1;
    let base = 0;
    let lost = 0;
    for (let j = i - 11; j <= i; j++)
      for (const c of at.keys()) {
        if (end(c, months[j - 1]!).mrr > 0) {
          base += 1;
          if (end(c, months[j]!).mrr === 0) lost += 1;
        }
      }
    const [p, lo, hi] = wilson(lost, base);
    const r = lib.rows[i]!;
    expect(r.ltv.value).toBeCloseTo((r.arpa! * 0.8) / p, 6);
    expect(r.ltv.low).toBeCloseTo((r.arpa! * 0.8) / hi, 6);
    expect(r.ltv.high).toBeCloseTo((r.arpa! * 0.8) / lo, 6);
    expect(lib.options).toMatchObject({ margin: 0.8, poolMonths: 12 });
  });
});
