/** Messages of the product-mix analysis. */

/** Message builders for productMix(). */
export const mixMessages = {
  needsCategories: (source: string, have: readonly string[]) =>
    `Product-mix segments need a product category per order line, and ${source} has none (columns: ${have.join(', ')}). Load a file with a "category" column (or map yours: mapping: { category: '…' }), or pass a mapping file from product to category: swb report --categories FILE (columns product and category), or loadCategories(wb, FILE) and { categories: 'product_categories' }.`,
  needsProductId: (source: string) =>
    `A category mapping file is matched on the product id, and ${source} has no product_id column. Load a file with a product column (StockCode, product_id, sku) or map it: mapping: { productId: '…' }.`,
  noCategorised: () => 'No purchase row before the as-of date has a category: there is no product mix to cluster.',
  tooFewCustomers: (n: number, minLines: number) =>
    `Only ${n} customers have ${minLines} or more order lines with a category: too few to cluster.`,
  warnMostlyEmpty: (share: string) =>
    `Only ${share} of purchase rows have a category: the mixes describe that part of the purchases only.`,
  badK: (k: unknown) => `k must be a whole number from 2 to 12; got ${String(k)}.`,
} as const;
