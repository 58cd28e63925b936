/** Messages of the usage analyses (usage segments, churn by usage segment). */
import { isoDay } from '../../messages/format.js';

/** Message builders for usageSegments() and usageChurn(). */
export const usageMessages = {
  noEventsTable: (events: string) => `There is no table ${events}. Load product usage events first with loadEvents().`,
  badUsageTable: (name: string, value: unknown) => `${name} must be a table name, got ${JSON.stringify(value)}.`,
  noEventsForAt: (events: string) =>
    `Table ${events} has no events with a customer and a time, so there is no date to measure usage at. Load events, or pass at: 'YYYY-MM-DD'.`,
  noSubscriptionsTable: (verb: string, table: string) =>
    `${verb}() needs a subscriptions table to know who pays; there is no table ${table}. Load it with loadSubscriptions()${verb === 'usageSegments' ? ", or pass customers: 'all'" : ''}.`,
  noSubscriptionRows: (table: string) =>
    `Table ${table} has no subscription dates to derive at from. Load subscriptions, or pass at: 'YYYY-MM-DD'.`,
  /** `at must be a day (00:00 UTC) …` */
  atNotDay: (name: string, value: Date) =>
    `${name} must be a day (00:00 UTC), got ${value.toISOString()}: usage windows and paying status are counted in whole days. Pass '${isoDay(value)}'.`,
  badUsageThresholds: (lightBelow: number, powerAbove: number) =>
    `lightBelow must not exceed powerAbove (shares of the window's days), got lightBelow ${lightBelow} and powerAbove ${powerAbove}.`,
  badFeatureBands: (edges: unknown) =>
    `featureBands must be ascending whole numbers ≥ 1 (lower edges of the bands after 0 features), like [1, 2, 5], got ${JSON.stringify(edges)}.`,
  /** The churn horizon ends after the subscriptions data does. */
  horizonNotObserved: (at: Date, horizonMonths: number, end: Date, latest: Date, table: string) =>
    `The churn horizon is not observed: at ${isoDay(at)} + ${horizonMonths} month(s) is ${isoDay(end)}, but the latest date in ${table} is ${isoDay(latest)}. ` +
    'Pass an earlier at (or leave it out: it then is the latest date minus horizonMonths), or a shorter horizonMonths.',
  noEventColumn: (events: string, by: string, column: string, have: readonly string[]) =>
    `usageChurn() by ${by} reads column ${column} of ${events}, which has no such column (has ${have.join(', ')}). Load the events with loadEvents(), mapping that column, or pick another by.`,
  noPayingAt: (at: Date, table: string) =>
    `No customer is paying on ${isoDay(at)} in ${table}: there is no one to measure churn for. Pass an at inside the subscription period.`,
  noUsageCustomers: (universe: 'paying' | 'all', at: Date) =>
    universe === 'paying'
      ? `No customer is paying on ${isoDay(at)}: there is no one to segment by usage. Pass another at, or customers: 'all'.`
      : `No customer has an event before ${isoDay(at)}: there is no one to segment by usage. Pass a later at.`,

  // warnings
  warnWindowNotCovered: (windowStart: Date, firstEvent: Date, events: string) =>
    `The usage window starts on ${isoDay(windowStart)}, but the first event in ${events} is on ${isoDay(firstEvent)}: ` +
    'days before it have no data, so customers look less active than they are. Pass a later at or a shorter windowDays.',
  warnEventsEndBeforeAt: (lastEvent: Date, at: Date, events: string) =>
    `The last event in ${events} is on ${isoDay(lastEvent)}, more than a day before at (${isoDay(at)}): the days in between have no data, ` +
    'so customers look less active than they are. Pass an earlier at.',
  warnNeverUsed: (customers: number, total: number) =>
    `${customers} of ${total} customer(s) have no event before at (never used the product); they are dormant. ` +
    'If that is unexpected, check that the events and the subscriptions use the same customer ids.',
  warnSmallUsageSegments: (minSize: number, segments: ReadonlyArray<{ segment: string; customers: number }>) =>
    `${segments.length} segment(s) have fewer than ${minSize} customers (${segments.map((s) => `${s.segment}: ${s.customers}`).join(', ')}); their churn rates are uncertain.`,
} as const;
