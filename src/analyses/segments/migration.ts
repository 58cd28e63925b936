/**
 * Segment migration: the same segmentation — RFM by default, or any {@link segmentBy} spec such as value
 * tiers — at two as-of dates (each computed as it was then, with later orders left out) and how customers moved: the transition matrix (counts and row shares), the
 * customers who appeared (first purchase between the dates), those who left, and the biggest flows
 * (`flowText` in src/i18n/analyses.ts says them: "212 Champions became At Risk").
 *
 * Who "left": a customer scored at `from` has purchases before `from`, so RFM scores them at `to` as
 * well — customers who stop buying do not leave, they move (to At Risk, Hibernating, Lost…). `left`
 * therefore counts customers scored at `from` but not at `to` (zero unless the transactions changed
 * between the runs), and `dormant` counts the customers of both dates without a purchase in between.
 * With a segmentBy spec the customers are those of segmentBy at each date: with a customers table, all of
 * its customers at both dates (so nobody appears), otherwise the buyers before each date.
 */
import { WorkbenchError } from '../../errors.js';
import { isoDay } from '../../messages/format.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { rfmSegments, type RfmOptions, type RfmResult, type RfmSegmentsRun } from '../rfm/index.js';
import { withCustomerAggregate, withStableSources } from '../shared/customer-cache.js';
import type { SegmentMap } from '../rfm/segment-map.js';
import { segmentBy, type SegmentSpec } from './index.js';
import { checkOptionKeys, dateOption, optionKeys, outputTable, type DateInput } from '../shared/validate.js';
import { tagResult } from '../../inspect.js';
import { segmentMessages } from './messages.js';
import { isSegmentationId, SEGMENTATIONS } from '../segmentations.js';

/** Options of {@link migration}. */
export interface MigrationOptions extends Pick<RfmOptions, 'bins' | 'scoring' | 'returns' | 'segmentMap' | 'source'> {
  /** First as-of moment (orders before it count). */
  from: DateInput;
  /** Second as-of moment, after `from`. */
  to: DateInput;
  /**
   * What is compared: RFM segments, or any {@link segmentBy} spec (e.g. `{ valueTiers: true }`, or
   * `{ column: 'loyalty' }` for a behavioural segmentation), computed at both dates from the orders before each.
   * @defaultValue 'rfm'
   */
  segmentation?: 'rfm' | SegmentSpec;
  /** Number of biggest flows returned. @defaultValue 5 */
  topFlows?: number;
  /** Table (re)created with `customer_id, segment_from, segment_to` (NULL where absent). @defaultValue 'migration' */
  table?: string;
  /** Allow `table` to name an input table (`transactions`, `customers`) or `source`, replacing it. @defaultValue false */
  replace?: boolean;
  /**
   * With RFM segments: an RFM result as of `to` already computed with the same settings (the report's); its
   * table is read as it is now instead of scoring again. A result with another as-of moment, source, bins,
   * scoring, returns rule or segment map is an error. @defaultValue none (scored here)
   */
  toRfm?: RfmResult;
}

/** One cell of the transition matrix. */
export interface MigrationCell {
  /** Segment key at `from`. */
  from: string;
  /** Segment key at `to`. */
  to: string;
  /** Customers in `from` at the first date and in `to` at the second. */
  count: number;
  /** count / customers of `from` present at both dates (NaN for an empty row). */
  rowShare: number;
}

/** A flow between two different segments. */
export interface MigrationFlow {
  from: string;
  to: string;
  count: number;
  /** Share of the `from` segment that made this move. */
  rowShare: number;
}

/** A segment compared: its key (an RFM segment key, or the segment value of a segmentBy spec). */
export interface MigrationSegment {
  key: string;
  /** The segment map's own display name, when it gives one. */
  label?: string;
}

/** Customers per segment (for appeared/left). */
export interface SegmentCount {
  segment: string;
  count: number;
}

/** What {@link migration} returns. */
export interface MigrationResult {
  /** Table with one row per customer: `customer_id, segment_from, segment_to`. */
  table: string;
  /** Segment keys in map order, with the map's own label where it gives one (words: `migrationSegmentName`). */
  segments: MigrationSegment[];
  /** Every from × to pair in map order (zeros included). */
  matrix: MigrationCell[];
  /** Customers per segment at `from` and at `to`. */
  fromSizes: SegmentCount[];
  toSizes: SegmentCount[];
  /** Customers present at both dates: in the same segment, and in another one. */
  stayed: number;
  moved: number;
  /** New at `to` (first purchase in [from, to)), by their segment at `to`. */
  appeared: { count: number; bySegment: SegmentCount[] };
  /** Scored at `from` but not at `to` (see the module comment), by their segment at `from`. */
  left: { count: number; bySegment: SegmentCount[] };
  /** Present at both dates without a purchase in [from, to). */
  dormant: number;
  /** Biggest moves between different segments, largest first. */
  flows: MigrationFlow[];
  options: {
    from: Date;
    to: Date;
    segmentation: 'rfm' | SegmentSpec;
    bins?: number;
    segmentMap?: SegmentMap;
    topFlows: number;
    table: string;
    source: string;
  };
  warnings: string[];
}

const FROM = '_swb_mig_from';
const TO = '_swb_mig_to';

const MIGRATION_KEYS = optionKeys<MigrationOptions>({
  from: true,
  to: true,
  segmentation: true,
  topFlows: true,
  table: true,
  replace: true,
  toRfm: true,
  bins: true,
  scoring: true,
  returns: true,
  segmentMap: true,
  source: true,
});

/**
 * Compare RFM segments at two dates.
 * @example const m = await migration(wb, { from: new Date('2011-06-01'), to: new Date('2011-12-10') });
 */
export async function migration(wb: Workbench, options: MigrationOptions): Promise<MigrationResult> {
  // One fingerprint of the transactions for the whole call (it changes none): src/analyses/shared/customer-cache.ts.
  return withStableSources(wb, () => compareDates(wb, options));
}

async function compareDates(wb: Workbench, options: MigrationOptions): Promise<MigrationResult> {
  checkOptionKeys('migration', options, MIGRATION_KEYS);
  const from = dateOption('from', options.from);
  const to = dateOption('to', options.to);
  if (from >= to) {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badMigrationDates(from, to), { from, to });
  }
  const topFlows = options.topFlows ?? 5;
  const source = options.source ?? 'transactions';
  const table = outputTable('migration', options.table, 'migration', {
    source,
    ...(options.replace ? { replace: true } : {}),
  });
  const segmentation = options.segmentation ?? 'rfm';
  const runs =
    segmentation === 'rfm'
      ? await rfmAtBothDates(wb, options, source)
      : await specAtBothDates(wb, segmentation, options, source);
  const { a, b } = runs;
  const t = quoteIdentifier(table);
  try {
    await wb.run(`create or replace table ${t} as
      select coalesce(a.customer_id, b.customer_id) as customer_id, a.segment as segment_from, b.segment as segment_to
      from ${FROM} a full outer join ${TO} b on a.customer_id = b.customer_id order by customer_id`);
  } finally {
    await wb.run(`drop table if exists ${FROM}; drop table if exists ${TO}`);
  }
  const pairs = await wb.query<{ f: string | null; t: string | null; n: number }>(
    `select segment_from as f, segment_to as t, count(*)::bigint as n from ${t} group by all`,
  );
  const count = (f: string | null, to_: string | null) => Number(pairs.find((p) => p.f === f && p.t === to_)?.n ?? 0);
  const keys = runs.segments.map((s) => s.key);
  const rowTotal = (f: string) => keys.reduce((acc, k) => acc + count(f, k), 0);
  const matrix: MigrationCell[] = keys.flatMap((f) =>
    keys.map((k) => ({ from: f, to: k, count: count(f, k), rowShare: count(f, k) / rowTotal(f) })),
  );
  const both = matrix.reduce((acc, c) => acc + c.count, 0);
  const stayed = matrix.filter((c) => c.from === c.to).reduce((acc, c) => acc + c.count, 0);
  const bySeg = (side: 'from' | 'to') =>
    keys
      .map((k) => ({ segment: k, count: count(side === 'to' ? null : k, side === 'to' ? k : null) }))
      .filter((x) => x.count > 0);
  const appeared = bySeg('to');
  const left = bySeg('from');
  const flows = matrix
    .filter((c) => c.from !== c.to && c.count > 0)
    .sort(
      (x, y) =>
        y.count - x.count || keys.indexOf(x.from) - keys.indexOf(y.from) || keys.indexOf(x.to) - keys.indexOf(y.to),
    )
    .slice(0, topFlows);
  // Dormant: no purchase in [from, to), i.e. no purchase before `to` or the last one before `from`.
  const [d] = await withCustomerAggregate(
    wb,
    { source, asOf: to, ...(options.returns ? { returns: options.returns } : {}) },
    (agg) =>
      wb.query(
        `select count(*) as n from ${t} m left join ${agg} a on a.customer_id = m.customer_id
     where m.segment_from is not null and m.segment_to is not null and (a.last_order is null or a.last_order < $from)`,
        { from },
      ),
  );
  const warnings = [
    ...new Set([
      ...a.warnings.map((w) => segmentMessages.warnAt(isoDay(from), w)),
      ...b.warnings.map((w) => segmentMessages.warnAt(isoDay(to), w)),
    ]),
  ];
  return tagResult(
    {
      table,
      segments: runs.segments,
      matrix,
      fromSizes: a.sizes,
      toSizes: b.sizes,
      stayed,
      moved: both - stayed,
      appeared: { count: appeared.reduce((acc, x) => acc + x.count, 0), bySegment: appeared },
      left: { count: left.reduce((acc, x) => acc + x.count, 0), bySegment: left },
      dormant: Number(d?.['n'] ?? 0),
      flows,
      options: { from, to, segmentation, ...runs.used, topFlows, table, source },
      warnings,
    },
    'MigrationResult',
  );
}

interface Side {
  sizes: SegmentCount[];
  warnings: string[];
}
interface Runs {
  a: Side;
  b: Side;
  segments: MigrationSegment[];
  used: { bins?: number; segmentMap?: SegmentMap };
}

/** RFM at both dates into FROM and TO (later orders excluded each time). */
async function rfmAtBothDates(wb: Workbench, options: MigrationOptions, source: string): Promise<Runs> {
  const rfmOpts: RfmOptions = { laterOrders: 'exclude', source };
  if (options.bins !== undefined) rfmOpts.bins = options.bins;
  if (options.scoring !== undefined) rfmOpts.scoring = options.scoring;
  if (options.returns !== undefined) rfmOpts.returns = options.returns;
  if (options.segmentMap !== undefined) rfmOpts.segmentMap = options.segmentMap;
  // Only the segments are read at each date: none of RFM's chart figures are computed.
  const a = await rfmSegments(wb, { ...rfmOpts, asOf: options.from, table: FROM });
  const b = options.toRfm
    ? await reuseRfm(wb, options.toRfm, a, dateOption('to', options.to))
    : await rfmSegments(wb, { ...rfmOpts, asOf: options.to, table: TO });
  const map = a.options.segmentMap;
  const side = (r: typeof a): Side => ({
    sizes: r.segments.map((s) => ({ segment: s.key, count: s.customers })),
    warnings: r.warnings,
  });
  return {
    a: side(a),
    b: side(b),
    segments: map.segments.map((s) => (s.label === undefined ? { key: s.key } : { key: s.key, label: s.label })),
    used: { bins: a.options.bins, segmentMap: map },
  };
}

/** `given`'s segments copied into TO, after checking it was scored as of `to` with the settings of `from`'s run. */
async function reuseRfm(wb: Workbench, given: RfmResult, from: RfmSegmentsRun, to: Date): Promise<RfmSegmentsRun> {
  const o = given.options;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const differs = [
    o.asOf.getTime() !== to.getTime() ? 'the as-of moment' : '',
    o.source !== from.options.source ? 'source' : '',
    o.bins !== from.options.bins ? 'bins' : '',
    !same(o.scoring, from.options.scoring) ? 'scoring' : '',
    o.returns !== from.options.returns ? 'returns' : '',
    !same(o.segmentMap, from.options.segmentMap) ? 'segmentMap' : '',
  ].filter(Boolean);
  if (differs.length)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.toRfmMismatch(differs.join(', ')), { differs });
  await wb.run(`create or replace table ${TO} as select customer_id, segment from ${quoteIdentifier(given.table)}`);
  return given;
}

/**
 * A segmentBy spec at both dates into FROM and TO; segments in order of appearance (first date first), a
 * behavioural segmentation's in its own order.
 */
async function specAtBothDates(
  wb: Workbench,
  spec: SegmentSpec,
  options: MigrationOptions,
  source: string,
): Promise<Runs> {
  const a = await segmentBy(wb, spec, { asOf: options.from, source, table: FROM, minSize: 1 });
  const b = await segmentBy(wb, spec, { asOf: options.to, source, table: TO, minSize: 1 });
  const labels = [...new Set([...a.segments.map((s) => s.segment), ...b.segments.map((s) => s.segment)])];
  // a behavioural segmentation's segments in its own order (a segment empty at the first date keeps its place)
  const keys = 'column' in spec && isSegmentationId(spec.column) ? SEGMENTATIONS[spec.column].keys : [];
  const at = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  if (keys.length) labels.sort((x, y) => at(x) - at(y));
  const side = (r: typeof a): Side => ({
    sizes: r.segments.map((s) => ({ segment: s.segment, count: s.size })),
    warnings: r.warnings,
  });
  return { a: side(a), b: side(b), segments: labels.map((key) => ({ key })), used: {} };
}
