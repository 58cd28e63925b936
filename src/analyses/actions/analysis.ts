/** Lists to act on: where each segment of the report is in the file of `swb export` (no ids, only column values). */
import { clustersAnalysis } from '../clusters/analysis.js';
import { rfmAnalysis } from '../rfm/analysis.js';
import { segmentsAnalysis } from '../segments/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { actionsSection, type ActionsSectionInput } from './section.js';
import { actionTexts } from './texts.js';

/** The registry entry of the lists to act on: a view of RFM, clusters and value tiers, nothing queried. */
export const actionsAnalysis: Analysis<'actions', ActionsSectionInput> = {
  id: 'actions',
  title: (locale) => actionTexts(locale).section.title,
  failure: 'fatal',
  run: async ({ results }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const clusters = resultOf(results, clustersAnalysis);
    const tiers = resultOf(results, segmentsAnalysis)?.segments;
    return { ...(rfm ? { rfm } : {}), ...(clusters ? { clusters } : {}), ...(tiers ? { tiers } : {}) };
  },
  present: (input, { locale }) => {
    const section = actionsSection(input, { locale });
    return { sections: section ? [section] : [], findings: [], runs: [] };
  },
};
