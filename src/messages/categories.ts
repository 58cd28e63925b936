/** Messages of the product → category mapping file (`loadCategories`, `swb report --categories`). */

/** Message builders for category mapping files. */
export const categoryMessages = {
  missingColumn: (file: string, missing: 'product' | 'category', columns: readonly string[]) =>
    `No ${missing} column in ${file} (columns: ${columns.join(', ')}). A category mapping file has one row per product with two columns: the product (named product, product_id, stock_code or sku) and its category (named category).`,
  emptyCell: (file: string, row: number, column: string) =>
    `${file}, row ${row}: column ${column} is empty. Give every row a product and a category, or remove the row.`,
  twoCategories: (
    file: string,
    product: string,
    rows: readonly number[],
    categories: readonly string[],
    column: string,
  ) =>
    `${file}, rows ${rows.join(' and ')}: product ${JSON.stringify(product)} has two categories in column ${column} (${categories.map((c) => JSON.stringify(c)).join(' and ')}). Give each product one category.`,
} as const;
