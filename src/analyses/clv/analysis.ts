/** Predicted value in the report: BG/NBD + Gamma-Gamma on everything before the as-of day, per RFM segment. */
import { rfmAnalysis } from '../rfm/analysis.js';
import { segmentNames } from '../rfm/words.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { numberInRange } from '../shared/validate.js';
import { WorkbenchError } from '../../errors.js';
import { firstOrderDay } from './summary.js';
import { clvBySegment, type ClvSegmentRow } from './aggregates.js';
import { clv, CLV_DISCOUNT_RATE, CLV_MARGIN } from './index.js';
import { clvDoubts, clvFindings, clvSection } from './section.js';
import type { ClvResult } from './types.js';
import { clvTexts } from './texts.js';

/** Report options of the predicted-value section. */
export interface ClvReportFlags {
  /**
   * Also fit BG/NBD + Gamma-Gamma on everything before the as-of day (predicted value per RFM segment).
   * Off by default: on a single year of data the model often finds no dropout and calls everyone alive.
   * @defaultValue false
   */
  clv?: boolean;
  /** With `clv`: share of revenue that is profit; 1 means values are revenue. @defaultValue 1 */
  margin?: number;
  /** With `clv`: yearly discount rate of future value (0.1 = 10% a year). @defaultValue 0 */
  discountRate?: number;
}

const DAY_MS = 86_400_000;

/** The registry entry of predicted value (with `clv`). */
export const clvAnalysis: Analysis<'clv', ClvResult, ClvReportFlags> = {
  id: 'clv',
  title: (locale) => clvTexts(locale).section.title,
  sufficiency: 'clv',
  summaryFindings: 1,
  flag: '--clv',
  when: (options) => options.clv === true,
  // Checked before loading: a bad value is the caller's to fix, not a section that could not be computed.
  check: (options) => {
    if (options.margin !== undefined) numberInRange('margin', options.margin, CLV_MARGIN);
    if (options.discountRate !== undefined) numberInRange('discountRate', options.discountRate, CLV_DISCOUNT_RATE);
  },
  run: ({ wb, options, asOf }) =>
    clv(wb, {
      calibrationEnd: new Date(asOf.getTime() - DAY_MS),
      ...(options.margin !== undefined ? { margin: options.margin } : {}),
      ...(options.discountRate !== undefined ? { discountRate: options.discountRate } : {}),
      ...(options.minimums?.clv ? { minimums: options.minimums.clv } : {}),
    }),
  detail: (r) =>
    `${r.customers.toLocaleString('en')} customers, ${r.bgnbd.repeatBuyers.toLocaleString('en')} repeat buyers, P(alive) and 12-month value`,
  present: (r, { locale, currency, results, enough }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const segments = resultOf(results, clvSegmentsAnalysis);
    const check = resultOf(results, clvCheckAnalysis);
    const names = rfm ? segmentNames(rfm, locale) : {};
    const { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample } = r.options;
    return {
      sections: [
        clvSection(r, {
          locale,
          currency,
          ...(segments ? { segments } : {}),
          segmentNames: names,
          ...(check ? { check } : {}),
        }),
      ],
      // A prediction the section calls unreliable, or made on too little data, is not quoted in the summary.
      findings: clvDoubts(r, check).length === 0 && enough ? clvFindings(r, locale, currency, check) : [],
      runs: [
        {
          name: 'CLV',
          options: { calibrationEnd, unit, horizonMonths, discountRate, margin, aliveBands, tierShares, fitSample },
        },
        ...(check
          ? [
              {
                name: 'CLV holdout check',
                options: {
                  calibrationEnd: check.options.calibrationEnd,
                  holdoutEnd: check.options.holdoutEnd,
                  compareModels: true,
                },
              },
            ]
          : []),
      ],
    };
  },
};

/** Weeks at the end of the data the report's holdout check holds out. */
export const CLV_CHECK_WEEKS = 13;

/**
 * The report's holdout check of predicted value (with `clv`): BG/NBD and Pareto/NBD fitted on everything up
 * to {@link CLV_CHECK_WEEKS} weeks before the as-of day and compared on those weeks (no intervals). Runs when
 * the data before the holdout is at least as long as the holdout; nothing when shorter, or when the models
 * cannot be fitted on the shorter period (the section then says its predictions were not tested).
 */
export const clvCheckAnalysis: Analysis<'clvCheck', ClvResult, ClvReportFlags> = {
  id: 'clvCheck',
  title: (locale) => clvTexts(locale).section.title,
  when: (options) => options.clv === true,
  run: async ({ wb, options, asOf, results }) => {
    if (!resultOf(results, clvAnalysis)) return undefined;
    const lastDay = new Date(asOf.getTime() - DAY_MS);
    const calibrationEnd = new Date(lastDay.getTime() - CLV_CHECK_WEEKS * 7 * DAY_MS);
    const firstDay = await firstOrderDay(wb, 'transactions', asOf);
    if (!firstDay || calibrationEnd.getTime() - firstDay.getTime() < CLV_CHECK_WEEKS * 7 * DAY_MS) return undefined;
    try {
      return await clv(wb, {
        calibrationEnd,
        holdoutEnd: lastDay,
        compareModels: true,
        intervalDraws: 0,
        table: 'clv_check',
        summaryTable: 'clv_check_summary',
        ...(options.margin !== undefined ? { margin: options.margin } : {}),
        ...(options.discountRate !== undefined ? { discountRate: options.discountRate } : {}),
      });
    } catch (e) {
      // A shorter calibration period may hold too few repeat buyers: the section then says it was not tested
      if (e instanceof WorkbenchError) return undefined;
      throw e;
    }
  },
  detail: (r) =>
    `holdout check: ${CLV_CHECK_WEEKS} weeks, ${r.customers.toLocaleString('en')} customers, BG/NBD${r.modelComparison ? ' and Pareto/NBD' : ''} fitted on the weeks before`,
};

/** The registry entry of predicted value per RFM segment (with `clv` and RFM; shown in the CLV section). */
export const clvSegmentsAnalysis: Analysis<'clvSegments', ClvSegmentRow[], ClvReportFlags> = {
  id: 'clvSegments',
  title: (locale) => clvTexts(locale).section.title,
  failure: 'fatal',
  when: (options) => options.clv === true,
  run: async ({ wb, results }) => {
    const fitted = resultOf(results, clvAnalysis);
    const rfm = resultOf(results, rfmAnalysis);
    return fitted && rfm ? clvBySegment(wb, fitted, rfm) : undefined;
  },
};
