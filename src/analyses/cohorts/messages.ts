/** Messages of the cohort analysis. */

/** Message builders for cohorts(). */
export const cohortMessages = {
  /** `transactions` / `customers`: the attribute columns searched there (undefined: not searched). */
  unknownCohortAttribute: (
    by: string,
    transactions: readonly string[] | undefined,
    customersTable: string,
    customers: readonly string[] | undefined,
  ) => {
    const where = [
      transactions ? `transactions: ${transactions.join(', ') || '(none)'}` : '',
      customers ? `${customersTable}: ${customers.join(', ') || '(no table)'}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `unknown cohort attribute: ${JSON.stringify(by)}. Attributes available (${where}). Load customer attributes with loadCustomers() to group by them.`;
  },

  // warnings
  warnReturnsOnlyCohorts: (customers: number) =>
    `${customers} customer(s) have only returns before the as-of date and are in no cohort.`,
  warnReturnsBeforeFirst: (rows: number) =>
    `${rows} return row(s) are booked before the customer's first purchase (returns of earlier purchases) and are left out.`,
  warnNoCohorts: () => 'No customer has a purchase before the as-of date: there are no cohorts.',
  warnNoCohortValue: (customers: number, by: string, customersTable: string) =>
    `${customers} customer(s) have no ${by} in ${customersTable}; they form the cohort without a value.`,
} as const;
