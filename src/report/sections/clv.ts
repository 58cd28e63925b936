/**
 * The predictive customer value section: what the BG/NBD + Gamma-Gamma models assume, how to read
 * P(alive), findings (expected value, concentration, customers at risk, the holdout check), the
 * charts, tier / band / holdout tables and the fitted parameters. Pure: result in, section out.
 */
import type { ClvResult } from '../../analyses/clv/types.js';
import type { ClvSegmentRow } from '../../analyses/clv/aggregates.js';
import { clvHoldoutChart, clvSegmentChart, clvTierChart, pAliveHistogramChart, pAliveMatrixChart } from '../../charts/clv.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { texts } from '../../i18n/index.js';
import type { ReportChart, ReportSection, ReportTable } from '../section.js';

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
}

/** Holdout misses beyond this relative error are called out as a warning in the findings. */
const HOLDOUT_TOLERANCE = 0.2;

/** Plain-language findings, most important first. */
export function clvFindings(result: ClvResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = texts(locale).report.clvSection;
  const o = result.options;
  const n = (x: number) => formatNumber(x, locale);
  const pct = (x: number) => formatPercent(x, locale, 0);
  const out = [t.value(o.horizonMonths, n(result.totals.expectedPurchases), formatCurrency(result.totals.clv, locale, currency, 0), n(result.customers),
    o.discountRate > 0 ? t.discount(pct(o.discountRate)) : '')];
  const top = result.tiers[0];
  if (top && top.customers > 0) out.push(t.top(pct(top.share), n(top.customers), pct(top.clvShare)));
  const risk = result.aliveBands[0];
  if (risk && risk.customers > 0) out.push(t.risk(n(risk.customers), pct(risk.share), pct(o.aliveBands[0])));
  if (result.bgnbd.a / (result.bgnbd.a + result.bgnbd.b) < 1e-3) out.push(t.noDropout);
  const h = result.holdout;
  if (h && h.actualTotal > 0) {
    const err = h.predictedTotal / h.actualTotal - 1;
    const len = `${formatNumber(h.length, locale, Number.isInteger(h.length) ? 0 : 1)} ${t.periods[o.unit]}`;
    out.push(t.holdout(len, n(h.predictedTotal), n(h.actualTotal), t.off(`${err > 0 ? '+' : ''}${formatPercent(err, locale, 0)}`)));
    if (Math.abs(err) > HOLDOUT_TOLERANCE) out.push(t.holdoutBad);
  }
  return out;
}

function groupTable<K extends string>(caption: string, groups: ClvResult['tiers'] | ClvResult['aliveBands'], names: Record<K, string>, locale: Locale, currency: string): ReportTable {
  const t = texts(locale).report.clvSection;
  return {
    caption,
    columns: t.groupCols.map((label, i) => ({ label, numeric: i > 0 })),
    rows: groups.map((g) => [
      names[g.key as K] ?? g.key, formatNumber(g.customers, locale), formatPercent(g.share, locale, 1), formatNumber(g.expectedPurchases, locale),
      formatCurrency(g.clv, locale, currency, 0), formatPercent(g.clvShare, locale, 1), formatPercent(g.meanPAlive, locale, 0),
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
  const t = texts(locale).report.clvSection;
  const o = result.options;
  const num = (x: number, d: number) => formatNumber(x, locale, d);
  const chart = (id: string, { title, description }: { title: string; description: string }, spec: ReportChart['spec']): ReportChart => ({ id, title, description, spec });
  const charts: ReportChart[] = [];
  if (result.holdout) charts.push(chart('clv-holdout', t.charts.holdout, clvHoldoutChart(result, { locale })));
  charts.push(chart('clv-palive', t.charts.hist, pAliveHistogramChart(result, { locale })));
  charts.push(chart('clv-palive-matrix', t.charts.matrix, pAliveMatrixChart(result, { locale })));
  charts.push(chart('clv-tiers', t.charts.tiers, clvTierChart(result, { locale })));
  const names = options.segmentNames ?? {};
  const segments = options.segments?.map((s) => ({ ...s, segment: names[s.segment] ?? s.segment }));
  if (segments) charts.push(chart('clv-segments', t.charts.segments, clvSegmentChart(segments, { locale })));
  const tables: ReportTable[] = [
    groupTable(t.tierCaption, result.tiers, t.tierNames, locale, currency),
    groupTable(t.bandCaption(formatPercent(o.aliveBands[0], locale, 0), formatPercent(o.aliveBands[1], locale, 0)), result.aliveBands, t.bandNames, locale, currency),
  ];
  if (result.holdout) {
    tables.push({
      caption: t.holdoutCaption,
      columns: t.holdoutCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: result.holdout.rows.map((r) => [r.orMore ? `${r.x}+` : String(r.x), formatNumber(r.customers, locale), num(r.actual, 2), num(r.predicted, 2)]),
    });
  }
  if (segments) {
    tables.push({
      caption: t.segCaption,
      columns: t.segCols.map((label, i) => ({ label, numeric: i > 0 })),
      rows: segments.map((s) => [s.segment, formatNumber(s.customers, locale), formatCurrency(s.clv, locale, currency, 0),
        formatCurrency(s.meanClv, locale, currency, 0), formatPercent(s.meanPAlive, locale, 0), formatNumber(s.atRisk, locale)]),
    });
  }
  const bg = result.bgnbd;
  const gg = result.gammaGamma;
  const facts: Array<[string, string]> = [
    [t.facts.calibration, formatDate(o.calibrationEnd, locale)],
    ...(o.holdoutEnd ? [[t.facts.holdout, formatDate(o.holdoutEnd, locale)] as [string, string]] : []),
    [t.facts.unit, t.periods[o.unit]],
    [t.facts.horizon, `${o.horizonMonths} ${t.facts.months}`],
    [t.facts.discount, formatPercent(o.discountRate, locale, 1)],
    [t.facts.margin, formatPercent(o.margin, locale, 0)],
    [t.facts.customers, formatNumber(result.customers, locale)],
    [t.facts.repeat, formatNumber(result.repeatBuyers, locale)],
    [t.facts.bgnbd, [bg.r, bg.alpha, bg.a, bg.b].map((v) => (v < 1e-3 || v > 1e4 ? v.toExponential(2) : num(v, 3))).join('; ')],
    [t.facts.ll, num(bg.logLikelihood, 1)],
    [t.facts.gg, [gg.p, gg.q, gg.gamma].map((v) => num(v, 2)).join('; ')],
    [t.facts.rho, Number.isFinite(result.spendFrequencyCorrelation) ? num(result.spendFrequencyCorrelation, 2) : '–'],
  ];
  const valueNote = o.margin === 1 ? t.revenueNote : t.marginNote(formatPercent(o.margin, locale, 0));
  return { id: 'clv', title: t.title, intro: [...t.intro, valueNote], findings: clvFindings(result, locale, currency), charts, tables, facts };
}
