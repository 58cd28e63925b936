/** Channel as a segmentation `swb export --segmentation channel` writes: one channel segment per customer. */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { withOrderAggregate } from '../shared/customer-cache.js';
import type { Segmentation } from '../shared/segmentation.js';
import { channelColumns } from './index.js';
import { channelMessages } from './messages.js';
import { CHANNEL_SEGMENTS, channelCustomersSql, type ChannelSegment } from './sql.js';
import { channelTexts } from './texts.js';

/** The channel segmentation: single-channel, omnichannel, one order or no channel, with the orders, channels, revenue and recency behind it. */
export const channelSegmentation: Segmentation = {
  id: 'channel',
  keys: CHANNEL_SEGMENTS,
  columns: [
    { name: 'orders', digits: 0 },
    { name: 'channels', digits: 0 },
    { name: 'revenue', digits: 2 },
    { name: 'days_since', digits: 0 },
  ],
  label: (key, locale) => channelTexts(locale).segments[key as ChannelSegment]?.name ?? key,
  write: async (wb, { asOf, table }) => {
    const source = 'transactions';
    const has = await channelColumns(wb, source);
    if (!has.hasChannel && !has.hasPayment)
      throw new WorkbenchError('MISSING_FIELD', channelMessages.needsColumns(source, has.columns), {
        missing: ['channel', 'payment_method'],
      });
    await withOrderAggregate(wb, { source, asOf }, (orders) =>
      wb.run(channelCustomersSql({ source, orders, table, ...has }), { asOf }),
    );
    if (!has.hasChannel) return [channelMessages.warnNoChannelColumn(source)];
    const [c] = await wb.query<{ total: number; empty: number }>(
      `select count(*)::bigint as total, count(*) filter (where channels = 0)::bigint as empty from ${quoteIdentifier(table)}`,
    );
    const empty = Number(c?.empty ?? 0);
    return empty > 0 ? [channelMessages.warnEmptyChannel(empty, Number(c?.total ?? 0))] : [];
  },
};
