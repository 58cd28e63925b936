/**
 * The per-customer aggregate that RFM, clusters, attribute segments and the overview all start from,
 * written once: purchase orders, net revenue, first and last purchase per customer. Pure SQL text over a
 * relation with `customer_id, order_id, order_date, amount, is_return` (a table or a CTE name); the
 * caller filters the rows (as-of date, returns) in that relation or with `where`.
 */
import { moneySum } from '../../sql.js';

/** The figures {@link customerAggregateSql} can give, each by its default column name. */
export const CUSTOMER_MEASURES = {
  /** Distinct purchase orders (return rows do not count). */
  frequency: 'count(distinct order_id) filter (where not is_return)::bigint',
  /**
   * Net revenue, returns subtracted. An exact decimal sum: float sums depend on the order DuckDB's
   * threads finish, which could split equal values into different scores (or leave 1e-13 for a refund).
   */
  monetary: `coalesce(${moneySum()}, 0)::double`,
  /** First purchase (return rows do not count). */
  first_order: 'min(order_date) filter (where not is_return)',
  /** Last purchase (return rows do not count). */
  last_order: 'max(order_date) filter (where not is_return)',
} as const;

/** A figure of {@link CUSTOMER_MEASURES}. */
export type CustomerMeasure = keyof typeof CUSTOMER_MEASURES;

/** Options of {@link customerAggregateSql}. */
export interface CustomerAggregateOptions {
  /** Relation to aggregate: a CTE name or an already quoted table name. */
  from: string;
  /** Row filter, SQL with bound parameters only (e.g. `order_date < $asOf`). @defaultValue none */
  where?: string;
  /** Figures to give, in this order. @defaultValue all four, in the order of {@link CUSTOMER_MEASURES} */
  measures?: readonly CustomerMeasure[];
  /** Column name per figure. @defaultValue the figure's name */
  names?: Partial<Record<CustomerMeasure, string>>;
  /** Keep only customers with at least one purchase row (customers with only returns are left out). @defaultValue false */
  buyersOnly?: boolean;
}

/**
 * `select customer_id, <figures> from <from> group by customer_id`: one row per customer.
 * @example `with base as (${customerAggregateSql({ from: 'tx', buyersOnly: true })}) select * from base`
 */
export function customerAggregateSql(o: CustomerAggregateOptions): string {
  const measures = o.measures ?? (Object.keys(CUSTOMER_MEASURES) as CustomerMeasure[]);
  const cols = measures.map((m) => `${CUSTOMER_MEASURES[m]} as ${o.names?.[m] ?? m}`);
  return `select customer_id,
    ${cols.join(',\n    ')}
  from ${o.from}${o.where ? ` where ${o.where}` : ''} group by customer_id${o.buyersOnly ? '\n  having count(*) filter (where not is_return) > 0' : ''}`;
}
