/**
 * Who moved: the MRR bridge of {@link mrrMovements} customer by customer. Each row is one movement of one
 * customer (new, expansion, contraction, churned, reactivation) with its month, its day (dated method) and its
 * amount, classed by the same SQL as the bridge, so the amounts summed per month and kind are the bridge's
 * (a test checks it for both methods). Customers appear as pseudonyms (privacy/pseudonyms.ts), computed in
 * DuckDB; `exportMrrMovements` writes the same list to a file without passing it through JavaScript.
 */
import { tagResult } from '../../inspect.js';
import { defaultPseudonyms, type Pseudonyms } from '../../privacy/pseudonyms.js';
import type { QueryParam, Workbench } from '../../workbench.js';
import { checkOptionKeys, keyword, optionKeys, type DateInput } from '../shared/validate.js';
import { inOneCurrency, type FxRates, type FxUsed } from './fx.js';
import { mrrMovementListSql } from './movement-list-sql.js';
import type { MrrMethod } from './movements-by-sql.js';
import { withMonthTables } from './months.js';
import { monthRange, SUBSCRIPTIONS_TABLE } from './source.js';

/** The kind of one movement, as the bridge names its columns. */
export type MrrMovementKind = 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation';

/** Options of {@link mrrMovementList}. */
export interface MrrMovementListOptions {
  /** First month (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Counting method, as mrrMovements takes it. @defaultValue 'month-end' */
  method?: MrrMethod;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /** Exchange rates into one currency, as mrrMovements takes them. @defaultValue none */
  fx?: FxRates;
  /** The pseudonymiser of the customer ids. @defaultValue the process's (its key: `SWB_PSEUDONYM_KEY` or the per-user key file) */
  pseudonyms?: Pseudonyms;
}

/** One movement of one customer. */
export interface MrrMovementListRow {
  /** The customer's pseudonym (`K-` and 10 hex digits), never the id. */
  customer: string;
  /** First day of the month (UTC). */
  month: Date;
  /** The day of the change (dated method); null with month ends. */
  day: Date | null;
  /** What happened. */
  kind: MrrMovementKind;
  /** MRR added (new, expansion, reactivation) or removed (contraction, churned); always > 0. */
  amount: number;
  /** MRR before: at the previous month end, or the day before (dated). */
  mrrBefore: number;
  /** MRR after: at this month end, or at the end of the day (dated). */
  mrrAfter: number;
}

/** What {@link mrrMovementList} returns. */
export interface MrrMovementListResult {
  /** Options used (months as first days). */
  options: { from: Date; to: Date; method: MrrMethod; source: string };
  /** Every movement, by month, day, kind and pseudonym. */
  rows: MrrMovementListRow[];
  /** The one currency of every amount, or null when the table records none. */
  currency: string | null;
  /** How the amounts were converted (with `fx`). */
  fx?: FxUsed;
}

const KEYS = optionKeys<MrrMovementListOptions>({
  from: true,
  to: true,
  method: true,
  source: true,
  fx: true,
  pseudonyms: true,
});

/** The list's SQL, its bound values and what it covers: what both the list and its export run. */
export async function movementListQuery(
  wb: Workbench,
  verb: string,
  options: MrrMovementListOptions,
): Promise<{
  run: <T>(fn: (sql: string, params: Record<string, QueryParam>) => Promise<T>) => Promise<T>;
  used: MrrMovementListResult['options'];
  currency: string | null;
  fx?: FxUsed;
}> {
  checkOptionKeys(verb, options, KEYS);
  const method = keyword('method', options.method ?? 'month-end', ['month-end', 'dated']);
  const given = options.source ?? SUBSCRIPTIONS_TABLE;
  const { table: source, bounds, currency, fx } = await inOneCurrency(wb, given, options.fx, verb);
  const { from, to } = monthRange(bounds, options.from, options.to);
  const pseudonyms = options.pseudonyms ?? defaultPseudonyms();
  const { params } = pseudonyms.sql('customer_id');
  return {
    run: (fn) =>
      withMonthTables(wb, { source, columns: bounds.columns }, (tables) =>
        fn(
          mrrMovementListSql({
            source,
            method,
            tables,
            customer: (id) => pseudonyms.sql(id).sql,
          }),
          { from, to, ...params },
        ),
      ),
    used: { from, to, method, source: given },
    currency,
    ...(fx ? { fx } : {}),
  };
}

type Raw = {
  customer: string;
  month: Date;
  day: Date | null;
  kind: MrrMovementKind;
  amount: number;
  mrr_before: number;
  mrr_after: number;
};

/**
 * Every MRR movement of every customer, pseudonymised: the bridge of mrrMovements row by row.
 * @example const { rows } = await mrrMovementList(wb, { method: 'dated', from: '2024-12-01' });
 */
export async function mrrMovementList(
  wb: Workbench,
  options: MrrMovementListOptions = {},
): Promise<MrrMovementListResult> {
  const q = await movementListQuery(wb, 'mrrMovementList', options);
  const raw = await q.run((sql, params) => wb.query<Raw>(sql, params));
  return tagResult(
    {
      options: q.used,
      rows: raw.map((r) => ({
        customer: r.customer,
        month: new Date(r.month),
        day: r.day === null ? null : new Date(r.day),
        kind: r.kind,
        amount: Number(r.amount),
        mrrBefore: Number(r.mrr_before),
        mrrAfter: Number(r.mrr_after),
      })),
      currency: q.currency,
      ...(q.fx ? { fx: q.fx } : {}),
    },
    'MrrMovementListResult',
  );
}
