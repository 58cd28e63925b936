/** Segments in the report: value tiers, their sub-segments by customer attributes, and RFM migration. */
import { rfmAnalysis } from '../rfm/analysis.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { dayAfterLastOrder } from '../shared/as-of.js';
import type { DateInput } from '../shared/validate.js';
import {
  checkByAttributes,
  checkMigrationFrom,
  migrationFromDate,
  migrationOfOption,
  segmentsDetail,
  segmentsForReport,
  segmentsRun,
} from './report-run.js';
import { segmentsSection, segmentsSummaryFindings, type SegmentsSectionInput } from './section.js';
import { segmentTexts } from './texts.js';

/** Report options of the segments section. */
export interface SegmentsReportFlags {
  /**
   * Customer attributes the segments section splits the value tiers by; an unknown name is an error listing
   * the usable ones. @defaultValue country when present, and the first three text columns of the customers file
   */
  by?: readonly string[];
  /**
   * Start of the RFM migration (`swb report --migration-from`): a date before the as-of date and after the first
   * purchase; a bad one is an error naming it. @defaultValue 182 days before the as-of date, when the data reaches back that far
   */
  migrationFrom?: DateInput;
  /**
   * The segmentation the migration follows (`swb report --migration-of`): `rfm` or a behavioural segmentation
   * (`loyalty`, `timing`, …), each customer's segment at both dates. @defaultValue 'rfm'
   */
  migrationOf?: string;
}

/** The registry entry of the segments section. */
export const segmentsAnalysis: Analysis<'segments', SegmentsSectionInput, SegmentsReportFlags> = {
  id: 'segments',
  title: (locale) => segmentTexts(locale).section.title,
  summaryFindings: 2,
  check: (options) => {
    if (options.migrationFrom !== undefined) migrationFromDate(options.migrationFrom);
    if (options.migrationOf !== undefined) migrationOfOption(options.migrationOf);
  },
  // Checked before any analysis: a name the data does not have, or a date outside it, is the caller's to fix.
  checkLoaded: async (wb, options) => {
    if (options.by) await checkByAttributes(wb, options.by);
    if (options.migrationFrom !== undefined) {
      const asOf = options.asOf ?? (await dayAfterLastOrder(wb, 'transactions'));
      if (asOf) await checkMigrationFrom(wb, options.migrationFrom, asOf);
    }
  },
  run: async ({ wb, options, asOf, results }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const migrationFrom =
      options.migrationFrom === undefined ? undefined : await checkMigrationFrom(wb, options.migrationFrom, asOf);
    return segmentsForReport(wb, {
      asOf,
      ...(options.by ? { by: options.by } : {}),
      ...(rfm ? { rfm } : {}),
      ...(migrationFrom ? { migrationFrom } : {}),
      ...(options.migrationOf !== undefined ? { migrationOf: migrationOfOption(options.migrationOf) } : {}),
    });
  },
  detail: segmentsDetail,
  present: (r, { locale, currency }) => ({
    sections: [segmentsSection(r, { locale, currency })],
    findings: segmentsSummaryFindings(r, locale, currency),
    runs: [segmentsRun(r)],
  }),
};
