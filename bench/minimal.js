// The minimal plain DuckDB SQL for what each default `swb report` stage shows, timed stage by stage on one
// connection through @duckdb/node-api, so the bench can print each stage's ratio to its minimal SQL. The same
// definitions as bench/peers.js (cleaning, recency, frequency, net monetary, ntile(5) scores); as-of = the day
// after the last row. What each stage's minimal SQL computes:
//   load      typed read + cleaning into a table
//   rfm       R/F/M per customer, quintile scores, customers and revenue per score combination
//   cohorts   monthly cohorts: customers active and revenue per cohort × month index
//   clusters  log-scaled, standardised R/F/M, each customer assigned to the nearest of four fixed centroids, sizes
//             and mean R/F/M per cluster (k-means itself runs in JS on a sample: not SQL)
//   segments  value tiers (top 20% / next 30% / rest by monetary), average order value per tier × country
//             (when there is a country), RFM (r, f) at as-of − 182 days against now: the move counts
//   trends    (r, f) score sizes at 12 monthly dates, from one customer × month aggregate
//   timing    orders per weekday × hour, per customer the weekend share and the mean gap between orders
//   overview  customers, orders, revenue, one-time buyers, return rows, the top 20% customers' revenue share
//   loyalty   per customer the gaps in days between distinct order days, their median, mean and standard
//             deviation and the days since the last order, four segments by fixed thresholds, sizes
//   productMix spend per customer x category, each customer's shares, the nearest of four fixed centres, sizes
//             and mean shares per cluster, customers per pattern of categories bought (the pair counts)
//   channel   per customer purchase orders, net revenue and distinct channels, four segments, customers,
//             revenue per customer and repeat buyers per segment
//   journey   (orders only) per customer the stage reached by its number of orders and the days with an
//             order in the last 90 days: stage x engagement counts

const STAGES = {
  rfm: [
    `CREATE TABLE rfm AS WITH c AS (
      SELECT customer_id, date_diff('day', max(order_date)::DATE, getvariable('as_of')::DATE) AS recency_days,
        count(DISTINCT order_id) FILTER (WHERE amount > 0) AS frequency, sum(amount::DECIMAL(18, 2)) AS monetary FROM t GROUP BY 1)
    SELECT *, ntile(5) OVER (ORDER BY -recency_days) AS r, ntile(5) OVER (ORDER BY frequency) AS f,
      ntile(5) OVER (ORDER BY monetary) AS m FROM c`,
    'SELECT r, f, m, count(*), sum(monetary) FROM rfm GROUP BY ALL ORDER BY ALL',
  ],
  cohorts: [
    `WITH f AS (SELECT customer_id, date_trunc('month', min(order_date)) AS c FROM t GROUP BY 1),
      p AS (SELECT customer_id, date_trunc('month', order_date) AS p, sum(amount::DECIMAL(18, 2)) AS revenue FROM t GROUP BY ALL)
    SELECT c, date_diff('month', c, p) AS k, count(*) AS active, sum(revenue) AS revenue FROM p JOIN f USING (customer_id)
    GROUP BY ALL ORDER BY ALL`,
  ],
  clusters: [
    `CREATE TABLE feat AS SELECT customer_id, recency_days, frequency, monetary, ln(1 + recency_days) AS x1, ln(frequency) AS x2,
      ln(1 + greatest(monetary, 0)::DOUBLE) AS x3 FROM rfm WHERE frequency > 0`,
    `WITH s AS (SELECT avg(x1) a1, stddev(x1) s1, avg(x2) a2, stddev(x2) s2, avg(x3) a3, stddev(x3) s3 FROM feat),
      z AS (SELECT feat.*, (x1 - a1) / s1 AS z1, (x2 - a2) / coalesce(nullif(s2, 0), 1) AS z2, (x3 - a3) / s3 AS z3 FROM feat, s),
      d AS (SELECT *, [(z1 + 1) ^ 2 + (z2 + 1) ^ 2 + (z3 + 1) ^ 2, (z1 - 1) ^ 2 + (z2 - 1) ^ 2 + (z3 - 1) ^ 2,
        (z1 - 1) ^ 2 + (z2 + 1) ^ 2 + z3 ^ 2, (z1 + 1) ^ 2 + (z2 - 1) ^ 2 + z3 ^ 2] AS dist FROM z)
    SELECT list_position(dist, list_min(dist)) AS k, count(*), avg(recency_days), avg(frequency), avg(monetary)
    FROM d GROUP BY 1 ORDER BY 1`,
  ],
  segments: [
    `CREATE TABLE tiers AS SELECT customer_id, monetary, CASE WHEN pr < 0.2 THEN 'top' WHEN pr < 0.5 THEN 'next' ELSE 'rest' END AS tier
    FROM (SELECT customer_id, monetary, percent_rank() OVER (ORDER BY monetary DESC) AS pr FROM rfm)`,
    'SELECT tier, count(*), sum(monetary) FROM tiers GROUP BY 1 ORDER BY 1',
    {
      when: 'country',
      sql: `SELECT tier, country, sum(amount::DECIMAL(18, 2)) / count(DISTINCT order_id) FILTER (WHERE amount > 0) AS aov,
        count(DISTINCT customer_id) AS customers FROM t JOIN tiers USING (customer_id) GROUP BY ALL ORDER BY ALL`,
    },
    `WITH b AS (
      SELECT customer_id, date_diff('day', max(order_date)::DATE, (getvariable('as_of') - INTERVAL 182 DAY)::DATE) AS recency_days,
        count(DISTINCT order_id) FILTER (WHERE amount > 0) AS frequency FROM t
      WHERE order_date < getvariable('as_of') - INTERVAL 182 DAY GROUP BY 1),
      s AS (SELECT customer_id, ntile(5) OVER (ORDER BY -recency_days) AS r, ntile(5) OVER (ORDER BY frequency) AS f FROM b)
    SELECT s.r AS r0, s.f AS f0, rfm.r, rfm.f, count(*) FROM s JOIN rfm USING (customer_id) GROUP BY ALL ORDER BY ALL`,
  ],
  trends: [
    `WITH cm AS (
      SELECT customer_id, date_trunc('month', order_date) AS mo, max(order_date) AS last,
        count(DISTINCT order_id) FILTER (WHERE amount > 0) AS orders FROM t GROUP BY ALL),
      d AS (SELECT getvariable('as_of') - to_months(i::INTEGER) AS d FROM range(12) r(i)),
      c AS (SELECT d, customer_id, date_diff('day', max(last)::DATE, d::DATE) AS recency_days, sum(orders) AS frequency
        FROM d JOIN cm ON cm.mo < date_trunc('month', d) OR (cm.mo = date_trunc('month', d) AND cm.last < d) GROUP BY d, customer_id),
      s AS (SELECT d, ntile(5) OVER (PARTITION BY d ORDER BY -recency_days) AS r,
        ntile(5) OVER (PARTITION BY d ORDER BY frequency) AS f FROM c)
    SELECT d, r, f, count(*) FROM s GROUP BY ALL ORDER BY ALL`,
  ],
  timing: [
    `SELECT dayofweek(order_date) AS dow, hour(order_date) AS h, count(DISTINCT order_id) FROM t WHERE amount > 0 GROUP BY ALL ORDER BY ALL`,
    `WITH o AS (SELECT DISTINCT customer_id, order_id, order_date FROM t WHERE amount > 0)
    SELECT count(*), avg(weekend), avg(gap) FROM (
      SELECT customer_id, avg((dayofweek(order_date) IN (0, 6))::INTEGER) AS weekend,
        CASE WHEN count(*) > 1 THEN date_diff('day', min(order_date), max(order_date)) / (count(*) - 1) END AS gap
      FROM o GROUP BY 1)`,
  ],
  loyalty: [
    `WITH d AS (SELECT DISTINCT customer_id, order_date::DATE AS day FROM t WHERE amount > 0),
      g AS (SELECT customer_id, day, date_diff('day', lag(day) OVER (PARTITION BY customer_id ORDER BY day), day) AS gap FROM d),
      c AS (SELECT customer_id, count(gap) AS gaps, median(gap) AS cycle, avg(gap) AS mean, stddev_pop(gap) AS sd,
        date_diff('day', max(day), getvariable('as_of')::DATE) AS since FROM g GROUP BY 1)
    SELECT CASE WHEN gaps >= 2 AND since > 2 * cycle AND since > 30 THEN 'at-risk'
      WHEN gaps >= 3 AND sd / mean <= 0.5 THEN 'loyal' WHEN gaps >= 1 AND cycle <= 90 THEN 'potential-loyal'
      ELSE 'switcher' END AS segment, count(*) FROM c GROUP BY 1 ORDER BY 1`,
  ],
  productMix: [
    {
      when: 'category',
      sql: `CREATE TABLE mix AS WITH s AS (SELECT customer_id, category, sum(amount::DECIMAL(18, 2))::DOUBLE AS spend
        FROM t WHERE amount > 0 AND category IS NOT NULL GROUP BY ALL),
        c AS (SELECT category, row_number() OVER (ORDER BY sum(spend) DESC, category) - 1 AS idx FROM s GROUP BY 1)
      SELECT customer_id, least(idx, 12) AS idx, sum(spend) AS spend FROM s JOIN c USING (category) GROUP BY ALL`,
    },
    {
      when: 'category',
      sql: `WITH v AS (SELECT customer_id, [${Array.from({ length: 13 }, (_, i) => `coalesce(sum(spend) FILTER (WHERE idx = ${i}) / sum(spend), 0)`).join(', ')}] AS x
        FROM mix GROUP BY 1),
        d AS (SELECT [${[0, 1, 2, 3].map((k) => Array.from({ length: 13 }, (_, j) => `(x[${j + 1}] - ${j === k ? 1 : 0}) ^ 2`).join(' + ')).join(', ')}] AS dist, x FROM v)
      SELECT list_position(dist, list_min(dist)) AS k, count(*), avg(x[1]), avg(x[2]), avg(x[3]), avg(x[4]) FROM d GROUP BY 1 ORDER BY 1`,
    },
    {
      when: 'category',
      sql: `SELECT mask, count(*) FROM (SELECT customer_id, bit_or(1::BIGINT << idx) AS mask FROM mix WHERE idx < 12 GROUP BY 1)
      GROUP BY 1 ORDER BY 1`,
    },
  ],
  channel: [
    {
      when: 'channel',
      sql: `WITH c AS (SELECT customer_id, count(DISTINCT order_id) FILTER (WHERE amount > 0) AS orders, sum(amount::DECIMAL(18, 2)) AS revenue,
          count(DISTINCT channel) FILTER (WHERE amount > 0) AS channels FROM t GROUP BY 1)
      SELECT CASE WHEN channels = 0 THEN 'no-channel' WHEN orders <= 1 THEN 'one-order' WHEN channels >= 2 THEN 'omnichannel'
        ELSE 'single-channel' END AS segment, count(*), avg(revenue), count(*) FILTER (WHERE orders >= 2) FROM c GROUP BY 1 ORDER BY 1`,
    },
  ],
  journey: [
    `WITH c AS (SELECT customer_id, count(DISTINCT order_id) FILTER (WHERE amount > 0) AS orders,
        count(DISTINCT order_date::DATE) FILTER (WHERE order_date >= getvariable('as_of') - INTERVAL 90 DAY) AS days FROM t GROUP BY 1)
    SELECT orders >= 2 AS repeat, CASE WHEN days >= 3 THEN 'high' WHEN days >= 1 THEN 'medium' ELSE 'low' END AS engagement, count(*)
    FROM c GROUP BY ALL ORDER BY ALL`,
  ],
  overview: [
    `SELECT count(*) AS customers, sum(frequency) AS orders, sum(monetary) AS revenue, count(*) FILTER (WHERE frequency = 1) AS one_time,
      (SELECT count(*) FROM t WHERE amount < 0) AS return_rows,
      sum(monetary) FILTER (WHERE top) / sum(monetary) AS top_share
    FROM (SELECT frequency, monetary, percent_rank() OVER (ORDER BY monetary DESC) < 0.2 AS top FROM rfm)`,
  ],
};

/**
 * Time the minimal SQL of every report stage on `csv`.
 * @returns {Promise<Record<string, number>>} seconds per stage (load, rfm, cohorts, …)
 */
export async function minimalStages(csv) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const seconds = {};
  let t0 = performance.now();
  await con.run(`CREATE TABLE t AS SELECT DISTINCT * FROM read_csv('${csv.replaceAll("'", "''")}')
    WHERE customer_id IS NOT NULL AND order_date IS NOT NULL AND amount IS NOT NULL AND amount <> 0`);
  await con.run(`SET VARIABLE as_of = (SELECT date_trunc('day', max(order_date)) + INTERVAL 1 DAY FROM t)`);
  seconds.load = (performance.now() - t0) / 1000;
  const columns = (await con.runAndReadAll('DESCRIBE t')).getRows().map((r) => r[0]);
  for (const [stage, statements] of Object.entries(STAGES)) {
    t0 = performance.now();
    for (const s of statements) {
      if (typeof s === 'object' && !columns.includes(s.when)) continue;
      await con.runAndReadAll(typeof s === 'object' ? s.sql : s);
    }
    seconds[stage] = (performance.now() - t0) / 1000;
  }
  con.closeSync();
  db.closeSync();
  return seconds;
}
