/** Loyalty in the report: one loyalty segment per customer at the report's as-of date, from RFM (and CLV when fitted). */
import type { MethodText } from '../../report/sections/method.js';
import { clvAnalysis } from '../clv/analysis.js';
import { rfmAnalysis } from '../rfm/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { loyalty, type LoyaltyResult } from './index.js';
import { loyaltyFindings, loyaltySection } from './section.js';
import { loyaltyTexts } from './texts.js';

/** The fixed rules (LOYALTY_RULES) as the method section words them. */
const rules: Record<string, MethodText> = {
  gaps: { methodText: (l) => loyaltyTexts(l).method.gaps },
  irregular: { methodText: (l) => loyaltyTexts(l).method.irregular },
  overdue: { methodText: (l) => loyaltyTexts(l).method.overdue },
  slipping: { methodText: (l) => loyaltyTexts(l).method.slipping },
};

/** The registry entry of loyalty: needs the transactions; reads RFM's result, and CLV's when `--clv` fitted one. */
export const loyaltyAnalysis: Analysis<'loyalty', LoyaltyResult> = {
  id: 'loyalty',
  title: (locale) => loyaltyTexts(locale).section.title,
  sufficiency: 'loyalty',
  summaryFindings: 1,
  run: ({ wb, asOf, options, results }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const clv = resultOf(results, clvAnalysis);
    const minimums = options.minimums?.loyalty;
    return loyalty(wb, { asOf, ...(rfm ? { rfm } : {}), ...(clv ? { clv } : {}), ...(minimums ? { minimums } : {}) });
  },
  detail: (r) => {
    const loyal = r.segments.find((s) => s.key === 'loyal')?.customers ?? 0;
    const risk = r.segments.find((s) => s.key === 'at-risk')?.customers ?? 0;
    return `${r.customerCount.toLocaleString('en')} customers, ${loyal.toLocaleString('en')} loyal, ${risk.toLocaleString('en')} at risk (${r.options.signal === 'p-alive' ? 'P(alive)' : 'RFM'})`;
  },
  present: (r, { locale, currency, enough }) => {
    const { asOf, minSize, signal } = r.options;
    return {
      sections: [loyaltySection(r, { locale, currency })],
      findings: enough ? loyaltyFindings(r, locale) : [],
      runs: [{ name: loyaltyTexts(locale).section.title, options: { asOf, minSize, signal, ...rules } }],
    };
  },
};
