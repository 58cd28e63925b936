/**
 * Product mix in the report: when the transactions have a category column, or with a product → category
 * mapping file (`swb report --categories FILE`, read before any analysis runs: a mistake in it ends the run).
 */
import { CATEGORY_TABLE, loadCategories } from '../../data/categories.js';
import { WorkbenchError } from '../../errors.js';
import type { Analysis } from '../shared/analysis.js';
import { productMix, productMixColumns, type ProductMixResult } from './index.js';
import { mixMessages } from './messages.js';
import { mixFindings, productMixSection } from './section.js';
import { mixTexts } from './texts.js';

/** Report options of the product-mix section. */
export interface ProductMixReportFlags {
  /** Product → category mapping file (CSV: product, category), matched on the product id. @defaultValue none: the data's category column */
  categories?: string;
}

/** The registry entry of product mix: silent (no section) without categories. */
export const productMixAnalysis: Analysis<'productMix', ProductMixResult, ProductMixReportFlags> = {
  id: 'productMix',
  title: (locale) => mixTexts(locale).section.title,
  summaryFindings: 1,
  flag: '--categories',
  checkLoaded: async (wb, options) => {
    if (options.categories === undefined) return;
    if (!(await productMixColumns(wb)).hasProductId)
      throw new WorkbenchError('MISSING_FIELD', mixMessages.needsProductId('transactions'), {
        missing: ['product_id'],
      });
    await loadCategories(wb, options.categories);
  },
  run: async ({ wb, asOf, options }) => {
    const mapped = options.categories !== undefined;
    if (!mapped && !(await productMixColumns(wb)).hasCategory) return undefined;
    return productMix(wb, { asOf, ...(mapped ? { categories: CATEGORY_TABLE } : {}) });
  },
  detail: (r) =>
    `${r.customerCount.toLocaleString('en')} customers, ${r.categories.length} categories, ${r.clusters.length} mix groups, ${r.pairs.filter((p) => p.together).length} pairs bought together`,
  present: (r, { locale }) => ({
    sections: [productMixSection(r, { locale })],
    findings: mixFindings(r, locale),
    runs: [
      {
        name: mixTexts(locale).section.title,
        options: {
          asOf: r.options.asOf,
          k: r.options.k,
          seed: r.options.seed,
          minLines: r.options.minLines,
          minSize: r.options.minSize,
        },
      },
    ],
  }),
};
