/** Messages of the loyalty analysis. */

/** Message builders for loyalty(). */
export const loyaltyMessages = {
  warnNoCustomers: () => 'No customer has a purchase before the as-of date: there are no loyalty segments.',
} as const;
