/**
 * Sub-segment comparison: split each segment by one more variable and hold every sub-segment's KPI
 * against its own segment's average ("do 18–34-year-olds in large cities score a lower NPS than
 * 18–34-year-olds overall?"), with the difference, a 95% confidence interval and a significance flag,
 * so decisions follow trends rather than one loud customer. One variable at a time; sub-segments never
 * overlap (both splits go through {@link segmentBy}); sub-segments with fewer than `minSize` counted
 * customers are reported as too small and are never ranked. Aggregation is one SQL pass (see segment-kpi.ts).
 */
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { baseOf, customerBase, type BaseOptions } from './base.js';
import { checkSegmentTable, segmentBy, type SegmentByResult, type SegmentSpec } from './index.js';
import {
  ALL_CUSTOMERS,
  DEFAULT_CHURN_DAYS,
  EMPTY_SUFF,
  checkNpsScores,
  SUFF_SQL,
  combine,
  differenceFromSegment,
  kpiTerms,
  kpiValue,
  resolveKpi,
  suffOf,
  type KpiDef,
  type KpiSpec,
  type Suff,
} from './kpi.js';
import { normalQuantile, Z95 } from '../../stats/normal.js';
import { checkOptionKeys, keyword, optionKeys, minSizeOption } from '../shared/validate.js';
import { tagResult } from '../../inspect.js';
import { segmentMessages } from './messages.js';

export type { KpiSpec, KpiDef } from './kpi.js';

/** Options of {@link compareSubsegments}. */
export interface CompareSubsegmentsOptions extends BaseOptions {
  /** The segments: a spec for {@link segmentBy}, a previous result (its table is read), or `'all'`. @defaultValue 'all' */
  segment?: SegmentSpec | SegmentByResult | 'all';
  /** The one variable that splits each segment: a column name or a spec. */
  by: string | SegmentSpec;
  /** The KPI compared. */
  kpi: KpiSpec;
  /** Sub-segments with fewer counted customers are too small: reported, never ranked or tested. @defaultValue 30 */
  minSize?: number;
  /** Churn window for `churnRate`. @defaultValue 90 */
  churnDays?: number;
  /**
   * Multiple comparisons: `'none'` gives each sub-segment its own 95% CI (about 1 in 20 null differences comes out
   * significant); `'bonferroni'` widens every CI to a family level of 95% over the m compared sub-segments
   * (z = Φ⁻¹(1 − 0.025/m)). @defaultValue 'none'
   */
  adjust?: 'none' | 'bonferroni';
}

/** One sub-segment against its segment. */
export interface SubsegmentRow {
  segment: string;
  subsegment: string;
  /** Customers in the sub-segment. */
  size: number;
  /** Customers the KPI counts (e.g. with a score, with orders). */
  n: number;
  /** The sub-segment's KPI. */
  kpi: number;
  /** The whole segment's KPI. */
  segmentKpi: number;
  /** kpi − segmentKpi. */
  difference: number;
  /** 95% CI of the difference (null when too small or not estimable). */
  ci: [number, number] | null;
  /** The CI excludes 0. Always false when too small. */
  significant: boolean;
  /** Fewer than minSize counted customers. */
  tooSmall: boolean;
  /** Rank by absolute difference within its segment (1 = largest); null when too small. */
  rank: number | null;
  /** Shares of promoters/detractors (NPS) or of x > 0 (proportions) among counted customers. */
  positiveShare: number;
  negativeShare: number;
}

/** One segment as a whole. */
export interface SubsegmentSegment {
  segment: string;
  size: number;
  n: number;
  kpi: number;
}

/** What {@link compareSubsegments} returns. */
export interface SubsegmentResult {
  /** The KPI as resolved, with the method of its CI. */
  kpi: KpiDef;
  /** Segmentation variable (`all` for everyone as one segment). */
  segmentVariable: string;
  /** The splitting variable. */
  byVariable: string;
  /** Segments in order. */
  segments: SubsegmentSegment[];
  /** Sub-segments, by segment then sub-segment order. */
  rows: SubsegmentRow[];
  /** Significant sub-segments, largest absolute difference first. */
  highlights: SubsegmentRow[];
  /** Options used. */
  options: {
    asOf: Date;
    minSize: number;
    churnDays: number;
    confidence: 0.95;
    adjust: 'none' | 'bonferroni';
    z: number;
    segment: SegmentSpec | 'all';
    by: SegmentSpec;
  };
  warnings: string[];
}

const SEG = '_swb_sub_segment';
const BY = '_swb_sub_by';
const BASE = '_swb_kpi_base';

const SUBSEGMENT_KEYS = optionKeys<CompareSubsegmentsOptions>({
  asOf: true,
  source: true,
  customers: true,
  segment: true,
  by: true,
  kpi: true,
  minSize: true,
  churnDays: true,
  adjust: true,
});

/**
 * Compare every sub-segment's KPI with its segment's own average.
 * @example await compareSubsegments(wb, { segment: { column: 'age_band' }, by: 'city_size', kpi: 'nps' });
 */
export async function compareSubsegments(wb: Workbench, options: CompareSubsegmentsOptions): Promise<SubsegmentResult> {
  checkOptionKeys('compareSubsegments', options, SUBSEGMENT_KEYS);
  const minSize = minSizeOption(options.minSize);
  const churnDays = options.churnDays ?? DEFAULT_CHURN_DAYS;
  const def = resolveKpi(options.kpi, churnDays);
  const segOpt = options.segment ?? 'all';
  const given = typeof segOpt === 'object' && 'table' in segOpt && 'segments' in segOpt ? segOpt : undefined;
  const baseOpts: BaseOptions = {
    ...baseOf(options),
    ...((options.asOf ?? given?.options.asOf) ? { asOf: options.asOf ?? given?.options.asOf } : {}),
  };
  const bySpec: SegmentSpec = typeof options.by === 'string' ? { column: options.by } : options.by;
  const byResult = await segmentBy(wb, bySpec, { ...baseOpts, table: BY, minSize });
  const asOf = byResult.options.asOf;
  let segTable: string | undefined;
  let segSpec: SegmentSpec | 'all' = 'all';
  if (given) {
    await checkSegmentTable(wb, given);
    segTable = given.table;
    segSpec = given.options.spec;
  } else if (segOpt !== 'all') {
    segSpec = segOpt as SegmentSpec;
    segTable = (await segmentBy(wb, segSpec, { ...baseOpts, asOf, table: SEG, minSize })).table;
  }
  const base = await customerBase(wb, { ...baseOpts, asOf }, def.columns, BASE);
  const t = kpiTerms(def, (c) => base.columns.get(c) ?? c, churnDays);
  await checkNpsScores(wb, def, BASE, base.columns.get(def.columns[0] ?? '') ?? '');
  const segJoin = segTable ? `join ${quoteIdentifier(segTable)} s using (customer_id)` : '';
  const segCols = segTable ? 's.segment as seg, s.segment_order as seg_o' : '$all_customers as seg, 0 as seg_o';
  const rows = await wb.query(
    `
    select seg, seg_o, sub, sub_o, count(*)::bigint as size, ${SUFF_SQL}
    from (
      select ${segCols}, g.segment as sub, g.segment_order as sub_o, b.customer_id as cid,
        case when ${t.where} then ${t.x} end as x, case when ${t.where} then ${t.y} end as y
      from ${quoteIdentifier(BASE)} b join ${quoteIdentifier(BY)} g using (customer_id) ${segJoin}
    ) group by all order by seg_o, seg, sub_o, sub`,
    { asOf, all_customers: ALL_CUSTOMERS },
  );
  const adjust = keyword('adjust', options.adjust ?? 'none', ['none', 'bonferroni']);
  return summarise(def, rows, {
    asOf,
    minSize,
    churnDays,
    segSpec,
    bySpec,
    adjust,
    segmentVariable: given?.variable ?? (segSpec === 'all' ? 'all' : variableName(segSpec)),
    byVariable: byResult.variable,
    warnings: [...base.warnings],
  });
}

function variableName(spec: SegmentSpec): string {
  if ('rules' in spec) return 'rules';
  if ('valueTiers' in spec) return 'revenue tiers';
  return spec.column;
}

interface Context {
  asOf: Date;
  minSize: number;
  churnDays: number;
  segSpec: SegmentSpec | 'all';
  bySpec: SegmentSpec;
  adjust: 'none' | 'bonferroni';
  segmentVariable: string;
  byVariable: string;
  warnings: string[];
}

function summarise(def: KpiDef, raw: Array<Record<string, unknown>>, c: Context): SubsegmentResult {
  const groups = raw.map((r) => ({
    seg: String(r['seg']),
    sub: String(r['sub']),
    size: Number(r['size']),
    s: suffOf(r),
  }));
  const segNames = [...new Set(groups.map((g) => g.seg))];
  const totals = new Map<string, { size: number; s: Suff }>();
  for (const g of groups) {
    const t = totals.get(g.seg) ?? { size: 0, s: EMPTY_SUFF };
    totals.set(g.seg, { size: t.size + g.size, s: combine(t.s, g.s) });
  }
  const compared = groups.filter((g) => g.s.n >= c.minSize).length;
  const z = c.adjust === 'bonferroni' && compared > 1 ? normalQuantile(1 - 0.025 / compared) : Z95;
  const rows: SubsegmentRow[] = groups.map((g) => {
    const seg = totals.get(g.seg)!;
    const tooSmall = g.s.n < c.minSize;
    const d = differenceFromSegment(def, g.s, seg.s, z);
    return {
      segment: g.seg,
      subsegment: g.sub,
      size: g.size,
      n: g.s.n,
      kpi: kpiValue(def, g.s),
      segmentKpi: kpiValue(def, seg.s),
      difference: d.difference,
      ci: tooSmall ? null : d.ci,
      significant: !tooSmall && d.significant,
      tooSmall,
      rank: null,
      positiveShare: g.s.n > 0 ? g.s.pos / g.s.n : NaN,
      negativeShare: g.s.n > 0 ? g.s.neg / g.s.n : NaN,
    };
  });
  for (const seg of segNames) {
    const ranked = rows
      .filter((r) => r.segment === seg && !r.tooSmall && Number.isFinite(r.difference))
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.subsegment.localeCompare(b.subsegment));
    ranked.forEach((r, i) => {
      r.rank = i + 1;
    });
  }
  const highlights = rows
    .filter((r) => r.significant)
    .sort(
      (a, b) =>
        Math.abs(b.difference) - Math.abs(a.difference) ||
        a.segment.localeCompare(b.segment) ||
        a.subsegment.localeCompare(b.subsegment),
    );
  const small = rows.filter((r) => r.tooSmall);
  const warnings = [...c.warnings];
  if (small.length) warnings.push(segmentMessages.warnSmallSubsegments(c.minSize, def.label, small));
  return tagResult(
    {
      kpi: def,
      segmentVariable: c.segmentVariable,
      byVariable: c.byVariable,
      segments: segNames.map((s) => {
        const t = totals.get(s)!;
        return { segment: s, size: t.size, n: t.s.n, kpi: kpiValue(def, t.s) };
      }),
      rows,
      highlights,
      options: {
        asOf: c.asOf,
        minSize: c.minSize,
        churnDays: c.churnDays,
        confidence: 0.95,
        adjust: c.adjust,
        z,
        segment: c.segSpec,
        by: c.bySpec,
      },
      warnings,
    },
    'SubsegmentResult',
  );
}
