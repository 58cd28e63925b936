/**
 * The product-mix report section: the groups of customers by what they buy, their top categories, and the
 * categories bought together beyond chance, in plain words, two charts and two tables. Groups and pairs below the
 * minimum size show "too small", no numbers. Pure: result in, section out.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { mixPairsChart, mixProfileChart } from './charts.js';
import type { ProductMixResult } from './index.js';
import { categoryLabel, clusterLabel, mixTexts } from './texts.js';

/** Options of {@link productMixSection}. */
export interface MixSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const ratio = (x: number, locale: Locale) => (Number.isFinite(x) ? formatNumber(x, locale, 2) : '–');

/**
 * Plain-language findings: the groups, then the pair bought together most beyond chance (or that none is).
 * @example mixFindings(result, 'en')[0] // 'Customers fall into 4 groups by what they buy: Mostly Books (26%), …'
 */
export function mixFindings(result: ProductMixResult, locale: Locale = 'en'): string[] {
  const t = mixTexts(locale).section;
  const shown = result.clusters.filter((c) => !c.tooSmall);
  const out: string[] = [];
  if (shown.length > 0)
    out.push(
      t.clusters(
        formatNumber(result.clusters.length, locale),
        shown.map((c) => `${clusterLabel(c.key, locale)} (${formatPercent(c.share, locale, 0)})`).join(', '),
      ),
    );
  const top = result.pairs.find((p) => p.together && !p.tooSmall);
  out.push(
    top
      ? t.together(top.a, top.b, ratio(top.lift, locale), ratio(top.low, locale), ratio(top.high, locale))
      : t.noTogether,
  );
  return out;
}

function clusterTable(result: ProductMixResult, locale: Locale, currency: string): ReportTable {
  const w = mixTexts(locale);
  const t = w.section;
  return {
    caption: t.caption,
    columns: t.cols.map((label, i) => ({ label, numeric: i >= 2 && i <= 4, ...(i === 2 ? COUNT : {}) })),
    rows: result.clusters.map((c) => {
      const action = c.mostly ? w.mostlyAction(c.mostly) : w.mixedAction;
      const count = formatNumber(c.customers, locale);
      if (c.tooSmall)
        return [clusterLabel(c.key, locale), action, count, t.tooSmallCell, t.tooSmallCell, t.tooSmallCell];
      const top = c.profile
        .map((share, i) => ({ share, i }))
        .sort((a, b) => b.share - a.share || a.i - b.i)
        .slice(0, 3)
        .map(
          ({ share, i }) =>
            `${categoryLabel(result.categories[i] ?? { name: '', other: false }, locale)} ${formatPercent(share, locale, 0)}`,
        )
        .join(', ');
      return [
        clusterLabel(c.key, locale),
        action,
        count,
        formatPercent(c.share, locale, 1),
        formatCurrency(c.spend, locale, currency, 0),
        top,
      ];
    }),
    note: t.tooSmall(formatNumber(result.options.minSize, locale)),
  };
}

function pairTable(result: ProductMixResult, locale: Locale): ReportTable {
  const t = mixTexts(locale).section;
  return {
    caption: t.pairCaption,
    columns: t.pairCols.map((label, i) => ({ label, numeric: i >= 1 && i <= 3, ...(i === 1 ? COUNT : {}) })),
    rows: result.pairs.slice(0, 15).map((p) => {
      const both = formatNumber(p.customersBoth, locale);
      if (p.tooSmall) return [`${p.a} + ${p.b}`, both, t.tooSmallCell, t.tooSmallCell, t.tooSmallCell];
      return [
        `${p.a} + ${p.b}`,
        both,
        formatNumber(p.expected, locale, 0),
        `${ratio(p.lift, locale)} (${ratio(p.low, locale)}–${ratio(p.high, locale)})`,
        p.together ? t.yes : t.no,
      ];
    }),
    note: t.pairMethod,
  };
}

/**
 * The product-mix section of a report.
 * @example productMixSection(await productMix(wb), { locale: 'nl' })
 */
export function productMixSection(result: ProductMixResult, options: MixSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const w = mixTexts(locale);
  const t = w.section;
  const c = result.coverage;
  const intro = [t.intro, t.source(result.options.categories === null ? null : result.options.categories)];
  if (c.withCategory * 2 < c.rows) intro.push(t.mostlyEmpty(formatPercent(c.withCategory / c.rows, locale, 0)));
  const findings = mixFindings(result, locale);
  if (result.fewLines > 0)
    findings.push(t.fewLines(formatNumber(result.fewLines, locale), formatNumber(result.options.minLines, locale)));
  return {
    id: 'productMix',
    title: t.title,
    intro,
    findings,
    charts: [
      {
        id: 'mix-profile',
        title: w.charts.profile,
        description: w.charts.profileDesc,
        spec: mixProfileChart(result, { locale }),
      },
      {
        id: 'mix-pairs',
        title: w.charts.pairs,
        description: w.charts.pairsDesc,
        spec: mixPairsChart(result, { locale }),
      },
    ],
    tables: [clusterTable(result, locale, currency), pairTable(result, locale)],
    facts: [
      [t.facts.customers, formatNumber(result.customerCount, locale)],
      [t.facts.clustered, formatNumber(result.clusteredCount, locale)],
      [t.facts.categories, formatNumber(result.categories.length, locale)],
      [t.facts.k, `${result.options.k} (${result.options.kChosen ? t.facts.kChosen : t.facts.kGiven})`],
    ],
  };
}
