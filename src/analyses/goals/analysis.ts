/** Goals in the report: KPIs per segment against the goals file's targets. */
import { messages } from '../../messages.js';
import { rfmAnalysis } from '../rfm/analysis.js';
import { segmentsAnalysis } from '../segments/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { goalsForReport, goalsRun, type GoalsResult, type GoalsSpec } from './index.js';
import { goalsFindings, goalsSection } from './section.js';
import { goalTexts } from './texts.js';

/** Report options of the goals section. */
export interface GoalsReportFlags {
  /** KPI goals per segment (see `readGoalsFile`); they get their own section. @defaultValue none */
  goals?: GoalsSpec;
}

/**
 * The registry entry of the goals. Goals on RFM segments when RFM could not be computed become a section
 * failure; a goal the data cannot answer (a segment or column it does not have) ends the run: the goals
 * file is the caller's to fix.
 */
export const goalsAnalysis: Analysis<'goals', GoalsResult, GoalsReportFlags> = {
  id: 'goals',
  title: (locale) => goalTexts(locale).section.title,
  summaryFindings: 2,
  failure: 'fatal',
  flag: '--goals',
  // a file with only subscription goals shows them in the subscriptions section
  when: (options) => options.goals !== undefined && options.goals.goals.length > 0,
  run: async (context) => {
    const { wb, options, asOf, results } = context;
    const spec = options.goals as GoalsSpec;
    const rfm = resultOf(results, rfmAnalysis);
    if (spec.segments === 'rfm' && !rfm)
      return context.skip({
        code: 'NO_DATA',
        message: messages.goalsAt(spec.file, '$.segments', messages.goalsNeedRfm()),
      });
    const tiers = resultOf(results, segmentsAnalysis)?.segments;
    return goalsForReport(wb, spec, { asOf, ...(rfm ? { rfm } : {}), ...(tiers ? { tiers } : {}) });
  },
  detail: (g) => {
    const n = (s: string) => g.kpis.rows.filter((r) => r.status === s).length;
    return `${g.kpis.rows.length} segment × goal rows: ${n('met')} met, ${n('close')} close, ${n('missed')} missed`;
  },
  present: (r, { locale, currency }) => ({
    sections: [goalsSection(r, { locale, currency })],
    findings: goalsFindings(r, locale, currency),
    runs: [goalsRun(r)],
  }),
};
