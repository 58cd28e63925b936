/**
 * Channel and payment: single-channel versus omnichannel customers, and customers per main channel and per
 * main payment method, each group's value (net revenue per customer) and retention (repeat rate, active rate)
 * side by side with 95% intervals (see `shared/group-kpis.ts`). One per-customer table in DuckDB over the whole
 * data ({@link channelCustomersSql}); the result holds the groups, which are few.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { resolveAsOf } from '../shared/as-of.js';
import { withOrderAggregate } from '../shared/customer-cache.js';
import { groupKpis, groupKpisSql, type GroupKpiRow } from '../shared/group-kpis.js';
import { checkTransactionSource } from '../shared/source.js';
import { checkOptionKeys, minSizeOption, optionKeys } from '../shared/validate.js';
import { channelMessages } from './messages.js';
import { CHANNEL_SEGMENTS, channelCountSql, channelCustomersSql, channelRowsSql, type ChannelSegment } from './sql.js';
import type { ChannelCustomer, ChannelOptions, ChannelOptionsUsed, ChannelResult, NamedGroupSummary } from './types.js';

export { CHANNEL_RULES, CHANNEL_SEGMENTS, type ChannelSegment } from './sql.js';
export type {
  ChannelCustomer,
  ChannelOptions,
  ChannelOptionsUsed,
  ChannelResult,
  ChannelSegmentSummary,
  NamedGroupSummary,
} from './types.js';

const KEYS = optionKeys<ChannelOptions>({ asOf: true, minSize: true, source: true });

/** Whether a transactions source has the columns the analysis reads. */
export async function channelColumns(
  wb: Workbench,
  source = 'transactions',
): Promise<{ hasChannel: boolean; hasPayment: boolean; columns: string[] }> {
  const columns = await checkTransactionSource(wb, source);
  return { hasChannel: columns.includes('channel'), hasPayment: columns.includes('payment_method'), columns };
}

/** Run `body` with the per-customer table built; the table is dropped after. */
async function withChannelTable<T>(
  wb: Workbench,
  options: ChannelOptions,
  verb: string,
  body: (table: string, used: ChannelOptionsUsed, has: { hasChannel: boolean; hasPayment: boolean }) => Promise<T>,
): Promise<T> {
  checkOptionKeys(verb, options, KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  const has = await channelColumns(wb, source);
  if (!has.hasChannel && !has.hasPayment)
    throw new WorkbenchError('MISSING_FIELD', channelMessages.needsColumns(source, has.columns), {
      missing: ['channel', 'payment_method'],
    });
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  // a table per call, so concurrent calls on one Workbench cannot read each other's rows
  const table = wb.tempName('_swb_channel');
  try {
    await withOrderAggregate(wb, { source, asOf }, (orders) =>
      wb.run(channelCustomersSql({ source, orders, table, ...has }), { asOf }),
    );
    return await body(table, { asOf, asOfFromData: fromData, minSize, source }, has);
  } finally {
    await wb.run(`drop table if exists ${quoteIdentifier(table)}`);
  }
}

/** Named groups, most customers first (ties by name). */
function named(rows: readonly GroupKpiRow[], total: number, minSize: number): NamedGroupSummary[] {
  return rows
    .filter((r) => r.group !== null)
    .map((r) => ({ name: r.group, ...groupKpis(r, total, minSize) }))
    .sort((a, b) => b.customers - a.customers || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Single-channel versus omnichannel customers (see `CHANNEL_RULES`), and customers per main channel and per
 * main payment method, with their value and retention and 95% intervals. Needs a `channel` or a
 * `payment_method` column (MISSING_FIELD, saying what to load, without either).
 * @example const result = await channelPayment(wb, { asOf: '2023-12-16' });
 */
export async function channelPayment(wb: Workbench, options: ChannelOptions = {}): Promise<ChannelResult> {
  return withChannelTable(wb, options, 'channelPayment', async (table, used, has) => {
    const bySegment = await wb.query<GroupKpiRow>(groupKpisSql(table, 'segment'));
    const byChannel = await wb.query<GroupKpiRow>(groupKpisSql(table, 'main_channel'));
    const byPayment = await wb.query<GroupKpiRow>(groupKpisSql(table, 'payment'));
    const counts = await wb.query<{ channels: number; customers: number }>(channelCountSql(table));
    const total = bySegment.reduce((a, r) => a + Number(r.customers), 0);
    const revenue = bySegment.reduce((a, r) => a + Number(r.revenue), 0);
    const hasChannel = has.hasChannel && counts.some((c) => Number(c.channels) > 0);
    const hasPayment = has.hasPayment && byPayment.some((r) => r.group !== null);
    const empty = Number(counts.find((c) => Number(c.channels) === 0)?.customers ?? 0);
    const warnings: string[] = [];
    if (hasChannel && empty > 0) warnings.push(channelMessages.warnEmptyChannel(empty, total));
    return tagResult(
      {
        options: used,
        hasChannel,
        hasPayment,
        customerCount: total,
        revenue,
        segments: hasChannel
          ? CHANNEL_SEGMENTS.filter((k) => k !== 'no-channel' || empty > 0).map((key: ChannelSegment) => ({
              key,
              ...groupKpis(
                bySegment.find((r) => r.group === key),
                total,
                used.minSize,
              ),
            }))
          : [],
        channelCounts: counts.map((c) => ({ channels: Number(c.channels), customers: Number(c.customers) })),
        channels: hasChannel ? named(byChannel, total, used.minSize) : [],
        payments: hasPayment ? named(byPayment, total, used.minSize) : [],
        warnings,
      },
      'ChannelResult',
    );
  });
}

/**
 * One row per customer with a purchase before the as-of date, ordered by customer id: the channel segment key
 * and the numbers behind it (for `swb export --segmentation channel`).
 * @example const rows = await channelCustomers(wb); // [{ customerId: 'C1', segment: 'omnichannel', orders: 4, … }]
 */
export async function channelCustomers(wb: Workbench, options: ChannelOptions = {}): Promise<ChannelCustomer[]> {
  return withChannelTable(wb, options, 'channelCustomers', async (table) => {
    const rows = await wb.query<{
      customer_id: string;
      segment: ChannelSegment;
      orders: number;
      revenue: number;
      channels: number;
      main_channel: string | null;
      payment: string | null;
      days_since: number;
    }>(channelRowsSql(table));
    return rows.map((r) => ({
      customerId: r.customer_id,
      segment: r.segment,
      orders: Number(r.orders),
      revenue: Number(r.revenue),
      channels: Number(r.channels),
      mainChannel: r.main_channel,
      paymentMethod: r.payment,
      daysSinceLastOrder: Number(r.days_since),
    }));
  });
}
