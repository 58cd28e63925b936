/**
 * Channel charts: revenue per customer and the share active in the last 90 days per channel segment, and revenue
 * per customer per main payment method, each with its 95% interval. Groups below the minimum size are left out.
 * Pure builders: result in, Vega-Lite spec out, data inlined.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../locale.js';
import { intervalChart } from '../shared/interval-charts.js';
import type { ChannelResult } from './index.js';
import { channelTexts } from './texts.js';

/** Options of the channel charts. */
export interface ChannelChartOptions {
  /** Language of titles and labels. @defaultValue 'en' */
  locale?: Locale;
}

const words = (locale: Locale, title: string, description: string, measure: string) => {
  const t = channelTexts(locale).charts;
  return { title, description, measure, group: t.group, low: t.low, high: t.high };
};

/**
 * Revenue per customer per channel segment (enough customers only), with 95% intervals.
 * @example await show(channelValueChart(result));
 */
export function channelValueChart(result: ChannelResult, options: ChannelChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = channelTexts(locale);
  const points = result.segments
    .filter((s) => !s.tooSmall)
    .map((s) => ({ label: w.segments[s.key].name, ...s.revenuePerCustomer }));
  return intervalChart(points, words(locale, w.charts.value, w.charts.valueDesc, w.charts.perCustomer), {
    format: 'money',
  });
}

/**
 * Share active in the last 90 days per channel segment (enough customers only), with 95% intervals.
 * @example await show(channelActiveChart(result, { locale: 'nl' }));
 */
export function channelActiveChart(result: ChannelResult, options: ChannelChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = channelTexts(locale);
  const points = result.segments
    .filter((s) => !s.tooSmall)
    .map((s) => ({ label: w.segments[s.key].name, value: s.active.rate, low: s.active.low, high: s.active.high }));
  return intervalChart(points, words(locale, w.charts.active, w.charts.activeDesc, w.charts.activeShare), {
    format: 'percent',
  });
}

/**
 * Revenue per customer per main payment method (enough customers only), with 95% intervals.
 * @example await show(paymentValueChart(result));
 */
export function paymentValueChart(result: ChannelResult, options: ChannelChartOptions = {}): TopLevelSpec {
  const locale = options.locale ?? 'en';
  const w = channelTexts(locale);
  const points = result.payments.filter((p) => !p.tooSmall).map((p) => ({ label: p.name, ...p.revenuePerCustomer }));
  return intervalChart(points, words(locale, w.charts.payment, w.charts.paymentDesc, w.charts.perCustomer), {
    format: 'money',
  });
}
