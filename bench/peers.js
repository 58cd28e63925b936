// The side-by-side peers of `npm run bench`: plain DuckDB SQL through @duckdb/node-api and Polars for Node, each
// doing the same work (read, clean, R/F/M per customer with quintile scores, monthly cohort counts), and the
// numbers each of them (and the workbench) finds, so run.js can check that they agree.
//
// Definitions shared by every peer: a row is kept when it has a customer, a date and a non-zero amount, and is
// not an exact duplicate of an earlier row; recency = days from the day of the customer's last row to the day
// after the last row in the data; frequency = distinct orders with a positive amount; monetary = net amount;
// scores = ntile(5) over the customers sorted worst to best; cohort = month of the customer's first row,
// cell (cohort, k) = customers with a row k months later.
import { createHash } from 'node:crypto';

/**
 * What a peer found, for the agreement check: rows kept, customers, the sums of recency days, frequency and
 * monetary cents over the customers, the (min, max) of each metric per quintile score (peers that score with
 * ntile), and the non-empty cohort cells (how many, and a digest of `cohort:k:customers` sorted).
 */
function check({ rows, customers, recency, frequency, cents, edges, cells }) {
  const list = cells.map(([c, k, n]) => `${c}:${k}:${n}`).sort();
  return {
    rows,
    customers,
    recencyDays: recency,
    frequency,
    monetaryCents: cents,
    ...(edges ? { edges } : {}),
    cohortCells: list.length,
    cohortDigest: createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16),
  };
}

/**
 * Plain DuckDB SQL: the minimal statements for the same definitions, on a CSV or (by its extension) a Parquet file;
 * `memoryLimit` as the workbench's when they are compared at one (the 100M-row run).
 */
export async function sqlPeer(csv, memoryLimit) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  if (memoryLimit) await con.run(`SET memory_limit = '${memoryLimit.replaceAll("'", "''")}'`);
  const read = csv.endsWith('.parquet') ? 'read_parquet' : 'read_csv';
  await con.run(`CREATE TABLE t AS SELECT DISTINCT * FROM ${read}('${csv.replaceAll("'", "''")}')
    WHERE customer_id IS NOT NULL AND order_date IS NOT NULL AND amount IS NOT NULL AND amount <> 0`);
  await con.run(`CREATE TABLE rfm AS WITH c AS (
      SELECT customer_id, date_diff('day', max(order_date), (SELECT date_trunc('day', max(order_date)) + INTERVAL 1 DAY FROM t)) AS recency_days,
        count(DISTINCT order_id) FILTER (WHERE amount > 0) AS frequency, sum(amount::DECIMAL(18, 2)) AS monetary FROM t GROUP BY 1)
    SELECT *, ntile(5) OVER (ORDER BY -recency_days) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m FROM c`);
  const cells =
    await con.runAndReadAll(`WITH f AS (SELECT customer_id, date_trunc('month', min(order_date)) AS c FROM t GROUP BY 1)
    SELECT strftime(c, '%Y-%m') AS c, date_diff('month', c, date_trunc('month', order_date)) AS k, count(DISTINCT customer_id) AS n FROM t JOIN f USING (customer_id) GROUP BY ALL ORDER BY ALL`);
  const [[rows]] = (await con.runAndReadAll('SELECT count(*) FROM t')).getRows();
  const [[customers, recency, frequency, cents]] = (
    await con.runAndReadAll(
      'SELECT count(*), sum(recency_days), sum(frequency), sum((monetary * 100)::HUGEINT)::BIGINT FROM rfm',
    )
  ).getRows();
  const edges = {};
  for (const [score, metric] of [
    ['r', 'recency_days'],
    ['f', 'frequency'],
    ['m', 'monetary::DOUBLE'],
  ]) {
    edges[score] = (
      await con.runAndReadAll(`SELECT min(${metric}), max(${metric}) FROM rfm GROUP BY ${score} ORDER BY ${score}`)
    )
      .getRows()
      .map(([lo, hi]) => [Number(lo), Number(hi)]);
  }
  const result = check({
    rows: Number(rows),
    customers: Number(customers),
    recency: Number(recency),
    frequency: Number(frequency),
    cents: Number(cents),
    edges,
    cells: cells.getRows().map(([c, k, n]) => [c, Number(k), Number(n)]),
  });
  con.closeSync();
  db.closeSync();
  return result;
}

/** DuckDB's ntile(b) for the 0-based position i among n sorted rows. */
function ntile(i, n, b) {
  const size = Math.floor(n / b);
  const large = n - size * b;
  const small = large * (size + 1);
  return i < small ? 1 + Math.floor(i / (size + 1)) : 1 + large + Math.floor((i - small) / size);
}

/** Polars for Node, lazily from the CSV: the same work. Throws when nodejs-polars is not installed. */
export async function polarsPeer(csv) {
  const { default: pl } = await import('nodejs-polars');
  const col = pl.col;
  const t = await pl
    .scanCSV(csv)
    .filter(col('customer_id').isNotNull().and(col('order_date').isNotNull()).and(col('amount').isNotNull()))
    .filter(col('amount').neq(0))
    .unique()
    .withColumns(col('order_date').str.strptime(pl.Datetime('ms'), '%Y-%m-%d %H:%M:%S'))
    .withColumns(
      col('order_date').dt.year().cast(pl.Int32).mul(12).add(col('order_date').dt.month().cast(pl.Int32)).alias('mi'),
    )
    .collect();
  const perCustomer = await t
    .lazy()
    .groupBy('customer_id')
    .agg(
      col('order_date').max().cast(pl.Date).cast(pl.Int32).alias('last'),
      col('order_id').filter(col('amount').gt(0)).nUnique().alias('frequency'),
      col('amount').sum().alias('monetary'),
      col('mi').min().alias('c'),
    )
    .collect();
  // days since 1970 of each customer's last row; recency counts to the day after the last row in the data
  const lastDays = perCustomer.getColumn('last').toArray().map(Number);
  const end = lastDays.reduce((a, b) => Math.max(a, b), -Infinity) + 1;
  const recency = lastDays.map((d) => end - d);
  const frequency = perCustomer.getColumn('frequency').toArray();
  const cents = perCustomer
    .getColumn('monetary')
    .toArray()
    .map((m) => Math.round(m * 100));
  const n = recency.length;
  const edges = {};
  for (const [score, values, goodness] of [
    ['r', recency, (v) => -v],
    ['f', frequency, (v) => v],
    ['m', cents, (v) => v],
  ]) {
    const sorted = Float64Array.from(values, goodness).sort();
    const out = [];
    for (let i = 0; i < n; i++) {
      const b = ntile(i, n, 5) - 1;
      const v = score === 'r' ? -sorted[i] : score === 'm' ? sorted[i] / 100 : sorted[i];
      const e = (out[b] ??= [v, v]);
      e[0] = Math.min(e[0], v);
      e[1] = Math.max(e[1], v);
    }
    edges[score] = out;
  }
  const cells = await t
    .lazy()
    .join(perCustomer.lazy().select('customer_id', 'c'), { on: 'customer_id' })
    .groupBy([col('c'), col('mi').sub(col('c')).alias('k')])
    .agg(col('customer_id').nUnique().alias('n'))
    .collect();
  const cs = cells.getColumn('c').toArray();
  const ks = cells.getColumn('k').toArray();
  const ns = cells.getColumn('n').toArray();
  const month = (mi) => `${Math.floor((mi - 1) / 12)}-${String(((mi - 1) % 12) + 1).padStart(2, '0')}`;
  return check({
    rows: t.height,
    customers: n,
    recency: recency.reduce((a, b) => a + b, 0),
    frequency: frequency.reduce((a, b) => a + Number(b), 0),
    cents: cents.reduce((a, b) => a + b, 0),
    edges,
    cells: cs.map((c, i) => [month(c), Number(ks[i]), Number(ns[i])]),
  });
}

/** The same numbers from the workbench's RFM table and cohort cells (no ntile: its scores have a tie rule). */
export async function workbenchCheck(wb, report, rfm, cohorts) {
  const [s] = await wb.query(
    `select count(*) as customers, sum(recency_days) as recency, sum(frequency) as frequency,
      sum((monetary * 100)::hugeint)::bigint as cents from ${rfm.table}`,
  );
  return check({
    rows: report.rowsLoaded,
    customers: s.customers,
    recency: s.recency,
    frequency: s.frequency,
    cents: s.cents,
    cells: cohorts.rows.filter((r) => r.active > 0).map((r) => [r.cohort, r.period, r.active]),
  });
}

/**
 * The fields on which two checks differ (empty when they agree); `edges` only when both have them.
 * @returns {string[]}
 */
export function differences(a, b) {
  const out = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      out.push(`${key} ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`);
  }
  return out;
}
