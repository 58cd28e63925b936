// The subscription stages of the bench (`node bench/run.js --subscriptions`), each run in its own process by
// stage.js: generate, the workbench's subscription and usage analyses, and plain DuckDB SQL doing the same
// minimal work. Every stage prints one JSON line: stage, rows, seconds, peak RSS, a note.
import { writeFileSync } from 'node:fs';
import * as swb from '../dist/index.js';

const quote = (path) => `'${path.replaceAll("'", "''")}'`;
const seconds = (t) => (performance.now() - t) / 1000;
const laps = () => {
  let t = performance.now();
  const parts = [];
  return {
    lap(label) {
      const s = seconds(t);
      parts.push(`${label} ${s.toFixed(1)}`);
      t = performance.now();
      return s;
    },
    text: () => parts.join(', '),
  };
};

/** Plain DuckDB through @duckdb/node-api, as the transactions baseline uses it (no memory cap, all cores). */
async function plainDuckDb() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
  return { con, rows, close: () => con.closeSync() };
}

/**
 * The subscriptions as the minimal SQL reads them: typed read_csv, mrr = price ÷ 12 for yearly billing (rounded to
 * 4 decimals as the loader does), rows without customer or start date, ending on or before the start, or with MRR
 * below zero left out, exact duplicates once. (The loader also sets aside overlapping periods; the sample has none.)
 */
const SUBS_SQL = (
  csv,
) => `CREATE TABLE subs AS SELECT DISTINCT subscription_id, customer_id, plan, start_date, end_date,
    CAST(round(price / CASE billing_interval WHEN 'year' THEN 12 WHEN 'quarter' THEN 3 ELSE 1 END, 4) AS DECIMAL(18, 4)) AS mrr
  FROM read_csv(${quote(csv)})
  WHERE customer_id IS NOT NULL AND start_date IS NOT NULL AND (end_date IS NULL OR end_date > start_date) AND price >= 0`;

/** Paying customers at a date (the month-end rule's "paying at a day"), as SQL over `subs`. */
const payingAt = (
  day,
) => `SELECT customer_id FROM subs WHERE start_date <= ${day} AND (end_date IS NULL OR end_date > ${day})
  GROUP BY customer_id HAVING sum(mrr) > 0`;

export async function runSubscriptionStage(stage, args) {
  const t0 = performance.now();
  let rows;
  let note = '';
  let timed;
  if (stage === 'subs-generate') {
    // args: dir, customers, events (true/false); the same seed as every bench file
    const r = await swb.generateSubscriptions({
      dir: args[0],
      customers: Number(args[1]),
      seed: 1,
      events: args[2] === 'true',
    });
    rows = r.subscriptions + r.events;
    note = `${r.customers} customers: ${r.subscriptions} subscription rows, ${r.events} events`;
  } else if (stage === 'subs-workbench') {
    // loadSubscriptions + mrrMovements + subscriptionChurn by plan + subscriptionCohorts
    const wb = await swb.Workbench.open();
    const l = laps();
    const load = await swb.loadSubscriptions(wb, args[0]);
    l.lap('load');
    const m = await swb.mrrMovements(wb);
    l.lap('movements');
    const c = await swb.subscriptionChurn(wb, { by: 'plan' });
    l.lap('churn by plan');
    const co = await swb.subscriptionCohorts(wb);
    l.lap('cohorts');
    rows = load.rowsLoaded;
    const t = m.totals;
    note =
      `${l.text()}; ${load.customers} customers; totals new ${t.new} expansion ${t.expansion} contraction ${t.contraction} churned ${t.churned} reactivation ${t.reactivation}; ` +
      `churned customers ${c.total.churnedCustomers} of ${c.total.customerMonths} customer-months; ${co.rows.length} cohort cells`;
    wb.close();
  } else if (stage === 'subs-baseline') {
    // The same work in plain SQL: typed read, month-end MRR per customer-month, the five bridge classes per month,
    // customer and revenue churn by plan (the plan with the highest MRR at the month start), paying customers and MRR by start month.
    const { con, rows: q, close } = await plainDuckDb();
    const l = laps();
    await con.run(SUBS_SQL(args[0]));
    l.lap('read');
    await con.run(`CREATE TABLE mm AS
      WITH b AS (SELECT date_trunc('month', min(start_date)) AS first, date_trunc('month', greatest(max(start_date), max(end_date))) AS last FROM subs),
      months AS (SELECT CAST(m AS DATE) AS month, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
        FROM (SELECT unnest(generate_series(first, last, INTERVAL 1 MONTH)) AS m FROM b))
      SELECT s.customer_id, months.month, sum(s.mrr) AS mrr, arg_max(s.plan, s.mrr) AS plan
      FROM months JOIN subs s ON s.start_date <= months.month_end AND (s.end_date IS NULL OR s.end_date > months.month_end)
      GROUP BY ALL HAVING sum(s.mrr) > 0`);
    l.lap('month-end mrr');
    await con.run(`CREATE TABLE pairs AS
      SELECT coalesce(c.customer_id, p.customer_id) AS customer_id, coalesce(c.month, p.month) AS month,
        coalesce(p.mrr, 0) AS prev, coalesce(c.mrr, 0) AS cur, p.plan AS plan_at_start
      FROM mm c FULL JOIN (SELECT customer_id, CAST(month + INTERVAL 1 MONTH AS DATE) AS month, mrr, plan FROM mm) p
        ON c.customer_id = p.customer_id AND c.month = p.month
      WHERE coalesce(c.month, p.month) <= (SELECT max(month) FROM mm)`);
    const bridge = await q(`WITH f AS (SELECT customer_id, min(month) AS first_month FROM mm GROUP BY 1)
      SELECT month, sum(cur) FILTER (WHERE prev = 0 AND month = first_month) AS new,
        sum(cur) FILTER (WHERE prev = 0 AND month > first_month) AS reactivation,
        sum(cur - prev) FILTER (WHERE prev > 0 AND cur > prev) AS expansion,
        sum(prev - cur) FILTER (WHERE cur > 0 AND cur < prev) AS contraction,
        sum(prev) FILTER (WHERE prev > 0 AND cur = 0) AS churned, count(*) FILTER (WHERE cur > 0) AS paying
      FROM pairs JOIN f USING (customer_id) GROUP BY month ORDER BY month`);
    l.lap('bridge');
    const churn =
      await q(`SELECT plan_at_start AS plan, count(*) AS customer_months, count(*) FILTER (WHERE cur = 0) AS churned,
        sum(prev) AS mrr_at_risk, sum(prev) FILTER (WHERE cur = 0) AS churned_mrr,
        sum(prev - cur) FILTER (WHERE cur > 0 AND cur < prev) AS contraction, sum(cur - prev) FILTER (WHERE cur > prev) AS expansion
      FROM pairs WHERE prev > 0 GROUP BY 1 ORDER BY 1`);
    l.lap('churn by plan');
    const cohorts = await q(`WITH f AS (SELECT customer_id, min(month) AS cohort FROM mm GROUP BY 1)
      SELECT cohort, date_diff('month', cohort, month) AS k, count(*) AS paying, sum(mrr) AS mrr
      FROM mm JOIN f USING (customer_id) GROUP BY ALL ORDER BY ALL`);
    l.lap('cohorts');
    const total = (k) => bridge.reduce((s, r) => s + Number(r[k] ?? 0), 0);
    rows = Number((await q('SELECT count(*) AS n FROM subs'))[0].n);
    note =
      `${l.text()}; totals new ${total('new')} expansion ${total('expansion')} contraction ${total('contraction')} churned ${total('churned')} reactivation ${total('reactivation')}; ` +
      `churned customers ${churn.reduce((s, r) => s + Number(r.churned), 0)} of ${churn.reduce((s, r) => s + Number(r.customer_months), 0)} customer-months; ${cohorts.length} cohort cells`;
    close();
  } else if (stage === 'usage-workbench') {
    // loadEvents + usageSegments + usageChurn; the subscriptions of the same customers are loaded first, untimed
    const wb = await swb.Workbench.open();
    await swb.loadSubscriptions(wb, args[0]);
    const t1 = performance.now();
    const l = laps();
    const load = await swb.loadEvents(wb, args[1]);
    l.lap('load events');
    const seg = await swb.usageSegments(wb);
    l.lap('usage segments');
    const churn = await swb.usageChurn(wb);
    l.lap('usage churn');
    timed = seconds(t1);
    rows = load.rowsLoaded;
    note =
      `${l.text()}; segments ${seg.segments.map((s) => `${s.segment} ${s.customers}`).join(' ')}; ` +
      `churn ${churn.rows.map((r) => `${r.segment} ${r.churned}/${r.customers}`).join(' ')} (at ${churn.options.at.toISOString().slice(0, 10)})`;
    wb.close();
  } else if (stage === 'usage-baseline') {
    // The same work in plain SQL: typed read of the events; per paying customer the active days (and features) in the 30 days
    // before the day after the last event, the segment by the same thresholds; then, 3 months before the latest subscription date,
    // the segment of each paying customer and whether they still pay 3 months later.
    const { con, rows: q, close } = await plainDuckDb();
    await con.run(SUBS_SQL(args[0]));
    const t1 = performance.now();
    const l = laps();
    await con.run(`CREATE TABLE events AS SELECT customer_id, event_time, event_name, platform FROM read_csv(${quote(args[1])})
      WHERE customer_id IS NOT NULL AND event_time IS NOT NULL AND event_name IS NOT NULL`);
    l.lap('read events');
    const segmentOf = (at) => `WITH paying AS (${payingAt(at)}),
      act AS (SELECT customer_id, count(DISTINCT CAST(event_time AS DATE)) AS days, count(DISTINCT event_name) AS features FROM events
        WHERE event_time >= ${at} - INTERVAL 30 DAY AND event_time < ${at} GROUP BY 1)
      SELECT paying.customer_id, CASE WHEN coalesce(days, 0) = 0 THEN 'dormant' WHEN days / 30 < 0.25 THEN 'light'
        WHEN days / 30 > 0.6 THEN 'power' ELSE 'regular' END AS segment
      FROM paying LEFT JOIN act USING (customer_id)`;
    const segAt = '(SELECT CAST(max(event_time) AS DATE) + 1 FROM events)';
    const order = "CASE segment WHEN 'dormant' THEN 0 WHEN 'light' THEN 1 WHEN 'regular' THEN 2 ELSE 3 END";
    const seg = await q(`SELECT segment, count(*) AS n FROM (${segmentOf(segAt)}) GROUP BY 1 ORDER BY ${order}`);
    l.lap('usage segments');
    const churnAt = '(SELECT CAST(greatest(max(start_date), max(end_date)) - INTERVAL 3 MONTH AS DATE) FROM subs)';
    const churn =
      await q(`WITH s AS (${segmentOf(churnAt)}), later AS (${payingAt(`CAST(${churnAt} + INTERVAL 3 MONTH AS DATE)`)})
      SELECT segment, count(*) AS n, count(*) FILTER (WHERE later.customer_id IS NULL) AS churned
      FROM s LEFT JOIN later USING (customer_id) GROUP BY 1 ORDER BY ${order}`);
    l.lap('usage churn');
    timed = seconds(t1);
    rows = Number((await q('SELECT count(*) AS n FROM events'))[0].n);
    note = `${l.text()}; segments ${seg.map((r) => `${r.segment} ${r.n}`).join(' ')}; churn ${churn.map((r) => `${r.segment} ${r.churned}/${r.n}`).join(' ')}`;
    close();
  } else if (stage === 'subs-explain' || stage === 'usage-explain') {
    // EXPLAIN ANALYZE of the analysis statements that read the most rows: the month table of the subscriptions and the three
    // analyses over it, or the per-customer usage rows of usageSegments (two grouped scans of the events). The plans go to
    // the last argument; the note has each statement's time under EXPLAIN ANALYZE.
    const wb = await swb.Workbench.open();
    await swb.loadSubscriptions(wb, args[0]);
    const statements = [];
    if (stage === 'subs-explain') {
      // The month table all three analyses read (built once, cached), then each analysis over it.
      const { monthCustomersSql, monthRowsSql } = await import('../dist/analyses/subscriptions/months-sql.js');
      const { MONTH_TABLES } = await import('../dist/analyses/subscriptions/months.js');
      const { mrrMovementsSql } = await import('../dist/analyses/subscriptions/movements-sql.js');
      const { subscriptionChurnSql } = await import('../dist/analyses/subscriptions/churn-sql.js');
      const { subscriptionCohortsSql } = await import('../dist/analyses/subscriptions/cohorts-sql.js');
      const [b] = await wb.query(`SELECT date_trunc('month', min(start_date)) AS first,
        date_trunc('month', greatest(max(start_date), coalesce(max(end_date), max(start_date)))) AS last FROM subscriptions`);
      await wb.run(`CREATE TEMP TABLE _bench_customers AS ${monthCustomersSql('subscriptions', 'plan')}`);
      statements.push([
        'month table (once per subscriptions table)',
        monthRowsSql('subscriptions', '_bench_customers', 'plan'),
        {},
      ]);
      await swb.mrrMovements(wb); // builds the cached month table
      const range = { from: b.first, to: b.last };
      statements.push(['mrrMovements (cached months)', mrrMovementsSql('subscriptions', MONTH_TABLES), range]);
      const by = { kind: 'subscriptions', table: 'subscriptions', column: 'plan' };
      statements.push([
        'subscriptionChurn by plan (cached months)',
        subscriptionChurnSql({ source: 'subscriptions', by, tables: MONTH_TABLES }),
        range,
      ]);
      statements.push([
        'subscriptionCohorts (cached months)',
        subscriptionCohortsSql('subscriptions', MONTH_TABLES),
        range,
      ]);
    } else {
      const { usageCustomersSql } = await import('../dist/analyses/usage/sql.js');
      const t = performance.now();
      await swb.loadEvents(wb, args[1]);
      note = `loadEvents ${seconds(t).toFixed(1)} s; `;
      const [last] = await wb.query('SELECT CAST(max(event_time) AS DATE) + 1 AS at FROM events');
      const { sql, params } = usageCustomersSql({
        events: 'events',
        subscriptions: 'subscriptions',
        universe: 'paying',
        withSubscriptions: true,
        at: last.at,
        windowDays: 30,
        lightBelow: 0.25,
        powerAbove: 0.6,
        featureBands: [1, 2, 5],
      });
      statements.push(['usageSegments: usage rows per customer', sql, params]);
    }
    const text = [];
    const t1 = performance.now();
    for (const [label, sql, params] of statements) {
      const t = performance.now();
      const plan = await wb.query(`EXPLAIN ANALYZE ${sql}`, params);
      note += `${label} ${seconds(t).toFixed(1)} s; `;
      text.push(`-- ${label}\n${plan.map((r) => r.explain_value).join('\n')}`);
    }
    timed = seconds(t1);
    const out = args[args.length - 1];
    writeFileSync(out, `${text.join('\n\n')}\n`);
    note += `plans in ${out}`;
    rows = 0;
    wb.close();
  } else {
    throw new Error(`unknown subscription stage: ${stage}`);
  }
  const s = timed ?? seconds(t0);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      stage,
      rows,
      seconds: s,
      rowsPerSecond: rows ? Math.round(rows / s) : undefined,
      peakRssMb,
      note,
    }),
  );
}
