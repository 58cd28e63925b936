/**
 * Summaries of an RFM table, each one small aggregate query: per segment, per loyalty group,
 * per R×F cell, per score, and binned distributions. Only aggregates reach JS, never customer rows.
 */
import type { Workbench } from '../../workbench.js';
import { quoteIdentifier } from '../../sql.js';
import { topRevenueShareSql } from '../shared/top-share.js';
import { LOYALTY_GROUPS, segmentOf, usesMonetary, type LoyaltyGroup, type SegmentMap } from './segment-map.js';

/** One segment (or loyalty group) in the summary. */
export interface RfmGroupSummary {
  /** Segment key (or loyalty group). */
  key: string;
  /** Customers in it. */
  customers: number;
  /** Share of all scored customers (0..1). */
  share: number;
  /** Net revenue (sum of monetary). */
  revenue: number;
  /** Share of total net revenue (0..1; NaN when the total is 0). */
  revenueShare: number;
  /** Mean recency in days (NaN when empty). */
  meanRecency: number;
  /** Mean number of orders (NaN when empty). */
  meanFrequency: number;
  /** Mean net revenue per customer (NaN when empty). */
  meanMonetary: number;
  /** Fewer customers than the run's `minSize`: too small to act on as a group. */
  tooSmall: boolean;
}

/** One cell of the R×F grid. */
export interface RfmGridCell {
  /** Recency score. */
  r: number;
  /** Frequency score. */
  f: number;
  /** Customers in the cell. */
  customers: number;
  /** Net revenue of the cell. */
  revenue: number;
  /** Mean net revenue per customer (NaN when empty). */
  meanMonetary: number;
  /** Segment of the cell, or undefined when the map splits the cell by m. */
  segment: string | undefined;
}

/** Value range of one score. */
export interface RfmScoreRange {
  /** Which score. */
  score: 'r' | 'f' | 'm';
  /** Score value 1..bins. */
  value: number;
  /** Smallest metric value with this score (recency days, orders, or money). */
  min: number;
  /** Largest metric value with this score. */
  max: number;
  /** Customers with this score. */
  customers: number;
}

/** One bar of a distribution: customers with `start <= value < end`. */
export interface RfmDistributionBin {
  /** Lower edge (inclusive). */
  start: number;
  /** Upper edge (exclusive). */
  end: number;
  /** Customers in the bin. */
  customers: number;
}

/** The binned distribution of one metric. */
export interface RfmDistribution {
  /** Metric. */
  metric: 'recency' | 'frequency' | 'monetary';
  /** `'log'` when the values are strongly right-skewed (bins equal in log space). */
  scale: 'linear' | 'log';
  /** Bins with at least one customer, ascending. */
  bins: RfmDistributionBin[];
  /** Customers left out of a log-scale histogram because their value is ≤ 0. */
  nonPositive: number;
  /**
   * Order counts only: the long tail left out of the histogram (customers with more than `max` orders), so that
   * every bar covers the same number of order counts on a linear axis. @defaultValue absent: nothing left out
   */
  above?: { max: number; customers: number };
}

const num = (x: unknown): number => (x === null || x === undefined ? Number.NaN : Number(x));

/** Aggregate `column` groups (segment or loyalty) of the RFM table, in the given key order. */
export async function groupSummaries(
  wb: Workbench,
  table: string,
  column: 'segment' | 'loyalty',
  keys: readonly string[],
  minSize: number,
): Promise<RfmGroupSummary[]> {
  const rows = await wb.query(
    `select ${column} as key, count(*) as customers, sum(monetary) as revenue, avg(recency_days) as rec,
       avg(frequency) as freq, avg(monetary) as mon,
       sum(count(*)) over () as total_customers, sum(sum(monetary)) over () as total_revenue
     from ${quoteIdentifier(table)} group by 1 order by 1`,
  );
  const totalCustomers = num(rows[0]?.['total_customers'] ?? 0);
  const totalRevenue = num(rows[0]?.['total_revenue'] ?? 0);
  return keys.map((key) => {
    const row = rows.find((x) => x['key'] === key);
    const customers = num(row?.['customers'] ?? 0);
    const revenue = num(row?.['revenue'] ?? 0);
    return {
      key,
      customers,
      share: totalCustomers > 0 ? customers / totalCustomers : Number.NaN,
      revenue,
      revenueShare: totalRevenue !== 0 ? revenue / totalRevenue : Number.NaN,
      meanRecency: num(row?.['rec']),
      meanFrequency: num(row?.['freq']),
      meanMonetary: num(row?.['mon']),
      tooSmall: customers < minSize,
    };
  });
}

/** Loyalty summaries in the order of {@link LOYALTY_GROUPS}. */
export function loyaltySummaries(wb: Workbench, table: string, minSize: number): Promise<RfmGroupSummary[]> {
  return groupSummaries(wb, table, 'loyalty', LOYALTY_GROUPS as readonly LoyaltyGroup[], minSize);
}

/** All bins × bins R×F cells (empty ones too), r descending then f ascending. */
export async function gridCells(wb: Workbench, table: string, map: SegmentMap): Promise<RfmGridCell[]> {
  const rows = await wb.query(
    `select r, f, count(*) as customers, sum(monetary) as revenue, avg(monetary) as mon
     from ${quoteIdentifier(table)} group by r, f order by r, f`,
  );
  const splitByM = usesMonetary(map);
  const cells: RfmGridCell[] = [];
  for (let r = map.bins; r >= 1; r--) {
    for (let f = 1; f <= map.bins; f++) {
      const row = rows.find((x) => x['r'] === r && x['f'] === f);
      cells.push({
        r,
        f,
        customers: num(row?.['customers'] ?? 0),
        revenue: num(row?.['revenue'] ?? 0),
        meanMonetary: num(row?.['mon']),
        segment: splitByM ? undefined : segmentOf(map, r, f, 1)?.key,
      });
    }
  }
  return cells;
}

/** Value range and size of every score that occurs. */
export async function scoreRanges(wb: Workbench, table: string): Promise<RfmScoreRange[]> {
  const t = quoteIdentifier(table);
  const rows = await wb.query(
    `select 'r' as score, r as value, min(recency_days) as lo, max(recency_days) as hi, count(*) as n from ${t} group by r
     union all select 'f', f, min(frequency), max(frequency), count(*) from ${t} group by f
     union all select 'm', m, min(monetary), max(monetary), count(*) from ${t} group by m
     order by 1, 2`,
  );
  return rows.map((x) => ({
    score: x['score'] as 'r' | 'f' | 'm',
    value: num(x['value']),
    min: num(x['lo']),
    max: num(x['hi']),
    customers: num(x['n']),
  }));
}

/** Share of net revenue brought by the top `topShare` of customers by monetary (NaN when revenue ≤ 0). */
export async function topCustomersRevenueShare(wb: Workbench, table: string, topShare: number): Promise<number> {
  // The rule the summary and the value tiers use too (equal revenues on the same side).
  const rows = await wb.query(topRevenueShareSql(quoteIdentifier(table), 'monetary'), { top: topShare });
  const share = num(rows[0]?.['share']);
  return share > 0 ? share : Number.NaN;
}

const COLUMN = { recency: 'recency_days', frequency: 'frequency', monetary: 'monetary' } as const;

/** A round step (1, 2, 2.5, 5 × 10^k) at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
}

/** Highest order count a skewed frequency histogram shows: the 99th percentile, at least 10. */
const FREQUENCY_SHOWN = 0.99;

/**
 * Binned distribution of one metric, ~25 bins. Monetary switches to log-spaced bins when strongly
 * right-skewed (skewness > 1.5 and max/min positive ≥ 50). Order counts are whole numbers: log-spaced bins
 * would hold one count here and three there (a "4–6" bar outgrowing "3"), so a skewed frequency keeps
 * equal whole-number bins up to its 99th percentile and states how many customers lie beyond.
 */
export async function distribution(
  wb: Workbench,
  table: string,
  metric: RfmDistribution['metric'],
): Promise<RfmDistribution> {
  const col = COLUMN[metric];
  const t = quoteIdentifier(table);
  const [s] = await wb.query(
    `select min(${col}) as lo, max(${col}) as hi, min(${col}) filter (where ${col} > 0) as lo_pos,
       skewness(${col}) as skew, count(*) filter (where ${col} <= 0) as non_pos from ${t}`,
  );
  const lo = num(s?.['lo']);
  const hi = num(s?.['hi']);
  const loPos = num(s?.['lo_pos']);
  const skew = num(s?.['skew']);
  const skewed =
    metric !== 'recency' && loPos > 0 && hi / loPos >= 50 && skew > 1.5 && (metric !== 'frequency' || hi > 40);
  if (skewed && metric === 'frequency') return frequencyTail(wb, t, col, lo);
  if (skewed) {
    const span = Math.log10(hi) - Math.log10(loPos);
    const step = [0.05, 0.1, 0.2, 0.25, 0.5, 1].find((x) => x >= span / 25) ?? 1;
    const rows = await wb.query(
      `select floor(log10(${col}) / $step)::integer as k, count(*) as n from ${t} where ${col} > 0 group by 1 order by 1`,
      { step },
    );
    const edge = (k: number) => 10 ** (k * step);
    const bins = rows.map((x) => ({ start: edge(num(x['k'])), end: edge(num(x['k']) + 1), customers: num(x['n']) }));
    return { metric, scale: 'log', bins, nonPositive: num(s?.['non_pos']) };
  }
  const width = metric === 'monetary' ? niceStep((hi - lo) / 25) : Math.max(1, Math.ceil(niceStep((hi - lo + 1) / 25)));
  const rows = await wb.query(
    `select floor(${col} / $width)::bigint as k, count(*) as n from ${t} where ${col} is not null group by 1 order by 1`,
    { width },
  );
  const bins = rows.map((x) => ({
    start: num(x['k']) * width,
    end: (num(x['k']) + 1) * width,
    customers: num(x['n']),
  }));
  return { metric, scale: 'linear', bins, nonPositive: 0 };
}

/** Whole-number bins of equal width up to the 99th percentile of a skewed order count; the customers beyond it counted. */
async function frequencyTail(wb: Workbench, t: string, col: string, lo: number): Promise<RfmDistribution> {
  const [q] = await wb.query(`select quantile_disc(${col}, ${FREQUENCY_SHOWN}) as q from ${t}`);
  const max = Math.max(10, num(q?.['q']));
  // ~25 bars of a round number of order counts each, from the lowest (bars of one count would leave most of the
  // tail under the report's smallest group shown)
  const width = Math.max(1, Math.ceil(niceStep((max - lo + 1) / 25)));
  const rows = await wb.query(
    `select floor((${col} - $lo) / $width)::bigint as k, count(*) filter (where ${col} <= $max) as n, count(*) filter (where ${col} > $max) as above
     from ${t} where ${col} is not null group by 1 order by 1`,
    { width, max, lo },
  );
  const bins = rows
    .filter((x) => num(x['n']) > 0)
    .map((x) => ({ start: lo + num(x['k']) * width, end: lo + (num(x['k']) + 1) * width, customers: num(x['n']) }));
  const above = rows.reduce((s, x) => s + num(x['above']), 0);
  return {
    metric: 'frequency',
    scale: 'linear',
    bins,
    nonPositive: 0,
    ...(above > 0 ? { above: { max, customers: above } } : {}),
  };
}
