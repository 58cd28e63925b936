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
    events?: { table: string; attributes: readonly string[] },
  ) =>
    `unknown segment column for ${verb}(): ${JSON.stringify(by)}. Columns available (subscriptions: ${list(subscriptions) || '(none)'}; ${customersTable}: ${customers ? list(customers) || '(none)' : '(no table)'}${
      events
        ? `; ${events.table}, at each month start: ${list(events.attributes) || '(none: load usage events with a device, platform or app_version column)'}`
        : ''
    }). Pass { table, column } to use a segment table.`,
  noSegmentTable: (table: string) =>
    `There is no table ${table} to take segments from. Create it first (segmentBy writes one), or name another table.`,
  segmentTableLacks: (table: string, missing: readonly string[], have: readonly string[]) =>
    `Table ${table} lacks column(s) ${missing.join(', ')} (has ${have.join(', ')}). A segment table needs customer_id and the segment column (default segment).`,
  segmentTableDuplicates: (table: string, customers: number) =>
    `Table ${table} has ${customers} customer(s) on more than one row (list them with: select customer_id from ${table} group by 1 having count(*) > 1); a segment table needs one row per customer.`,

  // currencies (fx.ts)
  mixedCurrencies: (source: string, currencies: readonly string[], verb: string) =>
    `${source} holds MRR in ${currencies.length} currencies (${currencies.join(', ')}); ${verb}() never adds different currencies. Pass fx: { currency: 'EUR', rates: [{ currency: '${currencies[1] ?? 'USD'}', rate: … }] } (swb: --fx rates.csv with --currency), or analyse one currency at a time (a table per currency as source).`,
  fxBadCurrency: (file: string, code: string, rate?: number) =>
    `${file}${rate === undefined ? ': the report currency' : `, rate ${rate}`}: ${JSON.stringify(code)} is not an ISO 4217 code (three capitals, e.g. EUR).`,
  fxBadRate: (file: string, value: number, rate: number) =>
    `${file}, rate ${rate}: ${value} is not a rate; give the units of the report currency per unit of the currency, a number above 0.`,
  fxBadDate: (file: string, rate: number) => `${file}, rate ${rate}: the date is not a valid date.`,
  fxTwice: (file: string, currency: string, date: Date | null, rate: number) =>
    `${file}, rate ${rate}: ${currency} has a rate ${date ? `for ${isoDay(date)}` : 'without a date'} already; give one rate per currency and date.`,
  fxMissing: (file: string, target: string, missing: string, source = 'subscriptions') =>
    `${file} has no rate into ${target} in force on the start of some subscriptions: ${missing} (column currency of ${source}: each currency from the first start without a rate). Add a rate for each, undated or dated on or before that day.`,
  fxEmptyCurrency: (
    source: string,
    periods: number,
    first: string | null,
    start: Date | null,
    currencies: readonly string[],
    target: string,
    verb: string,
  ) =>
    `${source}: ${periods} subscription period(s) have an empty currency cell (column currency; first: subscription ${first ?? '(no id)'}${start ? ` from ${isoDay(start)}` : ''}) while the others are in ${currencies.join(', ')}; ${verb}() converts each period by its own currency into ${target}, so those have no amount. Fill in their currency in the file and load it again.`,

  // the rates file (fx-file.ts)
  fxFileNotRead: (path: string, reason: string) => `Cannot read the rates file ${path}: ${reason}`,
  fxFileHeader: (file: string, names: readonly string[]) =>
    `${file}: the first line names no currency and rate columns (found: ${names.join(', ') || '(nothing)'}). Write a header currency,rate[,date], one rate per line: the units of the report currency per unit of that currency.`,
  fxFileCell: (file: string, line: number, column: string, value: string, kind: 'code' | 'rate' | 'date') =>
    `${file} line ${line}, column ${column}: ${JSON.stringify(value)} is not ${
      kind === 'code'
        ? 'an ISO 4217 currency code (three letters, e.g. USD)'
        : kind === 'rate'
          ? 'a rate above 0 (units of the report currency per unit of the currency, e.g. 0.92)'
          : 'a date as YYYY-MM-DD (or leave it empty for a rate that holds every day)'
    }.`,
  fxFileTwice: (file: string, line: number, currency: string, date: string) =>
    `${file} line ${line}: ${currency} has a rate ${date ? `for ${date}` : 'without a date'} on an earlier line; give one rate per currency and date.`,
  fxFileEmpty: (file: string) => `${file} has a header but no rates; add a line currency,rate[,date] per currency.`,

  // the subscriptions block of a goals file (kpi-goals.ts); each goes after "goals.json, at $.subscriptions…: "
  goalBlockNotObject: () =>
    'expected an object of KPI goals like { "nrr": { "min": 0.95 }, "by": { "plan": { "Pro": { "churn": { "max": 0.03 } } } } }',
  goalBlockEmpty: () => 'no goal: name at least one KPI with a target, like "nrr": { "min": 0.95 }',
  goalUnknownKpi: (key: string, known: readonly string[]) =>
    `unknown subscription KPI ${JSON.stringify(key)} (known: ${list(known)})`,
  goalBadTarget: (value: unknown) =>
    `a target is { "min": <number> }, { "max": <number> } or both, got ${JSON.stringify(value)}`,
  goalMinAboveMax: (min: number, max: number) => `min (${min}) is above max (${max}); no value could meet it`,
  goalBadBy: (value: unknown) =>
    `by maps a segment column to its values (or "*" for every one) and each to KPI goals, like { "plan": { "Pro": { "churn": { "max": 0.03 } } } }; got ${JSON.stringify(value)}`,
  goalNoKpis: (column: string) =>
    `the KPIs per ${column} were not computed; name a column of the subscriptions or customers table`,
  goalNoSegment: (column: string, value: string, values: readonly string[]) =>
    `no segment ${JSON.stringify(value)} in ${column} (values: ${list(values)}); write one of them as it is in the data, or "*" for every one`,

  // warnings
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
