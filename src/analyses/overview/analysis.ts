/** The headline figures of the report (its summary and header read them); always computed. */
import { texts } from '../../i18n/index.js';
import type { Analysis } from '../shared/analysis.js';
import { overview, type OverviewResult } from './index.js';

/** The registry entry of the overview: no section of its own (the report's summary shows it). */
export const overviewAnalysis: Analysis<'overview', OverviewResult> = {
  id: 'overview',
  title: (locale) => texts(locale).report.summaryTitle,
  failure: 'fatal',
  run: ({ wb, asOf }) => overview(wb, { asOf }),
  detail: (o) => `${o.customers.toLocaleString('en')} customers, ${o.orders.toLocaleString('en')} orders`,
};
