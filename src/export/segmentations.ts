/**
 * The segmentations `swb export --segmentation NAME` writes, one entry each: adding one is its
 * `segmentation.ts` in the analysis's folder (see `Segmentation`) and one line here.
 */
import { channelSegmentation } from '../analyses/channel/segmentation.js';
import { journeySegmentation } from '../analyses/journey/segmentation.js';
import { loyaltySegmentation } from '../analyses/loyalty/segmentation.js';
import { priceSegmentation } from '../analyses/price/segmentation.js';
import { productMixSegmentation } from '../analyses/product-mix/segmentation.js';
import { timingSegmentation } from '../analyses/timing/segmentation.js';
import type { Segmentation } from '../analyses/shared/segmentation.js';

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
