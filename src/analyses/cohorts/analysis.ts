/** Cohorts in the report: monthly cohorts of first purchase up to the report's as-of date. */
import type { Analysis } from '../shared/analysis.js';
import { cohorts, type CohortResult } from './index.js';
import { cohortFindings, cohortsSection } from './section.js';
import { cohortTexts } from './texts.js';

/** The registry entry of the cohorts. */
export const cohortsAnalysis: Analysis<'cohorts', CohortResult> = {
  id: 'cohorts',
  title: (locale) => cohortTexts(locale).section.title,
  summaryFindings: 2,
  run: ({ wb, asOf }) => cohorts(wb, { asOf }),
  detail: (r) => `${r.cohorts.length} ${r.options.period} cohorts, ${r.customerCount.toLocaleString('en')} customers`,
  present: (r, { locale, currency }) => {
    const { period, by, asOf, returns, dropPartial } = r.options;
    return {
      sections: [cohortsSection(r, { locale, currency })],
      findings: cohortFindings(r, locale, currency),
      runs: [{ name: 'Cohorts', options: { period, by: by ?? 'first order period', asOf, returns, dropPartial } }],
    };
  },
};
