/**
 * Subscription and usage charts: the MRR bridge (a waterfall from the MRR at the start to the MRR at the
 * end) and MRR movements stacked by month with the net change here; customer churn beside revenue churn per
 * segment and churn by usage segment, both with 95% intervals, in subscription-churn.ts (re-exported). Pure
 * builders: result in, Vega-Lite spec out; money in the chart's `config.locale` currency.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MrrMovementFigures, MrrMovementsResult } from './index.js';
import { texts } from '../../i18n/index.js';
import type { Locale } from '../../locale.js';
import { periodLabel } from '../overview/charts.js';
import { baseSpec, CATEGORY_COLORS, CHART_HEIGHT, CHART_WIDTH, moneyFormat } from '../../charts/theme.js';
import type { SubscriptionChartOptions } from './churn-charts.js';
export { segmentChurnChart, type SegmentChurnChartOptions } from './segment-churn-charts.js';

export {
  churnComparisonChart,
  usageChurnChart,
  usageGroupName,
  type SubscriptionChartOptions,
  type ChurnComparisonOptions,
} from './churn-charts.js';

/** Options of {@link mrrBridgeChart} and {@link mrrMovementsChart}. */
export interface MrrChartOptions extends SubscriptionChartOptions {
  /** Only the last this many months of the result. @defaultValue every month of the result */
  lastMonths?: number;
}

const GREEN = '#009E73';
const RED = '#D55E00';
const BLUE = CATEGORY_COLORS[0] ?? '#0072B2';
const ORANGE = CATEGORY_COLORS[1] ?? '#E69F00';
/** Movement classes: added MRR in greens and blues, lost MRR in orange and red (colour-blind safe). */
const MOVEMENT_COLORS = [GREEN, '#56B4E9', BLUE, ORANGE, RED];

const monthLabel = (d: Date, locale: Locale): string => periodLabel(d, 'month', locale);

/** The rows a chart draws: the last `lastMonths`, or all. */
function shownRows(result: MrrMovementsResult, lastMonths: number | undefined): MrrMovementsResult['rows'] {
  return lastMonths === undefined ? result.rows : result.rows.slice(Math.max(0, result.rows.length - lastMonths));
}

/** The bridge figures of the rows drawn: the result's exact totals for the whole range, else the rows summed. */
function bridgeFigures(
  result: MrrMovementsResult,
  rows: MrrMovementsResult['rows'],
): Pick<MrrMovementFigures, 'mrrStart' | 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churned' | 'mrrEnd'> {
  if (rows.length === result.rows.length) return result.totals;
  // MRR is DECIMAL(18, 4): the sum rounded to that, so float noise does not show as a cent
  const sum = (k: 'new' | 'expansion' | 'reactivation' | 'contraction' | 'churned') =>
    Math.round(rows.reduce((s, r) => s + r[k], 0) * 1e4) / 1e4;
  return {
    mrrStart: rows[0]?.mrrStart ?? 0,
    new: sum('new'),
    expansion: sum('expansion'),
    reactivation: sum('reactivation'),
    contraction: sum('contraction'),
    churned: sum('churned'),
    mrrEnd: rows[rows.length - 1]?.mrrEnd ?? 0,
  };
}

/**
 * MRR bridge as a waterfall, top to bottom: MRR at the start (the end of the month before the first month), + new,
 * + expansion, + returning customers, − downgrades, − cancellations, MRR at the end; each step written beside its bar.
 * @example await show(mrrBridgeChart(await mrrMovements(wb), { locale: 'nl' }));
 */
export function mrrBridgeChart(result: MrrMovementsResult, options: MrrChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = texts(locale).subscriptions.charts;
  const rows = shownRows(result, options.lastMonths);
  const f = bridgeFigures(result, rows);
  const first = rows[0]?.month ?? result.options.from;
  const last = rows[rows.length - 1]?.month ?? result.options.to;
  const before = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 1));
  const steps: Array<[string, string, number]> = [
    ['new', t.new, f.new],
    ['expansion', t.expansion, f.expansion],
    ['reactivation', t.reactivation, f.reactivation],
    ['contraction', t.contraction, -f.contraction],
    ['churned', t.churned, -f.churned],
  ];
  let level = f.mrrStart;
  const values = [
    { key: 'start', step: t.start, from: 0, to: f.mrrStart, amount: f.mrrStart, kind: 'total', end: f.mrrStart },
    ...steps.map(([key, step, amount]) => {
      const from = level;
      level += amount;
      return { key, step, from, to: level, amount, kind: amount >= 0 ? 'up' : 'down', end: level };
    }),
    { key: 'end', step: t.end, from: 0, to: f.mrrEnd, amount: f.mrrEnd, kind: 'total', end: f.mrrEnd },
  ].map((v) => ({ ...v, at: Math.max(v.from, v.to) }));
  const money = moneyFormat(locale);
  const y = {
    field: 'step',
    type: 'nominal' as const,
    title: null,
    sort: values.map((v) => v.step),
    axis: { labelLimit: 200 },
  };
  const text = (kind: 'total' | 'move', format: string) => ({
    transform: [{ filter: kind === 'total' ? "datum.kind === 'total'" : "datum.kind !== 'total'" }],
    mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11 },
    encoding: {
      y,
      x: { field: 'at', type: 'quantitative' as const },
      text: { field: 'amount', type: 'quantitative' as const, format },
    },
  });
  return {
    ...baseSpec(t.bridge, `${t.bridgeDesc}.`, t.bridgeRange(monthLabel(before, locale), monthLabel(last, locale))),
    width: CHART_WIDTH,
    height: { step: 30 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: {
            field: 'from',
            type: 'quantitative',
            title: t.mrr,
            axis: { format: money, tickCount: 5 },
            scale: { nice: true },
          },
          x2: { field: 'to' },
          color: {
            field: 'kind',
            type: 'nominal',
            legend: null,
            scale: { domain: ['total', 'up', 'down'], range: [BLUE, GREEN, RED] },
          },
          tooltip: [
            { field: 'step', type: 'nominal', title: t.step },
            { field: 'amount', type: 'quantitative', title: t.change, format: money },
            { field: 'end', type: 'quantitative', title: t.mrr, format: money },
          ],
        },
      },
      text('total', money),
      text('move', `+${money}`),
    ],
  } as TopLevelSpec;
}

/**
 * MRR movements per month: added MRR stacked above zero (new, expansion, returning customers), lost MRR below
 * (downgrades, cancellations), and a black line with the net change.
 * @example await show(mrrMovementsChart(await mrrMovements(wb), { lastMonths: 12 }));
 */
export function mrrMovementsChart(result: MrrMovementsResult, options: MrrChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const t = texts(locale).subscriptions.charts;
  const rows = shownRows(result, options.lastMonths);
  const kinds = [t.new, t.expansion, t.reactivation, t.contraction, t.churned];
  const labels = rows.map((r) => monthLabel(r.month, locale));
  const values = rows.flatMap((r, i) => {
    const label = labels[i] ?? '';
    const amounts = [r.new, r.expansion, r.reactivation, -r.contraction, -r.churned];
    const net = amounts.reduce((s, a) => s + a, 0);
    return [
      ...amounts.map((amount, order) => ({
        label,
        kind: kinds[order] ?? '',
        order,
        amount,
        bar: true,
        mrrEnd: r.mrrEnd,
      })),
      { label, kind: t.net, order: 5, amount: net, bar: false, mrrEnd: r.mrrEnd },
    ];
  });
  const money = moneyFormat(locale);
  const x = {
    field: 'label',
    type: 'ordinal' as const,
    title: t.month,
    sort: labels,
    axis: { labelAngle: -45, labelOverlap: true },
  };
  const tooltip = [
    { field: 'label', type: 'ordinal' as const, title: t.month },
    { field: 'kind', type: 'nominal' as const, title: t.movement },
    { field: 'amount', type: 'quantitative' as const, title: t.change, format: money },
    { field: 'mrrEnd', type: 'quantitative' as const, title: t.mrrEnd, format: money },
  ];
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    title: t.movement,
    legend: { labelLimit: 220 },
    scale: { domain: [...kinds, t.net], range: [...MOVEMENT_COLORS, '#000000'] },
  };
  return {
    ...baseSpec(t.movements, `${t.movementsDesc}.`),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.bar' }],
        mark: { type: 'bar' },
        encoding: {
          x,
          color,
          tooltip,
          y: { field: 'amount', type: 'quantitative', title: t.mrrChange, stack: 'zero', axis: { format: money } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#1a1a1a' },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        transform: [{ filter: '!datum.bar' }],
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 30 } },
        encoding: { x, color, tooltip, y: { field: 'amount', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}
