/**
 * The one list of analyses: the pipeline runs them in this order, the report presents them in this order
 * (their sections, summary findings and options), and the public types of `runPipeline` (its options and
 * results) are read off it. Adding an analysis = its folder with an `analysis.ts` + one line here.
 */
import { actionsAnalysis } from './actions/analysis.js';
import { channelAnalysis } from './channel/analysis.js';
import { clustersAnalysis, crosstabAnalysis } from './clusters/analysis.js';
import { clvAnalysis, clvCheckAnalysis, clvSegmentsAnalysis } from './clv/analysis.js';
import { cohortsAnalysis } from './cohorts/analysis.js';
import { goalsAnalysis } from './goals/analysis.js';
import { journeyAnalysis } from './journey/analysis.js';
import { loyaltyAnalysis } from './loyalty/analysis.js';
import { overviewAnalysis } from './overview/analysis.js';
import { priceAnalysis } from './price/analysis.js';
import { productMixAnalysis } from './product-mix/analysis.js';
import { rfmAnalysis } from './rfm/analysis.js';
import { segmentsAnalysis } from './segments/analysis.js';
import type { OptionsOf, ResultOf } from './shared/analysis.js';
import { subscriptionsAnalysis } from './subscriptions/analysis.js';
import { timingAnalysis } from './timing/analysis.js';
import { trendsAnalysis } from './trends/analysis.js';

/** Every analysis of a report, in run and reading order (RFM first: its as-of date is everyone's). */
export const ANALYSES = [
  rfmAnalysis,
  cohortsAnalysis,
  clustersAnalysis,
  crosstabAnalysis,
  segmentsAnalysis,
  trendsAnalysis,
  goalsAnalysis,
  clvAnalysis,
  clvSegmentsAnalysis,
  clvCheckAnalysis,
  timingAnalysis,
  loyaltyAnalysis,
  productMixAnalysis,
  channelAnalysis,
  priceAnalysis,
  overviewAnalysis,
  subscriptionsAnalysis,
  journeyAnalysis,
  actionsAnalysis,
] as const;

/** A registered analysis. */
export type RegisteredAnalysis = (typeof ANALYSES)[number];

/** The id of a registered analysis (its stage name, result key and section id). */
export type AnalysisId = RegisteredAnalysis['id'];

/** The result of each registered analysis, by id (absent when it did not run or could not be computed). */
export type AnalysisResults = { [A in RegisteredAnalysis as A['id']]?: ResultOf<A> };

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The report options every registered analysis reads, together. */
export type AnalysisOptions = Intersect<OptionsOf<RegisteredAnalysis>>;
