/** Loyalty as a segmentation `swb export --segmentation loyalty` writes: one loyalty segment per customer. */
import type { Segmentation } from '../shared/segmentation.js';
import { loyalty } from './index.js';
import { LOYALTY_SEGMENTS, type LoyaltySegment } from './sql.js';
import { loyaltyTexts } from './texts.js';

/** The loyalty segmentation: the segment and the rhythm, recency and value behind it (the RFM segment as the signal). */
export const loyaltySegmentation: Segmentation = {
  id: 'loyalty',
  keys: LOYALTY_SEGMENTS,
  columns: [
    { name: 'orders', digits: 0 },
    { name: 'order_days', digits: 0 },
    { name: 'cycle', digits: 1 },
    { name: 'cv', digits: 3 },
    { name: 'max_gap', digits: 0 },
    { name: 'days_since', digits: 0 },
    { name: 'revenue', digits: 2 },
  ],
  label: (key, locale) => loyaltyTexts(locale).segments[key as LoyaltySegment]?.name ?? key,
  write: async (wb, { asOf, table }) => {
    const r = await loyalty(wb, { asOf, table });
    return r.warnings;
  },
};
