/**
 * The segment SQL builders (rule conditions, KPI terms, the sufficient-statistics aggregate) plan over a
 * customer base with the columns `customerBase` makes (EXPLAIN, no data).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { kpiTerms, resolveKpi, SUFF_SQL, type KpiSpec } from '../../../src/analyses/segments/kpi.js';
import { compileRules, conditionSql, type RuleCondition } from '../../../src/analyses/segments/rules.js';
import type { QueryParam, Workbench } from '../../../src/workbench.js';
import { expectPlans, explainWorkbench } from '../../helpers/explain.js';

const BASE = `create table base (customer_id varchar, _swb_revenue double, _swb_orders bigint, _swb_recency bigint,
  region varchar, company_size integer, nps double, csat double, signup date)`;

const CONDITIONS: Array<[string, RuleCondition]> = [
  ['eq', { column: 'region', op: 'eq', value: 'North' }],
  ['neq', { column: 'region', op: 'neq', value: "O'Hara; drop table base" }],
  ['gt', { column: 'company_size', op: 'gt', value: 10 }],
  ['gte', { column: 'revenue', op: 'gte', value: 100.5 }],
  ['lt', { column: 'signup', op: 'lt', value: new Date('2011-01-01T00:00:00Z') }],
  ['lte', { column: 'recency_days', op: 'lte', value: 90 }],
  ['in', { column: 'region', op: 'in', value: ['North', 'South'] }],
  ['notIn', { column: 'company_size', op: 'notIn', value: [1, 2, 3] }],
  ['between', { column: 'orders', op: 'between', value: [2, 5] }],
  ['isNull', { column: 'nps', op: 'isNull' }],
  ['notNull', { column: 'csat', op: 'notNull' }],
];
/** Rule columns as `customerBase` maps them (computed figures to their `_swb_` columns). */
const COLUMNS = new Map([
  ['revenue', '_swb_revenue'],
  ['orders', '_swb_orders'],
  ['recency_days', '_swb_recency'],
]);
const col = (name: string): string => COLUMNS.get(name) ?? name;

const KPIS: KpiSpec[] = [
  'revenuePerCustomer',
  'ordersPerCustomer',
  'averageOrderValue',
  'repeatRate',
  'churnRate',
  { churnRate: 30 },
  'nps',
  { nps: 'csat' },
  { mean: 'csat' },
];

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
  await wb.run(BASE);
});
afterAll(() => wb.close());

describe('segment SQL plans', () => {
  it.each(CONDITIONS)('conditionSql: %s', async (_op, c) => {
    const params: Record<string, QueryParam> = {};
    await expectPlans(
      wb,
      `select customer_id from base where ${conditionSql('rule', c, col(c.column), 'p', params)}`,
      params,
    );
  });

  it('compileRules: several rules of several conditions, in one select', async () => {
    const rules = [
      { name: 'big north', where: [CONDITIONS[0]![1], CONDITIONS[2]![1]] },
      { name: 'recent', where: CONDITIONS[5]![1] },
      { name: 'the rest', where: [CONDITIONS[7]![1], CONDITIONS[8]![1], CONDITIONS[9]![1]] },
    ];
    const { exprs, params } = compileRules(rules, COLUMNS);
    await expectPlans(wb, `select customer_id, ${exprs.map((e, i) => `${e} as m${i}`).join(', ')} from base`, params);
  });

  it.each(KPIS.map((k) => [JSON.stringify(k), k] as const))(
    'kpiTerms in the SUFF_SQL aggregate: %s',
    async (_name, spec) => {
      const t = kpiTerms(resolveKpi(spec), col);
      await expectPlans(
        wb,
        `select region, count(*)::bigint as size, ${SUFF_SQL} from (
      select region, customer_id as cid, case when ${t.where} then ${t.x} end as x, case when ${t.where} then ${t.y} end as y from base
    ) group by all`,
      );
    },
  );
});
