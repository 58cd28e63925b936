/**
 * Overlap between named customer sets, so that overlapping definitions are visible before segments are
 * compared: size of each set, and per pair the customers in both, the Jaccard index (both / either) and
 * each side's share in the other. A set is a rule object (as in {@link segmentBy}) or one segment of a
 * segmentation table (see {@link segmentSets}); membership is computed in SQL with bound values.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { QueryParam, Workbench } from '../../workbench.js';
import { BASE_KEYS, customerBase, type BaseOptions } from './base.js';
import { checkOptionKeys } from '../shared/validate.js';
import { compileRules, conditionsOf, type SegmentRuleObject } from './rules.js';
import type { SegmentByResult } from './index.js';
import { segmentMessages } from './messages.js';

/** One segment of a segmentation table as a named set. */
export interface TableSet {
  /** Name shown in the result. */
  name: string;
  /** Table with `customer_id, segment`. */
  table: string;
  /** The segment value. */
  segment: string;
}

/** A named customer set. */
export type CustomerSet = SegmentRuleObject | TableSet;

/** The segments of a {@link segmentBy} result as named sets (`prefix` + segment name). */
export function segmentSets(result: SegmentByResult, prefix = `${result.variable}: `): TableSet[] {
  return result.segments.map((s) => ({ name: `${prefix}${s.segment}`, table: result.table, segment: s.segment }));
}

/** One pair of sets. */
export interface OverlapPair {
  a: string;
  b: string;
  /** Customers in both. */
  both: number;
  /** Customers in either. */
  either: number;
  /** both / either (NaN when both sets are empty). */
  jaccard: number;
  /** both / size of a, both / size of b. */
  shareOfA: number;
  shareOfB: number;
}

/** What {@link overlap} returns. */
export interface OverlapResult {
  /** Sets in the given order with their sizes. */
  sets: Array<{ name: string; size: number }>;
  /** Every pair (i < j) in the given order. */
  pairs: OverlapPair[];
  /** Customers considered. */
  customerCount: number;
  options: { asOf: Date };
}

const BASE = '_swb_overlap_base';

/**
 * Pairwise overlap counts and Jaccard indices of named customer sets.
 * @example await overlap(wb, [{ name: 'Young', where: { column: 'age_band', op: 'in', value: ['18-24', '25-34'] } }, { name: 'Big city', where: { column: 'city_size', op: 'eq', value: 'large' } }]);
 */
export async function overlap(
  wb: Workbench,
  sets: readonly CustomerSet[],
  options: BaseOptions = {},
): Promise<OverlapResult> {
  checkOptionKeys('overlap', options, BASE_KEYS);
  if (sets.length < 2) throw new WorkbenchError('BAD_OPTION', segmentMessages.tooFewSets(sets.length), {});
  const names = sets.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new WorkbenchError('BAD_OPTION', segmentMessages.setNameTwice(dup), { name: dup });
  const rules = sets.filter((s): s is SegmentRuleObject => 'where' in s);
  const base = await customerBase(
    wb,
    options,
    rules.flatMap((r) => conditionsOf(r).map((c) => c.column)),
    BASE,
  );
  const { exprs, params } = compileRules(rules, base.columns);
  const all: Record<string, QueryParam> = { ...params };
  let r = 0;
  const members = sets.map((s, i) => {
    if ('where' in s) return exprs[r++]!;
    all[`set_${i}`] = s.segment;
    return `b.customer_id in (select customer_id from ${quoteIdentifier(s.table)} where segment = $set_${i})`;
  });
  const aggs = ['count(*)::bigint as n', ...members.map((_, i) => `count(*) filter (where m${i})::bigint as s${i}`)];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) pairs.push([i, j]);
  pairs.forEach(([i, j], k) => aggs.push(`count(*) filter (where m${i} and m${j})::bigint as p${k}`));
  const [row = {}] = await wb.query(
    `select ${aggs.join(', ')} from (select ${members.map((m, i) => `${m} as m${i}`).join(', ')} from ${quoteIdentifier(BASE)} b)`,
    all,
  );
  const size = (i: number) => Number(row[`s${i}`] ?? 0);
  return {
    sets: sets.map((s, i) => ({ name: s.name, size: size(i) })),
    pairs: pairs.map(([i, j], k) => {
      const both = Number(row[`p${k}`] ?? 0);
      const either = size(i) + size(j) - both;
      return {
        a: sets[i]!.name,
        b: sets[j]!.name,
        both,
        either,
        jaccard: either > 0 ? both / either : NaN,
        shareOfA: size(i) > 0 ? both / size(i) : NaN,
        shareOfB: size(j) > 0 ? both / size(j) : NaN,
      };
    }),
    customerCount: Number(row['n'] ?? 0),
    options: { asOf: base.asOf },
  };
}
