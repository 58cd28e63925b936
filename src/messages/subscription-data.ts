/** Messages of the subscription and event loaders: missing columns, and the notes of their LoadReports. */
import { list } from './format.js';

/** Message builders for `loadSubscriptions` and `loadEvents`. */
export const subscriptionDataMessages = {
  /** What to pass when a required field has no column (appended to `missingField`). */
  loadMappingHint: (key: string) => `Pass mapping: { ${key}: '…' }.`,
  loadMrrHint: () =>
    "Pass mapping: { mrr: '…' } for a monthly amount, or both { price: '…', interval: '…' } for a price per billing interval.",
  loadIntervalHint: (priceColumn: string) =>
    `The prices in ${JSON.stringify(priceColumn)} need a billing interval: pass mapping: { interval: '…' } (a column holding month, quarter, year or week), ` +
    `or mapping: { mrr: ${JSON.stringify(priceColumn)} } if they are monthly amounts.`,
  loadTableExists: (table: string, path: string) =>
    `The Workbench already holds a ${table} table, and replace: false was passed, so ${path} was not loaded. Pass replace: true (the default) to load over it, or use another Workbench.`,
  // notes in the LoadReport
  /** The source of a derived MRR in the LoadReport's columns (the report words it per locale). */
  mrrFromPrice: (price: string, interval: string) => `${price} ÷ months of ${interval}`,
  warnSubscriptionPerCustomer: () =>
    "No subscription id column: each customer counts as one subscription (subscription_id = customer_id), so periods of one customer that overlap are set aside. Pass mapping: { subscriptionId: '…' } if a customer can hold several subscriptions at once.",
  warnFarEnds: (file: string, column: string, count: number, rows: readonly number[], first: string) =>
    `End dates in ${JSON.stringify(column)} of ${file} lie far after every other date (more than 24 months, e.g. ${first}) in ${count} ${count === 1 ? 'row' : 'rows'} ` +
    `(${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${count > rows.length ? ', …' : ''}); they were read as still running (no end): a placeholder for "no end", ` +
    'or a contract that runs past the data. Fix the source if such a date is a typo.',
  warnShadowedColumns: (columns: readonly string[]) =>
    `Columns not kept because their names are taken by the loaded fields: ${list(columns)}. Rename them in the file to keep them.`,
} as const;
