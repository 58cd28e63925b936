/** Messages of the channel and payment analysis. */

/** Message builders for channelPayment(). */
export const channelMessages = {
  needsColumns: (source: string, have: readonly string[]) =>
    `Channel and payment segments need a sales channel or a payment method per order line, and ${source} has neither (columns: ${have.join(', ')}). Load a file with a column such as "channel" (web, app, store) or "payment_method" (card, iDEAL, invoice), or map yours: mapping: { channel: '…', paymentMethod: '…' }.`,
  warnNoChannelColumn: (source: string) =>
    `${source} has a payment method but no sales channel: every customer is "no channel". Load a "channel" column (or map yours: mapping: { channel: '…' }) for single-channel and omnichannel segments.`,
  warnEmptyChannel: (empty: number, total: number) =>
    `${empty} of ${total} customers have no channel on any purchase row: they are counted as "no channel".`,
} as const;
