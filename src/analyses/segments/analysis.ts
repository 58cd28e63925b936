/** Segments in the report: value tiers, their sub-segments by customer attributes, and RFM migration. */
import { rfmAnalysis } from '../rfm/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { checkByAttributes, segmentsDetail, segmentsForReport, segmentsRun } from './report-run.js';
import { segmentsSection, segmentsSummaryFindings, type SegmentsSectionInput } from './section.js';
import { segmentTexts } from './texts.js';

/** Report options of the segments section. */
export interface SegmentsReportFlags {
  /**
   * Customer attributes the segments section splits the value tiers by; an unknown name is an error listing
   * the usable ones. @defaultValue country when present, and the first three text columns of the customers file
   */
  by?: readonly string[];
}

/** The registry entry of the segments section. */
export const segmentsAnalysis: Analysis<'segments', SegmentsSectionInput, SegmentsReportFlags> = {
  id: 'segments',
  title: (locale) => segmentTexts(locale).section.title,
  summaryFindings: 2,
  // Checked before any analysis: a name the data does not have is the caller's to fix.
  checkLoaded: async (wb, options) => {
    if (options.by) await checkByAttributes(wb, options.by);
  },
  run: ({ wb, options, asOf, results }) => {
    const rfm = resultOf(results, rfmAnalysis);
    return segmentsForReport(wb, { asOf, ...(options.by ? { by: options.by } : {}), ...(rfm ? { rfm } : {}) });
  },
  detail: segmentsDetail,
  present: (r, { locale, currency }) => ({
    sections: [segmentsSection(r, { locale, currency })],
    findings: segmentsSummaryFindings(r, locale, currency),
    runs: [segmentsRun(r)],
  }),
};
