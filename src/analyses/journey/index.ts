/**
 * Journey stage and engagement: where each customer is on the way from first contact to advocate (aware →
 * considering → first purchase → repeat → advocate), from an events file (web visits, e-mail opens and clicks,
 * app sessions, trials, reviews) mapped to stages (`DEFAULT_JOURNEY_MAP`, or a user's map) and from the orders;
 * and how engaged they are now (activity across channels, `JOURNEY_RULES`). Stage counts as a funnel with the
 * conversion between stages, and the funnel at monthly points. Without events: the stages the orders show
 * (first purchase, repeat), and a warning saying what is missing. All in DuckDB; per-customer rows stay in a table.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { messages } from '../../messages.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { resolveAsOf } from '../shared/as-of.js';
import { withOrderAggregate } from '../shared/customer-cache.js';
import { dataSufficiency, resolveMinimums } from '../shared/sufficiency.js';
import { checkOptionKeys, minSizeOption, optionKeys, outputTable } from '../shared/validate.js';
import { journeyMessages } from './messages.js';
import {
  ENGAGEMENT_LEVELS,
  eventNamesSql,
  journeyCellsSql,
  journeyCustomersSql,
  journeyOverTimeSql,
  type EngagementLevel,
} from './sql.js';
import { DEFAULT_JOURNEY_MAP, JOURNEY_STAGES, type JourneyStage } from './stages.js';
import type { JourneyOptions, JourneyResult } from './types.js';

export { ENGAGEMENT_LEVELS, JOURNEY_RULES, type EngagementLevel } from './sql.js';
export {
  DEFAULT_JOURNEY_MAP,
  JOURNEY_STAGES,
  parseJourneyMap,
  readJourneyMap,
  type JourneyMap,
  type JourneyStage,
} from './stages.js';
export type * from './types.js';

const KEYS = optionKeys<JourneyOptions>({
  asOf: true,
  events: true,
  map: true,
  minSize: true,
  minimums: true,
  source: true,
  table: true,
  replace: true,
});

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

/** The events table to read: the option's, or `events` when there is one; undefined for orders only. */
async function eventsTable(wb: Workbench, given: string | false | undefined): Promise<string | undefined> {
  if (given === false) return undefined;
  const name = given ?? 'events';
  if (!(await wb.hasTable(name))) {
    if (given === undefined) return undefined;
    throw new WorkbenchError('NO_DATA', messages.noTable(name), { events: name });
  }
  return name;
}

/**
 * Journey stage and engagement per customer, the funnel and the funnel over time.
 * @example const j = await journey(wb, { map: readJourneyMap('journey-map.csv') }); // reads the `events` table when loaded
 */
export async function journey(wb: Workbench, options: JourneyOptions = {}): Promise<JourneyResult> {
  checkOptionKeys('journey', options, KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  const minimums = resolveMinimums('journey', options.minimums);
  const table = outputTable('journey', options.table, 'journey', {
    source,
    ...(options.replace ? { replace: true } : {}),
  });
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  const events = await eventsTable(wb, options.events);
  const map = options.map ?? DEFAULT_JOURNEY_MAP;
  const entries = Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const params = Object.fromEntries([
    ['asOf', asOf],
    ...entries.flatMap(([name, stage], i) => [
      [`n${i}`, name.trim().toLowerCase()],
      [`r${i}`, JOURNEY_STAGES.indexOf(stage)],
    ]),
  ]);
  await withOrderAggregate(wb, { source, asOf }, (orders) =>
    wb.run(journeyCustomersSql({ orders, ...(events ? { events } : {}), mapSize: entries.length, table }), params),
  );
  const cells = await wb.query<{ stage: string; engagement: string; customers: number; multichannel: number }>(
    journeyCellsSql(table),
  );
  const points = await wb.query<Record<string, number | Date>>(journeyOverTimeSql(table), { asOf });
  const [ev] = await wb.query<{ events: number; mapped: number }>(
    `select coalesce(sum(events), 0)::bigint as events, coalesce(sum(mapped_events), 0)::bigint as mapped from ${quoteIdentifier(table)}`,
  );
  const eventRows = Number(ev?.events ?? 0);
  const mappedRows = Number(ev?.mapped ?? 0);
  const topNames = events ? await wb.query<{ name: string; rows: number }>(eventNamesSql(events), { asOf }) : [];
  const customerCount = cells.reduce((a, c) => a + Number(c.customers), 0);
  const count = (f: (c: (typeof cells)[number]) => boolean) =>
    cells.filter(f).reduce((a, c) => a + Number(c.customers), 0);
  const warnings: string[] = [];
  if (!events) warnings.push(journeyMessages.warnNoEvents());
  else if (topNames.length === 0)
    warnings.push(journeyMessages.warnNoEventsBefore(events, asOf.toISOString().slice(0, 10)));
  else if (mappedRows === 0) warnings.push(journeyMessages.warnNoMapped(topNames.map((t) => t.name).join(', ') || '–'));
  if (customerCount === 0) warnings.push(journeyMessages.warnNoCustomers());
  const last = points[points.length - 1] ?? {};
  const reachedKey = (s: JourneyStage) => s.replace('-', '_');
  const funnel = JOURNEY_STAGES.map((key, i) => {
    const reached = Number(last[reachedKey(key)] ?? 0);
    const prev = i === 0 ? NaN : Number(last[reachedKey(JOURNEY_STAGES[i - 1] as JourneyStage)] ?? 0);
    return { key, reached, conversion: i === 0 ? NaN : ratio(reached, prev) };
  });
  const sufficiency = await dataSufficiency(wb, 'journey', { asOf, source, minimums });
  return tagResult(
    {
      table,
      options: {
        asOf,
        asOfFromData: fromData,
        events: events ?? null,
        mapGiven: options.map !== undefined,
        mapSize: entries.length,
        minSize,
        minimums,
        source,
        table,
      },
      ordersOnly: !events || mappedRows === 0,
      customerCount,
      events: {
        rows: eventRows,
        mapped: mappedRows,
        topNames: topNames.map((t) => ({ name: t.name, rows: Number(t.rows) })),
      },
      stages: JOURNEY_STAGES.map((key) => {
        const customers = count((c) => c.stage === key);
        const by = Object.fromEntries(
          ENGAGEMENT_LEVELS.map((l) => [l, count((c) => c.stage === key && c.engagement === l)]),
        ) as Record<EngagementLevel, number>;
        return {
          key,
          customers,
          share: ratio(customers, customerCount),
          engagement: by,
          tooSmall: customers < minSize,
        };
      }),
      funnel,
      engagement: ENGAGEMENT_LEVELS.map((key) => {
        const customers = count((c) => c.engagement === key);
        const multichannel = cells.filter((c) => c.engagement === key).reduce((a, c) => a + Number(c.multichannel), 0);
        return { key, customers, share: ratio(customers, customerCount), multichannel };
      }),
      overTime: points.map((p) => ({
        at: p['at'] as Date,
        reached: Object.fromEntries(JOURNEY_STAGES.map((s) => [s, Number(p[reachedKey(s)] ?? 0)])) as Record<
          JourneyStage,
          number
        >,
      })),
      sufficiency,
      warnings,
    },
    'JourneyResult',
  );
}
