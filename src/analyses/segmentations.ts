/**
 * The behavioural segmentations, one entry each: what `swb export --segmentation NAME` writes and what the
 * segment analyses group by (`segmentBy(wb, { column: 'timing' })`, `swb report --by timing`). Adding one is its
 * `segmentation.ts` in the analysis's folder (see `Segmentation`) and one line here. It sits beside the registry
 * so the segment analyses can read it without importing the export layer.
 */
import { channelSegmentation } from './channel/segmentation.js';
import { journeySegmentation } from './journey/segmentation.js';
import { loyaltySegmentation } from './loyalty/segmentation.js';
import { priceSegmentation } from './price/segmentation.js';
import { productMixSegmentation } from './product-mix/segmentation.js';
import { timingSegmentation } from './timing/segmentation.js';
import type { Workbench } from '../workbench.js';
import type { Segmentation } from './shared/segmentation.js';

/** Every segmentation an export can write, by id. */
export const SEGMENTATIONS = {
  timing: timingSegmentation,
  loyalty: loyaltySegmentation,
  journey: journeySegmentation,
  'product-mix': productMixSegmentation,
  channel: channelSegmentation,
  price: priceSegmentation,
} as const satisfies Record<string, Segmentation>;

/** The id of an exportable segmentation (`timing`, `loyalty`, …). */
export type SegmentationId = keyof typeof SEGMENTATIONS;

/** The ids, in the order of {@link SEGMENTATIONS}. */
export const SEGMENTATION_IDS = Object.keys(SEGMENTATIONS) as SegmentationId[];

/** Whether `name` is the id of a behavioural segmentation. */
export function isSegmentationId(name: string): name is SegmentationId {
  return Object.hasOwn(SEGMENTATIONS, name);
}

/**
 * Write segmentation `id` as of `asOf` into `table` (one row per customer, see {@link Segmentation.write}) and
 * read its keys there, in report order: the export, the segment frame and the trends all write one this way.
 * @example const { keys, warnings } = await writeSegmentation(wb, 'timing', asOf, 'timing_now');
 */
export async function writeSegmentation(
  wb: Workbench,
  id: SegmentationId,
  asOf: Date,
  table: string,
): Promise<{ keys: string[]; warnings: string[] }> {
  const s: Segmentation = SEGMENTATIONS[id];
  const warnings = await s.write(wb, { asOf, table });
  return { keys: s.keysIn ? await s.keysIn(wb, table) : [...s.keys], warnings };
}
