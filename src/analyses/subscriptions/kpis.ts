/**
 * The standard SaaS KPIs per month, for all customers and per segment: MRR, ARR, paying customers, ARPA,
 * net and gross revenue retention over `retentionMonths` (12), the quick ratio, monthly customer churn and
 * trial → paid conversion with their 95% Wilson intervals, and LTV = ARPA × margin ÷ churn with its interval.
 * MRR, customers, ARPA and the quick ratio come from the MRR bridge (mrrMovements, so they agree with it to
 * the cent and use its counting method); retention, churn and trials from kpis-sql.ts. Segments WITHOUT
 * HINDSIGHT: the bridge's segment of the month (the value at its start), retention's and churn's segment at
 * the start of their window, a trial's at the trial's start.
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { wilson } from '../../stats/proportion.js';
import { checkOptionKeys, numberInRange, optionKeys, wholeNumber } from '../shared/validate.js';
import { retentionSql, trialsSql } from './kpis-sql.js';
import { mrrMovements, type MrrMovementRow, type MrrMovementsResult } from './movements.js';
import { withMonthTables } from './months.js';
import { columnsOf } from './source.js';
import { subscriptionMessages } from './messages.js';
import type {
  SubscriptionKpiMonth,
  SubscriptionKpiOptions,
  SubscriptionKpiResult,
  SubscriptionKpiSegment,
} from './kpi-types.js';

export type { SubscriptionKpiMonth, SubscriptionKpiOptions, SubscriptionKpiResult, SubscriptionKpiSegment };

type RetentionRaw = {
  segment: string | null;
  is_total: boolean;
  month: Date;
  customers: number;
  lost: number;
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
  margin: true,
  poolMonths: true,
  method: true,
  minSize: true,
  source: true,
  customers: true,
  fx: true,
});

const key = (segment: string | null, month: Date): string =>
  `${segment ?? '\u0000'}|${month.toISOString().slice(0, 7)}`;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The month's churn row and the rows of the months before it that its LTV pools. */
type ChurnWindow = {
  month: RetentionRaw | undefined;
  pooled: { lost: number; customers: number; converted: number; decided: number };
};

/** The KPIs of one month of the bridge, with the retention, churn and trial rows of that month (when any). */
function kpiMonth(
  r: MrrMovementRow,
  ret: RetentionRaw | undefined,
  churn: ChurnWindow,
  trial: TrialRaw | undefined,
  margin: number,
): SubscriptionKpiMonth {
  const base = Number(ret?.base ?? 0);
  const trials = Number(trial?.trials ?? 0);
  const pending = Number(trial?.pending ?? 0);
  const decided = trials - pending;
  const atStart = Number(churn.month?.customers ?? 0);
  const pooled = wilson(churn.pooled.lost, churn.pooled.customers);
  const ltvAt = (rate: number): number | null =>
    r.arpu !== null && Number.isFinite(rate) && rate > 0 ? (r.arpu * margin) / rate : null;
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
    customerChurn: atStart > 0 ? wilson(Number(churn.month?.lost ?? 0), atStart) : null,
    ltv: { value: ltvAt(pooled.rate), low: ltvAt(pooled.high), high: ltvAt(pooled.low) },
    trials,
    trialConversion: decided > 0 ? wilson(Number(trial?.converted ?? 0), decided) : null,
    trialConversionPooled: churn.pooled.decided > 0 ? wilson(churn.pooled.converted, churn.pooled.decided) : null,
    pendingTrials: pending,
  };
}

/** The numeric options, checked, with their defaults. */
function kpiNumbers(o: KpiFromMovementsOptions): Required<KpiFromMovementsOptions> {
  return {
    retentionMonths: wholeNumber('retentionMonths', o.retentionMonths ?? 12, 1, 120),
    conversionDays: wholeNumber('conversionDays', o.conversionDays ?? 30, 1, 3660),
    margin: numberInRange('margin', o.margin ?? 1, { min: 0, max: 1, minOpen: true }),
    poolMonths: wholeNumber('poolMonths', o.poolMonths ?? 12, 1, 120),
  };
}

/** One series of months (all customers or one segment) as KPI rows, the LTV's churn and a trial conversion pooled over `poolMonths`. */
function series(
  rows: readonly MrrMovementRow[],
  segment: string | null,
  maps: { ret: Map<string, RetentionRaw>; churn: Map<string, RetentionRaw>; trial: Map<string, TrialRaw> },
  o: Required<KpiFromMovementsOptions>,
): SubscriptionKpiMonth[] {
  return rows.map((r, i) => {
    const pooled = { lost: 0, customers: 0, converted: 0, decided: 0 };
    for (const p of rows.slice(Math.max(0, i - o.poolMonths + 1), i + 1)) {
      const c = maps.churn.get(key(segment, p.month));
      const t = maps.trial.get(key(segment, p.month));
      pooled.lost += Number(c?.lost ?? 0);
      pooled.customers += Number(c?.customers ?? 0);
      pooled.converted += Number(t?.converted ?? 0);
      pooled.decided += Number(t?.trials ?? 0) - Number(t?.pending ?? 0);
    }
    const k = key(segment, r.month);
    return kpiMonth(r, maps.ret.get(k), { month: maps.churn.get(k), pooled }, maps.trial.get(k), o.margin);
  });
}

/** Options of {@link kpisFromMovements}: those of {@link SubscriptionKpiOptions} the bridge has not settled. */
export type KpiFromMovementsOptions = Pick<
  SubscriptionKpiOptions,
  'retentionMonths' | 'conversionDays' | 'margin' | 'poolMonths'
>;

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
  const numbers = kpiNumbers(options);
  const { retentionMonths, conversionDays, margin, poolMonths } = numbers;
  const by = m.bySegment?.by ?? null;
  const { from, to } = m.options;
  // the converted copy the bridge was computed on, so NRR and GRR sum the same converted MRR
  const source = m.fx?.table ?? m.options.source;
  const columns = await columnsOf(wb, source);
  const column = by?.kind === 'subscriptions' ? by.column : undefined;
  const [retention, churn, trials] = await withMonthTables(
    wb,
    { source, columns, column },
    async (tables) =>
      [
        await wb.query<RetentionRaw>(retentionSql({ source, by, tables }), { from, to, n: retentionMonths }),
        await wb.query<RetentionRaw>(retentionSql({ source, by, tables }), { from, to, n: 1 }),
        await wb.query<TrialRaw>(trialsSql({ source, by }), { from, to, days: conversionDays }),
      ] as const,
  );
  const index = <T extends { segment: string | null; is_total: boolean; month: Date }>(
    rows: readonly T[],
    total: boolean,
  ) =>
    new Map(rows.filter((r) => r.is_total === total).map((r) => [key(total ? null : r.segment, new Date(r.month)), r]));
  const all = { ret: index(retention, true), churn: index(churn, true), trial: index(trials, true) };
  const seg = { ret: index(retention, false), churn: index(churn, false), trial: index(trials, false) };
  const rows = series(m.rows, null, all, numbers);
  const segments = m.bySegment?.segments.map((s) => ({
    segment: s.segment,
    rows: series(s.rows, s.segment, seg, numbers),
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
        margin,
        poolMonths,
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
 * MRR, ARR, customers, ARPA, 12-month NRR and GRR, quick ratio, customer churn, trial → paid conversion and
 * LTV per month, and per segment with `by`.
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
