/**
 * What both usage analyses check about the events before measuring: the table exists, its first and last
 * event, and whether the usage window lies inside the data (a window that starts before the first event or
 * ends well after the last one makes customers look less active than they are: a warning, not an error).
 */
import { WorkbenchError } from '../../errors.js';
import type { Workbench } from '../../workbench.js';
import { eventRangeHasCustomersSql, eventRangeSql, eventTimeRangeSql } from './sql.js';
import { usageMessages } from './messages.js';

const DAY = 86_400_000;

/** First and last event with a customer (null when there is none). */
export interface EventBounds {
  first: Date | null;
  last: Date | null;
}

/**
 * The events table's bounds; throws `NO_DATA` when there is no such table. The first and last event of
 * all rows are read from the time column alone; when each has a row with a customer (checked on the rows
 * at those two moments only) they are the bounds, else the bounds are read over the rows with a customer.
 */
export async function eventBounds(wb: Workbench, events: string): Promise<EventBounds> {
  if (!(await wb.hasTable(events)))
    throw new WorkbenchError('NO_DATA', usageMessages.noEventsTable(events), { events });
  const [all] = await wb.query<{ lo: string | null; hi: string | null; first: Date | null; last: Date | null }>(
    eventTimeRangeSql(events),
  );
  if (all?.lo == null || all.hi == null) return { first: null, last: null };
  const [ends] = await wb.query<{ ok: boolean | null }>(eventRangeHasCustomersSql(events), { lo: all.lo, hi: all.hi });
  if (ends?.ok) return { first: all.first, last: all.last };
  const [row] = await wb.query<{ first_event: Date | null; last_event: Date | null }>(eventRangeSql(events));
  return { first: row?.first_event ?? null, last: row?.last_event ?? null };
}

/** 00:00 UTC of the day holding `d`. */
export function dayOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY) * DAY);
}

/** The day after the last event: the default `at` of usageSegments. Throws `NO_DATA` without events. */
export function dayAfterLastEvent(bounds: EventBounds, events: string): Date {
  if (!bounds.last) throw new WorkbenchError('NO_DATA', usageMessages.noEventsForAt(events), { events });
  return new Date(dayOf(bounds.last).getTime() + DAY);
}

/** Warnings when the window `[from, at)` is not inside the days the events cover. */
export function coverageWarnings(bounds: EventBounds, from: Date, at: Date, events: string): string[] {
  const out: string[] = [];
  if (bounds.first && dayOf(bounds.first) > from)
    out.push(usageMessages.warnWindowNotCovered(from, bounds.first, events));
  if (bounds.last && dayOf(bounds.last).getTime() + DAY < at.getTime())
    out.push(usageMessages.warnEventsEndBeforeAt(bounds.last, at, events));
  return out;
}
