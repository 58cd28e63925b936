/**
 * The usage part of the subscriptions section: how usage was measured, churn by usage segment (chart, table
 * and the one finding, stated as clear only when the 95% intervals do not overlap), the usage segments, and
 * customer vs revenue churn per usage segment over the months after the usage was measured. Pure.
 */
import { churnComparisonChart, usageChurnChart, usageGroupName } from '../subscriptions/charts.js';
import type { UsageChurnResult } from './churn.js';
import { texts } from '../../i18n/index.js';
import { formatDate, formatNumber, type Locale } from '../../locale.js';
import type { ReportChart, ReportTable } from '../../report/section.js';
import { churnTable, pct, usageChurnTable, usageTable } from '../subscriptions/section-tables.js';
import type { SubscriptionsSectionInput } from '../subscriptions/section-input.js';

/** A usage group inside a sentence: the usage segments in their sentence words, other groups as in charts. */
function inSentence(segment: string, locale: Locale): string {
  const words: Readonly<Record<string, string>> = texts(locale).subscriptions.usageInSentence;
  return (Object.hasOwn(words, segment) ? words[segment] : undefined) ?? usageGroupName(segment, locale);
}

/** Do customers who use the product more churn less? Only a clear statement when the 95% intervals do not overlap. */
export function usageChurnFinding(u: UsageChurnResult, locale: Locale = 'en'): string | undefined {
  const t = texts(locale).subscriptions.report;
  if (u.finding === 'too_small') return t.usageTooSmall(formatNumber(u.options.minSize, locale));
  if (!u.compared || !('mostUsed' in u.compared)) return undefined;
  const most = u.rows.find((r) => r.segment === (u.compared as { mostUsed: string }).mostUsed);
  const least = u.rows.find((r) => r.segment === (u.compared as { leastUsed: string }).leastUsed);
  if (!most || !least) return undefined;
  const rate = (r: typeof most) =>
    t.rateCi(pct(r.rate, locale, 0), formatNumber(100 * r.low, locale, 0), pct(r.high, locale, 0));
  const words =
    u.finding === 'usage_lowers_churn'
      ? t.usageLowers
      : u.finding === 'usage_raises_churn'
        ? t.usageRaises
        : t.usageNoDifference;
  const months = texts(locale).subscriptions.charts.months(u.options.horizonMonths);
  return words(inSentence(most.segment, locale), rate(most), inSentence(least.segment, locale), rate(least), months);
}

/** Charts and tables of the usage part. */
export function usageParts(
  input: SubscriptionsSectionInput,
  locale: Locale,
  currency: string,
): { charts: ReportChart[]; tables: ReportTable[]; intro: string[] } {
  const t = texts(locale).subscriptions.report;
  const out = { charts: [] as ReportChart[], tables: [] as ReportTable[], intro: [] as string[] };
  const u = input.usageChurn ?? input.usage;
  if (u) {
    const o = u.options;
    const months = texts(locale).subscriptions.charts.months('horizonMonths' in o ? o.horizonMonths : 3);
    out.intro.push(
      t.usageIntro(
        o.windowDays,
        formatDate(o.at, locale),
        pct(o.lightBelow, locale, 0),
        pct(o.powerAbove, locale, 0),
        months,
      ),
    );
  }
  if (input.usageChurn)
    out.charts.push({
      id: 'subscriptions-usage-churn',
      title: t.charts.usage,
      description: t.charts.usageDesc,
      spec: usageChurnChart(input.usageChurn, { locale }),
    });
  const names = Object.fromEntries(
    Object.keys(texts(locale).subscriptions.usageSegments).map((k) => [k, usageGroupName(k, locale)]),
  );
  const byUsage = input.byUsage && { ...input.byUsage, rows: input.byUsage.rows.filter((r) => r.segment !== null) };
  if (byUsage && byUsage.rows.length > 0) {
    const note = t.byUsageNote(formatDate(byUsage.options.from, locale));
    out.charts.push({
      id: 'subscriptions-churn-usage',
      title: t.charts.churn(t.usage),
      description: `${t.charts.churnDesc} ${note}`,
      spec: churnComparisonChart(byUsage, { locale, byLabel: t.usage, segmentNames: names }),
    });
  }
  if (input.usage) out.tables.push(usageTable(input.usage, locale));
  if (input.usageChurn) out.tables.push(usageChurnTable(input.usageChurn, locale));
  if (byUsage && byUsage.rows.length > 0)
    out.tables.push(churnTable(byUsage, t.usage, locale, currency, { names: (s) => names[s] ?? s, total: false }));
  return out;
}
