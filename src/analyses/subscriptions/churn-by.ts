/**
 * What `subscriptionChurn` segments by: `'plan'` or another column of the subscriptions (its value on
 * the customer's highest-MRR subscription at the month start), a column of the customers table, a
 * segment table (`customer_id` + a segment column, such as the table `segmentBy` writes), or — where the
 * caller names an events table — `device`, `platform`, `app_version` or `app_major` from the usage events,
 * each at the month start (event-segments-sql.ts). Resolved once, with errors that list what is there.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { columnsOf, SUBSCRIPTION_CORE } from './source.js';
import { EVENT_ATTRIBUTES, eventColumnOf, isEventAttribute } from './event-segments-sql.js';
import { subscriptionMessages } from './messages.js';

/** The `by` option: a column name, or a segment table with its segment column. */
export type ChurnBy =
  | string
  | {
      /** Table with one row per customer: `customer_id` and the segment column. */
      table: string;
      /** Segment column of that table. @defaultValue 'segment' */
      column?: string;
    };

/** Where the segment of a customer comes from, resolved. */
export interface ResolvedChurnBy {
  /**
   * `subscriptions`: a column of the subscription rows, taken at each month start; `table`: a per-customer table;
   * `events`: a technographic attribute of the usage events (`column`: device, platform, app_version or
   * app_major), the customer's latest value at or before each month start.
   */
  kind: 'subscriptions' | 'table' | 'events';
  /** Table the column is read from. */
  table: string;
  /** Segment column. */
  column: string;
  /** Column giving the segments' display order (segmentBy's `segment_order`), when the table has it. */
  orderColumn?: string;
}

/** Default segment column of a segment table. */
export const SEGMENT_COLUMN = 'segment';

/** Segment columns whose display order is the table's `segment_order`. */
const ORDERED_COLUMNS = new Set([SEGMENT_COLUMN, 'usage_segment']);

const badBy = (by: unknown, verb: string): WorkbenchError =>
  new WorkbenchError('BAD_OPTION', subscriptionMessages.churnNeedsBy(by, verb), { by });

/** A per-customer table: it exists, has `customer_id` and `column`, and one row per customer. */
async function checkCustomerTable(wb: Workbench, table: string, column: string): Promise<ResolvedChurnBy> {
  const columns = await columnsOf(wb, table);
  if (columns.length === 0) throw new WorkbenchError('NO_DATA', subscriptionMessages.noSegmentTable(table), { table });
  const missing = ['customer_id', column].filter((c) => !columns.includes(c));
  if (missing.length)
    throw new WorkbenchError('MISSING_FIELD', subscriptionMessages.segmentTableLacks(table, missing, columns), {
      table,
      missing,
    });
  const [dup] = await wb.query<{ n: number }>(
    `select count(*) as n from (
       select customer_id from ${quoteIdentifier(table)} group by customer_id having count(*) > 1)`,
  );
  if (dup && dup.n > 0) {
    throw new WorkbenchError('BAD_OPTION', subscriptionMessages.segmentTableDuplicates(table, dup.n), {
      table,
      customers: dup.n,
    });
  }
  // `segment_order` orders the table's own segment column: segmentBy's `segment`, usageSegments' `usage_segment`
  const ordered = ORDERED_COLUMNS.has(column) && columns.includes('segment_order');
  return { kind: 'table', table, column, ...(ordered ? { orderColumn: 'segment_order' } : {}) };
}

/** The event attributes `events` (a table or none) can give, by the columns it has. */
async function eventAttributes(wb: Workbench, events: string | undefined): Promise<string[]> {
  if (events === undefined) return [];
  const columns = await columnsOf(wb, events);
  return EVENT_ATTRIBUTES.filter((a) => columns.includes(eventColumnOf(a)));
}

/**
 * Resolve `by` against the subscriptions columns (`subColumns`), the customers table and, when `events` names
 * the events table, its technographic attributes: a subscriptions column wins over a customers column of the
 * same name, and both over an event attribute. Throws `BAD_OPTION`, `UNKNOWN_COLUMN` (listing the columns of
 * the tables), `NO_DATA` or `MISSING_FIELD`; messages name `verb` (the analysis called).
 */
export async function resolveChurnBy(
  wb: Workbench,
  by: unknown,
  source: string,
  subColumns: readonly string[],
  customers: string,
  verb = 'subscriptionChurn',
  events?: string,
): Promise<ResolvedChurnBy> {
  if (typeof by === 'string') {
    if (by.trim() === '') throw badBy(by, verb);
    const own = subColumns.filter((c) => !(SUBSCRIPTION_CORE as readonly string[]).includes(c));
    if (own.includes(by)) return { kind: 'subscriptions', table: source, column: by };
    const customerColumns = (await columnsOf(wb, customers)).filter((c) => c !== 'customer_id');
    if (customerColumns.includes(by)) return checkCustomerTable(wb, customers, by);
    const fromEvents = await eventAttributes(wb, events);
    if (events !== undefined && isEventAttribute(by) && fromEvents.includes(by))
      return { kind: 'events', table: events, column: by };
    const listed = customerColumns.length > 0 ? customerColumns : undefined;
    const eventsListed = events === undefined ? undefined : { table: events, attributes: fromEvents };
    throw new WorkbenchError(
      'UNKNOWN_COLUMN',
      subscriptionMessages.unknownChurnColumn(by, own, customers, listed, verb, eventsListed),
      { by, subscriptions: own, customers: customerColumns, ...(events ? { events: fromEvents } : {}) },
    );
  }
  if (by !== null && typeof by === 'object' && !Array.isArray(by)) {
    const { table, column, ...rest } = by as { table?: unknown; column?: unknown };
    if (typeof table !== 'string' || table.trim() === '' || Object.keys(rest).length > 0) throw badBy(by, verb);
    if (column !== undefined && (typeof column !== 'string' || column.trim() === '')) throw badBy(by, verb);
    return checkCustomerTable(wb, table, column ?? SEGMENT_COLUMN);
  }
  throw badBy(by, verb);
}
