/**
 * Customer (logo) churn and revenue churn side by side per segment, over a range of months, with the
 * finding when they rank the segments differently: the segment that loses the most customers is not
 * always the one that loses the most revenue. Every figure counts the customers paying at a month
 * start (paying.ts) and what they pay at its end; rates are monthly.
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { wilson } from '../../stats/proportion.js';
import { checkOptionKeys, numberInRange, optionKeys, minSizeOption } from '../shared/validate.js';
import { resolveChurnBy } from './churn-by.js';
import { netRevenueChurn } from './net-churn.js';
import { subscriptionChurnSql } from './churn-sql.js';
import { withMonthTables } from './months.js';
import type {
  SubscriptionChurnFigures,
  SubscriptionChurnFinding,
  SubscriptionChurnOptions,
  SubscriptionChurnResult,
  SubscriptionChurnRow,
} from './churn-types.js';
import { monthRange, monthsBetween, SUBSCRIPTIONS_TABLE } from './source.js';
import { inOneCurrency } from './fx.js';

export type {
  SubscriptionChurnOptions,
  SubscriptionChurnResult,
  SubscriptionChurnRow,
  SubscriptionChurnFigures,
  SubscriptionChurnFinding,
} from './churn-types.js';
import { subscriptionMessages } from './messages.js';
export type { ChurnBy, ResolvedChurnBy } from './churn-by.js';

type Raw = {
  segment: string | null;
  is_total: boolean;
  customer_months: number;
  months_at_risk: number;
  customers: number;
  churned_customers: number;
  mrr_at_risk: number;
  churned_mrr: number;
  contraction: number;
  expansion: number;
  reactivation: number;
};

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
/** Simple LTV at a churn rate; null without ARPU or at a churn of 0 (or none). */
const ltvAt = (arpu: number | null, margin: number, churn: number): number | null =>
  arpu !== null && churn > 0 ? (arpu * margin) / churn : null;

function figuresOf(r: Raw, months: number, margin: number): SubscriptionChurnFigures {
  const customerMonths = Number(r.customer_months);
  const churnedCustomers = Number(r.churned_customers);
  const [mrrAtRisk, churnedMrr, contraction, expansion, reactivation] = [
    r.mrr_at_risk,
    r.churned_mrr,
    r.contraction,
    r.expansion,
    r.reactivation,
  ].map(Number) as [number, number, number, number, number];
  const customerChurn = wilson(churnedCustomers, customerMonths);
  const arpu = ratio(mrrAtRisk, customerMonths);
  return {
    customers: Number(r.customers),
    customerMonths,
    averageCustomers: customerMonths / months,
    churnedCustomers,
    customerChurn,
    mrrAtRisk,
    churnedMrr,
    contraction,
    expansion,
    reactivation,
    grossRevenueChurn: ratio(churnedMrr + contraction, mrrAtRisk),
    netRevenueChurn: netRevenueChurn({ churned: churnedMrr, contraction, expansion, reactivation }, mrrAtRisk),
    arpu,
    ltv: arpu !== null && customerChurn.rate > 0 ? (arpu * margin) / customerChurn.rate : null,
    ltvInterval: { low: ltvAt(arpu, margin, customerChurn.high), high: ltvAt(arpu, margin, customerChurn.low) },
  };
}

/** Segments ranked by `rate`, highest first, ties by segment value. */
function rank(rows: readonly SubscriptionChurnRow[], rate: (r: SubscriptionChurnRow) => number): string[] {
  return rows
    .map((r) => ({ segment: r.segment ?? '', rate: rate(r) }))
    .sort((a, b) => b.rate - a.rate || (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
    .map((r) => r.segment);
}

/** The two rankings of the rankable segments (not small, with a value) and the finding they give. */
export function churnRanking(
  rows: readonly SubscriptionChurnRow[],
): Pick<SubscriptionChurnResult, 'ranking' | 'finding'> {
  const ranked = rows.filter((r) => !r.small && r.segment !== null);
  const ranking = {
    byCustomers: rank(ranked, (r) => r.customerChurn.rate),
    byRevenue: rank(ranked, (r) => r.grossRevenueChurn ?? 0),
  };
  const [topByCustomers] = ranking.byCustomers;
  const [topByRevenue] = ranking.byRevenue;
  const finding: SubscriptionChurnFinding | null =
    ranked.length >= 2 && topByCustomers !== undefined && topByRevenue !== undefined
      ? { key: topByCustomers === topByRevenue ? 'same_order' : 'different_order', topByCustomers, topByRevenue }
      : null;
  return { ranking, finding };
}

const KEYS = optionKeys<SubscriptionChurnOptions>({
  by: true,
  from: true,
  to: true,
  margin: true,
  minSize: true,
  source: true,
  customers: true,
  events: true,
  fx: true,
});

/**
 * Customer churn (with 95% Wilson intervals), revenue churn, ARPU and simple LTV per segment.
 * @example const byPlan = await subscriptionChurn(wb, { by: 'plan', margin: 0.8 });
 * @example const byUsage = await subscriptionChurn(wb, { by: { table: 'usage_segments' } });
 * @example const byApp = await subscriptionChurn(wb, { by: 'app_version' }); // the version at each month start
 */
export async function subscriptionChurn(
  wb: Workbench,
  options: SubscriptionChurnOptions,
): Promise<SubscriptionChurnResult> {
  checkOptionKeys('subscriptionChurn', options, KEYS);
  const margin = numberInRange('margin', options.margin ?? 1, { min: 0, max: 1, minOpen: true });
  const minSize = minSizeOption(options.minSize, 0);
  const given = options.source ?? SUBSCRIPTIONS_TABLE;
  const customers = options.customers ?? 'customers';
  const { table: source, bounds, currency, fx } = await inOneCurrency(wb, given, options.fx, 'subscriptionChurn');
  const { from, to } = monthRange(bounds, options.from, options.to);
  const events = options.events ?? 'events';
  const by = await resolveChurnBy(wb, options.by, given, bounds.columns, customers, 'subscriptionChurn', events);
  const months = monthsBetween(from, to) + 1;
  const column = by.kind === 'subscriptions' ? by.column : undefined;
  const raw = await withMonthTables(wb, { source, columns: bounds.columns, column }, (tables) =>
    wb.query<Raw>(subscriptionChurnSql({ source, by, tables }), { from, to }),
  );
  const totalRow = raw.find((r) => r.is_total);
  // Averages over the months in which anyone is at risk: the first month of the data has no one.
  const monthsAtRisk = Math.max(1, Number(totalRow?.months_at_risk ?? 0));
  const rows: SubscriptionChurnRow[] = raw
    .filter((r) => !r.is_total)
    .map((r) => {
      const f = figuresOf(r, monthsAtRisk, margin);
      return { segment: r.segment, ...f, small: f.averageCustomers < minSize };
    });
  const empty: Raw = {
    segment: null,
    is_total: true,
    customer_months: 0,
    months_at_risk: 0,
    customers: 0,
    churned_customers: 0,
    mrr_at_risk: 0,
    churned_mrr: 0,
    contraction: 0,
    expansion: 0,
    reactivation: 0,
  };
  const warnings: string[] = [];
  const missing = rows.find((r) => r.segment === null);
  if (missing) warnings.push(subscriptionMessages.warnNoSegmentValue(missing.customerMonths, by.column));
  if (rows.length === 0) warnings.push(subscriptionMessages.warnNoneAtRisk(given));
  return tagResult(
    {
      options: { by, from, to, months, margin, minSize, source: given, customers },
      monthsAtRisk: Number(totalRow?.months_at_risk ?? 0),
      rows,
      total: figuresOf(totalRow ?? empty, monthsAtRisk, margin),
      ...churnRanking(rows),
      ltvMethod: 'simple' as const,
      currency,
      ...(fx ? { fx } : {}),
      warnings,
    },
    'SubscriptionChurnResult',
  );
}
