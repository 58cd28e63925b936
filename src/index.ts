/**
 * segment-workbench: the public API (named exports only).
 *
 * Architecture, one way: cli / notebooks → pipeline → data (files → DuckDB tables in a Workbench)
 * → analyses (SQL; typed results of keys and numbers) → charts (Vega-Lite specs) + i18n (keys → words)
 * → report (sections → one HTML file). Only the two ends do I/O: loading files and saving reports.
 *
 * This index holds what users call and the option/result types they write against. Internals
 * (SQL builders, numerical methods, planted-truth helpers, display plumbing) stay importable from
 * their modules for the tests and the bench, but are not part of the package's API. The one planted
 * truth exported is the subscription sample's rates (`PLANTED_SUBSCRIPTIONS`): notebook 08 checks against them.
 */

// data: the Workbench (one DuckDB), loading files, column presets, errors, locale formatting
export { Workbench, type WorkbenchOptions, type StatementTiming, type QueryParam, type Row } from './workbench.js';
export { WorkbenchError, isWorkbenchError, type WorkbenchErrorCode } from './errors.js';
export { quoteIdentifier } from './sql.js';
export { loadTransactions, type LoadOptions } from './data/load.js';
export { loadCustomers, type CustomerLoadOptions } from './data/customers.js';
export { loadSubscriptions, type SubscriptionLoadOptions } from './data/subscriptions.js';
export { loadEvents, type EventLoadOptions } from './data/events.js';
export type { SubscriptionMapping, EventMapping } from './data/subscription-fields.js';
export type { LoadReport, SetAside, SetAsideReason, ColumnUse, ReturnHandling } from './data/load-report.js';
export type { ColumnMapping } from './data/fields.js';
export { PRESETS, PRESET_NAMES, type Preset } from './data/presets.js';
export { generateSample, type SampleOptions, type SampleResult } from './sample/index.js';
export {
  generateSubscriptions,
  PLANTED_SUBSCRIPTIONS,
  plantedChurn,
  type SubscriptionSampleOptions,
  type SubscriptionSampleResult,
  type PlantedSubscriptions,
  type PlantedPlan,
  type PlantedUsage,
} from './sample/subscriptions.js';
export { type Locale, LOCALES, formatNumber, formatCurrency, formatPercent, formatDate, isoDate } from './locale.js';

// analyses: one verb per analysis, options in, typed result out
export { overview, type OverviewOptions, type OverviewResult } from './analyses/overview/index.js';
export {
  activity,
  type ActivityOptions,
  type ActivityResult,
  type ActivityRow,
  type ActivityPeriod,
} from './analyses/overview/activity.js';
export {
  rfm,
  rfmCustomers,
  type RfmOptions,
  type RfmOptionsUsed,
  type RfmResult,
  type RfmCustomer,
  type RfmCustomersOptions,
  type RfmThresholds,
} from './analyses/rfm/index.js';
export type {
  RfmGroupSummary,
  RfmGridCell,
  RfmScoreRange,
  RfmDistribution,
  RfmDistributionBin,
} from './analyses/rfm/summary.js';
export {
  standardSegmentMap,
  defineSegmentMap,
  type SegmentMap,
  type SegmentDefinition,
  type SegmentRule,
  type ScoreRange,
  type LoyaltyGroup,
} from './analyses/rfm/segment-map.js';
export {
  cohorts,
  type CohortOptions,
  type CohortOptionsUsed,
  type CohortResult,
  type CohortCell,
  type CohortSummary,
  type CohortAveragePoint,
  type CohortPeriod,
} from './analyses/cohorts/index.js';
export {
  clusters,
  type ClusterOptions,
  type ClusterOptionsUsed,
  type ClusterResult,
  type ClusterFeature,
  type ClusterProfile,
  type ClusterPoint,
  type KChoiceRow,
} from './analyses/clusters/index.js';
export {
  timing,
  TIMING_RULES,
  TIMING_SEGMENTS,
  TIME_BANDS,
  type TimingOptions,
  type TimingOptionsUsed,
  type TimingResult,
  type TimingSegmentSummary,
  type TimingGridCell,
  type TimingOrderCounts,
  type TimingSegment,
  type TimeBand,
} from './analyses/timing/index.js';
export {
  loyalty,
  LOYALTY_RULES,
  LOYALTY_SEGMENTS,
  type LoyaltyOptions,
  type LoyaltyOptionsUsed,
  type LoyaltyResult,
  type LoyaltySegmentSummary,
  type LoyaltySegment,
} from './analyses/loyalty/index.js';
export { loyaltyBars, type LoyaltyChartOptions } from './analyses/loyalty/charts.js';
export { loyaltySection, loyaltyFindings, type LoyaltySectionOptions } from './analyses/loyalty/section.js';
export { loyaltyTexts } from './analyses/loyalty/texts.js';
export {
  channelPayment,
  channelCustomers,
  channelColumns,
  CHANNEL_RULES,
  CHANNEL_SEGMENTS,
  type ChannelOptions,
  type ChannelOptionsUsed,
  type ChannelResult,
  type ChannelSegmentSummary,
  type ChannelCustomer,
  type ChannelSegment,
  type NamedGroupSummary,
} from './analyses/channel/index.js';
export {
  priceSensitivity,
  priceCustomers,
  priceSignals,
  PRICE_RULES,
  PRICE_SEGMENTS,
  PRICE_SIGNALS,
  type PriceOptions,
  type PriceOptionsUsed,
  type PriceResult,
  type PriceSegmentSummary,
  type PriceCustomer,
  type PriceSegment,
  type PriceSignal,
} from './analyses/price/index.js';
export {
  productMix,
  productMixCustomers,
  productMixColumns,
  clusterKeys as productMixClusterKeys,
  MIX_RULES,
  type ProductMixOptions,
  type ProductMixOptionsUsed,
  type ProductMixResult,
  type ProductMixCustomer,
  type MixCategory,
  type MixCluster,
  type MixPair,
} from './analyses/product-mix/index.js';
export { pairLifts, type PairLift, type Pattern as CategoryPattern } from './analyses/product-mix/pairs.js';
export { loadCategories, CATEGORY_TABLE, type CategoryLoadReport } from './data/categories.js';
export { PLANTED_BEHAVIOUR, type PlantedMix, type PlantedPrice } from './sample/behaviour.js';
export type { GroupKpis, MeanEstimate } from './analyses/shared/group-kpis.js';
export {
  journey,
  JOURNEY_STAGES,
  JOURNEY_RULES,
  ENGAGEMENT_LEVELS,
  DEFAULT_JOURNEY_MAP,
  parseJourneyMap,
  readJourneyMap,
  type JourneyMap,
  type JourneyStage,
  type EngagementLevel,
  type JourneyOptions,
  type JourneyOptionsUsed,
  type JourneyResult,
  type JourneyStageSummary,
  type JourneyFunnelStep,
  type EngagementSummary,
} from './analyses/journey/index.js';
export { journeyFunnel, journeyOverTime, type JourneyChartOptions } from './analyses/journey/charts.js';
export { journeySection, journeyFindings, type JourneySectionOptions } from './analyses/journey/section.js';
export { journeyTexts } from './analyses/journey/texts.js';
export { COMPUTED_FEATURES, DEFAULT_FEATURES, type ComputedFeature } from './analyses/clusters/features.js';
export type { ClusterNamePart, ClusterLevel } from './analyses/clusters/names.js';
export type { Projection } from './analyses/clusters/projection.js';
export {
  clusterVsRfm,
  type ClusterVsRfmInput,
  type ClusterRfmCell,
  type ClusterRfmCrosstab,
} from './analyses/clusters/vs-rfm.js';
export {
  segmentBy,
  MISSING_SEGMENT,
  type SegmentSpec,
  type SegmentByOptions,
  type SegmentByResult,
  type SegmentSummary,
  type SegmentBin,
  type ValueTier,
  type BaseOptions,
  type SegmentRuleObject,
  type RuleCondition,
  type RuleOp,
  type RuleValue,
} from './analyses/segments/index.js';
export {
  compareSubsegments,
  type CompareSubsegmentsOptions,
  type SubsegmentResult,
  type SubsegmentRow,
  type SubsegmentSegment,
} from './analyses/segments/subsegments.js';
export { ALL_CUSTOMERS, type KpiSpec, type KpiDef } from './analyses/segments/kpi.js';
export {
  kpis,
  type KpisOptions,
  type KpisResult,
  type KpiGoal,
  type KpiRow,
  type KpiStatus,
} from './analyses/segments/kpis.js';
export {
  migration,
  type MigrationOptions,
  type MigrationSegment,
  type MigrationResult,
  type MigrationCell,
  type MigrationFlow,
  type SegmentCount,
} from './analyses/segments/migration.js';
export {
  overlap,
  segmentSets,
  type CustomerSet,
  type TableSet,
  type OverlapPair,
  type OverlapResult,
} from './analyses/segments/overlap.js';
export {
  trends,
  trendDates,
  TREND_PERIODS,
  type TrendsOptions,
  type TrendsOptionsUsed,
  type TrendsResult,
  type TrendPoint,
  type TrendValue,
  type MeanInterval,
  type TrendPeriod,
  type TrendGrouping,
  type TrendClusters,
} from './analyses/trends/index.js';
export {
  clv,
  type ClvOptions,
  type ClvOptionsUsed,
  type ClvResult,
  type ClvCustomer,
  type ClvGroupSummary,
  type ClvHoldoutRow,
  type AliveBand,
  type ClvTier,
  type ClvModelComparison,
  type ClvModelError,
  type ClvTracking,
  type ClvTrackingWeek,
} from './analyses/clv/index.js';
export { clvBySegment, type ClvSegmentRow, type ClvSegmentation } from './analyses/clv/aggregates.js';
export {
  clvModel,
  modelToJson,
  modelFromJson,
  CLV_MODEL_FORMAT,
  CLV_MODEL_VERSION,
  type ClvModel,
} from './analyses/clv/model-json.js';
export { clvScore, type ClvScoreOptions, type ClvScoreResult } from './analyses/clv/score.js';
export {
  clvSummary,
  type ClvSummaryOptions,
  type ClvSummaryResult,
  type ClvSummaryRow,
  type ClvUnit,
} from './analyses/clv/summary.js';
export { clvGroups, type ClvGroup } from './analyses/clv/summary.js';
export {
  fitBgnbd,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdExpectedPurchases,
  bgnbdConditionalExpected,
  type BgnbdParams,
  type BgnbdFit,
  type BgnbdFitOptions,
} from './analyses/clv/bgnbd.js';
export {
  fitParetoNbd,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  paretoNbdExpectedPurchases,
  paretoNbdConditionalExpected,
  type ParetoNbdParams,
  type ParetoNbdFit,
  type ParetoNbdFitOptions,
} from './analyses/clv/pareto-nbd.js';
export {
  fitBgbb,
  bgbbLogLikelihood,
  bgbbPAlive,
  bgbbExpected,
  bgbbConditionalExpected,
  bgbbProbabilityOfX,
  type BgbbParams,
  type BgbbFit,
  type BgbbGroup,
} from './analyses/clv/bgbb.js';
export {
  clvDiscrete,
  DISCRETE_MULTI_DAY_LIMIT,
  type ClvDiscreteOptions,
  type ClvDiscreteResult,
  type DiscretePeriod,
} from './analyses/clv/discrete.js';
export {
  fitGammaGamma,
  selectGammaGammaRows,
  gammaGammaExpectedSpend,
  gammaGammaPopulationMean,
  type GammaGammaParams,
  type GammaGammaFit,
  type GammaGammaRow,
} from './analyses/clv/gamma-gamma.js';
export {
  pAlive,
  expectedPurchases,
  conditionalExpected,
  discountedExpected,
  type PurchaseModel,
  type PurchaseModelKind,
  type Horizon,
} from './analyses/clv/purchase-model.js';
export {
  segmentValues,
  valueIntervals,
  type ValueCell,
  type ValueModel,
  type ValueInterval,
  type ValueIntervalOptions,
} from './analyses/clv/intervals.js';
export {
  mrrMovements,
  subscriptionChurn,
  subscriptionCohorts,
  netRevenueChurn,
  subscriptionKpis,
  type SubscriptionKpiOptions,
  type SubscriptionKpiResult,
  type SubscriptionKpiMonth,
  type SubscriptionKpiSegment,
  type MrrMovementsOptions,
  type MrrMovementsResult,
  type MrrMovementRow,
  type MrrMovementFigures,
  type MrrMethod,
  type MrrSegmentsResult,
  type MrrSegmentMovements,
  type MrrSegmentMonth,
  type NetChurnParts,
  type SubscriptionChurnOptions,
  type SubscriptionChurnResult,
  type SubscriptionChurnRow,
  type SubscriptionChurnFigures,
  type SubscriptionChurnFinding,
  type ChurnBy,
  type ResolvedChurnBy,
  type SubscriptionCohortOptions,
  type SubscriptionCohortOptionsUsed,
  type SubscriptionCohortResult,
  type SubscriptionCohortSegment,
  parseFxRates,
  readFxRates,
  mrrMovementList,
  type MrrMovementListOptions,
  type MrrMovementListResult,
  type MrrMovementListRow,
  type MrrMovementKind,
  parseSubscriptionGoals,
  subscriptionGoalRows,
  subscriptionGoals,
  SUBSCRIPTION_GOAL_KPIS,
  type SubscriptionGoalKpi,
  type SubscriptionGoal,
  type SubscriptionGoals,
  type SubscriptionGoalRow,
  type SubscriptionGoalStatus,
  type SubscriptionGoalsOptions,
  type SubscriptionGoalsResult,
  type KpiTarget,
  type FxRate,
  type FxRates,
  type FxUsed,
} from './analyses/subscriptions/index.js';
export {
  usageSegments,
  USAGE_SEGMENTS,
  PLATFORM_GROUPS,
  type UsageSegmentsOptions,
  type UsageSegmentsResult,
  type UsageSegmentSummary,
  type PlatformMixRow,
  type UsageOptionsUsed,
  type UsageWindowOptions,
  type UsageSegment,
} from './analyses/usage/index.js';
export {
  usageChurn,
  type UsageChurnOptions,
  type UsageChurnResult,
  type UsageChurnRow,
  type UsageChurnFinding,
  type UsageChurnCompared,
  type UsageChurnBy,
} from './analyses/usage/churn.js';
export type { Proportion } from './stats/proportion.js';

// charts: pure builders, result → Vega-Lite spec; renderSvg for a static picture
export { revenueOverTime, customersOverTime, type ActivityChartOptions } from './analyses/overview/charts.js';
export {
  rfmHeatmap,
  rfmSegmentBars,
  rfmDistributionChart,
  rfmDistributionCharts,
  type RfmChartOptions,
  type RfmHeatmapOptions,
  type RfmDistributionOptions,
} from './analyses/rfm/charts.js';
export {
  cohortHeatmap,
  cohortRetentionCurves,
  cohortLtvCurves,
  type CohortChartOptions,
  type CohortHeatmapOptions,
} from './analyses/cohorts/charts.js';
export {
  clusterKChart,
  clusterScatter,
  clusterProfileHeatmap,
  clusterSizes,
  type ClusterChartOptions,
} from './analyses/clusters/charts.js';
export {
  subsegmentChart,
  kpiGoalChart,
  migrationHeatmap,
  overlapMatrix,
  type SegmentChartOptions,
} from './analyses/segments/charts.js';
export {
  trendShareChart,
  trendKpiChart,
  trendGroupingShareChart,
  type TrendChartOptions,
  type TrendKpiChartOptions,
} from './analyses/trends/charts.js';
export {
  mrrBridgeChart,
  mrrMovementsChart,
  churnComparisonChart,
  usageChurnChart,
  segmentChurnChart,
  type SubscriptionChartOptions,
  type MrrChartOptions,
  type ChurnComparisonOptions,
  type SegmentChurnChartOptions,
} from './analyses/subscriptions/charts.js';
export {
  clvHoldoutChart,
  pAliveHistogramChart,
  pAliveMatrixChart,
  clvTierChart,
  clvSegmentChart,
  type ClvChartOptions,
} from './analyses/clv/charts.js';
export { clvTrackingChart, type ClvTrackingChartOptions } from './analyses/clv/tracking-charts.js';
export { timingHeatmap, timingSegmentBars, type TimingChartOptions } from './analyses/timing/charts.js';
export {
  channelValueChart,
  channelActiveChart,
  paymentValueChart,
  type ChannelChartOptions,
} from './analyses/channel/charts.js';
export { priceBandsChart, priceValueChart, priceRepeatChart, type PriceChartOptions } from './analyses/price/charts.js';
export { mixProfileChart, mixPairsChart, type MixChartOptions } from './analyses/product-mix/charts.js';
export { renderSvg } from './charts/render.js';
export { chartLocale, withChartLocale, type ChartLocale, type ChartLocaleOptions } from './charts/locale-config.js';

// report: sections (result → title, findings, charts, tables), the builder, atomic save
export type { ReportSection, ReportChart, ReportTable, ReportColumn } from './report/section.js';
export {
  summarySection,
  overviewFindings,
  type SummaryInput,
  type SummaryOptions,
} from './analyses/overview/section.js';
export { dataQualitySection, type DataQualityInput, type DataQualityOptions } from './report/sections/data-quality.js';
export { rfmSection, rfmFindings, type RfmSectionOptions } from './analyses/rfm/section.js';
export { cohortsSection, cohortFindings, type CohortsSectionOptions } from './analyses/cohorts/section.js';
export { timingSection, timingFindings, type TimingSectionOptions } from './analyses/timing/section.js';
export { timingTexts } from './analyses/timing/texts.js';
export { channelSection, channelFindings, type ChannelSectionOptions } from './analyses/channel/section.js';
export { priceSection, priceFindings, type PriceSectionOptions } from './analyses/price/section.js';
export { productMixSection, mixFindings, type MixSectionOptions } from './analyses/product-mix/section.js';
export { clustersSection, clusterFindings, type ClustersSectionOptions } from './analyses/clusters/section.js';
export {
  segmentsSection,
  segmentsFindings,
  segmentsSummaryFindings,
  type SegmentsSectionInput,
  type SegmentsSectionOptions,
} from './analyses/segments/section.js';
export { trendsSection, trendFindings, type TrendsSectionOptions } from './analyses/trends/section.js';
export {
  clvSection,
  clvFindings,
  clvCheckReading,
  clvChecked,
  type ClvSectionOptions,
} from './analyses/clv/section.js';
export {
  goalsSection,
  goalsFindings,
  type GoalsSectionInput,
  type GoalsSectionOptions,
} from './analyses/goals/section.js';
export {
  subscriptionsSection,
  subscriptionFindings,
  usageChurnFinding,
  type SubscriptionsSectionInput,
  type SubscriptionsSectionOptions,
  type SubscriptionPart,
} from './analyses/subscriptions/section.js';
export {
  movementKindLabel,
  subscriptionKpiLabel,
  goalStatusLabel,
  MOVEMENT_KINDS,
} from './analyses/subscriptions/words.js';
export { subscriptionSummarySection } from './analyses/subscriptions/section-summary.js';
export { methodSection, type MethodInput, type MethodOptions, type AnalysisRun } from './report/sections/method.js';
export { report, ReportBuilder, type ReportOptions } from './report/report.js';

// privacy
export { DEFAULT_MIN_GROUP, suppressSmallGroups, suppressChartCounts } from './report/small-groups.js';
export { Pseudonyms, CUSTOMER_ID_COLUMNS } from './privacy/pseudonyms.js';
export { forgetCustomers, type ForgetResult } from './privacy/forget.js';
export { customerAttributesUsed } from './pipeline/minimisation.js';
export {
  checkSufficiency,
  dataFacts,
  DEFAULT_MINIMUMS,
  type Sufficiency,
  type SufficiencyCheck,
  type SufficiencyName,
  type SufficiencyAnalysis,
  type Minimums,
  type DataFacts,
} from './analyses/shared/sufficiency.js';
export type { RenderedReport } from './report/html.js';
export { saveReport } from './report/save.js';
export { toolVersion } from './report/assets.js';

// pipeline: file(s) in, results out (what `swb report` and notebook 05 run), and the report made from them
export {
  runPipeline,
  type PipelineOptions,
  type PipelineResults,
  type TransactionPipelineResults,
  type PipelineAnalysis,
  type SubscriptionAnalysis,
  type PipelineFailures,
  type BuildProgress,
  type BuildStage,
  type SubscriptionResults,
} from './pipeline/run.js';
export { unavailableSection, type SectionFailure } from './report/sections/unavailable.js';
export {
  buildReport,
  reportFromResults,
  snapshotSources,
  parseAsOf,
  type BuildReportOptions,
  type ReportFromResultsOptions,
} from './pipeline/build-report.js';

// comparing runs: the results a report embeds, read back and compared
export { reportDataOf, type ReportDataOptions } from './pipeline/report-data.js';
export { readReportData, parseReportData } from './compare/read.js';
export {
  compareReports,
  type ReportComparison,
  type FactDifference,
  type SizeChange,
  type GroupingChange,
  type KpiChange,
  type CustomerChange,
  type CohortChange,
} from './compare/compare.js';
export { comparisonSection, sectionText, type ComparisonSectionOptions } from './compare/section.js';
export { cohortCurvesChart, cohortEachChart } from './compare/charts.js';
export {
  writeSnapshot,
  snapshotMoves,
  snapshotFileMoves,
  type SnapshotSource,
  type SnapshotMoves,
  type GroupingMoves,
} from './compare/snapshot.js';
export {
  REPORT_DATA_FORMAT,
  REPORT_DATA_SCHEMA,
  type ReportData,
  type ReportFacts,
  type Grouping,
  type GroupingKind,
  type SegmentSize,
  type SegmentKpis,
  type Interval,
  type CohortCurve,
  type CohortCurves,
  type SinceFigures,
} from './compare/data.js';
export { sinceFigures, type SinceOptions } from './compare/since.js';
export {
  parseGoals,
  readGoalsFile,
  goalsForReport,
  GOAL_KPIS,
  type GoalsSpec,
  type GoalSegments,
  type GoalsResult,
} from './analyses/goals/index.js';

// lists to act on: segment membership per customer for a CRM or e-mail tool (real ids, by design)
export {
  exportSegments,
  type ExportSegmentsOptions,
  type ExportSegmentsResult,
  type ExportFormat,
} from './export/segments.js';
export {
  exportSegmentation,
  segmentationSelectSql,
  type ExportSegmentationOptions,
  type ExportSegmentationResult,
} from './export/segmentation.js';
export { SEGMENTATIONS, SEGMENTATION_IDS, type SegmentationId } from './export/segmentations.js';
export type { Segmentation, SegmentationColumn } from './analyses/shared/segmentation.js';
// who moved: the MRR movement list per customer, pseudonymised
export {
  exportMrrMovements,
  type ExportMrrMovementsOptions,
  type ExportMrrMovementsResult,
} from './export/mrr-movements.js';

// notebook: display in a tslab kernel (text form outside one)
export { show, showDefaults, type ShowOptions, type Showable } from './notebook/show.js';
export { summaryText, withSummary } from './notebook/inspect.js';
export {
  showMarkdown,
  hasColumn,
  needColumns,
  attempt,
  dataPeriod,
  comparisonDates,
  holdoutDates,
  type CheckOptions,
  type DataPeriod,
  type HoldoutDates,
} from './notebook/checks.js';
export {
  clusterKReading,
  clvHoldoutReading,
  rfmHeatmapReading,
  rfmSegmentsReading,
  rfmScoresReading,
  cohortRetentionReading,
  cohortRevenueReading,
  cohortCurveReading,
  cohortLtvReading,
  cohortGroupsReading,
} from './notebook/readings.js';

// i18n: every word a reader sees; analyses return keys, these turn keys into words
export { texts, type Texts } from './i18n/index.js';
export { segmentName, segmentDescription, segmentAction, loyaltyName, type SegmentRef } from './analyses/rfm/words.js';
export { clusterName, clusterNames, featureLabel } from './analyses/clusters/words.js';
export { tierName, segmentValueName } from './i18n/analyses.js';
export { migrationSegmentName, flowText } from './analyses/segments/words.js';
