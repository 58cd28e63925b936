/** Messages of segmentBy(), rules, KPIs, sub-segments, overlap and migration. */
import { list } from '../../messages/format.js';

/** Message builders for the segment analyses. */
export const segmentMessages = {
  // the base table
  noOrdersLoad: (source: string) =>
    `Table ${source} has no orders to analyse. Load transactions first with loadTransactions().`,
  noSegmentColumn: (name: string, available: readonly string[]) =>
    `There is no column ${JSON.stringify(name)} to segment on. Available: ${list(available)} (customers table columns, computed figures, transaction attributes).`,
  noCustomersToSegment: (universe: string, customersTable: string, asOf: Date) =>
    `No customers to segment: ${universe === 'customers' ? `the ${customersTable} table is empty` : `no transactions before ${asOf.toISOString()}`}.`,

  // segmentBy
  badBinEdges: (edges: readonly number[]) =>
    `bins must be a non-empty list of strictly ascending finite numbers (band edges), got [${edges.join(', ')}].`,
  badValueTiers: (shares: readonly number[]) =>
    `valueTiers must list shares of customers for the top tiers (each > 0, together < 1, the rest forms the last tier), got [${shares.join(', ')}].`,
  binsNeedNumbers: (column: string, type: string) =>
    `bins need a numeric column, but ${JSON.stringify(column)} holds ${type}. Segment it by its values ({ column }) or use rules.`,
  badBandCount: (n: number) => `bins as a number of bands must be a whole number from 2 to 20, got ${n}.`,
  tooFewValuesForBands: (column: string, n: number) =>
    `Column ${column} has too few distinct values to cut into ${n} bands.`,
  badSegmentSpec: () => 'Pass { column }, { column, bins }, { valueTiers } or { rules } to segmentBy.',
  segmentationReplaced: (table: string, variable: string) =>
    `Table ${table} no longer holds the segmentation by ${variable}: a later segmentBy replaced it (or it was dropped). Give each segmentation its own table, e.g. segmentBy(wb, spec, { table: 'seg_${variable.replace(/\W+/g, '_')}' }), and pass that result.`,

  // rules
  badRule: (rule: string, what: string) => `Rule ${JSON.stringify(rule)}: ${what}`,
  ruleNeedsValue: (op: string, column: string, value: unknown) =>
    `op ${op} on ${JSON.stringify(column)} needs one value (a string, finite number, boolean or date), got ${JSON.stringify(value)}.`,
  ruleNeedsList: (op: string, column: string, value: unknown) =>
    `op ${op} on ${JSON.stringify(column)} needs a non-empty list of values, got ${JSON.stringify(value)}.`,
  ruleNeedsRange: (column: string, value: unknown) =>
    `op between on ${JSON.stringify(column)} needs [low, high], got ${JSON.stringify(value)}.`,
  ruleUnknownOp: (op: unknown) =>
    `unknown op ${JSON.stringify(op)} (expected one of eq, neq, in, notIn, between, gt, gte, lt, lte, isNull, notNull).`,
  ruleWhereEmpty: () => 'where is empty; give at least one condition.',
  noRules: () => 'rules is empty. Pass at least one { name, where } rule.',
  ruleWithoutName: (name: unknown) => `Every rule needs a non-empty name, got ${JSON.stringify(name)}.`,
  segmentNameTwice: (name: string) => `Segment name ${JSON.stringify(name)} is used twice; names must be unique.`,
  rulesOverlap: (
    overlaps: ReadonlyArray<{ segments: readonly string[]; customers: number; example: string }>,
    example: string,
    values: string,
  ) =>
    `Segment rules overlap: ${overlaps.map((o) => `${JSON.stringify(o.segments[0])} and ${JSON.stringify(o.segments[1])} share ${o.customers} customer(s) (e.g. the customer of ${o.example})`).join('; ')}. The customer of ${example} has ${values}. Each customer must be in exactly one segment: tighten the rules so they exclude each other.`,
  rulesGap: (gap: number, example: string, values: string) =>
    `${gap} customer(s) match no segment rule, e.g. the customer of ${example}, with ${values}. Each customer must be in exactly one segment: add a rule that covers them, or pass rest: 'Other' to collect them.`,

  // KPIs and goals
  unknownKpi: (spec: unknown) =>
    `Unknown KPI ${JSON.stringify(spec)}. Use revenuePerCustomer, ordersPerCustomer, averageOrderValue, repeatRate, churnRate, nps, { mean: column }, { nps: column } or { churnRate: days }.`,
  npsOutOfRange: (column: string, min: number, max: number, example: string) =>
    `NPS needs 0–10 scores, but ${column} holds values from ${min} to ${max} (e.g. the customer of ${example}). Pass { mean: '${column}' } for its plain mean.`,
  noGoals: () => "goals is empty. Pass e.g. [{ kpi: 'nps', goal: 20 }].",
  badTolerance: (tolerance: number) => `tolerance must be a number ≥ 0, got ${tolerance}.`,
  unknownGoalSegments: (kpi: string, unknown: readonly string[], segments: readonly string[]) =>
    `Goals for ${kpi} name segment(s) that do not exist: ${list(unknown)}. Segments: ${list(segments)}.`,

  // sub-segments, overlap, migration
  tooFewSets: (sets: number) => `overlap needs at least two sets, got ${sets}.`,
  setNameTwice: (name: string) => `Set name ${JSON.stringify(name)} is used twice; names must be unique.`,
  badMigrationFrom: (value: unknown) =>
    `migrationFrom (swb report --migration-from) must be a date like 2011-06-10, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
  badMigrationOf: (value: unknown, usable: readonly string[]) =>
    `migrationOf (swb report --migration-of) must be one of ${usable.join(', ')}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
  migrationFromNotBefore: (from: string, asOf: string) =>
    `migrationFrom (swb report --migration-from) ${from} is not before the as-of date ${asOf}: the migration runs from it to the as-of date. Pass an earlier date.`,
  migrationFromBeforeData: (from: string, first: string) =>
    `migrationFrom (swb report --migration-from) ${from} is before the data: it must come after the first purchase (${first}), or no customer has a segment then. Pass a later date.`,
  badMigrationDates: (from: unknown, to: unknown) =>
    `migration needs two valid dates with from before to, got from ${String(from)} and to ${String(to)}.`,
  toRfmMismatch: (what: string) =>
    `migration's toRfm must be an RFM result as of \`to\` with the migration's own settings; it differs in ${what}. Leave toRfm out to score again.`,

  // warnings
  warnNotInCustomers: (customers: number, customersTable: string) =>
    `${customers} customer(s) with transactions are not in the ${customersTable} table and are left out.`,
  warnMissingValue: (customers: number, variable: string, segment: string) =>
    `${customers} customer(s) have no ${variable} value; they form the segment ${segment}.`,
  warnSmallSegments: (minSize: number, small: ReadonlyArray<{ segment: string; size: number }>) =>
    `${small.length} segment(s) have fewer than ${minSize} customers (too small to act on): ${small.map((s) => `${s.segment} (${s.size})`).join(', ')}.`,
  warnSmallSubsegments: (
    minSize: number,
    by: string,
    small: ReadonlyArray<{ segment: string; subsegment: string; n: number }>,
  ) =>
    `${small.length} sub-segment(s) have fewer than ${minSize} customers with a ${by} value and are not compared: ${small
      .slice(0, 5)
      .map((r) => `${r.segment} / ${r.subsegment} (${r.n})`)
      .join(', ')}${small.length > 5 ? ', …' : ''}.`,
  warnNoGoal: (missing: ReadonlyArray<{ segment: string; label: string }>) =>
    `${missing.length} segment KPI(s) have no goal: ${missing
      .slice(0, 5)
      .map((r) => `${r.segment} ${r.label}`)
      .join(', ')}.`,
  /** A warning of one side of a migration, prefixed with its date. */
  warnAt: (date: string, warning: string) => `at ${date}: ${warning}`,
} as const;
