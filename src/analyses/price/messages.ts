/** Messages of the price-sensitivity analysis. */

/** Message builders for priceSensitivity(). */
export const priceMessages = {
  needsColumns: (source: string, have: readonly string[]) =>
    `Price segments need to know which purchases were on discount, and ${source} has no discount, promotion code or list price column (columns: ${have.join(', ')}). Load a file with a column such as "discount" (money off the line), "promo_code" or "list_price" (with unit_price), or map yours: mapping: { discount: '…' }, { promoCode: '…' } or { listPrice: '…', unitPrice: '…' }.`,
  warnNoDiscounts: (signals: string) =>
    `No purchase row is marked as bought on discount (by ${signals}): every customer is full price.`,
} as const;
