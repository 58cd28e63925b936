/**
 * The standard SaaS KPIs per month, for all customers and per segment: MRR, ARR, paying customers, ARPA,
 * net and gross revenue retention over `retentionMonths` (12), the quick ratio and trial → paid conversion
 * with its 95% Wilson interval. MRR, customers, ARPA and the quick ratio come from the MRR bridge
 * (mrrMovements, so they agree with it to the cent and use its counting method); retention and trials
 * from kpis-sql.ts. Segments WITHOUT HINDSIGHT: the bridge's segment of the month (the value at its
 * start), retention's segment at the start of its window, a trial's at the trial's start.
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { wilson, type Proportion } from '../../stats/proportion.js';
import { checkOptionKeys, optionKeys, wholeNumber, type DateInput } from '../shared/validate.js';
import type { ChurnBy, ResolvedChurnBy } from './churn-by.js';
import { retentionSql, trialsSql } from './kpis-sql.js';
import { mrrMovements, type MrrMethod, type MrrMovementRow, type MrrMovementsResult } from './movements.js';
import { withMonthTables } from './months.js';
import { columnsOf } from './source.js';
import type { FxRates } from './fx.js';
import { subscriptionMessages } from './messages.js';

/** Options of {@link subscriptionKpis}. */
export interface SubscriptionKpiOptions {
  /** First month (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last month (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Also per segment, as mrrMovements takes `by`. @defaultValue none */
  by?: ChurnBy;
  /** Months over which revenue retention is measured (NRR, GRR). @defaultValue 12 */
  retentionMonths?: number;
  /** Days after a trial's start within which a first payment counts as converted. @defaultValue 30 */
  conversionDays?: number;
  /** Counting method of the bridge behind MRR and the quick ratio. @defaultValue 'month-end' */
  method?: MrrMethod;
  /** Segments with fewer customers at a month start on average are `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /** Customers table (for a `by` column of it). @defaultValue 'customers' */
  customers?: string;
  /** Exchange rates into one currency, applied before any sum (as mrrMovements takes them). @defaultValue none */
  fx?: FxRates;
}

/** The KPIs of one month. */
export interface SubscriptionKpiMonth {
  /** First day of the month (UTC). */
  month: Date;
  /** MRR at the month's end. */
  mrr: number;
  /** ARR = 12 × MRR. */
  arr: number;
  /** Paying customers at the month's end. */
  customers: number;
  /** ARPA = MRR ÷ paying customers (an account is a customer); null when no one pays. */
  arpa: number | null;
  /** MRR at the end of the month `retentionMonths` earlier, of the customers paying then (the retention base); 0 without one. */
  retentionBase: number;
  /** Net revenue retention: what the base's customers pay now ÷ the base (expansion counts, new customers do not); null without a base. */
  nrr: number | null;
  /** Gross revenue retention: Σ min(now, then) over the base's customers ÷ the base (only losses count); null without a base. */
  grr: number | null;
  /** (new + expansion + reactivation) ÷ (churned + contraction) of the month; null when nothing was lost. */
  quickRatio: number | null;
  /** Trials started in the month. */
  trials: number;
  /** Of those, converted ÷ those whose window is over (`pending` left out), with its 95% Wilson interval; null when none is. */
  trialConversion: Proportion | null;
  /** Trials of the month whose conversion window runs past the data's last date. */
  pendingTrials: number;
}

/** The KPIs of one segment. */
export interface SubscriptionKpiSegment {
  /** Segment value; null for the customers without one. */
  segment: string | null;
  /** One row per month of the range. */
  rows: SubscriptionKpiMonth[];
  /** Fewer than `minSize` customers at a month start on average (the bridge's rule). */
  tooSmall: boolean;
}

/** What {@link subscriptionKpis} returns. */
export interface SubscriptionKpiResult {
  /** Options actually used. */
  options: {
    from: Date;
    to: Date;
    by: ResolvedChurnBy | null;
    retentionMonths: number;
    conversionDays: number;
    method: MrrMethod;
    minSize: number | null;
    source: string;
  };
  /** All customers, one row per month. */
  rows: SubscriptionKpiMonth[];
  /** Per segment (with `by`). */
  segments?: SubscriptionKpiSegment[];
  /** The one currency of every amount (the report currency with `fx`), or null when the table records none. */
  currency: string | null;
  /** Recoverable data quirks (the bridge's). */
  warnings: string[];
}

type RetentionRaw = {
  segment: string | null;
  is_total: boolean;
  month: Date;
  customers: number;
  base: number;
  kept: number;
  kept_gross: number;
};
type TrialRaw = {
  segment: string | null;
  is_total: boolean;
  month: Date;
  trials: number;
  converted: number;
  pending: number;
};

const KEYS = optionKeys<SubscriptionKpiOptions>({
  from: true,
  to: true,
  by: true,
  retentionMonths: true,
  conversionDays: true,
  method: true,
  minSize: true,
  source: true,
  customers: true,
  fx: true,
});

const key = (segment: string | null, month: Date): string =>
  `${segment ?? '\u0000'}|${month.toISOString().slice(0, 7)}`;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The KPIs of one month of the bridge, with the retention and trial rows of that month (when any). */
function kpiMonth(r: MrrMovementRow, ret: RetentionRaw | undefined, trial: TrialRaw | undefined): SubscriptionKpiMonth {
  const base = Number(ret?.base ?? 0);
  const trials = Number(trial?.trials ?? 0);
  const pending = Number(trial?.pending ?? 0);
  const decided = trials - pending;
  return {
    month: r.month,
    mrr: r.mrrEnd,
    arr: 12 * r.mrrEnd,
    customers: r.customersEnd,
    arpa: r.arpu,
    retentionBase: base,
    nrr: ratio(Number(ret?.kept ?? 0), base),
    grr: ratio(Number(ret?.kept_gross ?? 0), base),
    quickRatio: ratio(r.new + r.expansion + r.reactivation, r.churned + r.contraction),
    trials,
    trialConversion: decided > 0 ? wilson(Number(trial?.converted ?? 0), decided) : null,
    pendingTrials: pending,
  };
}

/** The two numeric options, checked, with their defaults. */
function kpiNumbers(o: KpiFromMovementsOptions): { retentionMonths: number; conversionDays: number } {
  return {
    retentionMonths: wholeNumber('retentionMonths', o.retentionMonths ?? 12, 1, 120),
    conversionDays: wholeNumber('conversionDays', o.conversionDays ?? 30, 1, 3660),
  };
}

/** Options of {@link kpisFromMovements}: those of {@link SubscriptionKpiOptions} the bridge has not settled. */
export type KpiFromMovementsOptions = Pick<SubscriptionKpiOptions, 'retentionMonths' | 'conversionDays'>;

/**
 * The KPIs on top of an MRR bridge already computed (its range, method, segments and source), so a run that
 * has the bridge does not compute it twice.
 * @example const kpis = await kpisFromMovements(wb, await mrrMovements(wb, { by: 'plan' }));
 */
export async function kpisFromMovements(
  wb: Workbench,
  m: MrrMovementsResult,
  options: KpiFromMovementsOptions = {},
): Promise<SubscriptionKpiResult> {
  const { retentionMonths, conversionDays } = kpiNumbers(options);
  const by = m.bySegment?.by ?? null;
  const { from, to } = m.options;
  // the converted copy the bridge was computed on, so NRR and GRR sum the same converted MRR
  const source = m.fx?.table ?? m.options.source;
  const columns = await columnsOf(wb, source);
  const column = by?.kind === 'subscriptions' ? by.column : undefined;
  const [retention, trials] = await withMonthTables(
    wb,
    { source, columns, column },
    async (tables) =>
      [
        await wb.query<RetentionRaw>(retentionSql({ source, by, tables }), { from, to, n: retentionMonths }),
        await wb.query<TrialRaw>(trialsSql({ source, by }), { from, to, days: conversionDays }),
      ] as const,
  );
  const index = <T extends { segment: string | null; is_total: boolean; month: Date }>(
    rows: readonly T[],
    total: boolean,
  ) =>
    new Map(rows.filter((r) => r.is_total === total).map((r) => [key(total ? null : r.segment, new Date(r.month)), r]));
  const [retAll, retSeg, trialAll, trialSeg] = [
    index(retention, true),
    index(retention, false),
    index(trials, true),
    index(trials, false),
  ];
  const rows = m.rows.map((r) => kpiMonth(r, retAll.get(key(null, r.month)), trialAll.get(key(null, r.month))));
  const segments = m.bySegment?.segments.map((s) => ({
    segment: s.segment,
    rows: s.rows.map((r) => kpiMonth(r, retSeg.get(key(s.segment, r.month)), trialSeg.get(key(s.segment, r.month)))),
    tooSmall: s.tooSmall,
  }));
  const warnings = [...m.warnings];
  const known = new Set((m.bySegment?.segments ?? []).map((x) => x.segment));
  const lost = trials.filter((t) => !t.is_total && !known.has(t.segment));
  if (segments && lost.length > 0) {
    warnings.push(
      subscriptionMessages.warnTrialSegments(
        lost.reduce((n, t) => n + Number(t.trials), 0),
        [...new Set(lost.map((t) => t.segment ?? '(none)'))],
      ),
    );
  }
  return tagResult(
    {
      options: {
        from,
        to,
        by,
        retentionMonths,
        conversionDays,
        method: m.method ?? 'month-end',
        minSize: m.bySegment?.minSize ?? null,
        source: m.options.source,
      },
      rows,
      ...(segments ? { segments } : {}),
      currency: m.currency,
      warnings,
    },
    'SubscriptionKpiResult',
  );
}

/**
 * MRR, ARR, customers, ARPA, 12-month NRR and GRR, quick ratio and trial → paid conversion per month, and per segment with `by`.
 * @example const { rows } = await subscriptionKpis(wb); rows.at(-1)?.nrr
 * @example const { segments } = await subscriptionKpis(wb, { by: 'plan', retentionMonths: 12 });
 */
export async function subscriptionKpis(
  wb: Workbench,
  options: SubscriptionKpiOptions = {},
): Promise<SubscriptionKpiResult> {
  checkOptionKeys('subscriptionKpis', options, KEYS);
  kpiNumbers(options); // before the bridge, so a bad option fails fast
  const m = await mrrMovements(wb, {
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.minSize !== undefined ? { minSize: options.minSize } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.method ? { method: options.method } : {}),
    ...(options.by !== undefined ? { by: options.by } : {}),
    ...(options.customers ? { customers: options.customers } : {}),
    ...(options.fx ? { fx: options.fx } : {}),
  });
  return kpisFromMovements(wb, m, options);
}
