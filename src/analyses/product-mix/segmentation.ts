/** Product mix as a segmentation `swb export --segmentation product-mix` writes: one mix group per customer. */
import { CATEGORY_TABLE } from '../../data/categories.js';
import { quoteIdentifier } from '../../sql.js';
import type { Segmentation } from '../shared/segmentation.js';
import { productMixTable } from './index.js';
import { clusterLabel } from './texts.js';

/**
 * The product-mix segmentation (on the loaded product → category mapping when there is one, else the data's
 * category column): the group (`mostly:<category>`, `mixed`, or `few-lines` for customers with too
 * few categorised lines to group), with the lines, spend, number of categories and largest category share behind
 * it. The group keys depend on the data, so the keys of a run come from its table.
 */
export const productMixSegmentation: Segmentation = {
  id: 'product-mix',
  keys: ['mixed', 'few-lines'],
  columns: [
    { name: 'lines', digits: 0 },
    { name: 'spend', digits: 2 },
    { name: 'categories', digits: 0 },
    { name: 'top_share', digits: 3 },
  ],
  label: (key, locale) => clusterLabel(key, locale),
  // a loaded product → category mapping (`loadCategories`, `--categories FILE`) wins over the data's category column
  write: async (wb, { asOf, table }) =>
    (
      await productMixTable(wb, table, {
        asOf,
        ...((await wb.hasTable(CATEGORY_TABLE)) ? { categories: CATEGORY_TABLE } : {}),
      })
    ).warnings,
  // as productMix orders its groups: most customers first (ties by key), then the customers not grouped
  keysIn: async (wb, table) => {
    const rows = await wb.query<{ segment: string }>(
      `select segment from ${quoteIdentifier(table)} group by segment
order by segment = 'few-lines', count(*) desc, segment`,
    );
    return rows.map((r) => r.segment);
  },
};
