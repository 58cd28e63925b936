/**
 * Rule segments without SQL: plain rule objects (`{ name, where: { column, op, value } }`) compiled to
 * SQL with quoted identifiers and bound parameters, then checked on the data so that every customer
 * lands in exactly one segment. An overlap or a gap fails with the segments involved, how many
 * customers, and an example customer with the values of the rule columns.
 */
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { QueryParam, Workbench } from '../../workbench.js';
import { segmentMessages } from './messages.js';
import { customerExamples } from '../../privacy/example-rows.js';

/** A value a rule compares with. */
export type RuleValue = string | number | boolean | Date;

/** Comparison of a rule condition. `between` is inclusive at both ends. */
export type RuleOp = 'eq' | 'neq' | 'in' | 'notIn' | 'between' | 'gt' | 'gte' | 'lt' | 'lte' | 'isNull' | 'notNull';

/** One condition: `column op value`. A NULL column value never matches (except `isNull`). */
export interface RuleCondition {
  /** A customers column, a computed figure (`revenue`, `orders`, `recency_days`) or a transactions attribute. */
  column: string;
  /** The comparison. */
  op: RuleOp;
  /** Scalar for eq/neq/gt/gte/lt/lte, a list for in/notIn, `[low, high]` for between, nothing for isNull/notNull. */
  value?: RuleValue | readonly RuleValue[];
}

/** A named segment: customers matching every condition of `where`. */
export interface SegmentRuleObject {
  /** Segment name (unique). */
  name: string;
  /** One condition or a list that must all hold. */
  where: RuleCondition | readonly RuleCondition[];
}

const SCALAR_OPS: Partial<Record<RuleOp, string>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** The conditions of a rule as a list. */
export function conditionsOf(rule: SegmentRuleObject): readonly RuleCondition[] {
  return Array.isArray(rule.where) ? (rule.where as readonly RuleCondition[]) : [rule.where as RuleCondition];
}

function badRule(rule: string, what: string): WorkbenchError {
  return new WorkbenchError('BAD_OPTION', segmentMessages.badRule(rule, what), { rule });
}

function isValue(v: unknown): v is RuleValue {
  return (
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    (v instanceof Date && !Number.isNaN(v.getTime()))
  );
}

/**
 * Compile one condition to SQL over base-table column `col`; values go into `params` as `$<prefix>_<k>`.
 * Pure: nothing runs.
 */
export function conditionSql(
  rule: string,
  c: RuleCondition,
  col: string,
  prefix: string,
  params: Record<string, QueryParam>,
): string {
  const column = quoteIdentifier(col);
  const v = c.value;
  const bind = (x: RuleValue, k: number | string): string => {
    params[`${prefix}_${k}`] = x;
    return `$${prefix}_${k}`;
  };
  const scalar = SCALAR_OPS[c.op];
  if (scalar !== undefined) {
    if (!isValue(v)) throw badRule(rule, segmentMessages.ruleNeedsValue(c.op, c.column, v));
    return `${column} ${scalar} ${bind(v, 0)}`;
  }
  switch (c.op) {
    case 'in':
    case 'notIn': {
      if (!Array.isArray(v) || v.length === 0 || !v.every(isValue))
        throw badRule(rule, segmentMessages.ruleNeedsList(c.op, c.column, v));
      const list = (v as readonly RuleValue[]).map((x, k) => bind(x, k)).join(', ');
      return `${column} ${c.op === 'in' ? 'in' : 'not in'} (${list})`;
    }
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2 || !v.every(isValue))
        throw badRule(rule, segmentMessages.ruleNeedsRange(c.column, v));
      return `${column} between ${bind(v[0] as RuleValue, 'lo')} and ${bind(v[1] as RuleValue, 'hi')}`;
    }
    case 'isNull':
      return `${column} is null`;
    case 'notNull':
      return `${column} is not null`;
    default:
      throw badRule(rule, segmentMessages.ruleUnknownOp(c.op));
  }
}

/** Check names and shapes before touching data. */
export function validateRules(rules: readonly SegmentRuleObject[], rest: string | undefined): void {
  if (rules.length === 0) throw new WorkbenchError('BAD_OPTION', segmentMessages.noRules(), {});
  const names = [...rules.map((r) => r.name), ...(rest === undefined ? [] : [rest])];
  for (const n of names)
    if (typeof n !== 'string' || n.trim() === '')
      throw new WorkbenchError('BAD_OPTION', segmentMessages.ruleWithoutName(n), {});
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new WorkbenchError('BAD_OPTION', segmentMessages.segmentNameTwice(dup), { name: dup });
  for (const r of rules) if (conditionsOf(r).length === 0) throw badRule(r.name, segmentMessages.ruleWhereEmpty());
}

/** Compile the rules to one boolean SQL expression each (conditions ANDed; NULL counts as false). */
export function compileRules(
  rules: readonly SegmentRuleObject[],
  columns: Map<string, string>,
): { exprs: string[]; params: Record<string, QueryParam> } {
  const params: Record<string, QueryParam> = {};
  const exprs = rules.map((rule, i) => {
    const parts = conditionsOf(rule).map((c, j) =>
      conditionSql(rule.name, c, columns.get(c.column) ?? c.column, `r${i}_${j}`, params),
    );
    return `coalesce(${parts.map((p) => `(${p})`).join(' and ')}, false)`;
  });
  return { exprs, params };
}

const show = (v: unknown): string =>
  v === null || v === undefined ? 'NULL' : v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v);

/**
 * Check on the data that every customer matches exactly one rule (or none, when `rest` catches them).
 * Throws SEGMENT_MAP naming the overlapping segments or the uncovered customers, with counts and an example.
 */
export async function checkRuleCoverage(
  wb: Workbench,
  base: string,
  rules: readonly SegmentRuleObject[],
  columns: Map<string, string>,
  rest: string | undefined,
): Promise<void> {
  const { exprs, params } = compileRules(rules, columns);
  const m = exprs.map((e, i) => `${e} as m${i}`).join(', ');
  const checks: string[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      pairs.push([i, j]);
      checks.push(
        `count(*) filter (where m${i} and m${j}) as o${pairs.length - 1}, min(customer_id) filter (where m${i} and m${j}) as e${pairs.length - 1}`,
      );
    }
  }
  const none = exprs.map((_, i) => `not m${i}`).join(' and ');
  checks.push(`count(*) filter (where ${none}) as gap, min(customer_id) filter (where ${none}) as gap_e`);
  const b = quoteIdentifier(base);
  const [row = {}] = await wb.query(
    `with m as (select customer_id, ${m} from ${b}) select ${checks.join(', ')} from m`,
    params,
  );
  const ruleCols = [...new Set(rules.flatMap((r) => conditionsOf(r).map((c) => c.column)))];
  const valuesOf = async (id: unknown): Promise<string> => {
    const [v = {}] = await wb.query(
      `select ${ruleCols.map((c, k) => `${quoteIdentifier(columns.get(c) ?? c)} as v${k}`).join(', ')} from ${b} where customer_id = $id`,
      { id: String(id) },
    );
    return ruleCols.map((c, k) => `${c} = ${show(v[`v${k}`])}`).join(', ');
  };
  const overlaps = [];
  for (const [k, [i, j]] of pairs.entries()) {
    const n = Number(row[`o${k}`] ?? 0);
    if (n > 0)
      overlaps.push({ segments: [rules[i]?.name ?? '', rules[j]?.name ?? ''], customers: n, id: String(row[`e${k}`]) });
  }
  if (overlaps.length > 0) {
    // Examples name a customer by their first line in the transactions file, never by id (messages are shared).
    const named = await Promise.all(
      overlaps.map(async ({ id, ...o }) => ({ ...o, example: await customerExamples(wb, [id]) })),
    );
    const first = overlaps[0]!;
    throw new WorkbenchError(
      'SEGMENT_MAP',
      segmentMessages.rulesOverlap(named, named[0]!.example, await valuesOf(first.id)),
      { overlaps: named },
    );
  }
  const gap = Number(row['gap'] ?? 0);
  if (gap > 0 && rest === undefined) {
    const id = String(row['gap_e']);
    const example = await customerExamples(wb, [id]);
    throw new WorkbenchError('SEGMENT_MAP', segmentMessages.rulesGap(gap, example, await valuesOf(id)), {
      gap,
      example,
    });
  }
}
