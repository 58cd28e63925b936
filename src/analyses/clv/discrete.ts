/**
 * Predicted transactions for discrete-opportunity data with BG/BB (Fader, Hardie & Shang 2010): data where a
 * customer transacts at most once per period — a yearly donation, an annual renewal, a yearly event. The
 * orders are cut into calendar periods (year, quarter or month, as the caller chooses: the model cannot
 * know what an opportunity is); per customer, x = periods with a purchase after the first period, t_x = the
 * last of them counted from the first, n = the periods after the first up to the calibration end. Built in
 * DuckDB SQL; the fit and the per-(x, t_x, n) predictions in JS, joined back to every customer in SQL.
 * Whether the data is of the discrete kind is measured, not guessed: `multiDayShare` is the share of
 * customer-periods with purchases on more than one day, and a warning says when it exceeds
 * {@link DISCRETE_MULTI_DAY_LIMIT} (those purchases collapse into one transaction; BG/NBD fits such data).
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';
import { quoteIdentifier } from '../../sql.js';
import { checkOptionKeys, keyword, optionalDate, optionKeys, outputTable, wholeNumber } from '../shared/validate.js';
import { bgbbConditionalExpected, bgbbPAlive, fitBgbb, type BgbbFit, type BgbbGroup } from './bgbb.js';
import { purchaseDaysSql, utcDay } from './summary.js';
import { clvMessages } from './messages.js';

/** A transaction opportunity. */
export type DiscretePeriod = 'year' | 'quarter' | 'month';

/** Options of {@link clvDiscrete}. */
export interface ClvDiscreteOptions {
  /** What one transaction opportunity is. @defaultValue 'year' */
  period?: DiscretePeriod;
  /**
   * Last day of the calibration; the periods up to and including the one holding it are calibration.
   * @defaultValue the last day of the last complete period of the data
   */
  calibrationEnd?: Date;
  /** Periods after the calibration compared with the predictions (0 = no check). @defaultValue 0 */
  holdoutPeriods?: number;
  /** Periods ahead that expected transactions are predicted for. @defaultValue 5 */
  horizonPeriods?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Per-customer output table. @defaultValue 'clv_bgbb' */
  table?: string;
  /** Allow `table` to replace an input table. @defaultValue false */
  replace?: boolean;
}

/** What {@link clvDiscrete} found. */
export interface ClvDiscreteResult {
  /** The BG/BB fit (α, β, γ, δ, log-likelihood, standard errors). */
  bgbb: BgbbFit;
  period: DiscretePeriod;
  /** First day of the last calibration period. */
  lastCalibrationPeriod: Date;
  horizonPeriods: number;
  /** Customers whose first purchase is in the calibration. */
  customers: number;
  /** Expected transactions of all customers in the next `horizonPeriods` periods. */
  expectedTotal: number;
  /** Predicted against actual transactions in the holdout periods (null without `holdoutPeriods`). */
  holdout: { periods: number; predictedTotal: number; actualTotal: number } | null;
  /** Share of customer-periods of the calibration with purchases on more than one day. */
  multiDayShare: number;
  /** Plain-language warnings (English). */
  warnings: string[];
  /** Per-customer table: customer_id, first_period, x, t_x, n, p_alive, expected, x_holdout, predicted_holdout. */
  table: string;
}

/** Above this share of customer-periods with purchases on several days the data is not of the discrete kind. */
export const DISCRETE_MULTI_DAY_LIMIT = 0.05;

const KEYS = optionKeys<ClvDiscreteOptions>({
  period: true,
  calibrationEnd: true,
  holdoutPeriods: true,
  horizonPeriods: true,
  source: true,
  table: true,
  replace: true,
});

const MONTHS: Record<DiscretePeriod, number> = { year: 12, quarter: 3, month: 1 };

/** First day (UTC) of the period holding `d`, moved by `k` periods. */
export function periodStart(d: Date, period: DiscretePeriod, k = 0): Date {
  const step = MONTHS[period];
  const month = Math.floor(d.getUTCMonth() / step) * step;
  return new Date(Date.UTC(d.getUTCFullYear(), month + k * step, 1));
}

/** SQL creating the per-customer BG/BB summary; binds `$calP`, `$holdP` (period starts) and `$holdEnd`. */
export function bgbbSummarySql(source: string, table: string, period: DiscretePeriod): string {
  // period is one of three keywords (checked), written as a literal for date_trunc and date_diff
  const unit = `'${period}'`;
  return `create or replace table ${quoteIdentifier(table)} as
with days as (${purchaseDaysSql(source)}), periods as (
  select customer_id, date_trunc(${unit}, day) as p, count(*) as days from days group by all
), agg as (
  select customer_id, min(p) as first_p,
    (count(*) filter (where p <= $calP) - 1)::integer as x,
    max(p) filter (where p <= $calP) as last_p,
    (count(*) filter (where p > $calP and p <= $holdP))::integer as x_holdout,
    (count(*) filter (where p <= $calP and days > 1))::integer as multi,
    (count(*) filter (where p <= $calP))::integer as active
  from periods group by customer_id having min(p) <= $calP
)
select customer_id, first_p::date as first_period, x,
  date_diff(${unit}, first_p, last_p)::integer as t_x,
  date_diff(${unit}, first_p, $calP::timestamp)::integer as n,
  x_holdout, multi, active
from agg
order by customer_id`;
}

/**
 * BG/BB on the transactions cut into periods: fit, P(alive) in the next period and expected transactions
 * per customer (table `clv_bgbb`), the total, and with `holdoutPeriods` predicted against actual.
 * @example const d = await clvDiscrete(wb, { period: 'year', holdoutPeriods: 1 }); d.bgbb.alpha; d.holdout
 */
export async function clvDiscrete(wb: Workbench, options: ClvDiscreteOptions = {}): Promise<ClvDiscreteResult> {
  checkOptionKeys('clvDiscrete', options, KEYS);
  const period = keyword('period', options.period ?? 'year', ['year', 'quarter', 'month']);
  const holdoutPeriods = wholeNumber('holdoutPeriods', options.holdoutPeriods ?? 0, 0);
  const horizonPeriods = wholeNumber('horizonPeriods', options.horizonPeriods ?? 5, 1);
  const source = options.source ?? 'transactions';
  const table = outputTable('clvDiscrete', options.table, 'clv_bgbb', {
    source,
    ...(options.replace ? { replace: true } : {}),
  });
  if (!(await wb.hasTable(source))) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const given = optionalDate('calibrationEnd', options.calibrationEnd);
  const [row] = await wb.query(`select max(order_date) as last from ${quoteIdentifier(source)}`);
  const last = row?.['last'];
  if (!(last instanceof Date)) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  // Default: the last complete period (the one holding the last day when that day closes it)
  const lastDay = utcDay(last);
  const closes = periodStart(new Date(lastDay.getTime() + 86_400_000), period).getTime() > lastDay.getTime();
  const calP = given ? periodStart(utcDay(given), period) : periodStart(lastDay, period, closes ? 0 : -1);
  const holdP = periodStart(calP, period, holdoutPeriods);
  const holdEnd = new Date(periodStart(calP, period, holdoutPeriods + 1).getTime() - 86_400_000);
  await wb.run(bgbbSummarySql(source, table, period), { calP, holdP, holdEnd });
  const groups = (
    await wb.query(
      `select x, t_x, n, count(*)::double as count from ${quoteIdentifier(table)} group by all order by x, t_x, n`,
    )
  ).map((r) => ({ x: Number(r['x']), t_x: Number(r['t_x']), n: Number(r['n']), count: Number(r['count']) }));
  if (groups.length === 0)
    throw new WorkbenchError('NO_DATA', clvMessages.noCalibrationCustomers(source, calP), { calibrationEnd: calP });
  const bgbb = fitBgbb(groups);
  await scoreGroups(wb, table, bgbb, groups, horizonPeriods, holdoutPeriods);
  const [t] = await wb.query(
    `select count(*)::double as n, sum(expected) as expected, sum(multi)::double as multi, sum(active)::double as active,
       sum(x_holdout)::double as actual, sum(predicted_holdout) as predicted
     from ${quoteIdentifier(table)}`,
  );
  const multiDayShare = Number(t?.['multi'] ?? 0) / Math.max(1, Number(t?.['active'] ?? 0));
  const warnings = multiDayShare > DISCRETE_MULTI_DAY_LIMIT ? [clvMessages.warnNotDiscrete(multiDayShare, period)] : [];
  return {
    bgbb,
    period,
    lastCalibrationPeriod: calP,
    horizonPeriods,
    customers: Number(t?.['n'] ?? 0),
    expectedTotal: Number(t?.['expected'] ?? 0),
    holdout:
      holdoutPeriods > 0
        ? {
            periods: holdoutPeriods,
            predictedTotal: Number(t?.['predicted'] ?? 0),
            actualTotal: Number(t?.['actual'] ?? 0),
          }
        : null,
    multiDayShare,
    warnings,
    table,
  };
}

/** Add p_alive, expected (over the horizon) and predicted_holdout to the summary table, per (x, t_x, n). */
async function scoreGroups(
  wb: Workbench,
  table: string,
  fit: BgbbFit,
  groups: readonly BgbbGroup[],
  horizon: number,
  holdout: number,
): Promise<void> {
  const cols = { x: [] as number[], tx: [] as number[], n: [] as number[], pa: [] as number[], ex: [] as number[] };
  const ho: number[] = [];
  for (const g of groups) {
    cols.x.push(g.x);
    cols.tx.push(g.t_x);
    cols.n.push(g.n);
    cols.pa.push(bgbbPAlive(fit, g.x, g.t_x, g.n));
    cols.ex.push(bgbbConditionalExpected(fit, horizon, g.x, g.t_x, g.n));
    ho.push(holdout > 0 ? bgbbConditionalExpected(fit, holdout, g.x, g.t_x, g.n) : 0);
  }
  const q = quoteIdentifier(table);
  await wb.run(
    `create or replace table ${q} as
     with g as (
       select unnest(x) as x, unnest(tx) as t_x, unnest(n) as n, unnest(pa) as p_alive, unnest(ex) as expected,
         unnest(ho) as predicted_holdout
       from (select from_json($x, '["INTEGER"]') as x, from_json($tx, '["INTEGER"]') as tx, from_json($n, '["INTEGER"]') as n,
         from_json($pa, '["DOUBLE"]') as pa, from_json($ex, '["DOUBLE"]') as ex, from_json($ho, '["DOUBLE"]') as ho)
     )
     select s.customer_id, s.first_period, s.x, s.t_x, s.n, g.p_alive, g.expected,
       case when $holdout > 0 then s.x_holdout end as x_holdout,
       case when $holdout > 0 then g.predicted_holdout end as predicted_holdout, s.multi, s.active
     from ${q} s join g using (x, t_x, n)
     order by s.customer_id`,
    {
      x: JSON.stringify(cols.x),
      tx: JSON.stringify(cols.tx),
      n: JSON.stringify(cols.n),
      pa: JSON.stringify(cols.pa),
      ex: JSON.stringify(cols.ex),
      ho: JSON.stringify(ho),
      holdout,
    },
  );
}
