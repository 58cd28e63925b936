/**
 * Technographic segments from the usage events, taken WITHOUT HINDSIGHT: a customer's device, platform, app
 * version or app major in a month is the value of their latest event at or before the month's first day
 * (00:00 UTC), never their latest value overall (which sorts customers who left early onto old versions and
 * makes old versions look like churn). Pure SQL builders; the events table passes through `quoteIdentifier`.
 *
 * The CTE `evb` has one row per customer and month start at which a new latest value takes effect: each event
 * with a value belongs to the first month start at or after it, and per customer and month start the value of
 * the latest such event wins (ties in time: the highest value). A customer-month then takes the row of the
 * latest month start at or before it (an ASOF join), so the events are grouped once, not once per month.
 */
import { quoteIdentifier } from '../../sql.js';

/** The attributes of the events that churn can be segmented by, each at the month start. */
export const EVENT_ATTRIBUTES = ['device', 'platform', 'app_version', 'app_major'] as const;

/** One of {@link EVENT_ATTRIBUTES}. */
export type EventAttribute = (typeof EVENT_ATTRIBUTES)[number];

/** Whether a name is one of {@link EVENT_ATTRIBUTES}. */
export const isEventAttribute = (name: string): name is EventAttribute =>
  (EVENT_ATTRIBUTES as readonly string[]).includes(name);

/** The events column an attribute is read from (`app_major` from `app_version`). */
export const eventColumnOf = (attribute: EventAttribute): string =>
  attribute === 'app_major' ? 'app_version' : attribute;

/**
 * SQL expression of an attribute over an events row: the column as loaded (text, trimmed), `app_major` the
 * part of `app_version` before the first dot (`4.6.1` → `4`); NULL or empty when the event has none.
 */
export function eventValueSql(attribute: EventAttribute, alias = 'e.'): string {
  const column = `${alias}${quoteIdentifier(eventColumnOf(attribute))}`;
  return attribute === 'app_major' ? `nullif(trim(split_part(${column}, '.', 1)), '')` : `nullif(${column}, '')`;
}

/**
 * The CTE `evb(cid, month, segment)` (see the module comment), over the customers of `cust(cid, customer_id)`.
 * `month` is the first month start (DATE) at or after the event: an event at 00:00 on the 1st counts for that month.
 */
export function eventSegmentCte(events: string, attribute: EventAttribute): string {
  const value = eventValueSql(attribute);
  return `evb as (
  select c.cid, cast(date_trunc('month', e.event_time - interval 1 microsecond) + interval 1 month as date) as month,
    arg_max(${value}, (e.event_time, ${value})) as segment
  from ${quoteIdentifier(events)} e join cust c on c.customer_id = e.customer_id
  where ${value} is not null and e.event_time is not null
  group by all
)`;
}

/**
 * An ASOF join that gives the rows of `alias` (with `cid` and `month`, a first day) the customer's value at the
 * month start as `<as>.segment` (NULL without an event with a value by then).
 */
export const segmentAtMonthStartJoin = (alias: string, as = 'evs'): string =>
  `asof left join evb ${as} on ${as}.cid = ${alias}.cid and ${alias}.month >= ${as}.month`;
