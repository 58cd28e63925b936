/** segment-workbench: the public API (named exports only). */
export { Workbench, DEFAULT_MEMORY_LIMIT, type WorkbenchOptions, type QueryParam, type Row } from './workbench.js';
export { WorkbenchError, isWorkbenchError, type WorkbenchErrorCode } from './errors.js';
export { quoteIdentifier } from './sql.js';
export {
  type Locale, LOCALES, toLocale, toCurrency, formatNumber, formatCurrency, formatPercent, formatDate, isoDate,
} from './locale.js';
export { renderSvg, compileSpec } from './charts/render.js';
export { THEME_CONFIG, CATEGORY_COLORS } from './charts/theme.js';
export {
  show, showDefaults, displayOutputs, chartOutput, tableOutput, isChartSpec, VEGALITE_MIME,
  type ShowOptions, type Showable,
} from './notebook/show.js';
export { publishDisplay, inKernel, type DisplayOutput, type MimeBundle } from './notebook/display.js';
export { tableView, tableHtml, tableText, DEFAULT_ROW_LIMIT, type TableView, type TableViewOptions, type TableLike } from './notebook/table-view.js';
export { loadTransactions, type LoadOptions } from './data/load.js';
export { loadCustomers, type CustomerLoadOptions } from './data/customers.js';
export type { LoadReport, SetAside, SetAsideReason, ColumnUse, ReturnHandling } from './data/load-report.js';
export type { ColumnMapping } from './data/fields.js';
export { PRESETS, PRESET_NAMES, type Preset } from './data/presets.js';
export { formatLoadReport, REASON_LABELS } from './data/format-report.js';
export {
  generateSample, plantedRetention, cohortChurnFactor, plantedNpsMean, PLANTED_CLUSTERS, REFERRAL_SPEND_FACTOR,
  SAMPLE_START, SAMPLE_END, SAMPLE_COHORTS, SAMPLE_MONTHS, type SampleOptions, type SampleResult, type PlantedCluster,
} from './sample/index.js';
export { plantedGroupsTable } from './sample/planted-sql.js';
export { overview, overviewSql, type OverviewOptions, type OverviewResult } from './analyses/overview/index.js';
export {
  rfm, rfmCustomers, type RfmOptions, type RfmOptionsUsed, type RfmResult, type RfmCustomer, type RfmCustomersOptions, type RfmThresholds,
} from './analyses/rfm/index.js';
export { rfmSql, quantileScoreSql, type RfmSqlOptions } from './analyses/rfm/sql.js';
export type { RfmGroupSummary, RfmGridCell, RfmScoreRange, RfmDistribution, RfmDistributionBin } from './analyses/rfm/summary.js';
export {
  standardSegmentMap, validateSegmentMap, segmentOf, rfmCode, LOYALTY_GROUPS,
  type SegmentMap, type SegmentDefinition, type SegmentRule, type ScoreRange, type LoyaltyGroup,
} from './analyses/rfm/segment-map.js';
export {
  segmentName, segmentDescription, segmentAction, loyaltyName, clusterName, clusterNames, featureLabel, tierName, segmentValueName,
  migrationSegmentName, flowText, type SegmentRef,
} from './i18n/analyses.js';
export {
  rfmHeatmap, rfmSegmentBars, rfmDistributionChart, rfmDistributionCharts,
  type RfmChartOptions, type RfmHeatmapOptions, type RfmDistributionOptions,
} from './charts/rfm.js';
export { rfmSection, rfmFindings, type RfmSectionOptions } from './report/sections/rfm.js';
export type { ReportSection, ReportChart, ReportTable, ReportColumn } from './report/section.js';
export { report, ReportBuilder, type ReportOptions } from './report/report.js';
export { renderReportHtml, type RenderedReport } from './report/html.js';
export { saveReport } from './report/save.js';
export { escapeHtml, jsonForScript } from './report/escape.js';
export { loadVegaBundles, toolVersion, type VegaBundles } from './report/assets.js';
export {
  buildReport, reportFromResults, parseAsOf, type BuildReportOptions, type ReportFromResultsOptions, type BuildProgress, type BuildStage,
} from './pipeline/build-report.js';
export { runPipeline, type PipelineOptions, type PipelineResults } from './pipeline/run.js';
export { summarySection, overviewFindings, type SummaryInput, type SummaryOptions } from './report/sections/summary.js';
export { dataQualitySection, type DataQualityInput, type DataQualityOptions } from './report/sections/data-quality.js';
export { methodSection, type MethodInput, type MethodOptions, type AnalysisRun } from './report/sections/method.js';
export { texts, type Texts } from './i18n/index.js';
export { activity, activitySql, type ActivityOptions, type ActivityResult, type ActivityRow, type ActivityPeriod } from './analyses/overview/activity.js';
export { revenueOverTime, customersOverTime, periodLabel, type ActivityChartOptions } from './charts/activity.js';
export {
  clusters, type ClusterOptions, type ClusterOptionsUsed, type ClusterResult, type ClusterFeature, type ClusterProfile,
  type ClusterPoint, type KChoiceRow,
} from './analyses/clusters/index.js';
export { COMPUTED_FEATURES, DEFAULT_FEATURES, type ComputedFeature } from './analyses/clusters/features.js';
export { clusterNameParts, NAME_THRESHOLD, type ClusterNamePart, type ClusterLevel } from './analyses/clusters/names.js';
export { clusterVsRfm, type ClusterVsRfmInput, type ClusterRfmCell, type ClusterRfmCrosstab } from './analyses/clusters/vs-rfm.js';
export { adjustedRandIndex, adjustedRandFromTable } from './stats/adjusted-rand.js';
export { clusterKChart, clusterScatter, clusterProfileHeatmap, clusterSizes, clusterLabels, type ClusterChartOptions } from './charts/clusters.js';
export { clustersSection, clusterFindings, type ClustersSectionOptions } from './report/sections/clusters.js';
export {
  cohorts, averageCurve, type CohortOptions, type CohortOptionsUsed, type CohortResult, type CohortCell, type CohortSummary,
  type CohortAveragePoint, type CohortPeriod,
} from './analyses/cohorts/index.js';
export {
  cohortsSql, cohortPeriodsSql, cohortStatsSql, periodDiffSql, periodKeySql, PERIODS_TABLE, type CohortsSqlOptions,
} from './analyses/cohorts/sql.js';
export {
  segmentBy, binsFromEdges, MISSING_SEGMENT, COMPUTED_COLUMNS,
  type SegmentSpec, type SegmentByOptions, type SegmentByResult, type SegmentSummary, type SegmentBin, type ValueTier, type BaseOptions,
  type SegmentRuleObject, type RuleCondition, type RuleOp, type RuleValue,
} from './analyses/segments/index.js';
export {
  compareSubsegments, type CompareSubsegmentsOptions, type SubsegmentResult, type SubsegmentRow, type SubsegmentSegment,
} from './analyses/segments/subsegments.js';
export {
  resolveKpi, kpiValue, kpiVariance, differenceFromSegment, DEFAULT_CHURN_DAYS, type KpiSpec, type KpiDef, type Suff,
} from './analyses/segments/kpi.js';
export { kpis, kpiStatus, type KpisOptions, type KpisResult, type KpiGoal, type KpiRow, type KpiStatus } from './analyses/segments/kpis.js';
export {
  cohortHeatmap, cohortRetentionCurves, cohortLtvCurves, cohortLabel, shownCohorts, type CohortChartOptions, type CohortHeatmapOptions,
} from './charts/cohorts.js';
export {
  migration, type MigrationOptions, type MigrationSegment, type MigrationResult, type MigrationCell, type MigrationFlow, type SegmentCount,
} from './analyses/segments/migration.js';
export {
  overlap, segmentSets, type CustomerSet, type TableSet, type OverlapPair, type OverlapResult,
} from './analyses/segments/overlap.js';
export { cohortsSection, cohortFindings, type CohortsSectionOptions } from './report/sections/cohorts.js';
export {
  subsegmentChart, kpiGoalChart, migrationHeatmap, overlapMatrix, kpiLabel, kpiFormat, type SegmentChartOptions,
} from './charts/segments.js';
export {
  segmentsSection, segmentsFindings, type SegmentsSectionInput, type SegmentsSectionOptions,
} from './report/sections/segments.js';
export { checkSegmentTable } from './analyses/segments/index.js';
export { segmentsForReport, type SegmentsReportOptions } from './pipeline/segments.js';
export { segmentsSummaryFindings } from './report/sections/segments.js';
export { segmentLabel } from './charts/segments.js';
export { ALL_CUSTOMERS } from './analyses/segments/kpi.js';
export {
  clvSummary, clvSummarySql, clvGroups, type ClvSummaryOptions, type ClvSummaryResult, type ClvSummaryRow, type ClvGroup, type ClvUnit,
} from './analyses/clv/summary.js';
export {
  fitBgnbd, bgnbdLogLikelihood, bgnbdCustomerLogLikelihood, bgnbdPAlive, bgnbdExpectedPurchases, bgnbdConditionalExpected,
  type BgnbdParams, type BgnbdFit, type BgnbdFitOptions,
} from './analyses/clv/bgnbd.js';
export {
  fitGammaGamma, gammaGammaCustomerLogLikelihood, gammaGammaExpectedSpend, discountedPurchases,
  type GammaGammaParams, type GammaGammaFit, type GammaGammaRow, type ClvHorizon,
} from './analyses/clv/gamma-gamma.js';
export {
  clv, clvTableSql, type ClvOptions, type ClvOptionsUsed, type ClvResult, type ClvCustomer, type ClvGroupSummary, type ClvHoldoutRow,
  type AliveBand, type ClvTier,
} from './analyses/clv/index.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './stats/nelder-mead.js';
export { lnGamma, lnBeta, lnHyp2f1 } from './stats/special.js';
export { normalQuantile } from './stats/normal.js';
export { clvBySegment, pAliveMatrix, HOLDOUT_MAX_X, type ClvSegmentRow, type ClvSegmentation } from './analyses/clv/aggregates.js';
export {
  clvHoldoutChart, pAliveHistogramChart, pAliveMatrixChart, clvTierChart, clvSegmentChart, type ClvChartOptions,
} from './charts/clv.js';
export { clvSection, clvFindings, type ClvSectionOptions } from './report/sections/clv.js';
