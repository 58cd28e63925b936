/** The journey as a segmentation `swb export --segmentation journey` writes: one stage per customer, and the engagement. */
import type { Segmentation } from '../shared/segmentation.js';
import { quoteIdentifier } from '../../sql.js';
import { journey } from './index.js';
import { JOURNEY_STAGES, type JourneyStage } from './stages.js';
import { journeyTexts } from './texts.js';

/** The journey segmentation: the furthest stage (the `events` table when loaded, else orders only), with the activity behind it. */
export const journeySegmentation: Segmentation = {
  id: 'journey',
  keys: JOURNEY_STAGES,
  columns: [
    { name: 'orders', digits: 0 },
    { name: 'events', digits: 0 },
    { name: 'mapped_events', digits: 0 },
    { name: 'active_days', digits: 0 },
    { name: 'channels', digits: 0 },
  ],
  label: (key, locale) => journeyTexts(locale).stages[key as JourneyStage]?.name ?? key,
  write: async (wb, { asOf, table }) => {
    const r = await journey(wb, { asOf, table });
    await wb.run(`alter table ${quoteIdentifier(table)} rename column stage to segment`);
    return r.warnings;
  },
};
