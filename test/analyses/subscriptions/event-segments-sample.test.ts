/**
 * Technographic churn on the generated sample (5,000 customers, seed 42, as notebook 08), where the planted
 * truth is known: Android customers churn 1.5 × as often as iOS customers, and the app version has no effect.
 * Taken at each month start, the platform shows the Android effect and the app version none; grouped by each
 * customer's latest version instead (the hindsight trap), old versions look like churn, because the customers
 * who left early stopped updating when they left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbench } from '../../../src/workbench.js';
import { loadSubscriptions } from '../../../src/data/subscriptions.js';
import { loadEvents } from '../../../src/data/events.js';
import { generateSubscriptions } from '../../../src/sample/subscriptions.js';
import {
  mrrMovements,
  subscriptionChurn,
  type SubscriptionChurnResult,
} from '../../../src/analyses/subscriptions/index.js';
import { clearlyDifferent } from '../../../src/stats/proportion.js';

let wb: Workbench;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swb-tech-'));
  const g = await generateSubscriptions({ dir, customers: 5000, seed: 42 });
  wb = await Workbench.open();
  await loadSubscriptions(wb, g.subscriptionsPath);
  await loadEvents(wb, g.eventsPath!);
}, 180_000);
afterAll(() => wb.close());

const row = (r: SubscriptionChurnResult, segment: string) => {
  const found = r.rows.find((x) => x.segment === segment);
  if (!found) throw new Error(`no segment ${segment}`);
  return found;
};
/** Highest ÷ lowest monthly churn rate over the segments with a value. */
const spread = (r: SubscriptionChurnResult): number => {
  const rates = r.rows.filter((x) => x.segment !== null).map((x) => x.customerChurn.rate);
  return Math.max(...rates) / Math.min(...rates);
};

describe('technographic churn at each month start on the sample', () => {
  it('finds the planted Android × 1.5: Android 5.30% against iOS 3.31% a month, intervals apart', async () => {
    const r = await subscriptionChurn(wb, { by: 'platform' });
    const android = row(r, 'android').customerChurn;
    const ios = row(r, 'ios').customerChurn;
    expect([android.events, android.total, ios.events, ios.total]).toEqual([357, 6739, 259, 7822]);
    expect(clearlyDifferent(android, ios)).toBe(true);
    expect(android.rate / ios.rate).toBeGreaterThan(1.2);
    expect(android.rate / ios.rate).toBeLessThan(2);
    // the web days mix both platforms' customers: in between
    expect(row(r, 'web').customerChurn.rate).toBeGreaterThan(ios.rate);
    expect(row(r, 'web').customerChurn.rate).toBeLessThan(android.rate);
  });

  it('shows no app-version effect at the month start, where the latest version shows a spurious one', async () => {
    const major = await subscriptionChurn(wb, { by: 'app_major' });
    expect(clearlyDifferent(row(major, '3').customerChurn, row(major, '4').customerChurn)).toBe(false);
    const version = await subscriptionChurn(wb, { by: 'app_version' });
    expect(version.rows.map((x) => x.segment)).toEqual(['3.0', '3.1', '3.2', '3.3', '4.0', '4.1', '4.2', '4.3', null]);
    // every version between 3.1% and 4.5% a month (the small drift: later months keep the customers who stay)
    expect(spread(version)).toBeLessThan(1.5);

    // The hindsight trap: each customer's latest version overall, the same customers and months.
    await wb.run(`create or replace table latest_app as
      select customer_id, arg_max(app_version, (event_time, app_version)) as app_version,
        split_part(arg_max(app_version, (event_time, app_version)), '.', 1) as app_major
      from events where app_version is not null group by customer_id`);
    const latest = await subscriptionChurn(wb, { by: { table: 'latest_app', column: 'app_version' } });
    expect(spread(latest)).toBeGreaterThan(10);
    expect(row(latest, '3.0').customerChurn.rate).toBeGreaterThan(0.4); // 48.9% a month
    expect(row(latest, '4.3').customerChurn.rate).toBeLessThan(0.01); // 0.86%
    const latestMajor = await subscriptionChurn(wb, { by: { table: 'latest_app', column: 'app_major' } });
    expect(clearlyDifferent(row(latestMajor, '3').customerChurn, row(latestMajor, '4').customerChurn)).toBe(true);
  });

  it('gives churn per app major month by month: major 4 at the month starts from February 2024 (released in January)', async () => {
    const m = await mrrMovements(wb, { by: 'app_major' });
    const four = m.bySegment?.segments.find((s) => s.segment === '4');
    const first = four?.rows.find((x) => x.customersStart > 0);
    expect(first?.month.toISOString().slice(0, 10)).toBe('2024-02-01');
    // in the months both majors are in use, their intervals overlap every month
    const three = m.bySegment?.segments.find((s) => s.segment === '3');
    for (const r of four?.rows ?? []) {
      const other = three?.rows.find((x) => x.month.getTime() === r.month.getTime());
      if (!other || other.customersStart < 100 || r.customersStart < 100) continue;
      expect(clearlyDifferent(r.customerChurn, other.customerChurn), r.month.toISOString()).toBe(false);
    }
  });
});
