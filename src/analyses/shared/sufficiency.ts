/**
 * Is the data enough? Each analysis states the minimums its results need and checks them against the
 * transactions before the as-of moment: customers with a purchase, days of history, customers with 3+
 * orders (repeat buyers), orders in the last 30 days. The CLV models need repeat buyers and about a year
 * (Klaviyo, for one, asks ≥ 500 customers with orders and ≥ 180 days before it predicts). A report quotes
 * no finding from a section whose checks fail. `rfm()`, `clusters()` and `clv()` each run {@link dataSufficiency}
 * and carry its answer as `result.sufficiency`, with their `minimums` option; `dataFacts` queries,
 * `checkSufficiency` is pure.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';
import { quoteIdentifier } from '../../sql.js';
import { keyword, wholeNumber } from './validate.js';
import { withCustomerAggregate } from './customer-cache.js';

/** What a check measures. */
export type SufficiencyName = 'customers' | 'historyDays' | 'repeatBuyers' | 'recentOrders';

/** The data's figures a check reads, before the as-of moment. */
export type DataFacts = Record<SufficiencyName, number>;

/** One check: the data's value against the analysis's minimum. */
export interface SufficiencyCheck {
  name: SufficiencyName;
  value: number;
  minimum: number;
}

/** Whether an analysis has enough data, with every check it made. */
export interface Sufficiency {
  /** True when every check meets its minimum. */
  ok: boolean;
  checks: SufficiencyCheck[];
}

/** The analyses with minimums. */
export type SufficiencyAnalysis = 'rfm' | 'clusters' | 'clv' | 'loyalty' | 'journey';

/** Minimums per analysis (a check left out is not made). */
export type Minimums = Partial<Record<SufficiencyName, number>>;

/**
 * Default minimums. RFM: 50 customers with a purchase and 180 days of history (quantile scores and
 * recency need both). Clusters: 100 customers, 180 days. CLV: 500 customers, 365 days, 100 customers with
 * 3+ orders, 1 order in the last 30 days. Loyalty: 50 customers, 180 days, 30 customers with 3+ orders (regularity
 * needs them). Journey: 50 customers.
 */
export const DEFAULT_MINIMUMS: Readonly<Record<SufficiencyAnalysis, Readonly<Minimums>>> = {
  rfm: { customers: 50, historyDays: 180 },
  clusters: { customers: 100, historyDays: 180 },
  clv: { customers: 500, historyDays: 365, repeatBuyers: 100, recentOrders: 1 },
  loyalty: { customers: 50, historyDays: 180, repeatBuyers: 30 },
  journey: { customers: 50 },
};

const ORDER: readonly SufficiencyName[] = ['customers', 'historyDays', 'repeatBuyers', 'recentOrders'];

/**
 * The figures the checks read, from the transactions (`source`, default `transactions`) before `asOf`, returns left out.
 * @example await dataFacts(wb, { asOf }) // { customers: 4338, historyDays: 374, repeatBuyers: 1916, recentOrders: 1071 }
 */
export async function dataFacts(wb: Workbench, options: { asOf: Date; source?: string }): Promise<DataFacts> {
  const source = options.source ?? 'transactions';
  // Customers, history and repeat buyers from the shared per-customer aggregate; recent orders from the rows.
  const [row] = await withCustomerAggregate(wb, { source, asOf: options.asOf }, (c) =>
    wb.query(
      `select count(*) as customers,
            coalesce(date_diff('day', min(first_order), $asOf), 0) as history_days,
            count(*) filter (where frequency >= 3) as repeat_buyers,
            (select count(distinct order_id) from ${quoteIdentifier(source)}
              where not is_return and order_date < $asOf and order_date >= $asOf - interval 30 day) as recent_orders
     from ${c}`,
      { asOf: options.asOf },
    ),
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    customers: n('customers'),
    historyDays: n('history_days'),
    repeatBuyers: n('repeat_buyers'),
    recentOrders: n('recent_orders'),
  };
}

/**
 * Check the data's figures against an analysis's minimums (defaults filled in). Pure.
 * @example checkSufficiency(facts, 'clv') // { ok: false, checks: [{ name: 'customers', value: 5, minimum: 500 }, …] }
 */
export function checkSufficiency(
  facts: DataFacts,
  analysis: SufficiencyAnalysis,
  minimums: Minimums = {},
): Sufficiency {
  const m = { ...DEFAULT_MINIMUMS[analysis], ...minimums };
  const checks = ORDER.flatMap((name) => {
    const minimum = m[name];
    return minimum === undefined ? [] : [{ name, value: facts[name], minimum }];
  });
  return { ok: checks.every((c) => c.value >= c.minimum), checks };
}

/**
 * The `minimums` option of an analysis checked (an object of whole numbers ≥ 0 named after the checks) and
 * merged over its {@link DEFAULT_MINIMUMS}: the minimums actually used.
 * @example resolveMinimums('rfm', { customers: 20 }) // { customers: 20, historyDays: 180 }
 */
export function resolveMinimums(analysis: SufficiencyAnalysis, given: Minimums | undefined): Minimums {
  if (given === undefined) return { ...DEFAULT_MINIMUMS[analysis] };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new WorkbenchError('BAD_OPTION', messages.minimumsNotObject(analysis, given), { minimums: given });
  }
  const out: Minimums = { ...DEFAULT_MINIMUMS[analysis] };
  for (const [name, value] of Object.entries(given)) {
    const key = keyword(`minimum of ${analysis}()`, name, ORDER);
    if (value !== undefined) out[key] = wholeNumber(`minimums.${key}`, value as number, 0);
  }
  return out;
}

/**
 * Is the data enough for an analysis: {@link dataFacts} at `asOf` checked against `minimums` (already
 * resolved by {@link resolveMinimums}, or defaults). One query.
 * @example await dataSufficiency(wb, 'rfm', { asOf }) // { ok: true, checks: [{ name: 'customers', value: 4338, minimum: 50 }, …] }
 */
export async function dataSufficiency(
  wb: Workbench,
  analysis: SufficiencyAnalysis,
  options: { asOf: Date; source?: string; minimums?: Minimums },
): Promise<Sufficiency> {
  const facts = await dataFacts(wb, { asOf: options.asOf, ...(options.source ? { source: options.source } : {}) });
  return checkSufficiency(facts, analysis, options.minimums);
}
