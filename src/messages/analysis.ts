/** Messages shared by the analyses: the transactions table and the overview (option checks: options.ts). */

/** Message builders shared by several analyses. */
export const analysisMessages = {
  // the transactions table
  noTable: (source: string) => `There is no table ${source}. Load transactions first with loadTransactions().`,
  lacksColumns: (source: string, missing: readonly string[], have: readonly string[]) =>
    `Table ${source} lacks column(s) ${missing.join(', ')} (has ${have.join(', ')}). Load it with loadTransactions().`,
  noOrders: (source: string) => `Table ${source} has no orders to analyse.`,

  // overview
  warnNoTransactions: () => 'no transactions before the as-of date',
} as const;
