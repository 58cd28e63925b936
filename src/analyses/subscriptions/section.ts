/**
 * The subscriptions report section: MRR now and how it changed, the MRR bridge and the movements per
 * month, customer churn beside revenue churn per plan (and which plan loses the most of each), LTV as the
 * simple formula it is, subscription cohorts on the cohort heatmap, and — with usage events — usage segments
 * and churn by usage segment with 95% intervals. A part that could not be computed says why; every other
 * part stands. Pure: results in, section out; numbers formatted here.
 */
import { MIN_AVERAGE_COHORTS, cohortHeatmap } from '../cohorts/charts.js';
import { churnComparisonChart, mrrBridgeChart, mrrMovementsChart, segmentChurnChart } from './charts.js';
import { periodLabel } from '../overview/charts.js';
import { columnLabel } from '../../i18n/analyses.js';
import { texts } from '../../i18n/index.js';
import { formatDate, formatNumber, type Locale } from '../../locale.js';
import type { ReportChart, ReportSection, ReportTable } from '../../report/section.js';
import type { SubscriptionsSectionInput } from './section-input.js';
import type { MrrMovementsResult, SubscriptionChurnResult, SubscriptionCohortResult } from './index.js';
import { kpiFacts, kpiFindings, kpiTable } from './section-kpis.js';
import { churnTable, money, movementsTable, pct } from './section-tables.js';
import { cohortsByTable, goalsFindings, goalsTable, segmentColumnWords } from './section-goals.js';
import { usageChurnFinding, usageParts } from '../usage/section.js';

export { usageChurnFinding } from '../usage/section.js';

export type { SubscriptionAnalysis, SubscriptionPart, SubscriptionsSectionInput } from './section-input.js';

/** Options of {@link subscriptionsSection}. */
export interface SubscriptionsSectionOptions {
  /** Language. @defaultValue 'en' */
  locale?: Locale;
  /** ISO 4217 currency of MRR. @defaultValue 'EUR' */
  currency?: string;
}

/** The last day of the month starting at `month`. */
const monthEnd = (month: Date): Date => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));

/** The segment column in words: `plan`, `usage segment`, or the column humanised. */
function byWords(result: SubscriptionChurnResult, locale: Locale): string {
  const t = texts(locale).subscriptions.report;
  const column = result.options.by.column;
  return column === 'plan' ? t.plan : column === 'usage_segment' ? t.usage : columnLabel(column, locale);
}

/** Findings about MRR: the MRR now, its change over 12 months (or the range), churn per month. */
function mrrFindings(
  m: MrrMovementsResult,
  locale: Locale,
  currency: string,
): { now?: string; change?: string; churn?: string } {
  const t = texts(locale).subscriptions.report;
  const last = m.rows[m.rows.length - 1];
  if (!last) return {};
  const now = t.mrrNow(
    formatDate(monthEnd(last.month), locale),
    money(last.mrrEnd, locale, currency),
    formatNumber(last.customersEnd, locale),
    money(last.arpu, locale, currency, 2),
  );
  // 12 months back when the data reaches that far, else the start of the range (when anyone paid then)
  const back = m.rows[m.rows.length - 13];
  const first = m.rows[0];
  const before = back
    ? { mrr: back.mrrEnd, date: monthEnd(back.month) }
    : first && first.mrrStart > 0
      ? { mrr: first.mrrStart, date: new Date(first.month.getTime() - 86_400_000) }
      : undefined;
  const diff = before ? last.mrrEnd - before.mrr : 0;
  const change =
    before && before.mrr > 0
      ? t.change(
          diff >= 0,
          money(Math.abs(diff), locale, currency),
          pct(Math.abs(diff) / before.mrr, locale, 0),
          formatDate(before.date, locale),
        )
      : undefined;
  const c = m.totals;
  const churn =
    c.customerChurnRate !== null && c.grossRevenueChurn !== null && c.netRevenueChurn !== null
      ? t.churn(
          pct(c.customerChurnRate, locale),
          pct(c.grossRevenueChurn, locale),
          pct(c.netRevenueChurn, locale),
          c.netRevenueChurn < 0,
        )
      : undefined;
  return { ...(now ? { now } : {}), ...(change ? { change } : {}), ...(churn ? { churn } : {}) };
}

/** The plan that loses the most customers and the one that loses the most revenue, in words. */
function rankingFinding(r: SubscriptionChurnResult, locale: Locale): string | undefined {
  const t = texts(locale).subscriptions.report;
  const f = r.finding;
  if (!f) return undefined;
  const a = r.rows.find((x) => x.segment === f.topByCustomers);
  const b = r.rows.find((x) => x.segment === f.topByRevenue);
  if (!a || !b) return undefined;
  const by = byWords(r, locale);
  return f.key === 'different_order'
    ? t.differentOrder(
        by,
        f.topByCustomers,
        pct(a.customerChurn.rate, locale),
        f.topByRevenue,
        pct(b.grossRevenueChurn, locale),
      )
    : t.sameOrder(by, f.topByCustomers, pct(a.customerChurn.rate, locale), pct(a.grossRevenueChurn, locale));
}

/** LTV of the average customer as the formula with its numbers. */
function ltvFinding(r: SubscriptionChurnResult, locale: Locale, currency: string): string | undefined {
  const f = r.total;
  if (f.ltv === null || f.arpu === null) return undefined;
  return texts(locale).subscriptions.report.ltv(
    money(f.ltv, locale, currency),
    money(f.arpu, locale, currency, 2),
    pct(r.options.margin, locale, 0),
    pct(f.customerChurn.rate, locale, 2),
  );
}

/** Share still paying and MRR kept after 12 (else 6, else 3) months, where enough start months reach that far. */
function cohortFinding(c: SubscriptionCohortResult, locale: Locale): string | undefined {
  const point = [12, 6, 3]
    .map((k) => c.average.find((p) => p.period === k && p.cohorts >= MIN_AVERAGE_COHORTS))
    .find((p) => p !== undefined);
  if (!point) return undefined;
  return texts(locale).subscriptions.report.cohorts(
    pct(point.retention, locale, 0),
    point.period,
    pct(point.revenueRetention, locale, 0),
  );
}

/**
 * Plain-language findings, most important first: MRR now, its change, churn, the plan ranking, churn by usage,
 * LTV, cohorts, the usage mix.
 */
export function subscriptionFindings(
  input: SubscriptionsSectionInput,
  locale: Locale = 'en',
  currency = 'EUR',
): string[] {
  const m = input.movements ? mrrFindings(input.movements, locale, currency) : {};
  const u = input.usage;
  const share = (k: string) => pct(u?.segments.find((s) => s.segment === k)?.share, locale, 0);
  const k = input.kpis ? kpiFindings(input.kpis, locale) : {};
  return [
    m.now,
    m.change,
    m.churn,
    k.retention,
    ...(input.goals ? goalsFindings(input.goals, locale, currency) : []),
    input.byPlan && rankingFinding(input.byPlan, locale),
    input.usageChurn && usageChurnFinding(input.usageChurn, locale),
    input.byPlan && ltvFinding(input.byPlan, locale, currency),
    input.cohorts && cohortFinding(input.cohorts, locale),
    k.trials,
    u &&
      texts(locale).subscriptions.report.usageShare(
        share('power'),
        share('dormant'),
        u.options.windowDays,
        formatDate(u.options.at, locale),
      ),
  ].filter((x): x is string => typeof x === 'string');
}

/** The findings a report summary quotes: MRR now and churn. */
export function subscriptionSummaryFindings(
  input: SubscriptionsSectionInput,
  locale: Locale = 'en',
  currency = 'EUR',
): string[] {
  const m = input.movements ? mrrFindings(input.movements, locale, currency) : {};
  return [m.now, m.churn].filter((x): x is string => typeof x === 'string');
}

/**
 * The subscriptions section of a report.
 * @example subscriptionsSection({ movements: await mrrMovements(wb), byPlan: await subscriptionChurn(wb, { by: 'plan' }) }, { locale: 'nl' })
 */
export function subscriptionsSection(
  input: SubscriptionsSectionInput,
  options: SubscriptionsSectionOptions = {},
): ReportSection {
  const locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = texts(locale).subscriptions.report;
  const m = input.movements;
  const charts: ReportChart[] = [];
  const tables: ReportTable[] = [];
  const facts: Array<[string, string]> = [];
  if (m) {
    const last = m.rows[m.rows.length - 1];
    facts.push([
      t.facts.months,
      t.headerPeriod(periodLabel(m.options.from, 'month', locale), periodLabel(m.options.to, 'month', locale)),
    ]);
    if (last)
      facts.push(
        [t.facts.mrr, money(last.mrrEnd, locale, currency)],
        [t.facts.paying, formatNumber(last.customersEnd, locale)],
        [t.facts.arpu, money(last.arpu, locale, currency, 2)],
      );
    charts.push(
      {
        id: 'subscriptions-bridge',
        title: t.charts.bridge,
        description: t.charts.bridgeDesc,
        spec: mrrBridgeChart(m, { locale }),
      },
      {
        id: 'subscriptions-movements',
        title: t.charts.movements,
        description: t.charts.movementsDesc,
        spec: mrrMovementsChart(m, { locale, lastMonths: 36 }),
      },
    );
    tables.push(movementsTable(m, locale, currency));
  }
  facts.push(...kpiFacts(input.kpis, locale, currency));
  // the KPIs per plan, then per each other column the goals name, then the goals judged
  for (const k of [input.kpis, ...(input.segmentKpis ?? [])]) {
    const table = k?.options.by
      ? kpiTable(k, segmentColumnWords(k.options.by.column, locale), locale, currency)
      : undefined;
    if (table) tables.push(table);
  }
  const goals = input.goals ? goalsTable(input.goals, locale, currency) : undefined;
  if (goals) tables.push(goals);
  if (input.byPlan) {
    const by = byWords(input.byPlan, locale);
    charts.push({
      id: 'subscriptions-churn-plan',
      title: t.charts.churn(by),
      description: t.charts.churnDesc,
      spec: churnComparisonChart(input.byPlan, { locale, byLabel: by }),
    });
    tables.push(churnTable(input.byPlan, by, locale, currency));
    facts.push([t.facts.margin, pct(input.byPlan.options.margin, locale, 0)]);
  }
  if (m?.bySegment) {
    const column = m.bySegment.by.column;
    const by = column === 'plan' ? t.plan : columnLabel(column, locale);
    charts.push({
      id: 'subscriptions-churn-months',
      title: texts(locale).subscriptions.charts.segmentChurnTitle(by),
      description: texts(locale).subscriptions.charts.segmentChurnDesc,
      spec: segmentChurnChart(m, { locale, byLabel: by, lastMonths: 24 }),
    });
  }
  if (input.cohorts) {
    charts.push(
      {
        id: 'subscriptions-cohorts',
        title: t.charts.cohorts,
        description: t.charts.cohortsDesc,
        spec: cohortHeatmap(input.cohorts, { locale, wording: 'subscriptions' }),
      },
      {
        id: 'subscriptions-cohorts-mrr',
        title: t.charts.cohortsMrr,
        description: t.charts.cohortsMrrDesc,
        spec: cohortHeatmap(input.cohorts, { locale, metric: 'revenueRetention', wording: 'subscriptions' }),
      },
    );
    const bySegment = cohortsByTable(input.cohorts, locale);
    if (bySegment) tables.push(bySegment);
  }
  const usage = usageParts(input, locale, currency);
  const unavailable = texts(locale).report.unavailable;
  const failed = Object.entries(input.failures ?? {}).map(([part, f]) => {
    const why =
      f.code === 'TOO_FEW_POINTS' || f.code === 'NO_DATA' ? unavailable.reasons[f.code] : unavailable.reasons.other;
    return {
      line: t.partFailed(t.parts[part] ?? part, why),
      fact: [`${t.parts[part] ?? part}: ${unavailable.detail}`, f.message] as [string, string],
    };
  });
  const tech = t.technical;
  const technical: Array<[string, string]> = [
    tech.paying,
    tech.mrr,
    m?.method === 'dated' ? tech.classesDated : tech.classes,
    tech.customerChurn,
    tech.revenueChurn,
    tech.netChurn,
    tech.ltv,
    tech.ci,
  ];
  if (input.byPlan?.options.by.column === 'plan') technical.push(tech.segment);
  if (m?.bySegment) technical.push(tech.segmentMonths);
  if (m?.bySegment?.by.kind === 'events' || input.byPlan?.options.by.kind === 'events')
    technical.push(tech.segmentEvents);
  if (input.kpis)
    technical.push(
      tech.kpis,
      tech.retention,
      ...(input.kpis.segments ? [tech.kpiChurn] : []),
      ...(input.kpis.rows.some((r) => r.trials > 0) ? [tech.trials] : []),
    );
  if (input.goals) technical.push(tech.goals);
  if (input.usage || input.usageChurn) technical.push(tech.usage, tech.usageChurn);
  return {
    id: 'subscriptions',
    title: t.title,
    intro: [...t.intro, ...usage.intro, ...failed.map((f) => f.line)],
    findings: subscriptionFindings(input, locale, currency),
    charts: [...charts, ...usage.charts],
    tables: [...tables, ...usage.tables],
    facts: [...facts, ...failed.map((f) => f.fact)],
    technical,
  };
}
