/** Messages of the timing analysis. */

/** Message builders for timing(). */
export const timingMessages = {
  // warnings
  warnNoTimes: () =>
    'Every order time is 00:00: the data holds dates only, so there are no time-of-day bands and the weekday grid has one column.',
  warnNoCustomers: () => 'No customer has a purchase before the as-of date: there are no timing segments.',
} as const;
