/** Messages of the privacy layer: forgetting customers. */

/** Message builders for `forgetCustomers`. */
export const privacyMessages = {
  badForgetIds: (value: unknown) =>
    `forgetCustomers needs an array of customer ids (strings or numbers), got ${JSON.stringify(value)?.slice(0, 80) ?? String(value)}.`,
} as const;
