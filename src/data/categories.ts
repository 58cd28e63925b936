/**
 * loadCategories: read a product → category mapping file (one row per product: its stock code or product id,
 * and its category) into the `product_categories` table, for the product-mix analysis when the transactions
 * have no category column. A row without a product or a category, or a product given two categories, is an
 * error naming the file, the row and the column: the mapping is the caller's to fix.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { categoryMessages } from '../messages/categories.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import { recogniseWith } from './fields.js';
import { sniffFile } from './sniff.js';
import { sourceRelation } from './source.js';

/** The table {@link loadCategories} writes: `product_id VARCHAR, category VARCHAR`, one row per product. */
export const CATEGORY_TABLE = 'product_categories';

/** Recognised header names (normalised) of the two columns. */
const HEADERS = {
  product: ['product', 'productid', 'stockcode', 'sku', 'productcode', 'itemid', 'artikel', 'artikelnummer', 'artikelcode'],
  category: ['category', 'productcategory', 'categorie', 'productcategorie', 'productgroep', 'group'],
} as const;

/** What {@link loadCategories} read. */
export interface CategoryLoadReport {
  /** The file's name. */
  fileName: string;
  /** Columns used for the product and the category. */
  columns: { product: string; category: string };
  /** Products mapped (rows after exact repeats were dropped). */
  products: number;
  /** Distinct categories. */
  categories: number;
}

/**
 * Load a product → category mapping file (CSV) into `product_categories`, replacing any previous one.
 * @example await loadCategories(wb, 'categories.csv') // { products: 3684, categories: 12, … }
 */
export async function loadCategories(wb: Workbench, path: string): Promise<CategoryLoadReport> {
  const sniff = await sniffFile(path);
  const relation = await sourceRelation(wb, sniff, { allVarchar: true });
  const names = relation.columns.map((c) => c.name);
  const found = recogniseWith(names, HEADERS);
  if (!found.product || !found.category) {
    const missing = !found.product ? 'product' : 'category';
    throw new WorkbenchError('MISSING_FIELD', categoryMessages.missingColumn(path, missing, names), {
      file: path,
      columns: names,
    });
  }
  const p = quoteIdentifier(found.product);
  const c = quoteIdentifier(found.category);
  // The raw rows first: their rowids follow file order, so rowid + offset is the row number users see.
  await wb.run(
    `create or replace temp table _swb_categories_raw as select ${p} as p, ${c} as c from ${relation.from}`,
    relation.params,
  );
  await wb.run(
    `create or replace temp table _swb_categories as
     select nullif(trim(p), '') as product_id, nullif(trim(c), '') as category, rowid + ${relation.rowOffset} as _row
     from _swb_categories_raw`,
  );
  await wb.run('drop table _swb_categories_raw');
  const [empty] = await wb.query<{ _row: number; product_id: string | null }>(
    'select _row, product_id from _swb_categories where product_id is null or category is null order by _row limit 1',
  );
  if (empty) {
    const column = empty.product_id === null ? found.product : found.category;
    throw new WorkbenchError('MALFORMED_FILE', categoryMessages.emptyCell(path, Number(empty._row), column), {
      file: path,
      row: Number(empty._row),
      column,
    });
  }
  const [clash] = await wb.query<{ product_id: string; rows: number[]; categories: string[] }>(
    `select product_id, list(_row order by _row)[1:2] as rows, list(distinct category order by category)[1:2] as categories
     from _swb_categories group by product_id having count(distinct category) > 1 order by min(_row) limit 1`,
  );
  if (clash) {
    throw new WorkbenchError(
      'MALFORMED_FILE',
      categoryMessages.twoCategories(path, clash.product_id, clash.rows.map(Number), clash.categories, found.category),
      { file: path, product: clash.product_id },
    );
  }
  await wb.run(
    `create or replace table ${CATEGORY_TABLE} as
     select product_id, min(category) as category from _swb_categories group by product_id order by product_id`,
  );
  await wb.run('drop table _swb_categories');
  const [n] = await wb.query<{ products: number; categories: number }>(
    `select count(*)::bigint as products, count(distinct category)::bigint as categories from ${CATEGORY_TABLE}`,
  );
  if (!n || Number(n.products) === 0) throw new WorkbenchError('HEADER_ONLY', messages.headerOnly(path, names), { file: path });
  return {
    fileName: sniff.fileName,
    columns: { product: found.product, category: found.category },
    products: Number(n.products),
    categories: Number(n.categories),
  };
}
