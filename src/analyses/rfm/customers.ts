/**
 * Fetch per-customer RFM rows a page at a time. The `rfm` table may hold millions of customers,
 * so rows only reach JS through this bounded, filtered, ordered query.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { checkOptionKeys, optionKeys } from '../shared/validate.js';
import { rfmMessages } from './messages.js';

/** The segment keys of the map each RFM table of a Workbench was made with (the table itself holds only the keys in use). */
const MAP_KEYS = new WeakMap<Workbench, Map<string, readonly string[]>>();

/** Remember the keys of the map `table` was scored with (called by `rfm`). */
export function recordSegmentKeys(wb: Workbench, table: string, keys: readonly string[]): void {
  let tables = MAP_KEYS.get(wb);
  if (!tables) MAP_KEYS.set(wb, (tables = new Map()));
  tables.set(table, keys);
}

/** The keys of the map `table` was scored with in this process; undefined when `rfm` did not make it here. */
export function segmentKeysOf(wb: Workbench, table: string): readonly string[] | undefined {
  return MAP_KEYS.get(wb)?.get(table);
}

/** One row of the RFM table. */
export interface RfmCustomer {
  /** Customer id. */
  customer_id: string;
  /** Whole days from the day of the last purchase to the day of `asOf`. */
  recency_days: number;
  /** Distinct purchase orders (returns not counted). */
  frequency: number;
  /** Net revenue (returns subtracted with `returns: 'net'`). */
  monetary: number;
  /** First purchase. */
  first_order: Date;
  /** Last purchase. */
  last_order: Date;
  /** Whole days from the day of the first purchase to the day of `asOf`. */
  tenure_days: number;
  /** Recency score 1..bins (bins = most recent). */
  r: number;
  /** Frequency score 1..bins. */
  f: number;
  /** Monetary score 1..bins. */
  m: number;
  /** Scores joined, e.g. `"545"` (`"10-3-7"` above 9 bins). */
  rfm_code: string;
  /** Segment key from the map. */
  segment: string;
  /** Loyalty group of the segment. */
  loyalty: string;
}

/** Options of {@link rfmCustomers}. */
export interface RfmCustomersOptions {
  /** RFM table. @defaultValue 'rfm' */
  table?: string;
  /** Only this segment key. @defaultValue all */
  segment?: string;
  /** Only these customers. @defaultValue all */
  customerIds?: readonly string[];
  /** Sort order. @defaultValue 'customer_id' */
  orderBy?: 'customer_id' | 'monetary' | 'recency' | 'frequency';
  /** Maximum rows. @defaultValue 100 */
  limit?: number;
  /** Rows to skip. @defaultValue 0 */
  offset?: number;
}

const ORDER: Record<NonNullable<RfmCustomersOptions['orderBy']>, string> = {
  customer_id: 'customer_id',
  monetary: 'monetary desc, customer_id',
  recency: 'recency_days, customer_id',
  frequency: 'frequency desc, customer_id',
};

/**
 * Fetch per-customer RFM rows (a page at a time; the table may hold millions).
 * @example const top = await rfmCustomers(wb, { orderBy: 'monetary', limit: 10 });
 */
export async function rfmCustomers(wb: Workbench, options: RfmCustomersOptions = {}): Promise<RfmCustomer[]> {
  checkOptionKeys(
    'rfmCustomers',
    options,
    optionKeys<RfmCustomersOptions>({
      table: true,
      segment: true,
      customerIds: true,
      orderBy: true,
      limit: true,
      offset: true,
    }),
  );
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new WorkbenchError('BAD_OPTION', rfmMessages.badPage(limit, offset), { limit, offset });
  }
  const where: string[] = [];
  const params: Record<string, string | number> = { limit, offset };
  if (options.segment !== undefined) {
    // A key the table's map does not have would give no rows without a word: say which keys there are.
    const keys = segmentKeysOf(wb, options.table ?? 'rfm');
    if (keys && !keys.includes(options.segment)) {
      throw new WorkbenchError(
        'BAD_OPTION',
        rfmMessages.unknownSegmentKey(options.segment, keys, options.table ?? 'rfm'),
        { segment: options.segment, keys },
      );
    }
    where.push('segment = $segment');
    params['segment'] = options.segment;
  }
  if (options.customerIds !== undefined) {
    const names = options.customerIds.map((id, i) => {
      params[`c${i}`] = id;
      return `$c${i}`;
    });
    where.push(names.length ? `customer_id in (${names.join(', ')})` : 'false');
  }
  return wb.query<RfmCustomer & Record<string, unknown>>(
    `select * from ${quoteIdentifier(options.table ?? 'rfm')}${where.length ? ` where ${where.join(' and ')}` : ''}
     order by ${ORDER[options.orderBy ?? 'customer_id']} limit $limit offset $offset`,
    params,
  );
}
