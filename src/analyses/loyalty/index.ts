/**
 * Loyalty: how attached each customer is, from the regularity of their orders (the coefficient of
 * variation of the gaps between order days, the longest gap and the time since the last order against their
 * own cycle) and from whether they are slipping away (P(alive) when a CLV model was fitted, the RFM segment
 * otherwise). One segment per customer by the rules of `LOYALTY_RULES` (sql.ts); value and retention per
 * segment. All in DuckDB over the whole data; the per-customer rows stay in a table.
 */
import { tagResult } from '../../inspect.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { rfm as runRfm, type RfmResult } from '../rfm/index.js';
import { dataSufficiency, resolveMinimums, type Minimums } from '../shared/sufficiency.js';
import { resolveAsOf } from '../shared/as-of.js';
import { withOrderDayGaps } from '../shared/customer-cache.js';
import { checkOptionKeys, minSizeOption, optionKeys, outputTable } from '../shared/validate.js';
import { loyaltyMessages } from './messages.js';
import {
  LOYALTY_RULES,
  LOYALTY_SEGMENTS,
  loyaltyCustomersSql,
  loyaltySegmentsSql,
  type LoyaltySegment,
} from './sql.js';
import type { LoyaltyOptions, LoyaltyResult, LoyaltySegmentSummary } from './types.js';

export { LOYALTY_RULES, LOYALTY_SEGMENTS, type LoyaltySegment } from './sql.js';
export type { LoyaltyOptions, LoyaltyOptionsUsed, LoyaltyResult, LoyaltySegmentSummary } from './types.js';

const KEYS = optionKeys<LoyaltyOptions>({
  asOf: true,
  rfm: true,
  clv: true,
  minSize: true,
  minimums: true,
  source: true,
  table: true,
  replace: true,
});

type SegmentRow = {
  segment: string;
  customers: number;
  revenue: number;
  orders: number;
  active: number;
  mean_cv: number | null;
  mean_p_alive: number | null;
  median_cycle: number | null;
};

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

function summaries(
  rows: readonly SegmentRow[],
  total: number,
  revenue: number,
  minSize: number,
): LoyaltySegmentSummary[] {
  return LOYALTY_SEGMENTS.map((key: LoyaltySegment) => {
    const r = rows.find((x) => x.segment === key);
    const customers = Number(r?.customers ?? 0);
    const rev = Number(r?.revenue ?? 0);
    return {
      key,
      customers,
      share: ratio(customers, total),
      revenue: rev,
      revenueShare: ratio(rev, revenue),
      revenuePerCustomer: ratio(rev, customers),
      ordersPerCustomer: ratio(Number(r?.orders ?? 0), customers),
      activeShare: ratio(Number(r?.active ?? 0), customers),
      medianCycle: r?.median_cycle ?? NaN,
      meanCv: r?.mean_cv ?? NaN,
      meanPAlive: r?.mean_p_alive ?? NaN,
      tooSmall: customers < minSize,
    };
  });
}

/**
 * Loyal, potential loyal, switcher-like and at-risk customers (see `LOYALTY_RULES`), with value and retention
 * per segment.
 * @example const result = await loyalty(wb, { asOf: '2011-12-10' }); // or { rfm, clv } from earlier runs
 */
export async function loyalty(wb: Workbench, options: LoyaltyOptions = {}): Promise<LoyaltyResult> {
  checkOptionKeys('loyalty', options, KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  const minimums = resolveMinimums('loyalty', options.minimums);
  const table = outputTable('loyalty', options.table, 'loyalty', {
    source,
    ...(options.replace ? { replace: true } : {}),
  });
  const given = options.asOf ?? options.rfm?.options.asOf;
  const { asOf, fromData } = await resolveAsOf(wb, source, given);
  // Without a given RFM result, one at the same as-of date in a table of this call, dropped after use.
  const own = options.rfm ? undefined : wb.tempName('_swb_loyalty_rfm');
  try {
    const r: RfmResult = options.rfm ?? (await runRfm(wb, { source, asOf, laterOrders: 'exclude', table: own }));
    return await segment(wb, options, { source, table, minSize, minimums, asOf, fromData }, r);
  } finally {
    if (own) await wb.run(`drop table if exists ${quoteIdentifier(own)}`);
  }
}

interface Settings {
  source: string;
  table: string;
  minSize: number;
  minimums: Minimums;
  asOf: Date;
  fromData: boolean;
}

async function segment(wb: Workbench, options: LoyaltyOptions, s: Settings, r: RfmResult): Promise<LoyaltyResult> {
  const { source, table, minSize, minimums, asOf, fromData } = s;
  const lapsingSegments = r.options.segmentMap.segments
    .filter((s) => s.loyalty === 'at-risk' || s.loyalty === 'lost')
    .map((s) => s.key);
  const params = Object.fromEntries([['asOf', asOf], ...lapsingSegments.map((k, i) => [`lapse${i}`, k])]);
  await withOrderDayGaps(wb, { source, asOf }, (gaps, orders) =>
    wb.run(
      loyaltyCustomersSql({
        orders,
        gaps,
        table,
        rfm: r.table,
        lapsing: lapsingSegments.length,
        ...(options.clv ? { clv: options.clv.table } : {}),
      }),
      params,
    ),
  );
  const rows = await wb.query<SegmentRow>(loyaltySegmentsSql(table));
  const [totals] = await wb.query<{ customers: number; revenue: number; judged: number }>(
    `select count(*)::bigint as customers, coalesce(sum(revenue), 0)::double as revenue,
       (count(*) filter (where gaps >= ${LOYALTY_RULES.regularGaps}))::bigint as judged from ${quoteIdentifier(table)}`,
  );
  const customerCount = Number(totals?.customers ?? 0);
  const revenue = Number(totals?.revenue ?? 0);
  const warnings: string[] = [];
  if (customerCount === 0) warnings.push(loyaltyMessages.warnNoCustomers());
  const sufficiency = await dataSufficiency(wb, 'loyalty', { asOf, source, minimums });
  return tagResult(
    {
      table,
      options: {
        asOf,
        asOfFromData: fromData,
        signal: options.clv ? 'p-alive' : 'rfm',
        lapsingSegments,
        minSize,
        minimums,
        source,
        table,
      },
      customerCount,
      revenue,
      segments: summaries(rows, customerCount, revenue, minSize),
      regularityJudged: Number(totals?.judged ?? 0),
      sufficiency,
      warnings,
    },
    'LoyaltyResult',
  );
}
