/**
 * Charts for attribute segments: the sub-segment deviation chart (difference from the segment's own
 * average with 95% CI whiskers, too-small groups greyed), KPI against goal (bullet style), the migration
 * heatmap (from × to, row shares) and the overlap matrix (Jaccard). Pure builders: result in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatDate, formatNumber, type Locale } from '../../locale.js';
import { columnLabel, segmentValueName } from '../../i18n/analyses.js';
import { byValueName, migrationSegmentName } from './words.js';
import type { SubsegmentResult } from './subsegments.js';
import { ALL_CUSTOMERS, DEFAULT_CHURN_DAYS, type KpiDef } from './kpi.js';
import type { KpisResult } from './kpis.js';
import type { MigrationResult } from './migration.js';
import type { OverlapResult } from './overlap.js';
import {
  baseSpec,
  CATEGORY_COLORS,
  CHART_WIDTH,
  COUNT_FORMAT,
  minPlotWidth,
  moneyFormat,
  PERCENT_FORMAT,
  SEQUENTIAL_SCHEME,
  SMALL_COUNT_LABELS,
  withCounts,
} from '../../charts/theme.js';
import { segmentTexts } from './texts.js';

/** Font size of the counts written in heatmap cells. */
const CELL_FONT_SIZE = 10;

/**
 * Narrowest cell, in px, that holds the longest of `labels` at {@link CELL_FONT_SIZE} (a digit is at most
 * 0.64 em wide in the report fonts) with 5 px either side; never under 36 px.
 */
function minCellWidth(labels: readonly string[]): number {
  const chars = Math.max(4, ...labels.map((l) => l.length));
  return Math.max(36, Math.ceil(chars * 0.64 * CELL_FONT_SIZE + 10));
}

/** Options of the segment charts. */
export interface SegmentChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

/** Display label of a KPI in a locale: the known ids in words, churn with its window, means with their column. */
export function kpiLabel(def: Pick<KpiDef, 'id' | 'label'>, locale: Locale): string {
  const t = segmentTexts(locale).charts;
  const known: Readonly<Record<string, string>> = t.kpiLabels;
  if (Object.hasOwn(known, def.id)) return known[def.id] ?? def.label;
  // `churnRate` is the default window; other windows are in the id (`churnRate:30`)
  if (def.id === 'churnRate') return t.churnLabel(String(DEFAULT_CHURN_DAYS));
  if (def.id.startsWith('churnRate:')) return t.churnLabel(def.id.slice('churnRate:'.length));
  if (def.id.startsWith('nps:')) return `NPS (${def.id.slice(4)})`;
  if (def.id.startsWith('mean:')) return t.meanLabel(def.id.slice(5));
  return def.label;
}

/** A segment name for display: the all-customers segment in the locale, other names as they are (they are data). */
export function segmentLabel(name: string, locale: Locale): string {
  return name === ALL_CUSTOMERS ? segmentTexts(locale).charts.allCustomers : segmentValueName(name, locale);
}

/** d3 format of a KPI's values. */
export function kpiFormat(def: Pick<KpiDef, 'id' | 'kind'>, locale: Locale): string {
  if (def.id === 'revenuePerCustomer' || def.id === 'averageOrderValue') return moneyFormat(locale);
  if (def.kind === 'proportion') return PERCENT_FORMAT;
  return ',.1f';
}

/**
 * Sub-segment deviation chart: one diverging bar per sub-segment (difference from its segment's average),
 * 95% CI whiskers, a rule at 0 (the segment average), too-small sub-segments greyed without whiskers.
 * With more than one segment, one panel per segment, all on one x scale: a bar of the same length is the same
 * difference in every panel (own scales made −8.60 look as long as −62.94).
 * @example show(subsegmentChart(await compareSubsegments(wb, { segment: { column: 'age_band' }, by: 'city_size', kpi: 'nps' })))
 */
export function subsegmentChart(result: SubsegmentResult, options: SegmentChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = segmentTexts(locale).charts;
  const label = kpiLabel(result.kpi, locale);
  const format = kpiFormat(result.kpi, locale);
  const values = result.rows.map((r) => ({
    segment: r.segment,
    segmentName: segmentLabel(r.segment, locale),
    group: byValueName(result.byVariable, r.subsegment, locale),
    difference: Number.isFinite(r.difference) ? r.difference : null,
    lo: r.ci?.[0] ?? null,
    hi: r.ci?.[1] ?? null,
    value: Number.isFinite(r.kpi) ? r.kpi : null,
    segmentValue: r.segmentKpi,
    n: r.n,
    status: r.tooSmall ? t.tooSmall : r.significant ? t.significant : t.notSignificant,
  }));
  const segments = [...new Set(values.map((v) => v.segment))];
  const many = segments.length > 1;
  const tooltip = [
    ...(many ? [{ field: 'segmentName', type: 'nominal' as const, title: t.segment }] : []),
    { field: 'group', type: 'nominal' as const, title: t.group },
    { field: 'value', type: 'quantitative' as const, title: `${t.value}: ${label}`, format },
    { field: 'segmentValue', type: 'quantitative' as const, title: `${t.segmentValue}: ${label}`, format },
    { field: 'difference', type: 'quantitative' as const, title: t.diff, format },
    { field: 'lo', type: 'quantitative' as const, title: t.ciLow, format },
    { field: 'hi', type: 'quantitative' as const, title: t.ciHigh, format },
    { field: 'n', type: 'quantitative' as const, title: t.customers, format: COUNT_FORMAT },
    { field: 'status', type: 'nominal' as const, title: t.status },
  ];
  const panel = (segment: string | undefined, last: boolean) => {
    const rows = values.filter((v) => segment === undefined || v.segment === segment);
    const y = {
      field: 'group',
      type: 'nominal' as const,
      title: many ? null : t.group,
      sort: rows.map((v) => v.group),
      axis: { labelLimit: 240 },
    };
    // the KPI is named in the chart title; the axis says only what the bars are, so it fits a phone
    const x = {
      field: 'difference',
      type: 'quantitative' as const,
      title: last ? t.diff : null,
      axis: { format, tickCount: 6 },
    };
    return {
      ...(segment !== undefined
        ? {
            title: { text: rows[0]?.segmentName ?? segment, fontSize: 13 },
            transform: [{ filter: { field: 'segment', equal: segment } }],
          }
        : {}),
      width: CHART_WIDTH,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'bar' as const, height: { band: 0.7 } },
          encoding: {
            y,
            x,
            color: {
              field: 'status',
              type: 'nominal' as const,
              title: t.status,
              scale: {
                domain: [t.significant, t.notSignificant, t.tooSmall],
                range: [CATEGORY_COLORS[0]!, '#9ecae1', '#d9d9d9'],
              },
            },
            tooltip,
          },
        },
        {
          mark: { type: 'rule' as const, color: '#1a1a1a' },
          transform: [{ filter: 'isValid(datum.lo)' }],
          encoding: { y, x: { field: 'lo', type: 'quantitative' as const }, x2: { field: 'hi' } },
        },
        {
          mark: { type: 'rule' as const, color: '#1a1a1a', strokeDash: [4, 3] },
          data: { values: [{ zero: 0 }] },
          encoding: { x: { field: 'zero', type: 'quantitative' as const } },
        },
      ],
    };
  };
  const base = {
    ...baseSpec(t.sub(label, columnLabel(result.byVariable, locale)), `${t.subDesc}.`, t.subSub),
    data: { values },
  };
  return withCounts(
    ['n'],
    many
      ? {
          ...base,
          vconcat: segments.map((seg, i) => panel(seg, i === segments.length - 1)),
          resolve: { scale: { x: 'shared' } },
        }
      : { ...base, ...panel(undefined, true) },
  );
}

/**
 * KPI against goal, bullet style: a bar per segment with its value, a black tick at its goal, coloured by status.
 * @example show(kpiGoalChart(await kpis(wb, { segments: { column: 'region' }, goals: [{ kpi: 'nps', goal: 10 }] })))
 */
export function kpiGoalChart(result: KpisResult, options: SegmentChartOptions & { kpi?: string } = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = segmentTexts(locale).charts;
  const id = options.kpi ?? result.kpis[0]?.id;
  const def = result.kpis.find((k) => k.id === id) ?? result.kpis[0]!;
  const label = kpiLabel(def, locale);
  const format = kpiFormat(def, locale);
  const statusText = { met: t.met, close: t.close, missed: t.missed, 'no goal': t.noGoal, 'no data': t.noData };
  const values = result.rows
    .filter((r) => r.kpi === def.id)
    .map((r) => ({
      segment: segmentLabel(r.segment, locale),
      value: Number.isFinite(r.value) ? r.value : null,
      goal: r.goal,
      gap: r.gap,
      status: statusText[r.status],
      n: r.n,
    }));
  const y = {
    field: 'segment',
    type: 'nominal' as const,
    title: t.segment,
    sort: values.map((v) => v.segment),
    axis: { labelLimit: 240 },
  };
  return {
    ...baseSpec(t.kpiTitle(label), `${t.kpiDesc}.`),
    width: CHART_WIDTH,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative', title: label, axis: { format } },
          color: {
            field: 'status',
            type: 'nominal',
            title: t.status,
            scale: {
              domain: [t.met, t.close, t.missed, t.noGoal],
              range: [CATEGORY_COLORS[2]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[5]!, '#bdbdbd'],
            },
          },
          tooltip: [
            { field: 'segment', type: 'nominal', title: t.segment },
            { field: 'value', type: 'quantitative', title: label, format },
            { field: 'goal', type: 'quantitative', title: t.goal, format },
            { field: 'status', type: 'nominal', title: t.status },
            { field: 'n', type: 'quantitative', title: t.customers, format: COUNT_FORMAT },
          ],
        },
      },
      {
        mark: { type: 'tick', color: '#000000', thickness: 3, size: 22 },
        transform: [{ filter: 'isValid(datum.goal)' }],
        encoding: { y, x: { field: 'goal', type: 'quantitative' } },
      },
    ],
  };
}

/**
 * Migration heatmap: from-segment rows × to-segment columns, coloured by row share, labelled with counts.
 * Cells never get narrower than their longest count (a narrow screen scrolls the chart instead); a count
 * a shared report suppresses reads "< 10".
 * @example show(migrationHeatmap(await migration(wb, { from, to }), { locale: 'nl' }))
 */
export function migrationHeatmap(result: MigrationResult, options: SegmentChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = segmentTexts(locale).charts;
  const names = new Map(result.segments.map((s) => [s.key, migrationSegmentName(result, s.key, locale)]));
  const order = result.segments.map((s) => migrationSegmentName(result, s.key, locale));
  const values = result.matrix.map((c) => ({
    from: names.get(c.from) ?? c.from,
    to: names.get(c.to) ?? c.to,
    count: c.count,
    rowShare: Number.isFinite(c.rowShare) ? c.rowShare : 0,
    dark: Number.isFinite(c.rowShare) && c.rowShare > 0.5,
  }));
  const cell = minCellWidth(values.map((v) => formatNumber(v.count, locale)));
  return withCounts(['count'], {
    ...baseSpec(
      t.mig,
      `${t.migDesc}.`,
      t.migSub(formatDate(result.options.from, locale), formatDate(result.options.to, locale)),
    ),
    width: Math.max(CHART_WIDTH, order.length * cell),
    height: Math.max(240, order.length * 34),
    usermeta: {
      ...minPlotWidth(order.length * cell).usermeta,
      ...SMALL_COUNT_LABELS,
      countDerived: { count: ['rowShare', 'dark'] },
    },
    data: { values },
    encoding: {
      x: { field: 'to', type: 'nominal', title: t.to, sort: order, axis: { labelAngle: -40, labelLimit: 180 } },
      y: { field: 'from', type: 'nominal', title: t.from, sort: order, axis: { labelLimit: 200 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'rowShare',
            type: 'quantitative',
            title: t.rowShare,
            scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 1] },
            legend: { format: '.0%' },
          },
          tooltip: [
            { field: 'from', type: 'nominal', title: t.from },
            { field: 'to', type: 'nominal', title: t.to },
            { field: 'count', type: 'quantitative', title: t.count, format: COUNT_FORMAT },
            { field: 'rowShare', type: 'quantitative', title: t.rowShare, format: PERCENT_FORMAT },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: CELL_FONT_SIZE },
        // zero is left blank; a suppressed count (null) is written as "< 10"
        transform: [{ filter: 'datum.count !== 0' }],
        encoding: {
          text: { field: 'count', type: 'quantitative', format: COUNT_FORMAT },
          color: { condition: { test: 'datum.dark', value: '#ffffff' }, value: '#1a1a1a' },
        },
      },
    ],
  });
}

/**
 * Overlap matrix: Jaccard index for every pair of sets (both directions, diagonal 1).
 * @example show(overlapMatrix(await overlap(wb, sets)))
 */
export function overlapMatrix(result: OverlapResult, options: SegmentChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = segmentTexts(locale).charts;
  const names = result.sets.map((s) => s.name);
  const values = [
    ...result.sets.map((s) => ({ a: s.name, b: s.name, jaccard: s.size > 0 ? 1 : 0, both: s.size })),
    ...result.pairs.flatMap((p) => [
      { a: p.a, b: p.b, jaccard: Number.isFinite(p.jaccard) ? p.jaccard : 0, both: p.both },
      { a: p.b, b: p.a, jaccard: Number.isFinite(p.jaccard) ? p.jaccard : 0, both: p.both },
    ]),
  ];
  return withCounts(['both'], {
    ...baseSpec(t.ov, `${t.ovDesc}.`),
    width: Math.min(CHART_WIDTH, 60 * names.length + 120),
    height: Math.max(200, names.length * 34),
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', title: t.b, sort: names, axis: { labelAngle: -40, labelLimit: 140 } },
      y: { field: 'a', type: 'nominal', title: t.a, sort: names, axis: { labelLimit: 160 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff' },
        encoding: {
          color: {
            field: 'jaccard',
            type: 'quantitative',
            title: t.jaccard,
            scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 1] },
          },
          tooltip: [
            { field: 'a', type: 'nominal', title: t.a },
            { field: 'b', type: 'nominal', title: t.b },
            { field: 'both', type: 'quantitative', title: t.both, format: COUNT_FORMAT },
            { field: 'jaccard', type: 'quantitative', title: t.jaccard, format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: { text: { field: 'both', type: 'quantitative', format: COUNT_FORMAT } },
      },
    ],
  });
}
