/** Occasion and timing in the report: when customers buy, one timing segment each, at the report's as-of date. */
import type { MethodText } from '../../report/sections/method.js';
import type { Analysis } from '../shared/analysis.js';
import { timing, type TimingResult } from './index.js';
import { timingFindings, timingSection } from './section.js';
import { timingTexts } from './texts.js';

/** The fixed rules (TIMING_RULES) as the method section words them. */
const rules: Record<string, MethodText> = {
  minShare: { methodText: (l) => timingTexts(l).method.minShare },
  season: { methodText: (l) => timingTexts(l).method.season },
  cycle: { methodText: (l) => timingTexts(l).method.cycle },
  due: { methodText: (l) => timingTexts(l).method.due },
};

/** The registry entry of timing: needs only the transactions, so it runs in every report. */
export const timingAnalysis: Analysis<'timing', TimingResult> = {
  id: 'timing',
  title: (locale) => timingTexts(locale).section.title,
  summaryFindings: 1,
  run: ({ wb, asOf }) => timing(wb, { asOf }),
  detail: (r) => {
    const due = r.segments.find((s) => s.key === 'due')?.customers ?? 0;
    return `${r.customerCount.toLocaleString('en')} customers in ${r.segments.filter((s) => s.customers > 0).length} timing segments, ${due.toLocaleString('en')} due${r.hasTimes ? '' : ', no times of day'}`;
  },
  present: (r, { locale, currency }) => {
    const { asOf, minSize } = r.options;
    return {
      sections: [timingSection(r, { locale, currency })],
      findings: timingFindings(r, locale),
      runs: [{ name: timingTexts(locale).section.title, options: { asOf, minSize, ...rules } }],
    };
  },
};
