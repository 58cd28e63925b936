/**
 * Segment KPIs as ratios of per-customer sums, `KPI = scale · Σx / Σy`, so one set of sufficient
 * statistics (n, Σx, Σy, Σx², Σy², Σxy), summed in SQL per group, gives every KPI and its standard
 * error — and, because sums add up, a segment's figures and "the rest of the segment" follow from its
 * sub-segments without another pass over the data.
 *
 * Standard errors: means (y = 1) Welch-style s²/n; average order value (a ratio) by the delta method
 * Σ(x − R·y)² / (Σy)² · n/(n − 1); proportions p(1 − p)/n (normal/Wald); NPS from the promoter and
 * detractor shares, (p + d − (p − d)²)/n, times 100².
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { Z95 } from '../../stats/normal.js';
import { wholeNumber } from '../shared/validate.js';
import { segmentMessages } from './messages.js';
import { customerExamples } from '../../privacy/example-rows.js';

/** A KPI by name, or a mean/NPS over a customers column, or churn with its own window. */
export type KpiSpec =
  | 'revenuePerCustomer'
  | 'ordersPerCustomer'
  | 'averageOrderValue'
  | 'repeatRate'
  | 'churnRate'
  | 'nps'
  | { mean: string }
  | { nps: string }
  | { churnRate: number };

/** A KPI resolved to per-customer SQL over the customer base. */
export interface KpiDef {
  /** Stable id, e.g. `nps`, `mean:csat`, `churnRate`. */
  id: string;
  /** Display label (English; sections translate the known ids). */
  label: string;
  /** Statistical kind, which picks the standard error. */
  kind: 'mean' | 'ratio' | 'proportion' | 'nps';
  /** Customers columns it reads. */
  columns: string[];
  /** True when a higher value is better (churn: false). */
  higherIsBetter: boolean;
  /** How the KPI and its 95% CI are computed, in words. */
  method: string;
  /** Multiplier applied to Σx/Σy (100 for NPS). */
  scale: number;
}

/** Name of the one segment when a comparison or KPI runs over all customers (`segment: 'all'`). */
export const ALL_CUSTOMERS = 'All customers';

/** Default churn window in days. */
export const DEFAULT_CHURN_DAYS = 90;

/** Resolve a KPI spec (validating its shape). */
export function resolveKpi(spec: KpiSpec, churnDays = DEFAULT_CHURN_DAYS): KpiDef {
  const welch =
    'mean per customer; 95% CI of the difference from the segment from Welch standard errors (sub-segment vs the rest of its segment), normal quantile 1.96';
  const prop =
    'share of customers; 95% CI of the difference from the segment by the normal approximation for two proportions (sub-segment vs the rest of its segment)';
  if (spec === 'revenuePerCustomer')
    return {
      id: spec,
      label: 'Revenue per customer',
      kind: 'mean',
      columns: [],
      higherIsBetter: true,
      method: welch,
      scale: 1,
    };
  if (spec === 'ordersPerCustomer')
    return {
      id: spec,
      label: 'Orders per customer',
      kind: 'mean',
      columns: [],
      higherIsBetter: true,
      method: welch,
      scale: 1,
    };
  if (spec === 'averageOrderValue')
    return {
      id: spec,
      label: 'Average order value',
      kind: 'ratio',
      columns: [],
      higherIsBetter: true,
      scale: 1,
      method:
        'net revenue / orders of customers with orders; 95% CI by the delta method for a ratio of sums (sub-segment vs the rest of its segment), normal quantile 1.96',
    };
  if (spec === 'repeatRate')
    return {
      id: spec,
      label: 'Repeat rate',
      kind: 'proportion',
      columns: [],
      higherIsBetter: true,
      scale: 1,
      method: `customers with 2+ orders among customers with orders; ${prop}`,
    };
  if (spec === 'churnRate' || (typeof spec === 'object' && 'churnRate' in spec)) {
    const days = typeof spec === 'object' ? spec.churnRate : churnDays;
    wholeNumber('churn days', days);
    return {
      id: days === DEFAULT_CHURN_DAYS ? 'churnRate' : `churnRate:${days}`,
      label: `Churn rate (${days} days)`,
      kind: 'proportion',
      columns: [],
      higherIsBetter: false,
      scale: 1,
      method: `customers with orders but none in the ${days} days before asOf; ${prop}`,
    };
  }
  if (spec === 'nps' || (typeof spec === 'object' && 'nps' in spec)) {
    const column = typeof spec === 'object' ? spec.nps : 'nps';
    return {
      id: column === 'nps' ? 'nps' : `nps:${column}`,
      label: 'NPS',
      kind: 'nps',
      columns: [column],
      higherIsBetter: true,
      scale: 100,
      method: `NPS = % promoters (9–10) − % detractors (0–6) of the 0–10 scores in ${column}; 95% CI of the difference from its standard error √((p + d − (p − d)²)/n) (sub-segment vs the rest of its segment), normal quantile 1.96`,
    };
  }
  if (typeof spec === 'object' && 'mean' in spec && typeof spec.mean === 'string') {
    return {
      id: `mean:${spec.mean}`,
      label: `Mean ${spec.mean}`,
      kind: 'mean',
      columns: [spec.mean],
      higherIsBetter: true,
      method: welch,
      scale: 1,
    };
  }
  throw new WorkbenchError('BAD_OPTION', segmentMessages.unknownKpi(spec), { kpi: spec });
}

/** Per-customer `x`, `y` and the filter of who counts, as SQL over the base (columns mapped by `col`). */
export function kpiTerms(
  def: KpiDef,
  col: (name: string) => string,
  churnDays = DEFAULT_CHURN_DAYS,
): { x: string; y: string; where: string } {
  const days = def.id.startsWith('churnRate:') ? Number(def.id.slice('churnRate:'.length)) : churnDays;
  switch (def.id) {
    case 'revenuePerCustomer':
      return { x: '_swb_revenue', y: '1', where: 'true' };
    case 'ordersPerCustomer':
      return { x: '_swb_orders::double', y: '1', where: 'true' };
    case 'averageOrderValue':
      return { x: '_swb_revenue', y: '_swb_orders::double', where: '_swb_orders > 0' };
    case 'repeatRate':
      return { x: '(_swb_orders >= 2)::int::double', y: '1', where: '_swb_orders > 0' };
    default:
      break;
  }
  if (def.kind === 'proportion')
    return { x: `(_swb_recency > ${Math.trunc(days)})::int::double`, y: '1', where: '_swb_orders > 0' };
  const c = quoteIdentifier(col(def.columns[0] ?? ''));
  if (def.kind === 'nps')
    return {
      x: `case when ${c} >= 9 then 1.0 when ${c} <= 6 then -1.0 else 0.0 end`,
      y: '1',
      where: `${c} is not null`,
    };
  return { x: `${c}::double`, y: '1', where: `${c} is not null` };
}

/** Sufficient statistics of a group (sums over its counted customers). */
export interface Suff {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  pos: number;
  neg: number;
}

/** One list of a group's `(x, y)` in `cid` order, collected once (DuckDB reads the same aggregate once). */
const XY = "list({'x': x, 'y': y} order by cid)";
const orderedSum = (term: string) => `list_sum(list_transform(${XY}, e -> ${term}))::double`;

/**
 * The aggregate SQL list producing the {@link Suff} columns from `x`, `y` (rows with NULL `x` are not counted).
 * Sums run in `cid` order: a float sum depends on the order of its terms, and thread scheduling must not change
 * the last digits of a report. The five sums read one list sorted once (`list_sum` adds its terms in list
 * order, as `sum(… order by cid)` does, at a fifth of the sorting).
 */
export const SUFF_SQL = `count(x)::bigint as n, ${orderedSum('e.x')} as sx, ${orderedSum('e.y')} as sy,
  ${orderedSum('e.x * e.x')} as sxx, ${orderedSum('e.y * e.y')} as syy, ${orderedSum('e.x * e.y')} as sxy,
  count(*) filter (where x > 0)::bigint as pos, count(*) filter (where x < 0)::bigint as neg`;

/** Read a Suff from a query row. */
export function suffOf(row: Record<string, unknown>): Suff {
  const k = (name: string) => Number(row[name] ?? 0);
  return {
    n: k('n'),
    sx: k('sx'),
    sy: k('sy'),
    sxx: k('sxx'),
    syy: k('syy'),
    sxy: k('sxy'),
    pos: k('pos'),
    neg: k('neg'),
  };
}

/** Sum or difference of sufficient statistics. */
export function combine(a: Suff, b: Suff, sign: 1 | -1 = 1): Suff {
  return {
    n: a.n + sign * b.n,
    sx: a.sx + sign * b.sx,
    sy: a.sy + sign * b.sy,
    sxx: a.sxx + sign * b.sxx,
    syy: a.syy + sign * b.syy,
    sxy: a.sxy + sign * b.sxy,
    pos: a.pos + sign * b.pos,
    neg: a.neg + sign * b.neg,
  };
}

/** Empty statistics. */
export const EMPTY_SUFF: Suff = { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0, pos: 0, neg: 0 };

/** KPI value (NaN without customers). */
export function kpiValue(def: KpiDef, s: Suff): number {
  return s.sy > 0 ? (def.scale * s.sx) / s.sy : NaN;
}

/** Variance of the KPI estimate (NaN when it cannot be estimated). */
export function kpiVariance(def: KpiDef, s: Suff): number {
  if (s.sy <= 0 || s.n < 2) return NaN;
  const r = s.sx / s.sy;
  const q = Math.max(0, s.sxx - 2 * r * s.sxy + r * r * s.syy);
  const correction = def.kind === 'mean' || def.kind === 'ratio' ? s.n / (s.n - 1) : 1;
  return (def.scale * def.scale * q * correction) / (s.sy * s.sy);
}

/**
 * Difference of sub-segment `g` from its whole segment `s` (g ⊂ s) with a 95% CI. With w = Σy_g/Σy_s the
 * difference is (1 − w)(KPI_g − KPI_rest), so its standard error is (1 − w)·√(V_g + V_rest): the
 * sub-segment is compared with the independent rest of its segment, not with a total that contains it.
 */
export function differenceFromSegment(
  def: KpiDef,
  g: Suff,
  s: Suff,
  z = Z95,
): { difference: number; se: number; ci: [number, number] | null; significant: boolean } {
  const rest = combine(s, g, -1);
  const difference = kpiValue(def, g) - kpiValue(def, s);
  const w = s.sy > 0 ? g.sy / s.sy : NaN;
  const se = (1 - w) * Math.sqrt(kpiVariance(def, g) + kpiVariance(def, rest));
  if (!Number.isFinite(se) || !Number.isFinite(difference))
    return { difference, se: NaN, ci: null, significant: false };
  const ci: [number, number] = [difference - z * se, difference + z * se];
  return { difference, se, ci, significant: ci[0] > 0 || ci[1] < 0 };
}

/**
 * NPS needs 0–10 scores: throw BAD_OPTION naming the column, the range found and an example customer when a
 * score lies outside (a 1–5 CSAT column passed as NPS would otherwise give a meaningless, very negative NPS).
 */
export async function checkNpsScores(wb: Workbench, def: KpiDef, base: string, column: string): Promise<void> {
  if (def.kind !== 'nps') return;
  const c = quoteIdentifier(column);
  const [row] = await wb.query(`select min(${c})::double as lo, max(${c})::double as hi,
      min(customer_id) filter (where ${c} < 0 or ${c} > 10) as example from ${quoteIdentifier(base)}`);
  const lo = Number(row?.['lo']);
  const hi = Number(row?.['hi']);
  if (row?.['example'] !== null && row?.['example'] !== undefined) {
    const name = def.columns[0] ?? column;
    throw new WorkbenchError(
      'BAD_OPTION',
      segmentMessages.npsOutOfRange(name, lo, hi, await customerExamples(wb, [String(row['example'])])),
      { column: name, min: lo, max: hi },
    );
  }
}
