/** The segmentations an export can write: the list lives beside the analyses' registry (they group by it too). */
export {
  SEGMENTATIONS,
  SEGMENTATION_IDS,
  isSegmentationId,
  writeSegmentation,
  type SegmentationId,
} from '../analyses/segmentations.js';
