/**
 * The subscription goals of a goals file, judged: the KPIs per segment of each column the goals name
 * (besides the KPIs already computed), then each goal on the last month (kpi-goals.ts). A column or a
 * segment value the data does not have is the goals file's error: `BAD_OPTION` naming the file and the JSON path.
 */
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';
import type { Workbench } from '../../workbench.js';
import type { FxRates } from './fx.js';
import { subscriptionGoalRows, type SubscriptionGoalRow, type SubscriptionGoals } from './kpi-goals.js';
import type { SubscriptionKpiResult } from './kpi-types.js';
import { kpisFromMovements, subscriptionKpis, type KpiFromMovementsOptions } from './kpis.js';
import { mrrMovements, type MrrMethod } from './movements.js';

/** Options of {@link subscriptionGoals}. */
export interface SubscriptionGoalsOptions extends KpiFromMovementsOptions {
  /** The goals file's name, for messages. @defaultValue 'goals' */
  file?: string;
  /** KPIs already computed (for all customers, and per the segments of their `by`), reused. @defaultValue computed here */
  kpis?: SubscriptionKpiResult;
  /** Counting method of the bridge. @defaultValue 'month-end' */
  method?: MrrMethod;
  /** Exchange rates into one currency. @defaultValue none */
  fx?: FxRates;
  /** First month (any day of it). @defaultValue the data's first month */
  from?: Date | string;
  /** Last month: the goals are judged on it. @defaultValue the data's last month */
  to?: Date | string;
}

/** What {@link subscriptionGoals} returns. */
export interface SubscriptionGoalsResult {
  /** The KPIs for all customers (and per segment of their `by`). */
  kpis: SubscriptionKpiResult;
  /** The KPIs per segment of each other column the goals name, in file order. */
  segmentKpis: SubscriptionKpiResult[];
  /** Each goal judged on the last month, in file order (a `"*"` goal once per segment). */
  rows: SubscriptionGoalRow[];
}

/**
 * Judge a goals file's subscription goals on the data.
 * @example const { rows } = await subscriptionGoals(wb, readGoalsFile('goals.json').subscriptions!, { file: 'goals.json' });
 */
export async function subscriptionGoals(
  wb: Workbench,
  spec: SubscriptionGoals,
  options: SubscriptionGoalsOptions = {},
): Promise<SubscriptionGoalsResult> {
  const file = options.file ?? 'goals';
  const at = (path: string, what: string): WorkbenchError =>
    new WorkbenchError('BAD_OPTION', messages.goalsAt(file, path, what), { file, path });
  const common = {
    method: options.method ?? 'month-end',
    ...(options.fx ? { fx: options.fx } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  const numbers: KpiFromMovementsOptions = {
    ...(options.retentionMonths !== undefined ? { retentionMonths: options.retentionMonths } : {}),
    ...(options.conversionDays !== undefined ? { conversionDays: options.conversionDays } : {}),
    ...(options.margin !== undefined ? { margin: options.margin } : {}),
    ...(options.poolMonths !== undefined ? { poolMonths: options.poolMonths } : {}),
  };
  const kpis = options.kpis ?? (await subscriptionKpis(wb, { ...common, ...numbers }));
  const have = kpis.options.by?.column;
  const segmentKpis: SubscriptionKpiResult[] = [];
  for (const column of spec.columns.filter((c) => c !== have)) {
    try {
      const m = await mrrMovements(wb, {
        ...common,
        method: kpis.options.method,
        from: kpis.options.from,
        to: kpis.options.to,
        by: column,
      });
      segmentKpis.push(await kpisFromMovements(wb, m, { ...numbers, ...pick(kpis) }));
    } catch (e) {
      if (e instanceof WorkbenchError && (e.code === 'UNKNOWN_COLUMN' || e.code === 'BAD_OPTION'))
        throw at(`$.subscriptions.by.${column}`, e.message);
      throw e;
    }
  }
  const byColumn = Object.fromEntries(
    [kpis, ...segmentKpis].flatMap((k) => (k.options.by ? [[k.options.by.column, k] as const] : [])),
  );
  return { kpis, segmentKpis, rows: subscriptionGoalRows(spec, kpis, byColumn, at) };
}

/** The KPI settings of a result, so the KPIs per other column are computed as the given ones were. */
const pick = (k: SubscriptionKpiResult): KpiFromMovementsOptions => ({
  retentionMonths: k.options.retentionMonths,
  conversionDays: k.options.conversionDays,
  margin: k.options.margin,
  poolMonths: k.options.poolMonths,
});
