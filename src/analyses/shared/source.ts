/**
 * The canonical transaction columns and the one check that a source table has them, shared by every
 * analysis that reads transactions (the loader writes them; see README, "Loading data").
 */
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';
import type { Workbench } from '../../workbench.js';

/** The columns every loaded `transactions` table has, in order; optional ones (country, channel, …) follow them. */
export const TRANSACTION_COLUMNS = [
  'customer_id',
  'order_id',
  'order_date',
  'amount',
  'is_return',
  'source_row',
] as const;

/** The columns an analysis needs of a transactions source (`source_row` is the loader's, not the analyses'). */
export const REQUIRED_TRANSACTION_COLUMNS: readonly string[] = TRANSACTION_COLUMNS.slice(0, 5);

/** True for a canonical column (not an attribute of the order such as `country`). */
export const isTransactionColumn = (name: string): boolean => (TRANSACTION_COLUMNS as readonly string[]).includes(name);

/**
 * Check that `source` exists and has the required columns; returns its columns (names, in order).
 * @throws WorkbenchError NO_DATA when there is no such table, MISSING_FIELD naming the missing columns
 */
export async function checkTransactionSource(wb: Workbench, source: string): Promise<string[]> {
  const have = (await wb.columns(source)).map((c) => c.name);
  if (have.length === 0) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const missing = REQUIRED_TRANSACTION_COLUMNS.filter((c) => !have.includes(c));
  if (missing.length)
    throw new WorkbenchError('MISSING_FIELD', messages.lacksColumns(source, missing, have), { missing });
  return have;
}
