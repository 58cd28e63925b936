/** Timing as a segmentation `swb export --segmentation timing` writes: one timing segment per customer. */
import { withOrderDayGaps } from '../shared/customer-cache.js';
import type { Segmentation } from '../shared/segmentation.js';
import { hasTimesSql, timingCustomersSql, TIMING_SEGMENTS, type TimingSegment } from './sql.js';
import { timingMessages } from './messages.js';
import { timingTexts } from './texts.js';

/** The timing segmentation: the segment and the order counts, days and cycle behind it. */
export const timingSegmentation: Segmentation = {
  id: 'timing',
  keys: TIMING_SEGMENTS,
  columns: [
    { name: 'orders', digits: 0 },
    { name: 'weekend', digits: 0 },
    { name: 'night', digits: 0 },
    { name: 'morning', digits: 0 },
    { name: 'afternoon', digits: 0 },
    { name: 'evening', digits: 0 },
    { name: 'season', digits: 0 },
    { name: 'cycle', digits: 1 },
    { name: 'days_since', digits: 0 },
    { name: 'revenue', digits: 2 },
  ],
  label: (key, locale) => timingTexts(locale).segments[key as TimingSegment]?.name ?? key,
  write: async (wb, { asOf, table }) => {
    const hasTimes = await withOrderDayGaps(wb, { source: 'transactions', asOf }, async (gaps, orders) => {
      const [times] = await wb.query<{ has_times: boolean | null }>(hasTimesSql(orders));
      const has = times?.has_times === true;
      await wb.run(timingCustomersSql({ orders, gaps, table }), { asOf, hasTimes: has });
      return has;
    });
    return hasTimes ? [] : [timingMessages.warnNoTimes()];
  },
};
