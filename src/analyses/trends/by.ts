/**
 * What a trend's `by` names are: a customer attribute, whose value is taken once (as of the last date), or a
 * behavioural segmentation (`timing`, `loyalty`, …), which the trend writes again as of every date because a
 * customer's segment moves over time. The precedence is the segment frame's (`columnSource` in
 * src/analyses/segments/base.ts): a customers-file column of the name wins over a segmentation, a segmentation
 * over a transactions column.
 */
import { isWorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { MISSING_SEGMENT } from '../segments/index.js';
import { columnSource } from '../segments/base.js';
import { isSegmentationId, writeSegmentation, type SegmentationId } from '../segmentations.js';

/** One `by` name and how the trend follows it. */
export type TrendBy = { column: string; kind: 'attribute' } | { column: SegmentationId; kind: 'segmentation' };

/** The `by` names (checked ones) with their kind, in their order. */
export async function resolveBy(
  wb: Workbench,
  by: readonly string[],
  tables: { source: string; customers: string },
): Promise<TrendBy[]> {
  const customerColumns = (await wb.columns(tables.customers)).map((c) => c.name).filter((n) => n !== 'customer_id');
  const transactionColumns = (await wb.columns(tables.source)).map((c) => c.name);
  return by.map((column) =>
    isSegmentationId(column) && columnSource(column, customerColumns, transactionColumns) === 'segmentation'
      ? { column, kind: 'segmentation' }
      : { column, kind: 'attribute' },
  );
}

/**
 * The keys of a segmentation followed over the points: each point's keys (in its report order) united, the
 * last point's order first, then keys seen only earlier (latest first); only keys with customers at some point
 * (`present`), and `MISSING_SEGMENT` last when present. Pure.
 * @example segmentationKeys([['a', 'b'], ['b', 'c']], new Set(['a', 'b', 'c'])) // ['b', 'c', 'a']
 */
export function segmentationKeys(perPoint: ReadonlyArray<readonly string[]>, present: ReadonlySet<string>): string[] {
  const union = new Set([...perPoint].reverse().flat());
  union.delete(MISSING_SEGMENT);
  return [...union, MISSING_SEGMENT].filter((k) => present.has(k));
}

/** What {@link writeSegmentationAt} did at one date. */
export interface SegmentationAt {
  /** The segmentation's keys at that date, in its report order (none when it could not be worked out). */
  keys: string[];
  /** Its warnings. */
  warnings: string[];
  /** Why it could not be worked out at that date (the error's message), when it could not. */
  failed?: string;
}

/**
 * Write segmentation `id` as of `asOf` into `table` (one row per customer: `customer_id, segment`). With
 * `tolerate`, a segmentation that cannot be worked out at that date (a `WorkbenchError`, such as too few
 * customers to cluster early in the data) leaves `table` empty and says why, so that date's buyers have no segment;
 * otherwise the error is thrown.
 */
export async function writeSegmentationAt(
  wb: Workbench,
  id: SegmentationId,
  asOf: Date,
  table: string,
  tolerate: boolean,
): Promise<SegmentationAt> {
  try {
    return await writeSegmentation(wb, id, asOf, table);
  } catch (e) {
    if (!tolerate || !isWorkbenchError(e)) throw e;
    await wb.run(`create or replace temp table ${quoteIdentifier(table)} (customer_id varchar, segment varchar)`);
    return { keys: [], warnings: [], failed: e.message };
  }
}
