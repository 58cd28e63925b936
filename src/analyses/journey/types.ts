/** The types of the journey analysis: options, the options actually used, and the result (keys and numbers). */
import type { Minimums, Sufficiency } from '../shared/sufficiency.js';
import type { DateInput } from '../shared/validate.js';
import type { EngagementLevel } from './sql.js';
import type { JourneyMap, JourneyStage } from './stages.js';

/** Options of `journey`. */
export interface JourneyOptions {
  /** End of observation: orders and events on or after it are left out. @defaultValue the day after the last order */
  asOf?: DateInput;
  /** Events table (as `loadEvents` makes it), or `false` for orders only. @defaultValue 'events' when loaded, else none */
  events?: string | false;
  /** Event name → stage (names compared trimmed and case-insensitively; see `readJourneyMap`). @defaultValue DEFAULT_JOURNEY_MAP */
  map?: JourneyMap;
  /** Stages with fewer customers are flagged `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Minimums the data must meet (checked into `sufficiency`). @defaultValue { customers: 50 } */
  minimums?: Minimums;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Per-customer table (re)created. @defaultValue 'journey' */
  table?: string;
  /** Allow `table` to name an input table, replacing it. @defaultValue false */
  replace?: boolean;
}

/** The options of a run with every default filled in. */
export interface JourneyOptionsUsed {
  asOf: Date;
  asOfFromData: boolean;
  /** Events table read, or null (orders only). */
  events: string | null;
  /** Whether a map was given (else the default). */
  mapGiven: boolean;
  /** Event names in the map. */
  mapSize: number;
  minSize: number;
  minimums: Minimums;
  source: string;
  table: string;
}

/** Customers whose furthest stage is this one, by engagement level. */
export interface JourneyStageSummary {
  key: JourneyStage;
  customers: number;
  /** customers / all customers (NaN without customers). */
  share: number;
  /** Of them, per engagement level. */
  engagement: Record<EngagementLevel, number>;
  /** Fewer customers than `minSize` (empty stages too). */
  tooSmall: boolean;
}

/** Customers who reached a stage (or a later one), and the conversion from the stage before. */
export interface JourneyFunnelStep {
  key: JourneyStage;
  reached: number;
  /** reached / reached of the stage before (NaN for the first stage or when none reached the one before). */
  conversion: number;
}

/** Customers per engagement level. */
export interface EngagementSummary {
  key: EngagementLevel;
  customers: number;
  share: number;
  /** Of them, active in 2 or more channels (event platforms, orders) in the engagement window. */
  multichannel: number;
}

/** What `journey` returns: aggregates only; per-customer rows are in `table`. */
export interface JourneyResult {
  /** Table with one row per customer: `customer_id, orders, events, mapped_events, r_aware … r_advocate, stage, active_days, channels, engagement`. */
  table: string;
  options: JourneyOptionsUsed;
  /** True without events, or when no event name is in the map: stages come from the orders alone. */
  ordersOnly: boolean;
  /** Customers with an order or a mapped event before the as-of date; each has one stage. */
  customerCount: number;
  /** Event rows of these customers before the as-of date, those whose name is in the map, and the 5 most frequent names. */
  events: { rows: number; mapped: number; topNames: Array<{ name: string; rows: number }> };
  /** Customers per furthest stage, funnel order. */
  stages: JourneyStageSummary[];
  /** The funnel at the as-of date. */
  funnel: JourneyFunnelStep[];
  /** Customers per engagement level. */
  engagement: EngagementSummary[];
  /** Customers who had reached each stage at each monthly point (`JOURNEY_RULES.periods`), oldest first. */
  overTime: Array<{ at: Date; reached: Record<JourneyStage, number> }>;
  sufficiency: Sufficiency;
  warnings: string[];
}
