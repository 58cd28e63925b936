/**
 * MRR movements per month: the bridge from one month-end MRR to the next (new, expansion,
 * contraction, churned, reactivation), customer counts, ARPU and customer / revenue churn rates.
 * Computed in DuckDB ({@link mrrMovementsSql}) in exact DECIMAL; the runner checks that the bridge adds
 * up to the cent in every month and in total, and throws an internal error when it does not.
 *
 * Classes per customer between consecutive month ends (paying.ts: MRR on the month's last day):
 * new (0 → > 0, never paid at an earlier month end), reactivation (0 → > 0, paid before),
 * expansion / contraction (both > 0, up / down), churned (> 0 → 0). With `method: 'dated'` the same
 * classes per customer and day on which the MRR changes (movements-by-sql.ts), between the same month-end MRRs.
 * With `by`, the same bridge per segment (movements-segments.ts). Net revenue churn: net-churn.ts.
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { checkOptionKeys, keyword, minSizeOption, optionKeys, type DateInput } from '../shared/validate.js';
import { resolveChurnBy, type ChurnBy } from './churn-by.js';
import { mrrMovementsBySql, type MrrMethod } from './movements-by-sql.js';
import { segmentMovements, type MrrSegmentsResult, type SegmentRaw } from './movements-segments.js';
import { figures, ISO_MONTH, type MrrMovementFigures, type MrrMovementRow, type Raw } from './movement-figures.js';
import { monthRange, SUBSCRIPTIONS_TABLE } from './source.js';
import { inOneCurrency, type FxRates, type FxUsed } from './fx.js';
import { mrrMovementsSql } from './movements-sql.js';
import { withMonthTables } from './months.js';
import { subscriptionMessages } from './messages.js';

/** Options of {@link mrrMovements}. */
export interface MrrMovementsOptions {
  /** First month reported (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month reported (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /**
   * How movements are counted. `'month-end'`: one class per customer from the MRR at two consecutive month
   * ends, so a change that reverses within a month does not show. `'dated'`: every MRR change on the day it
   * happens, as ChartMogul counts (a change that reverses within the month counts twice, a start refunded
   * within the month counts as new and churned). MRR at the month ends is the same either way.
   * @defaultValue 'month-end'
   */
  method?: MrrMethod;
  /**
   * Also the bridge per segment, month by month: `'plan'` or another subscriptions column (its value at each
   * month start: no hindsight), a column of the customers table, `{ table, column }`, or an attribute of the
   * usage events at each month start (`'device'`, `'platform'`, `'app_version'`, `'app_major'`), as subscriptionChurn
   * takes it. @defaultValue none (no `bySegment`)
   */
  by?: ChurnBy;
  /** With `by`: segments with fewer customers at a month start on average are `tooSmall`, not ranked. @defaultValue 30 */
  minSize?: number;
  /** Customers table (for a `by` column of it). @defaultValue 'customers' */
  customers?: string;
  /**
   * Usage events table, for a `by` of `device`, `platform`, `app_version` or `app_major` (the part before the
   * first dot): each customer's latest value at or before each month start, never their latest overall.
   * @defaultValue 'events'
   */
  events?: string;
  /**
   * Exchange rates into one currency, applied to each period's MRR before any sum (fx.ts). Without them a
   * table in more than one currency is refused (`BAD_OPTION` naming the currencies). @defaultValue none
   */
  fx?: FxRates;
}

/** What {@link mrrMovements} returns. */
export interface MrrMovementsResult {
  /** Options actually used (months as first days); the method and the segments are stated beside them. */
  options: { from: Date; to: Date; source: string };
  /** The method the movements were counted by. Always set by mrrMovements. @defaultValue 'month-end' when absent */
  method?: MrrMethod;
  /** The bridge per segment, month by month (with `by`). */
  bySegment?: MrrSegmentsResult;
  /** One row per month from `from` to `to`, ascending, months without paying customers included. */
  rows: MrrMovementRow[];
  /** The whole range: movements and new / churned / reactivated customers summed; rates monthly, pooled over the months. */
  totals: MrrMovementFigures & { months: number; customerMonths: number };
  /** The one currency of every amount (the report currency with `fx`), or null when the table records none. */
  currency: string | null;
  /** How the amounts were converted into `currency` (with `fx` and other currencies in the data). */
  fx?: FxUsed;
  /** Recoverable data quirks. */
  warnings: string[];
}

const KEYS = optionKeys<MrrMovementsOptions>({
  from: true,
  to: true,
  source: true,
  method: true,
  by: true,
  minSize: true,
  customers: true,
  events: true,
  fx: true,
});

/** The month rows and the total row of one query, checked: a bridge that does not add up is a bug in the SQL. */
function checked(raw: readonly Raw[]): { months: Array<Raw & { month: Date }>; total: Raw } {
  for (const r of raw) {
    // Bridge and continuity are exact DECIMAL identities: a gap is a bug in the SQL, never in the data.
    const gap = Number(r.bridge_gap) !== 0 ? Number(r.bridge_gap) : Number(r.continuity_gap ?? 0);
    if (gap !== 0) throw new Error(subscriptionMessages.bridgeBroken(ISO_MONTH(r.month), gap));
  }
  const total = raw.find((r) => r.month === null);
  if (!total) throw new Error('mrrMovements: the total row is missing');
  return { months: raw.filter((r): r is Raw & { month: Date } => r.month !== null), total };
}

/**
 * MRR movements per month and over the range, with the bridge that adds up exactly; by either method, and
 * per segment with `by`.
 * @example const { rows, totals } = await mrrMovements(wb, { from: '2023-01-01' });
 * @example const { bySegment } = await mrrMovements(wb, { by: 'plan', method: 'dated' });
 */
export async function mrrMovements(wb: Workbench, options: MrrMovementsOptions = {}): Promise<MrrMovementsResult> {
  checkOptionKeys('mrrMovements', options, KEYS);
  const method = keyword('method', options.method ?? 'month-end', ['month-end', 'dated']);
  const minSize = minSizeOption(options.minSize, 0);
  const given = options.source ?? SUBSCRIPTIONS_TABLE;
  const { table: source, bounds, currency, fx } = await inOneCurrency(wb, given, options.fx, 'mrrMovements');
  const { from, to } = monthRange(bounds, options.from, options.to);
  const by =
    options.by === undefined
      ? null
      : await resolveChurnBy(
          wb,
          options.by,
          given,
          bounds.columns,
          options.customers ?? 'customers',
          'mrrMovements',
          options.events ?? 'events',
        );
  const column = by?.kind === 'subscriptions' ? by.column : undefined;
  const [raw, segmentRaw] = await withMonthTables(
    wb,
    { source, columns: bounds.columns, column },
    async (t) =>
      [
        await wb.query<Raw>(
          method === 'month-end'
            ? mrrMovementsSql(source, t)
            : mrrMovementsBySql({ source, method, by: null, tables: t }),
          { from, to },
        ),
        by ? await wb.query<SegmentRaw>(mrrMovementsBySql({ source, method, by, tables: t }), { from, to }) : [],
      ] as const,
  );
  const { months, total } = checked(raw);
  const rows = months.map((r) => ({ month: r.month, ...figures(r, Number(r.customers_start), Number(r.mrr_start)) }));
  const warnings: string[] = [];
  if (rows.every((r) => r.customersEnd === 0 && r.customersStart === 0))
    warnings.push(subscriptionMessages.warnNoPaying(given));
  const monthsAtRisk = rows.filter((r) => r.customersStart > 0).length;
  const bySegment = by ? segmentMovements(segmentRaw, { by, minSize, monthsAtRisk }) : undefined;
  if (bySegment?.segments.some((s) => s.segment === null))
    warnings.push(subscriptionMessages.warnNoSegmentMonths(by?.column ?? ''));
  return tagResult(
    {
      options: { from, to, source: given },
      method,
      ...(bySegment ? { bySegment } : {}),
      rows,
      totals: {
        ...figures(total, Number(total.customer_months), Number(total.mrr_at_risk)),
        months: rows.length,
        customerMonths: Number(total.customer_months),
      },
      currency,
      ...(fx ? { fx } : {}),
      warnings,
    },
    'MrrMovementsResult',
  );
}

export type { MrrMethod } from './movements-by-sql.js';
export type { MrrSegmentsResult, MrrSegmentMovements, MrrSegmentMonth } from './movements-segments.js';
export type { MrrMovementFigures, MrrMovementRow } from './movement-figures.js';
