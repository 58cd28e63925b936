/**
 * The channel and payment report section: single-channel versus omnichannel customers and the payment methods,
 * their value and retention side by side with 95% intervals, in plain words, charts and tables. Groups below the
 * minimum size show their count and "too small", no numbers. Pure: result in, section out.
 */
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../locale.js';
import type { ReportChart, ReportSection, ReportTable } from '../../report/section.js';
import { COUNT } from '../../report/small-groups.js';
import { groupCells, shareWithInterval, groupSegmentTables } from '../shared/section-groups.js';
import { channelActiveChart, channelValueChart, paymentValueChart } from './charts.js';
import type { ChannelResult, ChannelSegmentSummary, NamedGroupSummary } from './index.js';
import { channelTexts } from './texts.js';

/** Options of {@link channelSection}. */
export interface ChannelSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of the amounts. @defaultValue 'EUR' */
  currency?: string;
}

const usable = (s: ChannelSegmentSummary | undefined): s is ChannelSegmentSummary => s !== undefined && !s.tooSmall;

/**
 * Plain-language findings, most important first: omnichannel against single-channel spend per order and activity
 * (only when both groups have enough customers), then the main payment method.
 * @example channelFindings(result, 'en')[0] // 'Omnichannel customers spend 1.3 times as much per order …'
 */
export function channelFindings(result: ChannelResult, locale: Locale = 'en', currency = 'EUR'): string[] {
  const t = channelTexts(locale).section;
  const out: string[] = [];
  const omni = result.segments.find((s) => s.key === 'omnichannel');
  const single = result.segments.find((s) => s.key === 'single-channel');
  const money = (x: number) => formatCurrency(x, locale, currency, 0);
  if (usable(omni) && usable(single)) {
    const ratio = omni.revenuePerOrder / single.revenuePerOrder;
    if (Number.isFinite(ratio)) {
      const times = `${formatNumber(ratio, locale, 2)}×`;
      out.push(t.omni(times, money(omni.revenuePerOrder), money(single.revenuePerOrder)));
    }
    out.push(t.omniActive(shareWithInterval(omni.active, locale), shareWithInterval(single.active, locale)));
    const repeaters = omni.customers + single.customers;
    out.push(t.omniShare(formatPercent(omni.customers / repeaters, locale, 0)));
  }
  const top = result.payments[0];
  if (top && !top.tooSmall) out.push(t.topPayment(top.name, formatPercent(top.share, locale, 0)));
  return out;
}

function groupTable(
  caption: string,
  groups: readonly NamedGroupSummary[],
  locale: Locale,
  currency: string,
): ReportTable {
  const t = channelTexts(locale).section;
  return {
    caption,
    columns: t.groupCols.map((label, i) => ({ label, numeric: i >= 1, ...(i === 1 ? COUNT : {}) })),
    rows: groups.map((g) => [g.name, ...groupCells(g, locale, currency, t.tooSmallCell)]),
  };
}

/**
 * The channel and payment section of a report.
 * @example channelSection(await channelPayment(wb), { locale: 'nl', currency: 'GBP' })
 */
export function channelSection(result: ChannelResult, options: ChannelSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const w = channelTexts(locale);
  const t = w.section;
  const intro = [t.intro];
  if (!result.hasChannel) intro.push(t.noChannel);
  if (!result.hasPayment) intro.push(t.noPayment);
  const charts: ReportChart[] = [];
  const tables: ReportTable[] = [];
  if (result.hasChannel) {
    charts.push(
      {
        id: 'channel-value',
        title: w.charts.value,
        description: w.charts.valueDesc,
        spec: channelValueChart(result, { locale }),
      },
      {
        id: 'channel-active',
        title: w.charts.active,
        description: w.charts.activeDesc,
        spec: channelActiveChart(result, { locale }),
      },
    );
    tables.push(
      ...groupSegmentTables(
        result.segments,
        channelTexts(locale).segments,
        channelTexts(locale).section,
        result.options.minSize,
        locale,
        currency,
      ),
      groupTable(t.channelCaption, result.channels, locale, currency),
    );
  }
  if (result.hasPayment) {
    charts.push({
      id: 'channel-payment',
      title: w.charts.payment,
      description: w.charts.paymentDesc,
      spec: paymentValueChart(result, { locale }),
    });
    tables.push(groupTable(t.paymentCaption, result.payments, locale, currency));
  }
  const facts: Array<[string, string]> = [[t.facts.customers, formatNumber(result.customerCount, locale)]];
  if (result.hasChannel) facts.push([t.facts.channels, formatNumber(result.channels.length, locale)]);
  if (result.hasPayment) facts.push([t.facts.payments, formatNumber(result.payments.length, locale)]);
  return {
    id: 'channel',
    title: t.title,
    intro,
    findings: channelFindings(result, locale, currency),
    charts,
    tables,
    facts,
  };
}
