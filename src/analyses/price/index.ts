/**
 * Price sensitivity: how much of each customer's purchase revenue was bought on discount (a discount, a
 * promotion code, or a list price above the price paid), and from that one segment per customer — full price,
 * mixed or deal-seeker by the thresholds of `PRICE_RULES` — with each segment's value and retention and 95%
 * intervals (see `shared/group-kpis.ts`). One per-customer table in DuckDB over the whole data.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { resolveAsOf } from '../shared/as-of.js';
import { groupKpis, groupKpisSql, type GroupKpiRow } from '../shared/group-kpis.js';
import { checkTransactionSource } from '../shared/source.js';
import { checkOptionKeys, minSizeOption, optionKeys } from '../shared/validate.js';
import { priceMessages } from './messages.js';
import {
  PRICE_SEGMENTS,
  PRICE_SIGNALS,
  priceBandsSql,
  priceCustomersSql,
  priceRowsSql,
  priceTotalsSql,
  type PriceSegment,
  type PriceSignal,
} from './sql.js';
import type { PriceCustomer, PriceOptions, PriceOptionsUsed, PriceResult } from './types.js';

export { PRICE_RULES, PRICE_SEGMENTS, PRICE_SIGNALS, type PriceSegment, type PriceSignal } from './sql.js';
export type { PriceCustomer, PriceOptions, PriceOptionsUsed, PriceResult, PriceSegmentSummary } from './types.js';

const KEYS = optionKeys<PriceOptions>({ asOf: true, minSize: true, source: true });

/** The discount signal columns a transactions source has (a list price counts only beside a unit price). */
export async function priceSignals(
  wb: Workbench,
  source = 'transactions',
): Promise<{ signals: PriceSignal[]; columns: string[] }> {
  const columns = await checkTransactionSource(wb, source);
  const signals = PRICE_SIGNALS.filter(
    (s) => columns.includes(s) && (s !== 'list_price' || columns.includes('unit_price')),
  );
  return { signals, columns };
}

async function withPriceTable<T>(
  wb: Workbench,
  options: PriceOptions,
  verb: string,
  body: (table: string, used: PriceOptionsUsed, signals: PriceSignal[]) => Promise<T>,
): Promise<T> {
  checkOptionKeys(verb, options, KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  const { signals, columns } = await priceSignals(wb, source);
  if (signals.length === 0)
    throw new WorkbenchError('MISSING_FIELD', priceMessages.needsColumns(source, columns), {
      missing: [...PRICE_SIGNALS],
    });
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  // a table per call, so concurrent calls on one Workbench cannot read each other's rows
  const table = wb.tempName('_swb_price');
  try {
    await wb.run(priceCustomersSql({ source, table, signals }), { asOf });
    return await body(table, { asOf, asOfFromData: fromData, minSize, source }, signals);
  } finally {
    await wb.run(`drop table if exists ${quoteIdentifier(table)}`);
  }
}

/**
 * Full-price, mixed and deal-seeker customers (see `PRICE_RULES`), with their value and retention and 95%
 * intervals, and the spread of customers' discounted shares. Needs a `discount`, `promo_code` or `list_price`
 * column (MISSING_FIELD, saying what to load, without any).
 * @example const result = await priceSensitivity(wb, { asOf: '2023-12-16' });
 */
export async function priceSensitivity(wb: Workbench, options: PriceOptions = {}): Promise<PriceResult> {
  return withPriceTable(wb, options, 'priceSensitivity', async (table, used, signals) => {
    const bySegment = await wb.query<GroupKpiRow>(groupKpisSql(table, 'segment'));
    const bandRows = await wb.query<{ band: number; customers: number }>(priceBandsSql(table));
    const [t] = await wb.query<{ gross: number; on_discount: number; orders: number; discounted_orders: number }>(
      priceTotalsSql(table),
    );
    const total = bySegment.reduce((a, r) => a + Number(r.customers), 0);
    const warnings: string[] = [];
    if (total > 0 && Number(t?.discounted_orders ?? 0) === 0)
      warnings.push(priceMessages.warnNoDiscounts(signals.join(', ')));
    return tagResult(
      {
        options: used,
        signals,
        customerCount: total,
        revenue: bySegment.reduce((a, r) => a + Number(r.revenue), 0),
        purchases: {
          revenue: Number(t?.gross ?? 0),
          onDiscount: Number(t?.on_discount ?? 0),
          orders: Number(t?.orders ?? 0),
          discountedOrders: Number(t?.discounted_orders ?? 0),
        },
        segments: PRICE_SEGMENTS.map((key: PriceSegment) => ({
          key,
          ...groupKpis(
            bySegment.find((r) => r.group === key),
            total,
            used.minSize,
          ),
        })),
        bands: Array.from({ length: 10 }, (_, band) => ({
          band,
          customers: Number(bandRows.find((b) => Number(b.band) === band)?.customers ?? 0),
        })),
        warnings,
      },
      'PriceResult',
    );
  });
}

/**
 * One row per customer with a purchase before the as-of date, ordered by customer id: the price segment key and
 * the numbers behind it (for `swb export --segmentation price`).
 * @example const rows = await priceCustomers(wb); // [{ customerId: 'C1', segment: 'deal-seeker', discountedShare: 0.8, … }]
 */
export async function priceCustomers(wb: Workbench, options: PriceOptions = {}): Promise<PriceCustomer[]> {
  return withPriceTable(wb, options, 'priceCustomers', async (table) => {
    const rows = await wb.query<{
      customer_id: string;
      segment: PriceSegment;
      share: number;
      orders: number;
      discounted_orders: number;
      revenue: number;
      days_since: number;
    }>(priceRowsSql(table));
    return rows.map((r) => ({
      customerId: r.customer_id,
      segment: r.segment,
      discountedShare: Number(r.share),
      orders: Number(r.orders),
      discountedOrders: Number(r.discounted_orders),
      revenue: Number(r.revenue),
      daysSinceLastOrder: Number(r.days_since),
    }));
  });
}
