/** Messages of the subscription analyses: mrrMovements(), subscriptionChurn(), subscriptionCohorts(). */
import { isoDay, list } from '../../messages/format.js';

/** Message builders for the subscription analyses. */
export const subscriptionMessages = {
  // the subscriptions table
  noSubscriptions: (source: string) => `no ${source} table: load one with loadSubscriptions first.`,
  subscriptionsLackColumns: (source: string, missing: readonly string[], have: readonly string[]) =>
    `Table ${source} lacks column(s) ${missing.join(', ')} (has ${have.join(', ')}). Load it with loadSubscriptions().`,
  emptySubscriptions: (source: string) =>
    `Table ${source} has no subscriptions to analyse. Load them with loadSubscriptions().`,
  monthsReversed: (from: Date, to: Date) =>
    `from (${isoDay(from)}) falls in a later month than to (${isoDay(to)}); give from before to.`,

  // subscriptionChurn: the segments
  churnNeedsBy: (value: unknown, verb = 'subscriptionChurn') =>
    `${verb}() needs by: 'plan', a column of the subscriptions or customers table, or { table, column } of a segment table; got ${JSON.stringify(value)}.`,
  unknownChurnColumn: (
    by: string,
    subscriptions: readonly string[],
    customersTable: string,
    customers: readonly string[] | undefined,
    verb = 'subscriptionChurn',
  ) =>
    `unknown segment column for ${verb}(): ${JSON.stringify(by)}. Columns available (subscriptions: ${list(subscriptions) || '(none)'}; ${customersTable}: ${customers ? list(customers) || '(none)' : '(no table)'}). Pass { table, column } to use a segment table.`,
  noSegmentTable: (table: string) =>
    `There is no table ${table} to take segments from. Create it first (segmentBy writes one), or name another table.`,
  segmentTableLacks: (table: string, missing: readonly string[], have: readonly string[]) =>
    `Table ${table} lacks column(s) ${missing.join(', ')} (has ${have.join(', ')}). A segment table needs customer_id and the segment column (default segment).`,
  segmentTableDuplicates: (table: string, customers: number) =>
    `Table ${table} has ${customers} customer(s) on more than one row (list them with: select customer_id from ${table} group by 1 having count(*) > 1); a segment table needs one row per customer.`,

  // warnings
  warnMixedCurrencies: (currencies: readonly string[]) =>
    `The subscriptions are in ${currencies.length} currencies (${list(currencies)}); MRR adds them up as if they were one. Convert them to one currency to compare amounts.`,
  warnNoPaying: (source: string) =>
    `No customer in ${source} pays (MRR > 0) at any month end in the range: every figure is 0.`,
  warnNoneAtRisk: (source: string) =>
    `No customer in ${source} pays at the start of a month in the range: there is no churn to measure.`,
  warnNoSegmentMonths: (by: string) =>
    `Some customer-months have no value of ${by}; they form the segment without a value (not ranked).`,
  warnTrialSegments: (trials: number, values: readonly string[]) =>
    `${trials} trial(s) started in segment value(s) no paying customer has (${list(values)}); they count in the totals only.`,
  warnNoSegmentValue: (customerMonths: number, by: string) =>
    `${customerMonths} customer-month(s) at risk have no value of ${by}; they form the segment without a value (not ranked).`,

  // internal: a broken invariant is a bug, not a data problem
  bridgeBroken: (month: string, gap: number) =>
    `internal error: the MRR bridge does not add up for ${month} (off by ${gap}); please report this with the data that shows it.`,
} as const;
