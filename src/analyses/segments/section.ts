/**
 * The segments report section: attribute segments with their size and value, sub-segments against
 * their own segment (only significant differences become findings; sub-segments below the minimum size are
 * left out of charts and tables, as shared reports suppress small groups, with a note saying how many),
 * KPIs against goals, migration between two dates and overlap between definitions. Every part is
 * optional, so a report shows what was run. Pure: results in, section out; numbers formatted here.
 */
import { DEFAULT_CHURN_DAYS, type KpiDef } from './kpi.js';
import type { KpisResult } from './kpis.js';
import type { MigrationResult } from './migration.js';
import type { OverlapResult } from './overlap.js';
import type { SegmentByResult } from './index.js';
import type { SubsegmentResult, SubsegmentRow } from './subsegments.js';
import { kpiGoalChart, kpiLabel, migrationHeatmap, overlapMatrix, segmentLabel, subsegmentChart } from './charts.js';
import { formatCurrency, formatDate, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { texts } from '../../i18n/index.js';
import { columnLabel } from '../../i18n/analyses.js';
import { byValueName, flowText, migrationSegmentName } from './words.js';
import type { MethodText } from '../../report/sections/method.js';
import type { ReportChart, ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { segmentTexts } from './texts.js';

/** The analyses shown; each is optional. */
export interface SegmentsSectionInput {
  /** A segmentation (sizes, shares, revenue shares, too-small flags). */
  segments?: SegmentByResult;
  /** Sub-segment comparisons, one chart and table each. */
  subsegments?: readonly SubsegmentResult[];
  /** KPIs against goals. */
  kpis?: KpisResult;
  /** Migration between two dates. */
  migration?: MigrationResult;
  /** Overlap between customer sets. */
  overlap?: OverlapResult;
}

/** Options of {@link segmentsSection}. */
export interface SegmentsSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

/** A KPI label inside a sentence: lower-case first letter, except abbreviations such as NPS. */
function inSentence(label: string): string {
  return /^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A KPI value formatted for its kind. */
function kpiText(def: Pick<KpiDef, 'id' | 'kind'>, x: number, locale: Locale, currency: string): string {
  if (!Number.isFinite(x)) return '–';
  if (def.id === 'revenuePerCustomer' || def.id === 'averageOrderValue') return formatCurrency(x, locale, currency, 2);
  if (def.kind === 'proportion') return formatPercent(x, locale, 1);
  return formatNumber(x, locale, 1);
}

function diffFinding(r: SubsegmentRow, res: SubsegmentResult, locale: Locale, currency: string): string {
  const f = (x: number) => kpiText(res.kpi, x, locale, currency);
  const k = inSentence(kpiLabel(res.kpi, locale));
  const t = segmentTexts(locale).section;
  return t.diff(
    segmentLabel(r.segment, locale),
    columnLabel(res.byVariable, locale),
    byValueName(res.byVariable, r.subsegment, locale),
    k,
    f(r.kpi),
    f(r.segmentKpi),
    f(r.difference),
    f(r.ci?.[0] ?? NaN),
    f(r.ci?.[1] ?? NaN),
  );
}

/** Plain-language findings for the parts given, most important first. */
export function segmentsFindings(input: SegmentsSectionInput, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = segmentTexts(locale).section;
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 0);
  const out: string[] = [];
  const seg = input.segments;
  if (seg) {
    if (seg.tiers?.[0]) {
      const top = seg.segments[0];
      // ties at the boundary can leave the top tier below its target share: then say how many it holds
      // The revenue share to one decimal, as the RFM section and the tier table state the same figure.
      if (top)
        out.push(
          t.tier(
            segmentLabel(top.segment, locale).toLowerCase(),
            Math.abs(top.share - seg.tiers[0].targetShare) < 0.005 ? null : pct(top.share),
            formatPercent(top.revenueShare, locale, 1),
            formatCurrency(seg.tiers[0].minRevenue, locale, currency, 0),
          ),
        );
    } else {
      const largest = [...seg.segments].sort((a, b) => b.size - a.size)[0];
      if (largest)
        out.push(t.largest(segmentLabel(largest.segment, locale), pct(largest.share), pct(largest.revenueShare)));
    }
    const small = seg.segments.filter((s) => s.tooSmall);
    if (small.length)
      out.push(
        t.small(
          small.length,
          seg.options.minSize,
          small
            .slice(0, 5)
            .map((s) => `${segmentLabel(s.segment, locale)} (${formatNumber(s.size, locale)})`)
            .join(', '),
        ),
      );
  }
  for (const res of input.subsegments ?? []) {
    const by = columnLabel(res.byVariable, locale);
    if (res.rows.every((r) => r.tooSmall)) out.push(t.allSmall(by, res.options.minSize));
    else if (res.highlights.length === 0) out.push(t.none(inSentence(kpiLabel(res.kpi, locale)), by));
    for (const r of res.highlights.slice(0, 3)) out.push(diffFinding(r, res, locale, currency));
  }
  if (input.kpis) {
    const rows = input.kpis.rows;
    const n = (s: string) => rows.filter((r) => r.status === s).length;
    out.push(t.goals(n('met'), n('close'), n('missed')));
    const worst = rows
      .filter((r) => r.status === 'missed' && r.relativeGap !== null)
      .sort(
        (a, b) =>
          (a.higherIsBetter ? 1 : -1) * (a.relativeGap ?? 0) - (b.higherIsBetter ? 1 : -1) * (b.relativeGap ?? 0),
      )[0];
    const def = worst && input.kpis.kpis.find((k) => k.id === worst.kpi);
    if (worst && def)
      out.push(
        t.behind(
          segmentLabel(worst.segment, locale),
          inSentence(kpiLabel(def, locale)),
          kpiText(def, worst.value, locale, currency),
          kpiText(def, worst.goal ?? NaN, locale, currency),
        ),
      );
  }
  if (input.migration) {
    const m = input.migration;
    for (const f of m.flows.slice(0, 3))
      out.push(`${flowText(m, f, locale)} (${formatPercent(f.rowShare, locale, 0)}).`);
    // `to` is an as-of moment (orders before it count): the last day in the period is the day before, as the header says.
    const period = `${formatDate(m.options.from, locale)} ${t.and} ${formatDate(new Date(m.options.to.getTime() - 1), locale)}`;
    out.push(t.appeared(formatNumber(m.appeared.count, locale), period, formatNumber(m.dormant, locale)));
  }
  if (input.overlap) {
    const most = [...input.overlap.pairs].filter((p) => p.both > 0).sort((a, b) => b.jaccard - a.jaccard)[0];
    if (most)
      out.push(t.overlapMost(most.a, most.b, formatNumber(most.both, locale), formatNumber(most.jaccard, locale, 2)));
  }
  return out;
}

/** What to do about the segments: keep the top revenue tier close, act on the biggest migration flow (none without them). */
export function segmentsNext(input: SegmentsSectionInput, locale: Locale = 'en'): string[] {
  const t = segmentTexts(locale).section;
  const out: string[] = [];
  const top = input.segments?.tiers?.[0] ? input.segments.segments[0] : undefined;
  if (top && Number.isFinite(top.revenueShare))
    out.push(t.todoTier(segmentLabel(top.segment, locale).toLowerCase(), formatPercent(top.revenueShare, locale, 1)));
  const m = input.migration;
  const flow = m?.flows[0];
  if (m && flow) out.push(t.todoFlow(flowText(m, flow, locale), migrationSegmentName(m, flow.from, locale)));
  return out.length ? [out.join(' ')] : [];
}

/** The result with too-small sub-segments left out: a shared report suppresses groups below the minimum size. */
function shownRows(res: SubsegmentResult): SubsegmentResult {
  return { ...res, rows: res.rows.filter((r) => !r.tooSmall) };
}

/** Two findings for the report summary: the largest significant sub-segment difference and the biggest migration flow. */
export function segmentsSummaryFindings(
  input: SegmentsSectionInput,
  locale: Locale = 'en',
  currency = 'EUR',
): string[] {
  const sub = segmentsFindings(
    { subsegments: (input.subsegments ?? []).filter((r) => r.highlights.length > 0) },
    locale,
    currency,
  ).slice(0, 1);
  return [
    ...sub,
    ...segmentsFindings({ ...(input.migration ? { migration: input.migration } : {}) }, locale, currency).slice(0, 1),
  ];
}

type KpiKind = 'mean' | 'ratio' | 'repeat' | 'churn' | 'nps';

/** Which method family a KPI belongs to, and its parameter (churn days, NPS column). */
function kpiKind(def: Pick<KpiDef, 'id' | 'columns'>): [KpiKind, string] {
  if (def.id === 'averageOrderValue') return ['ratio', ''];
  if (def.id === 'repeatRate') return ['repeat', ''];
  if (def.id === 'churnRate') return ['churn', String(DEFAULT_CHURN_DAYS)];
  if (def.id.startsWith('churnRate:')) return ['churn', def.id.slice('churnRate:'.length)];
  if (def.id === 'nps' || def.id.startsWith('nps:')) return ['nps', def.columns[0] ?? 'nps'];
  return ['mean', ''];
}

/** A KPI in plain words for a reader (the note under its table). */
export function kpiHow(def: Pick<KpiDef, 'id' | 'columns'>, locale: Locale): string {
  const h = segmentTexts(locale).section.kpiHow;
  const [kind, arg] = kpiKind(def);
  return kind === 'churn' ? h.churn(arg) : h[kind];
}

/** The exact method of a KPI and its confidence interval, for the method section. */
export function kpiMethod(def: Pick<KpiDef, 'id' | 'columns'>, locale: Locale): string {
  const m = texts(locale).report.method.kpiMethod;
  const [kind, arg] = kpiKind(def);
  return kind === 'churn' ? m.churn(arg) : kind === 'nps' ? m.nps(arg) : m[kind];
}

/**
 * One sub-segment comparison as a method-section value: variable, KPI and exact method in the report's words.
 * @example { name: 'Segments', options: { subsegments: results.map(subsegmentMethod) } }
 */
export function subsegmentMethod(res: Pick<SubsegmentResult, 'byVariable' | 'kpi' | 'options'>): MethodText {
  return {
    methodText: (locale) => {
      const m = texts(locale).report.method;
      const adjust =
        res.options.adjust === 'bonferroni' ? `; ${m.bonferroni(formatNumber(res.options.z, locale, 2))}` : '';
      return m.subsegments(
        columnLabel(res.byVariable, locale),
        kpiLabel(res.kpi, locale),
        `${kpiMethod(res.kpi, locale)}${adjust}`,
      );
    },
  };
}

function subTable(res: SubsegmentResult, locale: Locale, currency: string): ReportTable {
  const t = segmentTexts(locale).section;
  const hidden = res.rows.filter((r) => r.tooSmall).length;
  const f = (x: number) => kpiText(res.kpi, x, locale, currency);
  const k = kpiLabel(res.kpi, locale);
  return {
    caption: t.subCaption(k, columnLabel(res.byVariable, locale)),
    columns: t.subCols.map((label, i) => ({ label, numeric: i >= 2 && i <= 6, ...(i === 2 ? COUNT : {}) })),
    rows: shownRows(res).rows.map((r) => [
      segmentLabel(r.segment, locale),
      byValueName(res.byVariable, r.subsegment, locale),
      formatNumber(r.n, locale),
      f(r.kpi),
      f(r.segmentKpi),
      f(r.difference),
      r.ci ? `${f(r.ci[0])} … ${f(r.ci[1])}` : '–',
      r.significant ? t.significant : t.notSignificant,
    ]),
    note: [
      t.how(kpiHow(res.kpi, locale)),
      ...(res.options.adjust === 'bonferroni' ? [t.manyComparisons] : []),
      ...(hidden ? [t.hidden(hidden, res.options.minSize)] : []),
    ].join(' '),
  };
}

/**
 * The segments section of a report (parts without input are left out).
 * @example segmentsSection({ segments: tiers, migration: await migration(wb, { from, to }) }, { locale: 'nl' })
 */
export function segmentsSection(input: SegmentsSectionInput, options: SegmentsSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = segmentTexts(locale).section;
  const pct = (x: number) => formatPercent(Number.isFinite(x) ? x : 0, locale, 1);
  const charts: ReportChart[] = [];
  const tables: ReportTable[] = [];
  if (input.segments) {
    const s = input.segments;
    tables.push({
      caption: t.sizeCaption(columnLabel(s.variable, locale)),
      columns: t.sizeCols.map((label, i) => ({ label, numeric: i >= 1 && i <= 3, ...(i === 1 ? COUNT : {}) })),
      rows: s.segments.map((x) => [
        segmentLabel(x.segment, locale),
        formatNumber(x.size, locale),
        pct(x.share),
        pct(x.revenueShare),
        x.tooSmall ? t.tooSmall : '',
      ]),
    });
  }
  (input.subsegments ?? []).forEach((res, i) => {
    const k = kpiLabel(res.kpi, locale);
    charts.push({
      id: `segments-sub-${i + 1}`,
      title: t.subTitle(k, columnLabel(res.byVariable, locale)),
      description: t.subDesc,
      spec: subsegmentChart(shownRows(res), { locale }),
    });
    tables.push(subTable(res, locale, currency));
  });
  if (input.kpis) {
    const r = input.kpis;
    r.kpis.forEach((def, i) =>
      charts.push({
        id: `segments-kpi-${i + 1}`,
        title: t.kpiTitle(kpiLabel(def, locale)),
        description: t.kpiDesc,
        spec: kpiGoalChart(r, { locale, kpi: def.id }),
      }),
    );
    const defOf = new Map(r.kpis.map((d) => [d.id, d]));
    tables.push({
      caption: t.kpiCaption,
      columns: t.kpiCols.map((label, i) => ({ label, numeric: i >= 2 && i <= 4 })),
      rows: r.rows.map((x) => {
        const def = defOf.get(x.kpi)!;
        const f = (v: number | null) => (v === null ? '–' : kpiText(def, v, locale, currency));
        return [
          segmentLabel(x.segment, locale),
          kpiLabel(def, locale),
          f(x.value),
          f(x.goal),
          f(x.gap),
          t.status[x.status],
        ];
      }),
      note: t.kpiNote,
    });
  }
  if (input.migration)
    charts.push({
      id: 'segments-migration',
      title:
        input.migration.options.segmentation !== 'rfm' && 'column' in input.migration.options.segmentation
          ? t.migTitleOf(columnLabel(input.migration.options.segmentation.column, locale))
          : t.migTitle,
      description: t.migDesc,
      spec: migrationHeatmap(input.migration, { locale }),
    });
  if (input.overlap)
    charts.push({
      id: 'segments-overlap',
      title: t.ovTitle,
      description: t.ovDesc,
      spec: overlapMatrix(input.overlap, { locale }),
    });
  return {
    id: 'segments',
    title: t.title,
    intro: [t.intro],
    findings: segmentsFindings(input, locale, currency),
    charts,
    tables,
    next: segmentsNext(input, locale),
  };
}
