/**
 * The journey report section: the funnel and where it leaks, engagement, the two charts and the tables of
 * stages and engagement levels with rules and what to do. Without events it says which stages are missing
 * and why. Pure: result in, section out.
 */
import { formatNumber, formatPercent, type Locale } from '../../locale.js';
import { asOfFact } from '../../report/figures.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { journeyFunnel, journeyOverTime } from './charts.js';
import type { JourneyResult } from './types.js';
import { journeyTexts } from './texts.js';

/** Options of {@link journeySection}. */
export interface JourneySectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** Say that the events came without subscriptions, so usage segments and churn by usage are not measured. @defaultValue false */
  withoutSubscriptions?: boolean;
}

const pct = (x: number, locale: Locale) => (Number.isFinite(x) ? formatPercent(x, locale, 0) : '–');

/**
 * Plain-language findings, most important first (the summary takes the first: the weakest step of the funnel).
 * @example journeyFindings(result, 'en')[0] // 'The biggest drop is from Considering to First purchase: only 41% go on; …'
 */
export function journeyFindings(result: JourneyResult, locale: Locale = 'en'): string[] {
  if (result.customerCount === 0) return [];
  const w = journeyTexts(locale);
  const t = w.section;
  const name = (k: keyof typeof w.stages) => w.stages[k].name.toLowerCase();
  // Orders only: the funnel starts at the first purchase (every customer has one).
  const steps = result.funnel
    .map((f, i) => ({ f, prev: result.funnel[i - 1] }))
    .filter((s) => s.prev && Number.isFinite(s.f.conversion) && (s.prev.reached ?? 0) > 0)
    .filter((s) => !result.ordersOnly || s.f.key === 'repeat');
  const out: string[] = [];
  const weakest = [...steps].sort((a, b) => a.f.conversion - b.f.conversion)[0];
  if (weakest?.prev) {
    const line = result.ordersOnly ? t.funnel : t.weakest;
    out.push(line(name(weakest.prev.key), name(weakest.f.key), pct(weakest.f.conversion, locale)));
  }
  const active = result.engagement
    .filter((e) => e.key === 'high' || e.key === 'medium')
    .reduce((a, e) => a + e.customers, 0);
  const none = result.engagement.find((e) => e.key === 'none')?.share ?? NaN;
  out.push(t.engaged(pct(active / result.customerCount, locale), pct(none, locale)));
  return out;
}

function stageTable(result: JourneyResult, locale: Locale): ReportTable {
  const w = journeyTexts(locale);
  const t = w.section;
  const small = result.stages.some((s) => s.tooSmall && s.customers > 0);
  return {
    caption: t.caption,
    columns: t.cols.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 || i === 5 ? COUNT : {}) })),
    rows: result.stages.flatMap((s, i) => {
      // Orders only: the stages that need events are left out rather than shown as empty.
      if (result.ordersOnly && s.key !== 'first-purchase' && s.key !== 'repeat') return [];
      const f = result.funnel[i];
      const words = w.stages[s.key];
      return [
        [
          words.name,
          words.rule,
          words.action,
          `${formatNumber(s.customers, locale)}${s.tooSmall && s.customers > 0 ? ' *' : ''}`,
          pct(s.share, locale),
          formatNumber(f?.reached ?? 0, locale),
          pct(result.ordersOnly && s.key === 'first-purchase' ? NaN : (f?.conversion ?? NaN), locale),
        ],
      ];
    }),
    ...(small ? { note: t.tooSmall(formatNumber(result.options.minSize, locale)) } : {}),
  };
}

function engagementTable(result: JourneyResult, locale: Locale): ReportTable {
  const w = journeyTexts(locale);
  const t = w.section;
  return {
    caption: t.engagementCaption,
    columns: t.engagementCols.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 || i === 5 ? COUNT : {}) })),
    rows: result.engagement.map((e) => {
      const words = w.levels[e.key];
      return [
        words.name,
        words.rule,
        words.action,
        formatNumber(e.customers, locale),
        pct(e.share, locale),
        formatNumber(e.multichannel, locale),
      ];
    }),
  };
}

/**
 * The journey section of a report.
 * @example journeySection(await journey(wb), { locale: 'nl' })
 */
export function journeySection(result: JourneyResult, options: JourneySectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const t = journeyTexts(locale).section;
  const num = (x: number) => formatNumber(x, locale);
  const intro = [t.intro];
  if (result.ordersOnly) intro.push(t.ordersOnly);
  else
    intro.push(
      result.options.mapGiven ? t.mapGiven(num(result.options.mapSize)) : t.mapDefault(num(result.options.mapSize)),
    );
  if (options.withoutSubscriptions && !result.ordersOnly) intro.push(t.usageNeedsSubscriptions);
  const facts: Array<[string, string]> = [
    [t.facts.customers, num(result.customerCount)],
    asOfFact(result.options.asOf, locale),
  ];
  if (result.options.events) {
    facts.push([t.facts.events, num(result.events.rows)], [t.facts.mapped, num(result.events.mapped)]);
  }
  return {
    id: 'journey',
    title: t.title,
    intro,
    findings: journeyFindings(result, locale),
    charts: [
      {
        id: 'journey-funnel',
        title: t.funnelChart,
        description: t.funnelDesc,
        spec: journeyFunnel(result, { locale }),
      },
      {
        id: 'journey-over-time',
        title: t.timeChart,
        description: t.timeDesc,
        spec: journeyOverTime(result, { locale }),
      },
    ],
    tables: [stageTable(result, locale), engagementTable(result, locale)],
    facts,
  };
}
