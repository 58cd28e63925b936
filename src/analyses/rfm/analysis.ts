/** RFM in the report: scores and segments at the report's as-of date, its section and summary findings. */
import { isoDate } from '../../locale.js';
import type { Analysis } from '../shared/analysis.js';
import { rfm, type RfmResult } from './index.js';
import { rfmFindings, rfmSection } from './section.js';
import { rfmTexts } from './texts.js';

/** The registry entry of RFM: the first analysis, whose as-of date every other one uses. */
export const rfmAnalysis: Analysis<'rfm', RfmResult> = {
  id: 'rfm',
  title: (locale) => rfmTexts(locale).section.title,
  sufficiency: 'rfm',
  reportAsOf: (r) => r.options.asOf,
  summaryFindings: 3,
  // A given as-of date describes the customers as they were then: later orders are left out.
  run: ({ wb, options, asOf, asOfGiven }) => {
    const minimums = options.minimums?.rfm;
    return rfm(wb, { ...(asOfGiven ? { asOf, laterOrders: 'exclude' } : {}), ...(minimums ? { minimums } : {}) });
  },
  detail: (r) => `${r.customerCount.toLocaleString('en')} customers scored as of ${isoDate(r.options.asOf)}`,
  present: (r, { locale, currency, enough }) => {
    const { asOf, bins, scoring, returns, laterOrders, minSize } = r.options;
    return {
      sections: [rfmSection(r, { locale, currency })],
      findings: enough ? rfmFindings(r, locale) : [],
      runs: [{ name: 'RFM', options: { asOf, bins, scoring, returns, laterOrders, segmentMap: 'standard', minSize } }],
    };
  },
};
