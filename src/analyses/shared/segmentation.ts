/**
 * What a segmentation is to `swb export --segmentation`: a per-customer table it writes (one row per customer,
 * `customer_id`, `segment` and the numbers behind the segment), its stable keys and their labels. Each analysis
 * that segments customers defines one in its own folder (`segmentation.ts`); `SEGMENTATIONS` (segmentations.ts)
 * lists them, one entry each. Types only.
 */
import type { Locale } from '../../locale.js';
import type { Workbench } from '../../workbench.js';

/** A number column of a segmentation's per-customer table, and the decimals it is written with. */
export interface SegmentationColumn {
  /** Column name in the table and the file (lower-case English, stable). */
  name: string;
  /** Decimals in the file (0: whole numbers). */
  digits: number;
}

/** One segmentation an export can write. */
export interface Segmentation {
  /** The `--segmentation` value and the key prefix in messages (stable English, kebab-case). */
  readonly id: string;
  /**
   * Its segment keys, in report order (stable English identifiers). With {@link Segmentation.keysIn}: the keys
   * that do not depend on the data.
   */
  readonly keys: readonly string[];
  /** The number columns behind the segment, in file order. */
  readonly columns: readonly SegmentationColumn[];
  /** The label of a key in a language (from the analysis's texts). */
  label(key: string, locale: Locale): string;
  /**
   * (Re)create `table` with one row per customer with a purchase before `asOf`: `customer_id`, `segment` and
   * every column of `columns`. Returns the warnings of the run (e.g. data without times of day).
   */
  write(wb: Workbench, options: { asOf: Date; table: string }): Promise<string[]>;
  /**
   * The keys of a written `table`, in report order, for a segmentation whose keys depend on the data (product-mix
   * clusters named after categories). @defaultValue {@link Segmentation.keys}
   */
  keysIn?(wb: Workbench, table: string): Promise<string[]>;
}
