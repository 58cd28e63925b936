/**
 * EXPLAIN tests of the pure SQL builders, as Mosaic does: the builder's text is planned by an in-memory
 * DuckDB against empty tables with the canonical columns (DESIGN.md, data model), so SQL that does not
 * parse, names a missing column or leaves a `$parameter` unbound fails the test without any data.
 */
import { expect } from 'vitest';
import { Workbench, type QueryParam } from '../../src/workbench.js';

/** The as-of moment the EXPLAIN tests bind. */
export const AS_OF = new Date('2011-12-10T00:00:00Z');

/**
 * An in-memory Workbench with empty `transactions` (the canonical columns plus the optional ones a
 * loader keeps) and `customers` (attributes of each kind segments use: text, whole number, score).
 */
export async function explainWorkbench(): Promise<Workbench> {
  const wb = await Workbench.open();
  await wb.run(`create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double,
    is_return boolean, source_row bigint, quantity double, unit_price double, product_id varchar, category varchar,
    channel varchar, country varchar, payment_method varchar, discount double, promo_code varchar, list_price double)`);
  await wb.run(`create table customers (customer_id varchar, age_band varchar, region varchar, device varchar,
    company_size integer, nps double, csat double, signup date)`);
  return wb;
}

/**
 * Plan `sql` with `params` bound (a parameter the SQL does not use is skipped, as in `wb.query`);
 * fails with DuckDB's message when it does not plan. Returns the plan text.
 * @example await expectPlans(wb, overviewSql(), { asOf: AS_OF, topShare: 0.2 });
 */
export async function expectPlans(
  wb: Workbench,
  sql: string,
  params: Record<string, QueryParam> = {},
): Promise<string> {
  const rows = await wb.query(`explain ${sql}`, params);
  const plan = rows.map((r) => String(r['explain_value'] ?? '')).join('\n');
  expect(plan).not.toBe('');
  return plan;
}
