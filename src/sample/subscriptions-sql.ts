/**
 * The SQL that draws the synthetic subscriptions and events of `generateSubscriptions`, entirely in DuckDB
 * so a million customers and tens of millions of events take seconds to minutes, not hours. Every draw is a
 * uniform number from a double `hash` of `$seed` and the draw's coordinates (customer, month, day, …), so the
 * data is the same on every run and machine and independent of thread order. (One `hash` of several values
 * combines their hashes in a way that correlates draws differing in one value; hashing that hash again does not.)
 * The rates come from {@link PLANTED_SUBSCRIPTIONS}: numbers of our own, written into the SQL as literals.
 */
import { PLANTED_SUBSCRIPTIONS as P } from './subscriptions-planted.js';

/** Working tables of one generation. */
export interface GenTables {
  customers: string;
  steps: string;
  periods: string;
}

/** SQL: a uniform draw in [0, 1) from `$seed` and the given SQL values. */
export function uniformSql(...parts: string[]): string {
  return `(CAST(hash(hash($seed, ${parts.join(', ')})) >> 11 AS DOUBLE) / 9007199254740992.0)`;
}

/** SQL: the index (0-based) of the first share whose running total exceeds `draw`. */
function pickSql(draw: string, shares: readonly number[]): string {
  let total = 0;
  const whens = shares.slice(0, -1).map((s, i) => `WHEN ${draw} < ${(total += s)} THEN ${i}`);
  return `(CASE ${whens.join(' ')} ELSE ${shares.length - 1} END)`;
}

const list = (xs: ReadonlyArray<string | number>): string =>
  `[${xs.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}]`;

/**
 * One row per customer: `i`, id, start month `m0` (0–23) and day (1–28), first plan, usage level, yearly
 * billing, country, channel and the app traits (platform ios or android, tablet, a release behind). Binds `$seed`, `$n`, `$width`.
 */
export function customersSql(t: GenTables): string {
  const u = (tag: string) => uniformSql('i', `'${tag}'`);
  return `CREATE OR REPLACE TEMP TABLE ${t.customers} AS
    SELECT i, 'C' || lpad(CAST(i + 1 AS VARCHAR), $width, '0') AS customer_id,
      CAST(floor(${u('month')} * ${P.months}) AS INTEGER) AS m0, 1 + CAST(floor(${u('day')} * 28) AS INTEGER) AS day,
      ${pickSql(
        u('plan'),
        P.plans.map((p) => p.share),
      )} AS plan0, ${pickSql(
        u('usage'),
        P.usage.map((x) => x.share),
      )} AS usage,
      ${u('yearly')} < ${P.yearlyShare} AS yearly,
      ${list(P.countries.map((c) => c.country))}[1 + ${pickSql(
        u('country'),
        P.countries.map((c) => c.share),
      )}] AS country,
      ${pickSql(
        u('channel'),
        P.channels.map((c) => c.share),
      )} AS channel,
      ${u('os')} < ${P.platforms[0]?.share ?? 0.5} AS ios, ${u('tablet')} < 0.2 AS tablet, ${u('lag')} < ${P.appLagShare} AS lags
    FROM range($n) r(i)`;
}

/**
 * The monthly chain per customer: state at each anniversary k (0 … 23 − m0, the last one inside the data):
 * `status` 0 paying, 2 churned and coming back at anniversary `back_at`, 3 churned for good; `plan` and the
 * subscription number `sub_no`. A recursive CTE: each round takes the customers still in the data one month on.
 */
export function stepsSql(t: GenTables): string {
  const u = (tag: string) => uniformSql('s.i', 's.k + 1', `'${tag}'`);
  const top = P.plans.length - 1;
  return `CREATE OR REPLACE TEMP TABLE ${t.steps} AS
    WITH RECURSIVE steps(i, k, plan, sub_no, status, back_at) AS (
      SELECT i, 0, plan0, 1, 0, -1 FROM ${t.customers}
      UNION ALL
      SELECT i, k,
        CASE WHEN st = 0 AND NOT churn AND up THEN plan + 1 WHEN st = 0 AND NOT churn AND down THEN plan - 1 ELSE plan END,
        CASE WHEN st = 2 AND k = back_at THEN sub_no + 1 ELSE sub_no END,
        CASE WHEN st = 0 THEN (CASE WHEN NOT churn THEN 0 WHEN comes_back THEN 2 ELSE 3 END) WHEN k = back_at THEN 0 ELSE 2 END,
        CASE WHEN st = 0 AND churn AND comes_back THEN k + ${P.reactivationMonths[0]} + CAST(floor(gap * ${P.reactivationMonths[1] - P.reactivationMonths[0] + 1}) AS INTEGER) ELSE back_at END
      FROM (
        SELECT s.i, s.k + 1 AS k, s.plan, s.sub_no, s.status AS st, s.back_at,
          ${u('churn')} < ${list(P.plans.map((p) => p.churn))}[s.plan + 1] * ${list(P.usage.map((x) => x.churnFactor))}[c.usage + 1]
            * ${list(P.platforms.map((x) => x.churnFactor))}[CASE WHEN c.ios THEN 1 ELSE 2 END] AS churn,
          ${u('back')} < ${P.reactivation} AS comes_back, ${u('gap')} AS gap,
          ${u('change')} < ${P.upgrade} AND s.plan < ${top} AS up,
          ${u('change')} >= ${P.upgrade} AND ${u('change')} < ${P.upgrade + P.downgrade} AND s.plan > 0 AS down
        FROM steps s JOIN ${t.customers} c ON c.i = s.i
        WHERE s.k < ${P.months - 1} - c.m0 AND s.status IN (0, 2)))
    SELECT * FROM steps`;
}

/**
 * The paid periods: runs of consecutive paying anniversaries with the same subscription and plan (gaps and
 * islands), with their start and end dates; a run that reaches the last anniversary in the data has no end.
 * Binds `$first` (the first day of the data).
 */
export function periodsSql(t: GenTables): string {
  const day = (months: string) => `CAST(CAST($first AS DATE) + to_months(${months}) AS DATE) + (c.day - 1)`;
  return `CREATE OR REPLACE TEMP TABLE ${t.periods} AS
    WITH runs AS (
      SELECT i, sub_no, plan, min(k) AS k0, max(k) AS k1 FROM (
        SELECT i, k, plan, sub_no, k - row_number() OVER (PARTITION BY i, sub_no, plan ORDER BY k) AS run FROM ${t.steps} WHERE status = 0)
      GROUP BY i, sub_no, plan, run)
    SELECT r.i, r.sub_no, r.plan, ${day('c.m0 + r.k0')} AS start_date,
      CASE WHEN r.k1 < ${P.months - 1} - c.m0 THEN ${day('c.m0 + r.k1 + 1')} END AS end_date
    FROM runs r JOIN ${t.customers} c ON c.i = r.i`;
}

/** The working table {@link plantedExtrasSql} writes. */
export const EXTENDED_PERIODS = '_swb_gen_extended';

/**
 * The changes only day-dated counting sees, added to the periods (month-end MRR stays as it was): refunded first
 * attempts ({@link PLANTED_SUBSCRIPTIONS}.refund) and upgrades reverted within a month (`reversedUpgrade`): such a
 * period is split into its plan up to the 10th of the month after its start, the next plan up to the 17th, and its
 * plan again from then on, into the table {@link EXTENDED_PERIODS} (which then replaces the periods). Binds `$seed`,
 * `$end` (the day after the data).
 */
export function plantedExtrasSql(t: GenTables): string {
  const top = P.plans.length - 1;
  const tenth = "CAST(date_trunc('month', p.start_date) + INTERVAL 1 MONTH + INTERVAL 9 DAY AS DATE)";
  const seventeenth = "CAST(date_trunc('month', p.start_date) + INTERVAL 1 MONTH + INTERVAL 16 DAY AS DATE)";
  return `CREATE OR REPLACE TEMP TABLE ${EXTENDED_PERIODS} AS
    WITH marked AS (
      SELECT p.*, ${tenth} AS up_at, ${seventeenth} AS back_at,
        p.plan < ${top} AND ${seventeenth} < coalesce(p.end_date, CAST($end AS DATE))
          AND ${uniformSql('p.i', 'p.start_date', "'reverse'")} < ${P.reversedUpgrade} AS reversed
      FROM ${t.periods} p)
    SELECT i, sub_no, plan, start_date, end_date FROM marked WHERE NOT reversed
    UNION ALL SELECT i, sub_no, plan, start_date, up_at FROM marked WHERE reversed
    UNION ALL SELECT i, sub_no, plan + 1, up_at, back_at FROM marked WHERE reversed
    UNION ALL SELECT i, sub_no, plan, back_at, end_date FROM marked WHERE reversed
    UNION ALL
    SELECT p.i, 0, p.plan, CAST(p.start_date - 8 AS DATE), CAST(p.start_date - 3 AS DATE)
    FROM ${t.periods} p JOIN ${t.customers} c ON c.i = p.i
    WHERE p.sub_no = 1 AND p.start_date = (SELECT min(q.start_date) FROM ${t.periods} q WHERE q.i = p.i)
      AND c.day >= 10 AND ${uniformSql('p.i', "'refund'")} < ${P.refund}`;
}

/** The rows of subscriptions.csv, in a total order. */
export function subscriptionRowsSql(t: GenTables): string {
  return `SELECT 'S' || substr(c.customer_id, 2) || '-' || p.sub_no AS subscription_id, c.customer_id,
      ${list(P.plans.map((x) => x.plan))}[p.plan + 1] AS plan, p.start_date, p.end_date,
      CAST(${list(P.plans.map((x) => x.price))}[p.plan + 1] * CASE WHEN c.yearly THEN 12 ELSE 1 END AS DECIMAL(10, 2)) AS price,
      CASE WHEN c.yearly THEN 'year' ELSE 'month' END AS billing_interval, '${P.currency}' AS currency, c.country,
      ${list(P.channels.map((x) => x.channel))}[c.channel + 1] AS channel, ${list(P.usage.map((x) => x.level))}[c.usage + 1] AS usage_level
    FROM ${t.periods} p JOIN ${t.customers} c ON c.i = p.i
    ORDER BY c.customer_id, p.start_date, subscription_id`;
}

/**
 * The rows of events.csv, in a total order (every column): each paid day is active with probability
 * activeDays / 30; an active day has 1–6 events at seconds between 07:00 and 23:00, on one platform; the app
 * version is the quarter's release (`3.0` … `3.3`, `4.0` … `4.3`), one earlier for customers who lag.
 * Binds `$first` and `$end` (the day after the data).
 */
export function eventRowsSql(t: GenTables): string {
  const [lo, hi] = P.eventsPerActiveDay;
  return `WITH days AS (
      SELECT p.i, CAST(x AS DATE) AS day FROM ${t.periods} p,
        range(CAST(p.start_date AS TIMESTAMP), CAST(coalesce(p.end_date, CAST($end AS DATE)) AS TIMESTAMP), INTERVAL 1 DAY) r(x)),
    active AS (
      SELECT d.i, d.day, c.customer_id, c.usage, c.ios, c.tablet, c.lags,
        ${uniformSql('d.i', 'd.day', "'mobile'")} < ${list(P.channels.map((x) => x.mobileShare))}[c.channel + 1] AS mobile,
        ${lo} + CAST(floor(${uniformSql('d.i', 'd.day', "'count'")} * ${hi - lo + 1}) AS INTEGER) AS n,
        greatest(0, CAST(floor(date_diff('month', CAST($first AS DATE), d.day) / 3) AS INTEGER) - CAST(c.lags AS INTEGER)) AS release
      FROM days d JOIN ${t.customers} c ON c.i = d.i
      WHERE ${uniformSql('d.i', 'd.day', "'active'")} < ${list(P.usage.map((x) => x.activeDays))}[c.usage + 1] / 30.0)
    SELECT customer_id, CAST(day AS TIMESTAMP) + to_seconds(25200 + CAST(floor(${uniformSql('i', 'day', 'j', "'time'")} * 57600) AS BIGINT)) AS event_time,
      ${list(P.eventNames)}[1 + CAST(floor(${uniformSql('i', 'day', 'j', "'name'")} * ${list(P.usage.map((x) => x.features))}[usage + 1]) AS INTEGER)] AS event_name,
      CASE WHEN NOT mobile THEN 'web' WHEN ios THEN 'ios' ELSE 'android' END AS platform,
      CASE WHEN NOT mobile THEN 'desktop' WHEN tablet THEN 'tablet' ELSE 'phone' END AS device,
      CASE WHEN mobile THEN CAST(3 + release // 4 AS VARCHAR) || '.' || CAST(release % 4 AS VARCHAR) END AS app_version
    FROM active, range(n) e(j)
    ORDER BY ALL`;
}
