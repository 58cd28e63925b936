/** Channel and payment in the report: only when the transactions have a channel or a payment method column. */
import type { Analysis } from '../shared/analysis.js';
import { channelColumns, channelPayment, type ChannelResult } from './index.js';
import { channelFindings, channelSection } from './section.js';
import { channelTexts } from './texts.js';

/** The registry entry of channel and payment: silent (no section) when the data has neither column. */
export const channelAnalysis: Analysis<'channel', ChannelResult> = {
  id: 'channel',
  title: (locale) => channelTexts(locale).section.title,
  summaryFindings: 1,
  run: async ({ wb, asOf }) => {
    const has = await channelColumns(wb);
    return has.hasChannel || has.hasPayment ? channelPayment(wb, { asOf }) : undefined;
  },
  detail: (r) => {
    const omni = r.segments.find((s) => s.key === 'omnichannel')?.customers ?? 0;
    return `${r.customerCount.toLocaleString('en')} customers, ${omni.toLocaleString('en')} omnichannel, ${r.payments.length} payment methods`;
  },
  present: (r, { locale, currency }) => ({
    sections: [channelSection(r, { locale, currency })],
    findings: channelFindings(r, locale, currency),
    runs: [{ name: channelTexts(locale).section.title, options: { asOf: r.options.asOf, minSize: r.options.minSize } }],
  }),
};
