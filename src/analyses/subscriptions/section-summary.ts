/**
 * The summary of a report on subscriptions alone (no transactions): MRR at the end, paying customers,
 * customer churn per month and the months covered as key figures, and the subscription findings. Pure.
 */
import { periodLabel } from '../overview/charts.js';
import { texts } from '../../i18n/index.js';
import { formatNumber, type Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';
import { money, pct } from './section-tables.js';
import { subscriptionFindings, type SubscriptionsSectionInput, type SubscriptionsSectionOptions } from './section.js';

/**
 * The summary section of a report on subscriptions (id `summary`), with up to `maxFindings` findings.
 * @example subscriptionSummarySection({ movements, byPlan }, { locale: 'nl', currency: 'EUR' })
 */
export function subscriptionSummarySection(
  input: SubscriptionsSectionInput,
  options: SubscriptionsSectionOptions & { maxFindings?: number } = {},
): ReportSection {
  const locale: Locale = options.locale ?? 'en';
  const currency = options.currency ?? 'EUR';
  const t = texts(locale).report;
  const s = texts(locale).subscriptions.report;
  const m = input.movements;
  const last = m?.rows[m.rows.length - 1];
  const facts: Array<[string, string]> = [];
  if (m && last) {
    facts.push(
      [s.summaryMrr, money(last.mrrEnd, locale, currency)],
      [s.summaryCustomers, formatNumber(last.customersEnd, locale)],
      [s.summaryChurn, pct(m.totals.customerChurnRate, locale)],
      [
        t.period,
        s.headerPeriod(periodLabel(m.options.from, 'month', locale), periodLabel(m.options.to, 'month', locale)),
      ],
    );
  }
  return {
    id: 'summary',
    title: t.summaryTitle,
    intro: [t.summaryIntro],
    facts,
    findings: subscriptionFindings(input, locale, currency).slice(0, options.maxFindings ?? 6),
  };
}
