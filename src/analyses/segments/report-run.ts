/**
 * What the built report shows in its segments section, chosen from what any transactions file has:
 * value tiers (top 20% / next 30% / rest), their average order value by country when the data has a
 * country, and the movement between RFM segments over the half year before the as-of date when the data
 * reaches back that far. Kept apart from build.ts so the choice is in one place and testable.
 */
import { messages } from '../../messages.js';
import { TRANSACTION_COLUMNS } from '../shared/source.js';
import { compareSubsegments, type SubsegmentResult } from './subsegments.js';
import { migration } from './migration.js';
import type { RfmResult } from '../rfm/index.js';
import { segmentBy } from './index.js';
import { quoteIdentifier } from '../../sql.js';
import { WorkbenchError } from '../../errors.js';
import { isoDay } from '../../messages/format.js';
import { dateOption, type DateInput } from '../shared/validate.js';
import { segmentMessages } from './messages.js';
import type { Workbench } from '../../workbench.js';
import type { AnalysisRun } from '../../report/sections/method.js';
import { subsegmentMethod, type SegmentsSectionInput } from './section.js';
import { isSegmentationId, SEGMENTATION_IDS, type SegmentationId } from '../segmentations.js';

/** Options of {@link segmentsForReport}. */
export interface SegmentsReportOptions {
  /** As-of moment (the report's). @defaultValue the day after the last order */
  asOf?: Date;
  /** Days between the two migration dates (without `migrationFrom`). @defaultValue 182 */
  migrationDays?: number;
  /**
   * Start of the migration (checked by {@link checkMigrationFrom}: before `asOf`, after the first purchase).
   * @defaultValue `migrationDays` before `asOf`, when the data reaches back that far (else no migration)
   */
  migrationFrom?: Date;
  /**
   * Customer attributes each value tier is split by (text columns of the customers table, or of the
   * transactions such as `country`). @defaultValue country (average order value) when the data has it, and the
   * first three text columns of the customers table with 2 to 12 values
   */
  by?: readonly string[];
  /** The report's RFM result as of `asOf`: the migration reads its segments instead of scoring again. @defaultValue none */
  rfm?: RfmResult;
  /**
   * Which segmentation the migration follows: RFM, or a behavioural segmentation by id (`loyalty`, `timing`, …;
   * each customer's segment written as of both dates). @defaultValue 'rfm'
   */
  migrationOf?: 'rfm' | SegmentationId;
}

const DAY = 86_400_000;

/**
 * Run the segment analyses a report shows on any data.
 * @example const input = await segmentsForReport(wb, { asOf }); segmentsSection(input, { locale });
 */
export async function segmentsForReport(
  wb: Workbench,
  options: SegmentsReportOptions = {},
): Promise<SegmentsSectionInput> {
  const tiers = await segmentBy(
    wb,
    { valueTiers: true },
    { ...(options.asOf ? { asOf: options.asOf } : {}), table: 'segments_value_tiers' },
  );
  const asOf = tiers.options.asOf;
  const subsegments: SubsegmentResult[] = [];
  const hasNps = (await wb.columns('customers')).some(
    (c) => c.name === 'nps' && /INT|DOUBLE|DECIMAL|FLOAT|REAL/.test(c.type),
  );
  if (options.by) {
    const by = await checkByAttributes(wb, options.by);
    const customerColumns = new Set((await wb.columns('customers')).map((c) => c.name));
    // A behavioural segmentation is a grouping of every customer too: its KPIs per segment against the
    // customers' overall figure, before each value tier is split by it.
    for (const id of by.filter((b) => isSegmentationId(b) && !customerColumns.has(b)))
      for (const kpi of ['revenuePerCustomer', 'repeatRate'] as const)
        subsegments.push(await compareSubsegments(wb, { segment: 'all', by: id, kpi, asOf, adjust: 'bonferroni' }));
    for (const column of by) {
      subsegments.push(
        await compareSubsegments(wb, {
          segment: tiers,
          by: column,
          kpi: 'revenuePerCustomer',
          asOf,
          adjust: 'bonferroni',
        }),
      );
      if (hasNps)
        subsegments.push(
          await compareSubsegments(wb, { segment: tiers, by: column, kpi: 'nps', asOf, adjust: 'bonferroni' }),
        );
    }
    return withMigration(wb, { segments: tiers, subsegments }, asOf, options);
  }
  const hasCountry =
    (await wb.columns('transactions')).some((c) => c.name === 'country') ||
    (await wb.columns('customers')).some((c) => c.name === 'country');
  if (hasCountry)
    subsegments.push(await compareSubsegments(wb, { segment: tiers, by: 'country', kpi: 'averageOrderValue', asOf }));
  // With a customers file: each value tier split by each of its first few categorical attributes, one at a
  // time, on revenue per customer, and on NPS when there is an `nps` column. Several comparisons are made,
  // so the intervals are Bonferroni-adjusted for the number of sub-segments in each.
  const attributes = await categoricalAttributes(wb);
  for (const by of attributes) {
    subsegments.push(
      await compareSubsegments(wb, { segment: tiers, by, kpi: 'revenuePerCustomer', asOf, adjust: 'bonferroni' }),
    );
    if (hasNps)
      subsegments.push(await compareSubsegments(wb, { segment: tiers, by, kpi: 'nps', asOf, adjust: 'bonferroni' }));
  }
  return withMigration(wb, { segments: tiers, subsegments }, asOf, options);
}

/** The first purchase in `transactions` (undefined without one). */
async function firstPurchase(wb: Workbench): Promise<Date | undefined> {
  const [row] = await wb.query('select min(order_date) as first from transactions where not is_return');
  const first = row?.['first'];
  return first instanceof Date ? first : undefined;
}

/** A chosen start of the migration as a `Date` (a `Date` or an ISO day); anything else is an error naming the flag. */
export function migrationFromDate(value: unknown): Date {
  try {
    return dateOption('migrationFrom', value);
  } catch {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badMigrationFrom(value), { migrationFrom: value });
  }
}

/**
 * Check a chosen start of the migration: a date (a `Date` or an ISO day), before `asOf` and after the first
 * purchase (else no customer has a segment then). Returns it as a `Date`.
 * @throws WorkbenchError BAD_OPTION naming `migrationFrom` and `--migration-from`
 */
export async function checkMigrationFrom(wb: Workbench, value: DateInput, asOf: Date): Promise<Date> {
  const from = migrationFromDate(value);
  if (from >= asOf)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.migrationFromNotBefore(isoDay(from), isoDay(asOf)), {
      migrationFrom: from,
      asOf,
    });
  const first = await firstPurchase(wb);
  if (first && first >= from)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.migrationFromBeforeData(isoDay(from), isoDay(first)), {
      migrationFrom: from,
      first,
    });
  return from;
}

/** Add the RFM movement from `migrationFrom`, or over the `migrationDays` before `asOf` when the data reaches back that far. */
async function withMigration(
  wb: Workbench,
  input: SegmentsSectionInput,
  asOf: Date,
  options: SegmentsReportOptions,
): Promise<SegmentsSectionInput> {
  const { rfm } = options;
  const of = options.migrationOf ?? 'rfm';
  const what =
    of === 'rfm'
      ? rfm && rfm.options.asOf.getTime() === asOf.getTime()
        ? { toRfm: rfm }
        : {}
      : { segmentation: { column: of } };
  if (options.migrationFrom) {
    input.migration = await migration(wb, {
      from: await checkMigrationFrom(wb, options.migrationFrom, asOf),
      to: asOf,
      ...what,
    });
    return input;
  }
  const from = new Date(asOf.getTime() - (options.migrationDays ?? 182) * DAY);
  const first = await firstPurchase(wb);
  if (first && first < from) input.migration = await migration(wb, { from, to: asOf, ...what });
  return input;
}

/** Transactions columns that are not customer attributes to split by (keys, amounts, per-product text). */
const NOT_ATTRIBUTES = new Set<string>([...TRANSACTION_COLUMNS, 'product_id', 'description']);

/**
 * The attributes the segments section may split by: text columns of the customers table, the behavioural
 * segmentations (`timing`, `loyalty`, …), then text columns of the transactions that describe a customer
 * (`country`…), without repeats.
 */
export async function usableByAttributes(wb: Workbench): Promise<string[]> {
  const text = (cols: Array<{ name: string; type: string }>) =>
    cols.filter((c) => c.type === 'VARCHAR' && !NOT_ATTRIBUTES.has(c.name)).map((c) => c.name);
  return [
    ...new Set([
      ...text(await wb.columns('customers')),
      ...SEGMENTATION_IDS,
      ...text(await wb.columns('transactions')),
    ]),
  ];
}

/**
 * A chosen segmentation for the migration: `rfm` or a behavioural segmentation's id.
 * @throws WorkbenchError BAD_OPTION naming the value and the usable ones
 */
export function migrationOfOption(value: unknown): 'rfm' | SegmentationId {
  if (value === 'rfm' || (typeof value === 'string' && isSegmentationId(value))) return value;
  throw new WorkbenchError('BAD_OPTION', segmentMessages.badMigrationOf(value, ['rfm', ...SEGMENTATION_IDS]), {
    migrationOf: value,
  });
}

/**
 * Check `--by` names against {@link usableByAttributes}.
 * @throws WorkbenchError `UNKNOWN_COLUMN` listing the unknown names and the usable ones.
 */
export async function checkByAttributes(wb: Workbench, by: readonly string[]): Promise<string[]> {
  const names = [...new Set(by.map((b) => b.trim()).filter((b) => b !== ''))];
  if (names.length === 0) throw new WorkbenchError('BAD_OPTION', messages.emptyBy(), {});
  const usable = await usableByAttributes(wb);
  const unknown = names.filter((n) => !usable.includes(n));
  if (unknown.length) {
    const columns = usable.filter((n) => !isSegmentationId(n));
    throw new WorkbenchError('UNKNOWN_COLUMN', messages.unknownByAttribute(unknown, columns, SEGMENTATION_IDS), {
      unknown,
      usable: columns,
      segmentations: SEGMENTATION_IDS,
    });
  }
  return names;
}

/** Text columns of the customers table with 2 to 12 distinct values (the first `MAX_ATTRIBUTES`, in table order). */
async function categoricalAttributes(wb: Workbench): Promise<string[]> {
  const text = (await wb.columns('customers'))
    .filter((c) => c.name !== 'customer_id' && c.type === 'VARCHAR')
    .map((c) => c.name);
  if (text.length === 0) return [];
  // One pass over the table for every column's number of distinct values.
  const [row] = await wb.query(
    `select ${text.map((name, i) => `count(distinct ${quoteIdentifier(name)}) as n${i}`).join(', ')} from customers`,
  );
  return text
    .filter((_, i) => {
      const n = Number(row?.[`n${i}`] ?? 0);
      return n >= 2 && n <= 12;
    })
    .slice(0, MAX_ATTRIBUTES);
}

/** Customer attributes the report compares sub-segments on. */
const MAX_ATTRIBUTES = 3;

/** The options of the report's segment analyses, for the method section. */
export function segmentsRun(input: SegmentsSectionInput): AnalysisRun {
  const options: Record<string, unknown> = {};
  if (input.segments)
    Object.assign(options, {
      asOf: input.segments.options.asOf,
      segments: 'value tiers (top 20%, next 30%, rest)',
      minSize: input.segments.options.minSize,
    });
  // Each comparison words itself in the report's language (variable, KPI, exact method).
  const subs = (input.subsegments ?? []).map(subsegmentMethod);
  if (subs.length > 0) options['subsegments'] = subs;
  if (input.migration)
    options['migration'] = {
      from: input.migration.options.from,
      to: input.migration.options.to,
      segmentation: migrationVariable(input.migration) ?? 'RFM',
    };
  return { name: 'Segments', options };
}

/** One line for the build progress. */
export function segmentsDetail(input: SegmentsSectionInput): string {
  const parts = [`${(input.segments?.customerCount ?? 0).toLocaleString('en')} customers in value tiers`];
  const subs = input.subsegments ?? [];
  if (subs.length === 1)
    parts.push(`${subs[0]!.rows.filter((r) => !r.tooSmall).length} ${subs[0]!.byVariable} sub-segments compared`);
  if (subs.length > 1) {
    const compared = subs.reduce((a, s) => a + s.rows.filter((r) => !r.tooSmall).length, 0);
    parts.push(
      `${compared} sub-segments compared on ${subs.length} variable × KPI pairs (${[...new Set(subs.map((s) => s.byVariable))].join(', ')})`,
    );
  }
  if (input.migration)
    parts.push(`${input.migration.moved.toLocaleString('en')} ${migrationVariable(input.migration) ?? 'RFM'} moves`);
  return parts.join(', ');
}

/** The segmentation a migration followed, when not RFM (the column or segmentation id). */
function migrationVariable(m: NonNullable<SegmentsSectionInput['migration']>): string | undefined {
  const s = m.options.segmentation;
  return s !== 'rfm' && 'column' in s ? s.column : undefined;
}
