/** Price sensitivity as a segmentation `swb export --segmentation price` writes: one price segment per customer. */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Segmentation } from '../shared/segmentation.js';
import { priceSignals } from './index.js';
import { priceMessages } from './messages.js';
import { PRICE_SEGMENTS, PRICE_SIGNALS, priceCustomersSql, type PriceSegment } from './sql.js';
import { priceTexts } from './texts.js';

/** The price segmentation: full price, mixed or deal-seeker, with the discounted share, orders, revenue and recency behind it. */
export const priceSegmentation: Segmentation = {
  id: 'price',
  keys: PRICE_SEGMENTS,
  columns: [
    { name: 'share', digits: 3 },
    { name: 'orders', digits: 0 },
    { name: 'discounted_orders', digits: 0 },
    { name: 'revenue', digits: 2 },
    { name: 'days_since', digits: 0 },
  ],
  label: (key, locale) => priceTexts(locale).segments[key as PriceSegment]?.name ?? key,
  write: async (wb, { asOf, table }) => {
    const source = 'transactions';
    const { signals, columns } = await priceSignals(wb, source);
    if (signals.length === 0)
      throw new WorkbenchError('MISSING_FIELD', priceMessages.needsColumns(source, columns), {
        missing: [...PRICE_SIGNALS],
      });
    await wb.run(priceCustomersSql({ source, table, signals }), { asOf });
    const [t] = await wb.query<{ discounted: number }>(
      `select coalesce(sum(discounted_orders), 0)::bigint as discounted from ${quoteIdentifier(table)}`,
    );
    return Number(t?.discounted ?? 0) === 0 ? [priceMessages.warnNoDiscounts(signals.join(', '))] : [];
  },
};
