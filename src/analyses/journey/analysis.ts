/** Journey stage and engagement in the report: from the loaded events (with `--events`) and the orders. */
import type { MethodText } from '../../report/sections/method.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { subscriptionsAnalysis } from '../subscriptions/analysis.js';
import { journey, type JourneyResult } from './index.js';
import { journeyFindings, journeySection } from './section.js';
import type { JourneyMap } from './stages.js';
import { journeyTexts } from './texts.js';

/** Report options of the journey section. */
export interface JourneyReportFlags {
  /** Event name → stage (see `readJourneyMap`; `swb report --journey-map FILE`). @defaultValue DEFAULT_JOURNEY_MAP */
  journeyMap?: JourneyMap;
}

const rules: Record<string, MethodText> = {
  stages: { methodText: (l) => journeyTexts(l).method.stages },
  engagement: { methodText: (l) => journeyTexts(l).method.engagement },
};

/** The registry entry of the journey: runs in every report, on the orders alone when no events are loaded. */
export const journeyAnalysis: Analysis<'journey', JourneyResult, JourneyReportFlags> = {
  id: 'journey',
  title: (locale) => journeyTexts(locale).section.title,
  sufficiency: 'journey',
  summaryFindings: 1,
  run: ({ wb, asOf, options }) => {
    const minimums = options.minimums?.journey;
    return journey(wb, {
      asOf,
      ...(options.journeyMap ? { map: options.journeyMap } : {}),
      ...(minimums ? { minimums } : {}),
    });
  },
  detail: (r) =>
    `${r.customerCount.toLocaleString('en')} customers, ${r.ordersOnly ? 'stages from orders only' : `${r.events.mapped.toLocaleString('en')} mapped events`}`,
  present: (r, { locale, enough, results }) => {
    const { asOf, events, mapGiven, mapSize } = r.options;
    // events loaded without subscriptions (with them, the subscriptions section measures usage)
    const withoutSubscriptions = resultOf(results, subscriptionsAnalysis) === undefined;
    return {
      sections: [journeySection(r, { locale, withoutSubscriptions })],
      findings: enough ? journeyFindings(r, locale) : [],
      runs: [{ name: journeyTexts(locale).section.title, options: { asOf, events, mapGiven, mapSize, ...rules } }],
    };
  },
};
