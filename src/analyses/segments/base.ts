/**
 * The per-customer frame that attribute segments, sub-segment comparisons and KPIs share: one row per
 * customer with purchase figures before `asOf` (net revenue, orders, first/last purchase, recency) and
 * the attribute columns asked for. Attributes come from the `customers` table, or — for a column only
 * the transactions have, such as `country` — the customer's most frequent value there (ties: the
 * smallest value), so Online Retail can be segmented by country without a customers file.
 *
 * A behavioural segmentation's id (`timing`, `loyalty`, `journey`, `product-mix`, `channel`, `price`; see
 * src/analyses/segmentations.ts) is an attribute too: each customer's segment as of `asOf`, written by the
 * segmentation itself. A customers-file column of the same name wins; the segmentation wins over a transactions
 * column (`channel`: single- or omnichannel rather than the most frequent channel).
 *
 * Universe: with a customers table, its customers (those without purchases get revenue 0, orders 0);
 * without one, everyone with a transaction before `asOf`. Orders on or after `asOf` never count.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { withCustomerAggregate } from '../shared/customer-cache.js';
import { resolveAsOf } from '../shared/as-of.js';
import type { DateInput } from '../shared/validate.js';
import { messages } from '../../messages.js';
import { isTransactionColumn } from '../shared/source.js';
import type { Workbench } from '../../workbench.js';
import { segmentMessages } from './messages.js';
import { isSegmentationId, SEGMENTATIONS, writeSegmentation, type SegmentationId } from '../segmentations.js';

/** Options every segment analysis shares. */
export interface BaseOptions {
  /** Only orders before this moment count; recency is measured to its day. @defaultValue the day after the last order */
  asOf?: DateInput;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Customers table with attributes (used when it exists). @defaultValue 'customers' */
  customers?: string;
}

/** Option names of {@link BaseOptions}. */
export const BASE_KEYS = ['asOf', 'source', 'customers'] as const;

/** Only the {@link BaseOptions} of a larger options object (what a verb passes on to another). */
export function baseOf(o: BaseOptions): BaseOptions {
  const out: BaseOptions = {};
  if (o.asOf !== undefined) out.asOf = o.asOf;
  if (o.source !== undefined) out.source = o.source;
  if (o.customers !== undefined) out.customers = o.customers;
  return out;
}

/** Computed per-customer figures, usable as rule columns and KPIs. */
export const COMPUTED_COLUMNS = {
  /** Net revenue before asOf (returns subtracted). */
  revenue: '_swb_revenue',
  /** Distinct purchase orders before asOf. */
  orders: '_swb_orders',
  /** Days from the last purchase to the as-of day (NULL without purchases). */
  recency_days: '_swb_recency',
} as const;

/** The frame as built. */
export interface CustomerBase {
  /** The (temporary) table name. */
  table: string;
  /** As-of moment used. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Whose customers are counted. */
  universe: 'customers' | 'buyers';
  /** Base-table column per requested user column. */
  columns: Map<string, string>;
  /** Where each requested column came from. */
  columnSources: Record<string, ColumnSource>;
  /** For a behavioural segmentation's column: its keys in report order (the segments' natural order). */
  segmentationKeys: Map<string, string[]>;
  /** Recoverable quirks. */
  warnings: string[];
}

/** Where a column of the frame comes from (see the module comment for the order). */
export type ColumnSource = 'customers' | 'transactions' | 'computed' | 'segmentation';

/**
 * Where the frame takes the column `name` from, given the customers table's and the transactions' column names:
 * a customers column wins, then a computed figure, then a behavioural segmentation, then a transactions attribute
 * (not one of the canonical transaction columns); `undefined` when none has it. Pure.
 * @example columnSource('channel', [], ['channel']) // 'segmentation'
 */
export function columnSource(
  name: string,
  customerColumns: readonly string[],
  transactionColumns: readonly string[],
): ColumnSource | undefined {
  if (customerColumns.includes(name)) return 'customers';
  if (Object.hasOwn(COMPUTED_COLUMNS, name)) return 'computed';
  if (isSegmentationId(name)) return 'segmentation';
  if (transactionColumns.includes(name) && !isTransactionColumn(name)) return 'transactions';
  return undefined;
}

/**
 * (Re)create the temp table `table` with one row per customer: `customer_id`, the computed columns
 * (see {@link COMPUTED_COLUMNS}) and the requested attribute columns. Its rows are in no particular order:
 * every reader orders what it needs (segment tables by customer id, sums in customer order).
 */
export async function customerBase(
  wb: Workbench,
  options: BaseOptions,
  wanted: readonly string[],
  table = '_swb_seg_base',
): Promise<CustomerBase> {
  const source = options.source ?? 'transactions';
  const customersTable = options.customers ?? 'customers';
  const txCols = await wb.columns(source);
  if (txCols.length === 0) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const custCols = (await wb.columns(customersTable)).filter((c) => c.name !== 'customer_id');
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf, segmentMessages.noOrdersLoad(source));
  const universe = custCols.length > 0 || (await wb.hasTable(customersTable)) ? 'customers' : 'buyers';
  const columns = new Map<string, string>();
  const columnSources: CustomerBase['columnSources'] = {};
  const fromCustomers: string[] = [];
  const fromTx: string[] = [];
  const fromSegmentations: SegmentationId[] = [];
  for (const name of new Set(wanted)) {
    const from = columnSource(
      name,
      custCols.map((c) => c.name),
      txCols.map((c) => c.name),
    );
    if (from === 'customers') {
      columns.set(name, `a_${fromCustomers.length}`);
      fromCustomers.push(name);
    } else if (from === 'computed') {
      columns.set(name, COMPUTED_COLUMNS[name as keyof typeof COMPUTED_COLUMNS]);
    } else if (from === 'segmentation') {
      columns.set(name, `g_${fromSegmentations.length}`);
      fromSegmentations.push(name as SegmentationId);
    } else if (from === 'transactions') {
      columns.set(name, `t_${fromTx.length}`);
      fromTx.push(name);
    } else {
      const available = [
        ...custCols.map((c) => c.name),
        ...Object.keys(COMPUTED_COLUMNS),
        ...Object.keys(SEGMENTATIONS),
        ...txCols.map((c) => c.name).filter((n) => !isTransactionColumn(n)),
      ];
      throw new WorkbenchError('UNKNOWN_COLUMN', segmentMessages.noSegmentColumn(name, available), {
        column: name,
        available,
      });
    }
    columnSources[name] = from;
  }
  const src = quoteIdentifier(source);
  // The per-customer aggregate (src/analyses/shared/customer-cache.ts) under the names the frame uses.
  const statsCte = (aggregate: string) =>
    `stats as (select customer_id, monetary as revenue, frequency as orders, last_order from ${aggregate})`;
  const ctes: string[] = [];
  fromTx.forEach((name, i) => {
    const c = quoteIdentifier(name);
    ctes.push(`tx_${i} as (select customer_id, v from (
      select customer_id, ${c} as v, row_number() over (partition by customer_id order by count(*) desc, ${c}) as k
      from ${src} where order_date < $asOf and ${c} is not null group by customer_id, ${c}) where k = 1)`);
  });
  const universeSql =
    universe === 'customers'
      ? `(select customer_id${fromCustomers.map((n, i) => `, ${quoteIdentifier(n)} as a_${i}`).join('')} from ${quoteIdentifier(customersTable)} where customer_id is not null) u`
      : '(select customer_id from stats) u';
  const select = [
    'u.customer_id',
    `coalesce(s.revenue, 0)::double as _swb_revenue`,
    `coalesce(s.orders, 0)::bigint as _swb_orders`,
    `date_diff('day', cast(s.last_order as date), cast($asOf as date)) as _swb_recency`,
    ...fromCustomers.map((_, i) => `u.a_${i}`),
    ...fromTx.map((_, i) => `tx_${i}.v as t_${i}`),
    ...fromSegmentations.map((_, i) => `g_${i}.segment as g_${i}`),
  ];
  const warnings: string[] = [];
  const segmentationKeys = new Map<string, string[]>();
  const segTables = fromSegmentations.map((id) => wb.tempName(`_swb_by_${id.replace(/-/g, '_')}`));
  try {
    for (const [i, id] of fromSegmentations.entries()) {
      const written = await writeSegmentation(wb, id, asOf, segTables[i]!);
      warnings.push(...written.warnings);
      segmentationKeys.set(id, written.keys);
    }
    await withCustomerAggregate(wb, { source, asOf }, async (aggregate) => {
      await wb.run(
        `create or replace temp table ${quoteIdentifier(table)} as
      with ${[statsCte(aggregate), ...ctes].join(',\n')}
      select ${select.join(', ')} from ${universeSql}
      left join stats s on s.customer_id = u.customer_id
      ${fromTx.map((_, i) => `left join tx_${i} on tx_${i}.customer_id = u.customer_id`).join('\n')}
      ${segTables.map((t, i) => `left join ${quoteIdentifier(t)} g_${i} on g_${i}.customer_id = u.customer_id`).join('\n')}`,
        { asOf },
      );
      if (universe === 'customers') {
        const [row] =
          await wb.query(`with ${statsCte(aggregate)} select count(*) as n, sum(revenue) as revenue from stats
        where customer_id not in (select customer_id from ${quoteIdentifier(customersTable)} where customer_id is not null)`);
        const n = Number(row?.['n'] ?? 0);
        if (n > 0) warnings.push(segmentMessages.warnNotInCustomers(n, customersTable));
      }
    });
  } finally {
    for (const t of segTables) await wb.run(`drop table if exists ${quoteIdentifier(t)}`);
  }
  const [count] = await wb.query(`select count(*) as n from ${quoteIdentifier(table)}`);
  if (Number(count?.['n'] ?? 0) === 0)
    throw new WorkbenchError('NO_DATA', segmentMessages.noCustomersToSegment(universe, customersTable, asOf), { asOf });
  return { table, asOf, asOfFromData: fromData, universe, columns, columnSources, segmentationKeys, warnings };
}
