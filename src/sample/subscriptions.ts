/**
 * generateSubscriptions: seeded synthetic subscriptions (`subscriptions.csv`) and product usage
 * (`events.csv`) with planted churn, expansion, contraction and reactivation ({@link PLANTED_SUBSCRIPTIONS}).
 * Drawn in DuckDB SQL (src/sample/subscriptions-sql.ts) in a Workbench of its own and written by COPY, each
 * file to a temp file beside it and renamed, so a failed run never leaves a half-written file. The files
 * are clean: every row loads.
 */
import { join } from 'node:path';
import { wholeNumber } from '../analyses/shared/validate.js';
import { checkOutputPath, writeAtomically } from '../report/save.js';
import { Workbench, type QueryParam } from '../workbench.js';
import { PLANTED_SUBSCRIPTIONS } from './subscriptions-planted.js';
import {
  customersSql,
  eventRowsSql,
  EXTENDED_PERIODS,
  periodsSql,
  plantedExtrasSql,
  stepsSql,
  subscriptionRowsSql,
  type GenTables,
} from './subscriptions-sql.js';

export {
  PLANTED_SUBSCRIPTIONS,
  plantedChurn,
  type PlantedSubscriptions,
  type PlantedPlan,
  type PlantedUsage,
} from './subscriptions-planted.js';

/** Options for {@link generateSubscriptions}. */
export interface SubscriptionSampleOptions {
  /** Folder the files are written to (created when missing). */
  dir: string;
  /** Number of customers. @defaultValue 5000 */
  customers?: number;
  /** Random seed (a whole number ≥ 0); the same seed writes byte-identical files. @defaultValue 1 */
  seed?: number;
  /** Also write `events.csv` (about 300 events per customer). @defaultValue true */
  events?: boolean;
}

/** What {@link generateSubscriptions} wrote. */
export interface SubscriptionSampleResult {
  /** Absolute path of `subscriptions.csv`. */
  subscriptionsPath: string;
  /** Absolute path of `events.csv`, when events were written. */
  eventsPath?: string;
  /** Customers drawn. */
  customers: number;
  /** Rows of `subscriptions.csv` (subscription periods). */
  subscriptions: number;
  /** Rows of `events.csv` (0 without events). */
  events: number;
}

const COPY_OPTIONS = "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')";

/**
 * Write `subscriptions.csv` (subscription_id, customer_id, plan, start_date, end_date, price,
 * billing_interval, currency, country, channel, usage_level) and `events.csv` (customer_id, event_time,
 * event_name, platform, device, app_version) into `dir`, for 24 months from 2023-01-01 to 2024-12-31.
 * @example const { subscriptionsPath, eventsPath } = await generateSubscriptions({ dir: 'data/saas', customers: 20_000 });
 */
export async function generateSubscriptions(options: SubscriptionSampleOptions): Promise<SubscriptionSampleResult> {
  const customers = wholeNumber('customers', options.customers ?? 5000, 1);
  const seed = wholeNumber('seed', options.seed ?? 1, 0);
  const withEvents = options.events ?? true;
  const subscriptionsFile = join(options.dir, 'subscriptions.csv');
  const eventsFile = join(options.dir, 'events.csv');
  // Both paths are checked before anything is drawn: a folder or symlink at either is never replaced.
  await checkOutputPath(subscriptionsFile, 'the sample');
  if (withEvents) await checkOutputPath(eventsFile, 'the sample');
  const wb = await Workbench.open();
  try {
    const t: GenTables = { customers: '_swb_gen_customers', steps: '_swb_gen_steps', periods: '_swb_gen_periods' };
    const params: Record<string, QueryParam> = {
      seed,
      n: customers,
      width: Math.max(6, String(customers).length),
      first: PLANTED_SUBSCRIPTIONS.firstDay,
      end: dayAfter(PLANTED_SUBSCRIPTIONS.lastDay),
    };
    await wb.run(customersSql(t), params);
    await wb.run(stepsSql(t), params);
    await wb.run(periodsSql(t), params);
    await wb.run(plantedExtrasSql(t), params);
    await wb.run(`DROP TABLE ${t.periods}; ALTER TABLE ${EXTENDED_PERIODS} RENAME TO ${t.periods}`);
    await wb.run(`DROP TABLE ${t.steps}`);
    const copy = async (path: string, select: string): Promise<{ path: string; rows: number }> => {
      let rows = 0;
      const written = await writeAtomically(
        path,
        async (temp) => {
          const [r] = await wb.query<{ Count: number }>(`COPY (${select}) TO $swb_out ${COPY_OPTIONS}`, {
            ...params,
            swb_out: temp,
          });
          rows = Number(r?.Count ?? 0);
        },
        'the sample',
      );
      return { path: written, rows };
    };
    const subs = await copy(subscriptionsFile, subscriptionRowsSql(t));
    const events = withEvents ? await copy(eventsFile, eventRowsSql(t)) : undefined;
    return {
      subscriptionsPath: subs.path,
      ...(events ? { eventsPath: events.path } : {}),
      customers,
      subscriptions: subs.rows,
      events: events?.rows ?? 0,
    };
  } finally {
    wb.close();
  }
}

/** The ISO day after an ISO day. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
