/**
 * The predictive customer value section: first, when the fit finds no dropout or misses its holdout
 * check, that the prediction is not reliable on this data and why; what the BG/NBD + Gamma-Gamma models
 * assume, how to read P(alive), findings (expected value, concentration, customers at risk, the holdout check and
 * what its error means for trusting the numbers), the charts (the tracking plot first), tier / band / holdout tables and the fitted parameters. Pure: result in, section out.
 */
import type { ClvResult } from './types.js';
import type { ClvSegmentRow } from './aggregates.js';
import { clvHoldoutChart, clvSegmentChart, clvTierChart, pAliveHistogramChart, pAliveMatrixChart } from './charts.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportChart, ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { clvTexts } from './texts.js';
import { clvTrackingChart } from './tracking-charts.js';
import { SPEND_FREQUENCY_CORRELATION } from './index.js';

/** Options of {@link clvSection}. */
export interface ClvSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
  /** CLV per segment of another segmentation (from `clvBySegment`), shown as chart and table. @defaultValue none */
  segments?: readonly ClvSegmentRow[];
  /** Display names of the segment keys. @defaultValue the keys */
  segmentNames?: Readonly<Record<string, string>>;
  /**
   * A holdout check of the same data, used when `result` has no holdout of its own (see {@link clvChecked}).
   * @defaultValue none
   */
  check?: ClvResult;
}

/**
 * The result whose holdout tests the predictions: `result` itself when it has a holdout, else `check`
 * (a fit on an earlier calibration end with `holdoutEnd`, e.g. `compareModels` too), else `result`.
 * Its tracking plot, holdout chart and table, model comparison and holdout error stand for the section.
 * @example const tested = clvChecked(fitOnAll, holdoutFit);
 */
export function clvChecked(result: ClvResult, check?: ClvResult): ClvResult {
  return result.holdout || !check?.holdout ? result : check;
}

/** A holdout miss of total purchases beyond this relative error makes the prediction unreliable. */
export const HOLDOUT_TOLERANCE = 0.2;
/** P(alive) at or above which a customer counts as "certainly active". */
const CERTAIN_ALIVE = 0.99;
/** Share of customers certainly active above which the fit is read as finding no dropout at all. */
export const NO_DROPOUT_SHARE = 0.95;

/** Why a CLV prediction should not be acted on, with the figure that shows it. */
export type ClvDoubt = { kind: 'noDropout'; certainShare: number } | { kind: 'holdoutMiss'; error: number };

/**
 * The reasons not to act on a CLV prediction (empty when none): the fit finds no dropout — the mean
 * dropout chance a/(a+b) is under 0.1%, or the most active P(alive) band holds at least
 * {@link NO_DROPOUT_SHARE} of customers at a mean P(alive) of 99% or more — or the holdout check missed
 * total purchases by more than {@link HOLDOUT_TOLERANCE}.
 * @example if (clvDoubts(result).length === 0) findings.push(...clvFindings(result));
 */
export function clvDoubts(result: ClvResult, check?: ClvResult): ClvDoubt[] {
  const doubts: ClvDoubt[] = [];
  const active = result.aliveBands[result.aliveBands.length - 1];
  const certain = active && active.meanPAlive >= CERTAIN_ALIVE ? active.share : 0;
  // BG/NBD's a/(a+b) says nothing about a Pareto/NBD that scores the customers: then only the bands count
  const dropout = result.options.model === 'pareto-nbd' ? 1 : result.bgnbd.a / (result.bgnbd.a + result.bgnbd.b);
  if (dropout < 1e-3 || certain >= NO_DROPOUT_SHARE) doubts.push({ kind: 'noDropout', certainShare: certain });
  const h = clvChecked(result, check).holdout;
  if (h && h.actualTotal > 0) {
    const error = h.predictedTotal / h.actualTotal - 1;
    if (Math.abs(error) > HOLDOUT_TOLERANCE) doubts.push({ kind: 'holdoutMiss', error });
  }
  return doubts;
}

/** The section's first line when the prediction is not reliable, else undefined. */
function doubtLine(result: ClvResult, locale: Locale, check?: ClvResult): string | undefined {
  const t = clvTexts(locale).section;
  const pct = (x: number) => formatPercent(x, locale, 0);
  const reasons = clvDoubts(result, check).map((d) =>
    d.kind === 'noDropout'
      ? t.unreliableNoDropout(pct(d.certainShare))
      : t.unreliableHoldout(`${d.error > 0 ? '+' : ''}${pct(d.error)}`, pct(HOLDOUT_TOLERANCE)),
  );
  return reasons.length > 0 ? t.unreliable(reasons) : undefined;
}

/** Plain-language findings, most important first (`check`: a holdout check, see {@link clvChecked}). */
export function clvFindings(result: ClvResult, locale: Locale = 'en', currency = 'EUR', check?: ClvResult): string[] {
  const t = clvTexts(locale).section;
  const o = result.options;
  const n = (x: number) => formatNumber(x, locale);
  const pct = (x: number) => formatPercent(x, locale, 0);
  const out = [
    t.value(
      o.horizonMonths,
      n(result.totals.expectedPurchases),
      formatCurrency(result.totals.clv, locale, currency, 0),
      n(result.customers),
      o.discountRate > 0 ? t.discount(pct(o.discountRate)) : '',
    ),
  ];
  const top = result.tiers[0];
  if (top && top.customers > 0) out.push(t.top(pct(top.share), n(top.customers), pct(top.clvShare)));
  const risk = result.aliveBands[0];
  if (risk && risk.customers > 0) out.push(t.risk(n(risk.customers), pct(risk.share), pct(o.aliveBands[0])));
  out.push(...clvCheckReading(clvChecked(result, check), locale));
  const { low, high } = result.totals;
  if (low !== null && high !== null) {
    const money = (x: number) => formatCurrency(x, locale, currency, 0);
    out.push(t.range(money(result.totals.clv), money(low), money(high), n(o.intervalDraws)));
  }
  out.push(...spendDoubts(result, locale));
  return out;
}

/** Within this relative error of total holdout purchases the predictions read as estimates; beyond it as a floor or ceiling. */
export const HOLDOUT_CLOSE = 0.1;

/** What the holdout error means for trusting the numbers, in plain words. */
function trustLine(err: number, locale: Locale): string {
  const t = clvTexts(locale).section;
  if (Math.abs(err) <= HOLDOUT_CLOSE) return t.trustClose(`${err > 0 ? '+' : ''}${formatPercent(err, locale, 0)}`);
  const size = formatPercent(Math.abs(err), locale, 0);
  return err < 0 ? t.trustUnder(size) : t.trustOver(size);
}

/**
 * What the holdout check says, in plain words: predicted against actual purchases, what that error means
 * for trusting the numbers, with both models fitted which predicted better, and a fit that ran to a limit of
 * its model (no dropout found) said so (empty without a holdout).
 * @example showMarkdown(clvCheckReading(await clv(wb, { calibrationEnd, holdoutEnd, compareModels: true })).join(' '))
 */
export function clvCheckReading(result: ClvResult, locale: Locale = 'en'): string[] {
  const t = clvTexts(locale).section;
  const o = result.options;
  const n = (x: number) => formatNumber(x, locale);
  const out: string[] = [];
  const h = result.holdout;
  if (!h || h.actualTotal <= 0) return out;
  const err = h.predictedTotal / h.actualTotal - 1;
  const len = `${formatNumber(h.length, locale, Number.isInteger(h.length) ? 0 : 1)} ${t.periods[o.unit]}`;
  out.push(
    t.holdout(
      len,
      n(h.predictedTotal),
      n(h.actualTotal),
      t.off(`${err > 0 ? '+' : ''}${formatPercent(err, locale, 0)}`),
    ),
  );
  out.push(trustLine(err, locale));
  const c = result.modelComparison;
  if (c) {
    const byKind = (k: 'bg-nbd' | 'pareto-nbd') => c.models.find((m) => m.model === k) ?? c.models[0];
    const signed = (x: number) => `${x > 0 ? '+' : ''}${formatPercent(x, locale, 0)}`;
    out.push(
      t.comparison(
        len,
        `${n(byKind('bg-nbd').predictedTotal)} (${signed(byKind('bg-nbd').totalError)})`,
        `${n(byKind('pareto-nbd').predictedTotal)} (${signed(byKind('pareto-nbd').totalError)})`,
        n(c.actualTotal),
        formatNumber(byKind('bg-nbd').meanAbsoluteError, locale, 2),
        formatNumber(byKind('pareto-nbd').meanAbsoluteError, locale, 2),
        // Errors per customer equal to the shown two decimals: neither model is better
        Math.abs(byKind('bg-nbd').meanAbsoluteError - byKind('pareto-nbd').meanAbsoluteError) < 0.005
          ? null
          : t.modelNames[c.better],
      ),
    );
  }
  out.push(...limitLines(result, locale));
  return out;
}

const GREEK: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ' };

/**
 * The fits that ran to a bound, in plain words: no dropout found (BG/NBD's a at its lower bound; Pareto/NBD's β
 * at its upper bound with a mean dropout rate s/β under 10⁻⁶ per period), or another limit of the model.
 */
function limitLines(result: ClvResult, locale: Locale): string[] {
  const t = clvTexts(locale).section;
  const names = (keys: readonly string[]) => keys.map((k) => GREEK[k] ?? k).join(', ');
  const out: string[] = [];
  const bg = result.bgnbd;
  if (bg.atBound.length > 0)
    out.push(
      bg.atBound.includes('a') && bg.a < 1 ? t.limitNoDropout('BG/NBD') : t.limitOther('BG/NBD', names(bg.atBound)),
    );
  const pn = result.paretoNbd;
  if (pn && pn.atBound.length > 0)
    out.push(
      pn.atBound.includes('beta') && pn.beta > 1 && pn.s / pn.beta < 1e-6
        ? t.limitNoDropout('Pareto/NBD')
        : t.limitOther('Pareto/NBD', names(pn.atBound)),
    );
  return out;
}

/** How the predictions were tested: on the result's own holdout, by a separate holdout fit, or not at all. */
function testedBy(result: ClvResult, tested: ClvResult, locale: Locale): string {
  const t = clvTexts(locale).section;
  const h = tested.holdout;
  if (!h) return t.withoutHoldout;
  if (tested === result) return t.withHoldout;
  const len = `${formatNumber(h.length, locale, Number.isInteger(h.length) ? 0 : 1)} ${t.periods[tested.options.unit]}`;
  return t.withCheck(len);
}

/** The spend model's warnings in plain words: frequency and spend correlated, or a tail too heavy for a mean. */
export function spendDoubts(result: ClvResult, locale: Locale): string[] {
  const t = clvTexts(locale).section;
  const out: string[] = [];
  const rho = result.spendFrequencyCorrelation;
  if (Number.isFinite(rho) && Math.abs(rho) > SPEND_FREQUENCY_CORRELATION)
    out.push(t.spendCorrelated(formatNumber(rho, locale, 2)));
  if (result.gammaGamma.q <= 1) out.push(t.heavyTail(formatNumber(result.gammaGamma.q, locale, 2)));
  return out;
}

/** "low – high" in the currency, or a dash without an interval. */
function rangeCell(low: number | null, high: number | null, locale: Locale, currency: string): string {
  return low === null || high === null
    ? '–'
    : clvTexts(locale).section.rangeCell(
        formatCurrency(low, locale, currency, 0),
        formatCurrency(high, locale, currency, 0),
      );
}

function groupTable<K extends string>(
  caption: string,
  groups: ClvResult['tiers'] | ClvResult['aliveBands'],
  names: Record<K, string>,
  locale: Locale,
  currency: string,
): ReportTable {
  const t = clvTexts(locale).section;
  return {
    caption,
    columns: t.groupCols.map((label, i) => ({ label, numeric: i > 0, ...(i === 1 ? COUNT : {}) })),
    rows: groups.map((g) => [
      names[g.key as K] ?? g.key,
      formatNumber(g.customers, locale),
      formatPercent(g.share, locale, 1),
      formatNumber(g.expectedPurchases, locale),
      formatCurrency(g.clv, locale, currency, 0),
      formatPercent(g.clvShare, locale, 1),
      formatPercent(g.meanPAlive, locale, 0),
      rangeCell(g.low, g.high, locale, currency),
    ]),
  };
}

/**
 * The predicted customer value section of a report.
 * @example clvSection(await clv(wb, { calibrationEnd, holdoutEnd }), { locale: 'nl', segments: await clvBySegment(wb, r, rfmResult) })
 */
export function clvSection(result: ClvResult, options: ClvSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = clvTexts(locale).section;
  const o = result.options;
  const num = (x: number, d: number) => formatNumber(x, locale, d);
  const chart = (
    id: string,
    { title, description }: { title: string; description: string },
    spec: ReportChart['spec'],
  ): ReportChart => ({ id, title, description, spec });
  // The tracking plot, holdout chart and table and the model comparison come from the result that was tested
  const tested = clvChecked(result, options.check);
  const charts: ReportChart[] = [];
  charts.push(
    chart('clv-tracking', t.charts.trackingCumulative, clvTrackingChart(tested, { locale })),
    chart('clv-tracking-weekly', t.charts.trackingWeekly, clvTrackingChart(tested, { locale, view: 'weekly' })),
  );
  if (tested.holdout) charts.push(chart('clv-holdout', t.charts.holdout, clvHoldoutChart(tested, { locale })));
  charts.push(chart('clv-palive', t.charts.hist, pAliveHistogramChart(result, { locale })));
  charts.push(chart('clv-palive-matrix', t.charts.matrix, pAliveMatrixChart(result, { locale })));
  charts.push(chart('clv-tiers', t.charts.tiers, clvTierChart(result, { locale })));
  const names = options.segmentNames ?? {};
  const segments = options.segments?.map((s) => ({ ...s, segment: names[s.segment] ?? s.segment }));
  if (segments) charts.push(chart('clv-segments', t.charts.segments, clvSegmentChart(segments, { locale })));
  const tables: ReportTable[] = [
    groupTable(t.tierCaption, result.tiers, t.tierNames, locale, currency),
    groupTable(
      t.bandCaption(formatPercent(o.aliveBands[0], locale, 0), formatPercent(o.aliveBands[1], locale, 0)),
      result.aliveBands,
      t.bandNames,
      locale,
      currency,
    ),
  ];
  if (tested.holdout) {
    tables.push({
      caption: t.holdoutCaption,
      columns: t.holdoutCols.map((label, i) => ({ label, numeric: i > 0, ...(i === 1 ? COUNT : {}) })),
      rows: tested.holdout.rows.map((r) => [
        r.orMore ? `${r.x}+` : String(r.x),
        formatNumber(r.customers, locale),
        num(r.actual, 2),
        num(r.predicted, 2),
      ]),
    });
  }
  if (segments) {
    tables.push({
      caption: t.segCaption,
      columns: t.segCols.map((label, i) => ({ label, numeric: i > 0, ...(i === 1 || i === 5 ? COUNT : {}) })),
      rows: segments.map((s) => [
        s.segment,
        formatNumber(s.customers, locale),
        formatCurrency(s.clv, locale, currency, 0),
        formatCurrency(s.meanClv, locale, currency, 0),
        formatPercent(s.meanPAlive, locale, 0),
        formatNumber(s.atRisk, locale),
        rangeCell(s.low, s.high, locale, currency),
      ]),
    });
  }
  const c = tested.modelComparison;
  if (c) {
    tables.push({
      caption: t.comparisonCaption,
      columns: t.comparisonCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: c.models.map((m) => [
        t.modelNames[m.model],
        num(m.logLikelihood, 1),
        formatNumber(m.predictedTotal, locale),
        `${m.totalError > 0 ? '+' : ''}${formatPercent(m.totalError, locale, 1)}`,
        num(m.meanAbsoluteError, 3),
        num(m.rootMeanSquaredError, 3),
      ]),
    });
  }
  const bg = result.bgnbd;
  const gg = result.gammaGamma;
  const pn = result.paretoNbd;
  const param = (v: number) => (v < 1e-3 || v > 1e4 ? v.toExponential(2) : num(v, 3));
  const se = result.standardErrors;
  const seFacts: Array<[string, string]> = [
    ...(se.bgnbd
      ? [
          [t.facts.se('BG/NBD'), [se.bgnbd.r, se.bgnbd.alpha, se.bgnbd.a, se.bgnbd.b].map(param).join('; ')] as [
            string,
            string,
          ],
        ]
      : []),
    ...(pn
      ? [
          [t.facts.pareto, [pn.r, pn.alpha, pn.s, pn.beta].map(param).join('; ')] as [string, string],
          [t.facts.paretoLl, num(pn.logLikelihood, 1)] as [string, string],
        ]
      : []),
    ...(se.paretoNbd
      ? [
          [
            t.facts.se('Pareto/NBD'),
            [se.paretoNbd.r, se.paretoNbd.alpha, se.paretoNbd.s, se.paretoNbd.beta].map(param).join('; '),
          ] as [string, string],
        ]
      : []),
    ...(se.gammaGamma
      ? [
          [
            t.facts.se('Gamma-Gamma'),
            [se.gammaGamma.p, se.gammaGamma.q, se.gammaGamma.gamma].map((v) => num(v, 2)).join('; '),
          ] as [string, string],
        ]
      : []),
  ];
  const facts: Array<[string, string]> = [
    [t.facts.calibration, formatDate(o.calibrationEnd, locale)],
    ...(o.holdoutEnd ? [[t.facts.holdout, formatDate(o.holdoutEnd, locale)] as [string, string]] : []),
    ...(tested !== result && tested.options.holdoutEnd
      ? [
          [
            t.facts.check,
            t.facts.checkPeriod(
              formatDate(tested.options.calibrationEnd, locale),
              formatDate(tested.options.holdoutEnd, locale),
            ),
          ] as [string, string],
        ]
      : []),
    [t.facts.unit, t.periods[o.unit]],
    [t.facts.horizon, `${o.horizonMonths} ${t.facts.months}`],
    [t.facts.discount, formatPercent(o.discountRate, locale, 1)],
    [t.facts.margin, formatPercent(o.margin, locale, 0)],
    [t.facts.customers, formatNumber(result.customers, locale)],
    [t.facts.repeat, formatNumber(result.repeatBuyers, locale)],
    [t.facts.model, t.modelNames[o.model]],
    [t.facts.bgnbd, [bg.r, bg.alpha, bg.a, bg.b].map(param).join('; ')],
    [t.facts.ll, num(bg.logLikelihood, 1)],
    [t.facts.gg, [gg.p, gg.q, gg.gamma].map((v) => num(v, 2)).join('; ')],
    [t.facts.rho, Number.isFinite(result.spendFrequencyCorrelation) ? num(result.spendFrequencyCorrelation, 2) : '–'],
    ...seFacts,
  ];
  const valueNote = o.margin === 1 ? t.revenueNote : t.marginNote(formatPercent(o.margin, locale, 0));
  // The model's limits end by saying whether its predictions were tested; a doubt comes before all of it.
  const [bgModel = '', reading = '', limits = ''] = t.intro;
  const pareto = o.model === 'pareto-nbd';
  const intro = [
    pareto ? t.introPareto : bgModel,
    pareto ? t.readingPareto : reading,
    `${limits} ${testedBy(result, tested, locale)}`,
    valueNote,
  ];
  const doubt = doubtLine(result, locale, options.check);
  return {
    id: 'clv',
    title: t.title,
    ...(doubt ? { caution: doubt } : {}),
    intro,
    findings: clvFindings(result, locale, currency, options.check),
    charts,
    tables,
    facts,
  };
}
