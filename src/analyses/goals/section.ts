/**
 * The goals section: each KPI per segment against the goal of a goals file, as the goal chart (bar per
 * segment, tick at the goal, coloured met / close / missed), a table with the 95% CI, and one finding per
 * missed goal. Pure: the KPIs come computed (src/pipeline/goals.ts).
 */
import type { KpiDef } from '../segments/kpi.js';
import type { KpisResult } from '../segments/kpis.js';
import { kpiGoalChart, kpiLabel, segmentLabel } from '../segments/charts.js';
import { columnLabel } from '../../i18n/analyses.js';
import { segmentName } from '../rfm/words.js';
import { byValueName } from '../segments/words.js';
import { ALL_CUSTOMERS } from '../segments/kpi.js';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { GoalSegments } from './index.js';
import type { ReportChart, ReportSection } from '../../report/section.js';
import { segmentTexts } from '../segments/texts.js';
import { goalTexts } from './texts.js';

/** What the goals section shows. */
export interface GoalsSectionInput {
  /** The KPIs against their goals. */
  kpis: KpisResult;
  /** The segmentation the goals are on (RFM keys are shown in words). */
  segments: GoalSegments;
  /** Name of the goals file. */
  file: string;
}

/** Options of {@link goalsSection}. */
export interface GoalsSectionOptions {
  /** @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of money KPIs. @defaultValue 'EUR' */
  currency?: string;
}

function valueText(def: Pick<KpiDef, 'id' | 'kind'>, x: number | null, locale: Locale, currency: string): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (def.id === 'revenuePerCustomer' || def.id === 'averageOrderValue') return formatCurrency(x, locale, currency, 2);
  if (def.kind === 'proportion') return formatPercent(x, locale, 1);
  return formatNumber(x, locale, 1);
}

const inSentence = (label: string): string =>
  /^[A-Z]{2,}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);

/** The KPI rows with segment names in words (RFM keys → "Champions" / "Kampioenen"). */
function named(input: GoalsSectionInput, locale: Locale): KpisResult {
  const seg = input.segments;
  const name = (s: string) =>
    seg === 'rfm'
      ? segmentName(s, locale)
      : typeof seg === 'object' && s !== ALL_CUSTOMERS
        ? byValueName(seg.column, s, locale)
        : segmentLabel(s, locale);
  return {
    ...input.kpis,
    rows: input.kpis.rows.map((r) => ({ ...r, segment: name(r.segment) })),
    segments: input.kpis.segments.map(name),
  };
}

/** Findings: the count of met / close / missed goals, then one sentence per missed goal (largest relative miss first). */
export function goalsFindings(input: GoalsSectionInput, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = goalTexts(locale).section;
  const r = named(input, locale);
  const withGoal = r.rows.filter((x) => x.goal !== null);
  const n = (s: string) => withGoal.filter((x) => x.status === s).length;
  const out = [t.count(n('met'), n('close'), n('missed'), withGoal.length)];
  const defs = new Map(r.kpis.map((d) => [d.id, d]));
  const missed = withGoal
    .filter((x) => x.status === 'missed')
    .sort((a, b) => Math.abs(b.relativeGap ?? 0) - Math.abs(a.relativeGap ?? 0) || a.segment.localeCompare(b.segment));
  for (const x of missed) {
    const def = defs.get(x.kpi)!;
    const f = (v: number | null) => valueText(def, v, locale, currency);
    out.push(
      t.missed(
        x.segment,
        inSentence(kpiLabel(def, locale)),
        f(x.value),
        f(x.ci?.[0] ?? null),
        f(x.ci?.[1] ?? null),
        f(x.goal),
        f(x.gap === null ? null : Math.abs(x.gap)),
      ) + (x.tooSmall ? t.fewCustomers(formatNumber(x.n, locale)) : ''),
    );
  }
  if (missed.length === 0) out.push(t.noneMissed);
  return out;
}

/**
 * The goals section.
 * @example goalsSection({ kpis: await kpis(wb, { goals }), segments: 'all', file: 'goals.json' }, { locale: 'nl' })
 */
export function goalsSection(input: GoalsSectionInput, options: GoalsSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = goalTexts(locale).section;
  const ts = segmentTexts(locale).section;
  const r = named(input, locale);
  const on =
    typeof input.segments === 'object' ? t.on.column(columnLabel(input.segments.column, locale)) : t.on[input.segments];
  const charts: ReportChart[] = r.kpis.map((def, i) => ({
    id: `goals-kpi-${i + 1}`,
    title: ts.kpiTitle(kpiLabel(def, locale)),
    description: ts.kpiDesc,
    spec: kpiGoalChart(r, { locale, kpi: def.id }),
  }));
  const defs = new Map(r.kpis.map((d) => [d.id, d]));
  const rows = r.rows.map((x) => {
    const def = defs.get(x.kpi)!;
    const f = (v: number | null) => valueText(def, v, locale, currency);
    return [
      x.segment,
      kpiLabel(def, locale),
      formatNumber(x.n, locale),
      f(x.value),
      x.ci ? t.ci(f(x.ci[0]), f(x.ci[1])) : '–',
      f(x.goal),
      f(x.gap),
      ts.status[x.status],
    ];
  });
  return {
    id: 'goals',
    title: t.title,
    intro: [t.intro(input.file, on)],
    findings: goalsFindings(input, locale, currency),
    charts,
    tables: [
      {
        caption: t.caption,
        columns: t.cols.map((label, i) => ({
          label,
          numeric: i >= 2 && i <= 6,
          ...(i === 2 ? { kind: 'count' as const } : {}),
        })),
        rows,
        note: ts.kpiNote,
      },
    ],
  };
}
