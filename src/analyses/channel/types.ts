/** The types of the channel and payment analysis: options, the options used, the result (keys and numbers). */
import type { GroupKpis } from '../shared/group-kpis.js';
import type { DateInput } from '../shared/validate.js';
import type { ChannelSegment } from './sql.js';

/** Options of `channelPayment` and `channelCustomers`. */
export interface ChannelOptions {
  /** End of observation: orders on or after it are left out. @defaultValue the day after the last order (00:00 UTC) */
  asOf?: DateInput;
  /** Groups with fewer customers are flagged `tooSmall` (the report shows no numbers for them). @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
}

/** The options of a run with every default filled in. */
export interface ChannelOptionsUsed {
  /** As-of moment. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Groups below this many customers are flagged `tooSmall`. */
  minSize: number;
  /** Transactions table. */
  source: string;
}

/** One channel segment with its value and retention. */
export interface ChannelSegmentSummary extends GroupKpis {
  /** Stable key (see `CHANNEL_RULES`). */
  key: ChannelSegment;
}

/** The customers whose main (most revenue) channel or payment method is `name`, with their value and retention. */
export interface NamedGroupSummary extends GroupKpis {
  /** The channel or payment method as it is in the data. */
  name: string;
}

/** What `channelPayment` returns: aggregates only. */
export interface ChannelResult {
  /** Options actually used. */
  options: ChannelOptionsUsed;
  /** The data has a channel column with at least one value. */
  hasChannel: boolean;
  /** The data has a payment method column with at least one value. */
  hasPayment: boolean;
  /** Customers with a purchase before the as-of date; each is in exactly one channel segment. */
  customerCount: number;
  /** Their net revenue. */
  revenue: number;
  /** Every channel segment in report order (`CHANNEL_SEGMENTS`), empty ones included; none without channels. */
  segments: ChannelSegmentSummary[];
  /** Customers per number of channels they bought in (0 = no channel recorded), ordered. */
  channelCounts: Array<{ channels: number; customers: number }>;
  /** Per main channel, most customers first (ties by name); none without channels. */
  channels: NamedGroupSummary[];
  /** Per main payment method, most customers first (ties by name); none without payment methods. */
  payments: NamedGroupSummary[];
  /** Recoverable data quirks. */
  warnings: string[];
}

/** One customer's channel segment and the numbers behind it (the rows `swb export` writes). */
export interface ChannelCustomer {
  /** Customer id as loaded. */
  customerId: string;
  /** Channel segment key. */
  segment: ChannelSegment;
  /** Purchase orders before the as-of date. */
  orders: number;
  /** Net revenue before the as-of date. */
  revenue: number;
  /** Distinct channels of the purchase rows. */
  channels: number;
  /** Channel with the most revenue (null without one). */
  mainChannel: string | null;
  /** Payment method with the most revenue (null without one). */
  paymentMethod: string | null;
  /** Days from the last purchase to the as-of date. */
  daysSinceLastOrder: number;
}
