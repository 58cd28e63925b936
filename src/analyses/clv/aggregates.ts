/** Aggregates of the per-customer CLV table: bands, tiers, P(alive) histogram and matrix, holdout check. */
import type { Workbench } from '../../workbench.js';
import { quoteIdentifier } from '../../sql.js';
import { pAlive, type PurchaseModel } from './purchase-model.js';
import { clvIntervals } from './scoring.js';
import type { AliveBand, ClvGroupSummary, ClvHoldoutRow, ClvOptionsUsed, ClvResult, ClvTier } from './types.js';

const BANDS: readonly AliveBand[] = ['at_risk', 'uncertain', 'alive'];
const TIERS: readonly ClvTier[] = ['top', 'high', 'medium', 'low'];
/** Calibration x values shown one by one in the holdout check; the last group is "this or more". */
export const HOLDOUT_MAX_X = 7;

async function groupSummaries<K extends string>(
  wb: Workbench,
  table: string,
  column: string,
  keys: readonly K[],
): Promise<ClvGroupSummary<K>[]> {
  const rows = await wb.query(
    `select ${quoteIdentifier(column)} as key, count(*)::double as n, sum(expected_purchases) as e, sum(clv) as v,
       min(clv) as lo, max(clv) as hi, avg(p_alive) as pa,
       sum(count(*)) over () as total_n, sum(sum(clv)) over () as total_v
     from ${quoteIdentifier(table)} group by all order by key`,
  );
  return keys.map((key) => {
    const r = rows.find((x) => x['key'] === key);
    const n = Number(r?.['n'] ?? 0);
    const totalN = Number(rows[0]?.['total_n'] ?? 0);
    const totalV = Number(rows[0]?.['total_v'] ?? 0);
    return {
      key,
      customers: n,
      share: totalN > 0 ? n / totalN : 0,
      expectedPurchases: Number(r?.['e'] ?? 0),
      clv: Number(r?.['v'] ?? 0),
      clvShare: totalV > 0 ? Number(r?.['v'] ?? 0) / totalV : 0,
      minClv: Number(r?.['lo'] ?? 0),
      maxClv: Number(r?.['hi'] ?? 0),
      meanPAlive: n > 0 ? Number(r?.['pa']) : 0,
      low: null,
      high: null,
    };
  });
}

/** Model P(alive) for T = the longest observation, over x = 0…xMax and t_x = 0…T in 20 steps. */
export function pAliveMatrix(model: PurchaseModel, xMax: number, T: number): ClvResult['pAliveMatrix'] {
  const cells: ClvResult['pAliveMatrix']['cells'] = [];
  const steps = 20;
  for (let x = 0; x <= xMax; x++) {
    for (let i = 0; i <= steps; i++) {
      const tx = (T * i) / steps;
      // x > 0 needs t_x > 0; x = 0 has t_x = 0 only: its P(alive) is drawn across the row (1 in BG/NBD)
      cells.push({ x, t_x: tx, pAlive: x === 0 ? pAlive(model, 0, 0, T) : tx === 0 ? NaN : pAlive(model, x, tx, T) });
    }
  }
  return { T, cells: cells.filter((c) => Number.isFinite(c.pAlive)) };
}

/** Everything of {@link ClvResult} computed from the per-customer table. */
export async function clvAggregates(
  wb: Workbench,
  o: ClvOptionsUsed,
  model: PurchaseModel,
): Promise<
  Pick<ClvResult, 'totals' | 'aliveBands' | 'tiers' | 'pAliveHistogram' | 'pAliveMatrix' | 'spendFrequencyCorrelation'>
> {
  const t = quoteIdentifier(o.table);
  const [tot] = await wb.query(
    `select sum(expected_purchases) as e, sum(clv) as v, max("T") as tmax,
       coalesce(quantile_disc(x, 0.99), 0) as x99, corr(x, monetary) filter (where x > 0) as rho from ${t}`,
  );
  const hist = await wb.query(
    `select least(floor(p_alive * 10), 9)::integer as bin, count(*)::double as n from ${t} group by all order by bin`,
  );
  return {
    totals: { expectedPurchases: Number(tot?.['e'] ?? 0), clv: Number(tot?.['v'] ?? 0), low: null, high: null },
    aliveBands: await groupSummaries(wb, o.table, 'alive_band', BANDS),
    tiers: await groupSummaries(wb, o.table, 'clv_tier', TIERS),
    pAliveHistogram: Array.from({ length: 10 }, (_, i) => ({
      from: i / 10,
      to: (i + 1) / 10,
      customers: Number(hist.find((h) => h['bin'] === i)?.['n'] ?? 0),
    })),
    pAliveMatrix: pAliveMatrix(model, Math.max(1, Math.min(30, Number(tot?.['x99'] ?? 1))), Number(tot?.['tmax'] ?? 1)),
    spendFrequencyCorrelation: tot?.['rho'] === null || tot?.['rho'] === undefined ? NaN : Number(tot['rho']),
  };
}

/** Predicted vs actual holdout purchases per calibration x (0 … HOLDOUT_MAX_X or more). */
export async function holdoutRows(
  wb: Workbench,
  table: string,
): Promise<{ rows: ClvHoldoutRow[]; actualTotal: number; predictedTotal: number }> {
  const rows = await wb.query(
    `select least(x, $m) as x, count(*)::double as n, avg(x_holdout) as actual, avg(predicted_holdout) as predicted,
       sum(sum(x_holdout)) over () as at, sum(sum(predicted_holdout)) over () as pt
     from ${quoteIdentifier(table)} group by all order by x`,
    { m: HOLDOUT_MAX_X },
  );
  return {
    rows: rows.map((r) => ({
      x: Number(r['x']),
      orMore: Number(r['x']) === HOLDOUT_MAX_X,
      customers: Number(r['n']),
      actual: Number(r['actual']),
      predicted: Number(r['predicted']),
    })),
    actualTotal: Number(rows[0]?.['at'] ?? 0),
    predictedTotal: Number(rows[0]?.['pt'] ?? 0),
  };
}

/** CLV of one segment of another segmentation (e.g. RFM). */
export interface ClvSegmentRow {
  segment: string;
  customers: number;
  clv: number;
  meanClv: number;
  meanPAlive: number;
  /** Customers of the segment with P(alive) below the first band limit. */
  atRisk: number;
  /** 95% interval on the segment's CLV from the parametric bootstrap (null without intervals: a result without fits or covariances, or `intervalDraws` 0). */
  low: number | null;
  high: number | null;
}

/**
 * A per-customer segmentation to break CLV down by: any result whose `table` holds `customer_id, segment`
 * (an `rfm` result, a `segmentBy` result).
 */
export interface ClvSegmentation {
  /** Table with one row per customer and its `segment`. */
  table: string;
}

/**
 * CLV per segment of another segmentation (joined on customer_id), e.g. an `rfm` result.
 * Customers of the CLV table missing from the segment table are grouped under '(none)'.
 * Given a whole `clv` result, each row carries the 95% bootstrap interval on its CLV (`low`, `high`).
 * @example const rows = await clvBySegment(wb, clvResult, rfmResult);
 */
export async function clvBySegment(
  wb: Workbench,
  result: Pick<ClvResult, 'table'> | ClvResult,
  segmentation: ClvSegmentation,
): Promise<ClvSegmentRow[]> {
  const rows = await wb.query(
    `select coalesce(s.segment::varchar, '(none)') as segment, count(*)::double as n, sum(c.clv) as v,
       avg(c.clv) as mean_v, avg(c.p_alive) as pa, count(*) filter (where c.alive_band = 'at_risk')::double as risk
     from ${quoteIdentifier(result.table)} c left join ${quoteIdentifier(segmentation.table)} s using (customer_id)
     group by all order by v desc, segment`,
  );
  const intervals =
    'gammaGamma' in result && result.options.intervalDraws > 0
      ? await clvIntervals(wb, result, [{ prefix: 'segment', column: 's.segment' }], segmentation.table)
      : null;
  return rows.map((r) => {
    const band = intervals?.get(`segment:${String(r['segment'])}`);
    return {
      segment: String(r['segment']),
      customers: Number(r['n']),
      clv: Number(r['v']),
      meanClv: Number(r['mean_v']),
      meanPAlive: Number(r['pa']),
      atRisk: Number(r['risk']),
      low: band?.low ?? null,
      high: band?.high ?? null,
    };
  });
}
