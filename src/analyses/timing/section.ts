/**
 * The timing report section: when customers buy, in plain words (holiday-season buyers, customers due for
 * their next order, weekend and time-of-day patterns, the busiest hour), the weekday × hour heatmap, the
 * segment bars and a table with each segment's rule, what to do, its customers and revenue. Pure: result in,
 * section out; every number is formatted for the locale here.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import { asOfFact } from '../../report/figures.js';
import type { ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { timingHeatmap, timingSegmentBars } from './charts.js';
import { TIME_BANDS, type TimingResult, type TimingSegment } from './index.js';
import { timingTexts } from './texts.js';

/** Options of {@link timingSection}. */
export interface TimingSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const pct = (x: number, locale: Locale, digits = 0) => (Number.isFinite(x) ? formatPercent(x, locale, digits) : '–');
/** A share in a sentence: whole percents, one decimal under 1% so a few customers do not read as "0%". */
const sharePct = (x: number, locale: Locale) => pct(x, locale, x > 0 && x < 0.01 ? 1 : 0);

/** `a`, `a and b`, `a, b and c`. */
const listWords = (words: readonly string[], and: string): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1] ?? ''}`;

/** Days as a reader counts them: whole, or with the half a median of an even count can give. */
const dayCount = (x: number, locale: Locale): string => formatNumber(x, locale, Number.isInteger(x) ? 0 : 1);

const customersIn = (result: TimingResult, key: TimingSegment): number =>
  result.segments.find((s) => s.key === key)?.customers ?? 0;

/**
 * Plain-language findings, most important first (the summary takes the first: holiday-season buyers and
 * customers due for their next order).
 * @example timingFindings(result, 'en')[0] // '3% of customers buy mostly in the holiday season; 240 customers are due for their next order.'
 */
export function timingFindings(result: TimingResult, locale: Locale = 'en'): string[] {
  const w = timingTexts(locale);
  const t = w.section;
  const n = result.customerCount;
  if (n === 0) return [];
  const num = (x: number) => formatNumber(x, locale);
  const due = customersIn(result, 'due');
  const out = [t.seasonDue(sharePct(customersIn(result, 'holiday-season') / n, locale), num(due), due)];
  if (Number.isFinite(result.cycle.medianDays)) out.push(t.cycle(dayCount(result.cycle.medianDays, locale)));
  const o = result.orders;
  const weekend = customersIn(result, 'weekend');
  if (o.total > 0) out.push(t.weekend(sharePct(o.weekend / o.total, locale), num(weekend), weekend));
  const closed = [1, 2, 3, 4, 5, 6, 7]
    .filter((d) => result.grid.every((c) => c.weekday !== d || c.orders === 0))
    .map((d) => w.weekdays[d - 1] ?? '');
  if (o.total > 0 && closed.length > 0) out.push(t.closed(listWords(closed, t.and)));
  if (!result.hasTimes) out.push(t.noTimesFinding);
  else if (o.total > 0) {
    const top = [...TIME_BANDS].sort((a, b) => o.bands[b] - o.bands[a])[0] ?? 'afternoon';
    out.push(
      t.band(
        w.bands[top],
        pct(o.bands[top] / o.total, locale),
        num(customersIn(result, top)),
        customersIn(result, top),
      ),
    );
    const busiest = result.grid.reduce((m, c) => (c.orders > m.orders ? c : m));
    if (busiest.hour !== null) out.push(t.busiest(w.weekdays[busiest.weekday - 1] ?? '', w.hourRange(busiest.hour)));
  }
  out.push(t.oneOrder(sharePct(customersIn(result, 'one-order') / n, locale)));
  return out;
}

function segmentTable(result: TimingResult, locale: Locale, currency: string): ReportTable {
  const w = timingTexts(locale);
  const t = w.section;
  const small = result.segments.some((s) => s.tooSmall && s.customers > 0);
  return {
    caption: t.caption,
    columns: t.cols.map((label, i) => ({ label, numeric: i >= 3, ...(i === 3 ? COUNT : {}) })),
    rows: result.segments.map((s) => {
      const words = w.segments[s.key];
      return [
        words.name,
        words.rule,
        words.action,
        `${formatNumber(s.customers, locale)}${s.tooSmall && s.customers > 0 ? ' *' : ''}`,
        pct(s.share, locale, 1),
        formatCurrency(s.revenue, locale, currency, 0),
        Number.isFinite(s.revenuePerCustomer) ? formatCurrency(s.revenuePerCustomer, locale, currency, 0) : '–',
      ];
    }),
    note: [t.rulesNote, small ? t.tooSmall(formatNumber(result.options.minSize, locale)) : '']
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * The timing section of a report.
 * @example timingSection(await timing(wb), { locale: 'nl', currency: 'GBP' })
 */
export function timingSection(result: TimingResult, options: TimingSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = timingTexts(locale).section;
  const num = (x: number) => formatNumber(x, locale);
  const { days, seasonDays } = result.window;
  const intro = [t.intro];
  if (!result.hasTimes) intro.push(t.noTimes);
  if (days > 0) intro.push(t.window(num(seasonDays), num(days), pct(seasonDays / days, locale)));
  const facts: Array<[string, string]> = [
    [t.facts.customers, num(result.customerCount)],
    [t.facts.orders, num(result.orders.total)],
    asOfFact(result.options.asOf, locale),
    [t.facts.times, result.hasTimes ? t.yes : t.no],
    [t.facts.season, t.seasonValue(num(seasonDays), num(days))],
  ];
  if (result.cycle.customers > 0) {
    facts.push(
      [t.facts.cycle, t.cycleValue(dayCount(result.cycle.medianDays, locale))],
      [t.facts.withCycle, num(result.cycle.customers)],
    );
  }
  return {
    id: 'timing',
    title: t.title,
    intro,
    findings: timingFindings(result, locale),
    charts: [
      {
        id: 'timing-heatmap',
        title: result.hasTimes ? t.heat : t.heatNoTimes,
        description: result.hasTimes ? t.heatDesc : t.heatNoTimesDesc,
        spec: timingHeatmap(result, { locale }),
      },
      { id: 'timing-segments', title: t.bars, description: t.barsDesc, spec: timingSegmentBars(result, { locale }) },
    ],
    tables: [segmentTable(result, locale, currency)],
    facts,
  };
}
