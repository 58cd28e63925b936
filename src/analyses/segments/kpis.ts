/**
 * KPIs per segment against goals. Goals may differ per segment (phone-support customers need a faster
 * first reply than e-mail customers); each KPI knows whether higher is better (churn: lower). Status:
 * `met` when the goal is reached, `close` when it is missed by at most the tolerance (by default 5% of
 * the goal), `missed` otherwise. KPIs are computed in SQL with the sufficient statistics of segment-kpi.ts,
 * so every value also carries its 95% confidence interval.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { baseOf, customerBase, type BaseOptions } from './base.js';
import { checkOptionKeys, optionKeys, DEFAULT_MIN_SIZE } from '../shared/validate.js';
import { checkSegmentTable, segmentBy, type SegmentByResult, type SegmentSpec } from './index.js';
import {
  ALL_CUSTOMERS,
  DEFAULT_CHURN_DAYS,
  SUFF_SQL,
  checkNpsScores,
  kpiTerms,
  kpiValue,
  kpiVariance,
  resolveKpi,
  suffOf,
  type KpiDef,
  type KpiSpec,
} from './kpi.js';
import { Z95 } from '../../stats/normal.js';
import { segmentMessages } from './messages.js';

/** A goal for one KPI. */
export interface KpiGoal {
  /** The KPI. */
  kpi: KpiSpec;
  /** One goal for every segment, or a goal per segment name (segments left out get status `no goal`). */
  goal: number | Readonly<Record<string, number>>;
  /** Whether a higher value is better. @defaultValue the KPI's own (false for churn, true otherwise) */
  higherIsBetter?: boolean;
  /** A miss by at most this share of |goal| counts as `close`. @defaultValue 0.05 */
  tolerance?: number;
  /** A miss by at most this amount counts as `close` (wins over `tolerance`; use it for goals near 0 such as NPS 0). */
  toleranceAbsolute?: number;
}

/** Options of {@link kpis}. */
export interface KpisOptions extends BaseOptions {
  /** The segments: a spec for {@link segmentBy}, a previous result, or `'all'`. @defaultValue 'all' */
  segments?: SegmentSpec | SegmentByResult | 'all';
  /** The goals; one row per segment and goal. */
  goals: readonly KpiGoal[];
  /** Segments with fewer counted customers are flagged `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Churn window for `churnRate`. @defaultValue 90 */
  churnDays?: number;
}

/** Status of a KPI against its goal. */
export type KpiStatus = 'met' | 'close' | 'missed' | 'no goal' | 'no data';

/** One segment's KPI against its goal. */
export interface KpiRow {
  segment: string;
  /** KPI id (see {@link KpiDef}). */
  kpi: string;
  label: string;
  /** Customers in the segment. */
  size: number;
  /** Customers the KPI counts. */
  n: number;
  value: number;
  /** 95% CI of the value (normal approximation; null when not estimable). */
  ci: [number, number] | null;
  goal: number | null;
  /** value − goal (null without a goal). */
  gap: number | null;
  /** (value − goal) / |goal| (null without a goal or when the goal is 0). */
  relativeGap: number | null;
  higherIsBetter: boolean;
  /** Allowed miss for `close`, in KPI units. */
  tolerance: number | null;
  status: KpiStatus;
  /** Fewer than minSize counted customers: read the value with care. */
  tooSmall: boolean;
}

/** What {@link kpis} returns. */
export interface KpisResult {
  /** Segment × goal rows, by goal then segment order. */
  rows: KpiRow[];
  /** The KPIs as resolved (with their methods). */
  kpis: KpiDef[];
  /** Segment names in order. */
  segments: string[];
  /** Segmentation variable (`all` for everyone). */
  segmentVariable: string;
  options: { asOf: Date; minSize: number; churnDays: number };
  warnings: string[];
}

const SEG = '_swb_kpi_segment';
const BASE = '_swb_kpi_base';

/** Status of `value` against `goal` with an allowed miss of `tolerance`. */
export function kpiStatus(value: number, goal: number, higherIsBetter: boolean, tolerance: number): KpiStatus {
  if (!Number.isFinite(value)) return 'no data';
  const better = higherIsBetter ? value >= goal : value <= goal;
  if (better) return 'met';
  return Math.abs(value - goal) <= tolerance + 1e-12 * Math.max(1, Math.abs(goal)) ? 'close' : 'missed';
}

const KPIS_KEYS = optionKeys<KpisOptions>({
  asOf: true,
  source: true,
  customers: true,
  segments: true,
  goals: true,
  minSize: true,
  churnDays: true,
});

/**
 * Compute each goal's KPI per segment and compare it with the goal.
 * @example await kpis(wb, { segments: { column: 'region' }, goals: [{ kpi: 'nps', goal: { North: 20, South: 10 } }, { kpi: 'churnRate', goal: 0.3 }] });
 */
export async function kpis(wb: Workbench, options: KpisOptions): Promise<KpisResult> {
  checkOptionKeys('kpis', options, KPIS_KEYS);
  if (!options.goals || options.goals.length === 0)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.noGoals(), {});
  const minSize = options.minSize ?? DEFAULT_MIN_SIZE;
  const churnDays = options.churnDays ?? DEFAULT_CHURN_DAYS;
  const defs = options.goals.map((g) => resolveKpi(g.kpi, churnDays));
  for (const g of options.goals) {
    const tol = g.toleranceAbsolute ?? g.tolerance ?? 0.05;
    if (!Number.isFinite(tol) || tol < 0)
      throw new WorkbenchError('BAD_OPTION', segmentMessages.badTolerance(tol), { tolerance: tol });
  }
  const segOpt = options.segments ?? 'all';
  const given = typeof segOpt === 'object' && 'table' in segOpt && 'segments' in segOpt ? segOpt : undefined;
  if (given) await checkSegmentTable(wb, given);
  let segTable = given?.table;
  let segmentVariable = given?.variable ?? 'all';
  let asOf = options.asOf ?? given?.options.asOf;
  if (!given && segOpt !== 'all') {
    const r = await segmentBy(wb, segOpt as SegmentSpec, {
      ...baseOf(options),
      ...(asOf ? { asOf } : {}),
      table: SEG,
      minSize,
    });
    segTable = r.table;
    segmentVariable = r.variable;
    asOf = r.options.asOf;
  }
  const base = await customerBase(
    wb,
    { ...baseOf(options), ...(asOf ? { asOf } : {}) },
    defs.flatMap((d) => d.columns),
    BASE,
  );
  const segJoin = segTable ? `join ${quoteIdentifier(segTable)} s using (customer_id)` : '';
  const segCols = segTable ? 's.segment as seg, s.segment_order as seg_o' : '$all_customers as seg, 0 as seg_o';
  const rows: KpiRow[] = [];
  let segments: string[] = [];
  for (const [i, def] of defs.entries()) {
    const goal = options.goals[i]!;
    const t = kpiTerms(def, (c) => base.columns.get(c) ?? c, churnDays);
    await checkNpsScores(wb, def, BASE, base.columns.get(def.columns[0] ?? '') ?? '');
    const raw = await wb.query(
      `select seg, seg_o, count(*)::bigint as size, ${SUFF_SQL} from (
        select ${segCols}, b.customer_id as cid, case when ${t.where} then ${t.x} end as x, case when ${t.where} then ${t.y} end as y
        from ${quoteIdentifier(BASE)} b ${segJoin}) group by all order by seg_o, seg`,
      { asOf: base.asOf, all_customers: ALL_CUSTOMERS },
    );
    segments = raw.map((r) => String(r['seg']));
    const higherIsBetter = goal.higherIsBetter ?? def.higherIsBetter;
    for (const r of raw) {
      const seg = String(r['seg']);
      const s = suffOf(r);
      const value = kpiValue(def, s);
      const sd = Math.sqrt(kpiVariance(def, s));
      const target = typeof goal.goal === 'number' ? goal.goal : goal.goal[seg];
      const tolerance =
        target === undefined ? null : (goal.toleranceAbsolute ?? (goal.tolerance ?? 0.05) * Math.abs(target));
      rows.push({
        segment: seg,
        kpi: def.id,
        label: def.label,
        size: Number(r['size']),
        n: s.n,
        value,
        ci: Number.isFinite(sd) ? [value - Z95 * sd, value + Z95 * sd] : null,
        goal: target ?? null,
        gap: target === undefined ? null : value - target,
        relativeGap: target === undefined || target === 0 ? null : (value - target) / Math.abs(target),
        higherIsBetter,
        tolerance,
        status: target === undefined ? 'no goal' : kpiStatus(value, target, higherIsBetter, tolerance ?? 0),
        tooSmall: s.n < minSize,
      });
    }
    if (typeof goal.goal === 'object') {
      const unknown = Object.keys(goal.goal).filter((k) => !segments.includes(k));
      if (unknown.length) {
        throw new WorkbenchError('BAD_OPTION', segmentMessages.unknownGoalSegments(def.label, unknown, segments), {
          unknown,
          segments,
        });
      }
    }
  }
  const warnings = [...base.warnings];
  const noGoal = rows.filter((r) => r.status === 'no goal');
  if (noGoal.length) warnings.push(segmentMessages.warnNoGoal(noGoal));
  return { rows, kpis: defs, segments, segmentVariable, options: { asOf: base.asOf, minSize, churnDays }, warnings };
}
