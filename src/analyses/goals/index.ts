/**
 * KPI goals per segment for `swb report --goals goals.json`: the file's format, its validation (every
 * problem names the file and the JSON path, e.g. `goals.json, at $.goals[1].kpi: unknown KPI …`), and the
 * run of {@link kpis} on the report's own segments. Parsing is pure; only {@link readGoalsFile} reads.
 *
 * ```json
 * { "segments": "rfm",
 *   "goals": [{ "kpi": "repeatRate", "goal": 0.4 }, { "kpi": "churnRate", "goal": { "champions": 0.05 } }],
 *   "subscriptions": { "nrr": { "min": 0.95 }, "by": { "plan": { "Pro": { "churn": { "max": 0.03 } } } } } }
 * ```
 * `goals` (on the customer segments) and `subscriptions` (on the subscription KPIs, kpi-goals.ts) are each
 * optional, one of them is needed.
 */
import { messages } from '../../messages.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RfmResult } from '../rfm/index.js';
import type { KpiSpec } from '../segments/kpi.js';
import { isSegmentationId } from '../segmentations.js';
import { kpis, type KpiGoal, type KpisResult } from '../segments/kpis.js';
import type { SegmentByResult } from '../segments/index.js';
import { WorkbenchError } from '../../errors.js';
import { parseSubscriptionGoals, type SubscriptionGoals } from '../subscriptions/kpi-goals.js';
import { quoteIdentifier } from '../../sql.js';
import type { QueryParam, Workbench } from '../../workbench.js';
import type { AnalysisRun } from '../../report/sections/method.js';

/**
 * The segments goals are set for: RFM segments (keys such as `champions`), value tiers (`top-20%`…), everyone, or a
 * customers column; a behavioural segmentation's id in the file (`"segments": "loyalty"`) becomes `{ column: 'loyalty' }`
 * (goals per segment key such as `at-risk`).
 */
export type GoalSegments = 'rfm' | 'value-tiers' | 'all' | { column: string };

/** A validated goals file. */
export interface GoalsSpec {
  /** Which segments. @defaultValue 'rfm' */
  segments: GoalSegments;
  /** The goals on the customer segments, in file order (empty when the file sets only subscription goals). */
  goals: KpiGoal[];
  /** Goals on the subscription KPIs, all customers and per segment (with `swb report --subscriptions`). @defaultValue none */
  subscriptions?: SubscriptionGoals;
  /** File name, for messages and the method section. */
  file: string;
}

/** KPIs a goals file may name as a string. */
export const GOAL_KPIS = [
  'revenuePerCustomer',
  'ordersPerCustomer',
  'averageOrderValue',
  'repeatRate',
  'churnRate',
  'nps',
] as const;

const TOP_KEYS = ['segments', 'goals', 'subscriptions'];
const GOAL_KEYS = ['kpi', 'goal', 'higherIsBetter', 'tolerance', 'toleranceAbsolute'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  at: (path: string, what: string) => WorkbenchError,
  path: string,
): void {
  for (const key of Object.keys(obj))
    if (!known.includes(key)) throw at(`${path}.${key}`, messages.goalsUnknownKey(key, known));
}

function kpiOf(v: unknown, at: (what: string) => WorkbenchError): KpiSpec {
  if (typeof v === 'string' && (GOAL_KPIS as readonly string[]).includes(v)) return v as KpiSpec;
  if (isObject(v) && Object.keys(v).length === 1) {
    if (typeof v['mean'] === 'string' && v['mean'] !== '') return { mean: v['mean'] };
    if (typeof v['nps'] === 'string' && v['nps'] !== '') return { nps: v['nps'] };
    const days = v['churnRate'];
    if (typeof days === 'number' && Number.isInteger(days) && days >= 1) return { churnRate: days };
  }
  throw at(messages.goalsUnknownKpi(v, GOAL_KPIS));
}

function goalOf(v: unknown, at: (what: string) => WorkbenchError): number | Record<string, number> {
  if (finite(v)) return v;
  if (isObject(v) && Object.keys(v).length > 0 && Object.values(v).every(finite)) return v as Record<string, number>;
  throw at(messages.goalsBadGoal(v));
}

/**
 * Validate the parsed JSON of a goals file.
 * @throws WorkbenchError `BAD_OPTION` naming `file` and the JSON path of the first problem.
 * @example parseGoals({ segments: 'rfm', goals: [{ kpi: 'repeatRate', goal: 0.4 }] }, 'goals.json')
 */
export function parseGoals(json: unknown, file: string): GoalsSpec {
  const at = (path: string, what: string): WorkbenchError =>
    new WorkbenchError('BAD_OPTION', messages.goalsAt(file, path, what), { file, path });
  if (!isObject(json)) throw at('$', messages.goalsNotObject());
  checkKeys(json, TOP_KEYS, at, '$');
  const seg = json['segments'] ?? 'rfm';
  let segments: GoalSegments;
  if (seg === 'rfm' || seg === 'value-tiers' || seg === 'all') segments = seg;
  // a behavioural segmentation by its id: goals per timing, loyalty… segment key
  else if (typeof seg === 'string' && isSegmentationId(seg)) segments = { column: seg };
  else if (isObject(seg) && Object.keys(seg).length === 1 && typeof seg['column'] === 'string' && seg['column'] !== '')
    segments = { column: seg['column'] };
  else throw at('$.segments', messages.goalsBadSegments(seg));
  const subscriptions =
    json['subscriptions'] === undefined ? undefined : parseSubscriptionGoals(json['subscriptions'], at);
  const list = json['goals'] ?? (subscriptions ? [] : undefined);
  if (!Array.isArray(list) || (list.length === 0 && !subscriptions)) throw at('$.goals', messages.goalsNoGoals());
  const goals = list.map((g: unknown, i): KpiGoal => {
    const path = `$.goals[${i}]`;
    if (!isObject(g)) throw at(path, messages.goalsNoGoals());
    checkKeys(g, GOAL_KEYS, at, path);
    const out: KpiGoal = {
      kpi: kpiOf(g['kpi'], (w) => at(`${path}.kpi`, w)),
      goal: goalOf(g['goal'], (w) => at(`${path}.goal`, w)),
    };
    if (g['higherIsBetter'] !== undefined) {
      if (typeof g['higherIsBetter'] !== 'boolean')
        throw at(`${path}.higherIsBetter`, messages.goalsBadBoolean(g['higherIsBetter']));
      out.higherIsBetter = g['higherIsBetter'];
    }
    for (const key of ['tolerance', 'toleranceAbsolute'] as const) {
      const v = g[key];
      if (v === undefined) continue;
      if (!finite(v) || v < 0) throw at(`${path}.${key}`, messages.goalsBadNumber(key, v));
      out[key] = v;
    }
    return out;
  });
  return { segments, goals, ...(subscriptions ? { subscriptions } : {}), file };
}

/**
 * Read and validate a goals file.
 * @throws WorkbenchError `FILE_NOT_FOUND` when it cannot be read, `BAD_OPTION` when it is not valid JSON or not a goals file.
 */
export function readGoalsFile(path: string): GoalsSpec {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new WorkbenchError(
      'FILE_NOT_FOUND',
      messages.goalsNotRead(path, e instanceof Error ? e.message : String(e)),
      { file: path },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new WorkbenchError('BAD_OPTION', messages.goalsNotJson(file, e instanceof Error ? e.message : String(e)), {
      file: path,
    });
  }
  return parseGoals(json, file);
}

/** KPIs against goals, and which segmentation they are on (the section names RFM keys in words). */
export interface GoalsResult {
  kpis: KpisResult;
  /** The goals as given. */
  goals: KpiGoal[];
  segments: GoalSegments;
  file: string;
}

const RFM_GOAL_TABLE = '_swb_goal_rfm';

/** The RFM assignment as a segmentation {@link kpis} reads (segments in map order, empty ones left out). */
async function rfmSegmentation(wb: Workbench, r: RfmResult): Promise<SegmentByResult> {
  const present = r.segments.filter((s) => s.customers > 0);
  const params: Record<string, QueryParam> = {};
  const whens = present
    .map((s, i) => {
      params[`s${i}`] = s.key;
      return `when $s${i} then ${i}`;
    })
    .join(' ');
  await wb.run(
    `create or replace table ${quoteIdentifier(RFM_GOAL_TABLE)} as
    select customer_id, segment, case segment ${whens} end as segment_order from ${quoteIdentifier(r.table)} order by customer_id`,
    params,
  );
  return {
    table: RFM_GOAL_TABLE,
    kind: 'column',
    variable: 'RFM segment',
    customerCount: r.customerCount,
    revenue: r.revenue,
    segments: present.map((s) => ({
      segment: s.key,
      size: s.customers,
      share: s.share,
      revenue: s.revenue,
      revenueShare: s.revenueShare,
      tooSmall: s.tooSmall,
    })),
    options: {
      spec: { column: 'segment' },
      asOf: r.options.asOf,
      asOfFromData: false,
      minSize: r.options.minSize,
      universe: 'buyers',
      source: r.options.source,
      customers: 'customers',
      table: RFM_GOAL_TABLE,
    },
    warnings: [],
  };
}

/**
 * Compute the goals' KPIs on the report's segments. A goal naming a segment the data does not have
 * is the file's error: the message names the file.
 * @example const g = await goalsForReport(wb, readGoalsFile('goals.json'), { asOf, rfm: results.rfm });
 */
export async function goalsForReport(
  wb: Workbench,
  spec: GoalsSpec,
  context: { asOf: Date; rfm?: RfmResult; tiers?: SegmentByResult },
): Promise<GoalsResult> {
  let segments: SegmentByResult | { column: string } | { valueTiers: true } | 'all';
  if (spec.segments === 'rfm') {
    if (!context.rfm)
      throw new WorkbenchError('NO_DATA', messages.goalsAt(spec.file, '$.segments', messages.goalsNeedRfm()), {
        file: spec.file,
      });
    segments = await rfmSegmentation(wb, context.rfm);
  } else if (spec.segments === 'value-tiers') segments = context.tiers ?? { valueTiers: true };
  else segments = spec.segments;
  try {
    const result = await kpis(wb, { asOf: context.asOf, segments, goals: spec.goals });
    return { kpis: result, goals: spec.goals, segments: spec.segments, file: spec.file };
  } catch (e) {
    if (e instanceof WorkbenchError && e.code === 'BAD_OPTION')
      throw new WorkbenchError('BAD_OPTION', messages.goalsAt(spec.file, '$.goals', e.message), {
        file: spec.file,
        ...e.details,
      });
    throw e;
  }
}

/** The goals as the method section states them (file, segments, each KPI with its goal or goals per segment). */
export function goalsRun(g: GoalsResult): AnalysisRun {
  const goals = g.goals.map((goal, i) => {
    const target =
      typeof goal.goal === 'number'
        ? String(goal.goal)
        : Object.entries(goal.goal)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
    return `${g.kpis.kpis[i]?.label ?? ''}: ${target}`;
  });
  return {
    name: 'Goals',
    options: {
      goalsFile: g.file,
      segments: typeof g.segments === 'object' ? g.segments.column : g.segments,
      goals,
      asOf: g.kpis.options.asOf,
      churnDays: g.kpis.options.churnDays,
    },
  };
}
