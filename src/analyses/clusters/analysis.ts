/** Clusters in the report: k-means on RFM features at the as-of date, and their cross-table with RFM segments. */
import { rfmAnalysis } from '../rfm/analysis.js';
import { segmentNames } from '../rfm/words.js';
import { resultOf, type Analysis } from '../shared/analysis.js';
import { clusters, type ClusterResult } from './index.js';
import { clusterFindings, clustersSection } from './section.js';
import { clusterVsRfm, type ClusterRfmCrosstab } from './vs-rfm.js';
import { clusterTexts } from './texts.js';

/** The registry entry of the clusters. */
export const clustersAnalysis: Analysis<'clusters', ClusterResult> = {
  id: 'clusters',
  title: (locale) => clusterTexts(locale).section.title,
  summaryFindings: 2,
  sufficiency: 'clusters',
  run: ({ wb, options, asOf }) => {
    const minimums = options.minimums?.clusters;
    return clusters(wb, { asOf, ...(minimums ? { minimums } : {}) });
  },
  detail: (r) => `k = ${r.k}, ${r.customerCount.toLocaleString('en')} customers, silhouette ${r.silhouette.toFixed(2)}`,
  present: (r, { locale, currency, results, enough }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const crosstab = resultOf(results, crosstabAnalysis);
    const names = rfm ? segmentNames(rfm, locale) : {};
    const { asOf, features, k, kRange, seed, restarts, sampleSize, logScale, missing, minSize } = r.options;
    return {
      sections: [
        clustersSection(r, { locale, currency, ...(crosstab ? { rfmCrosstab: crosstab } : {}), segmentNames: names }),
      ],
      findings: enough ? clusterFindings(r, locale, crosstab) : [],
      runs: [
        {
          name: 'Clusters',
          options: { asOf, features, k, kRange, seed, restarts, sampleSize, logScale, missing, minSize },
        },
      ],
    };
  },
};

/** The registry entry of the cross-table of clusters and RFM segments (with both; shown in the clusters section). */
export const crosstabAnalysis: Analysis<'crosstab', ClusterRfmCrosstab> = {
  id: 'crosstab',
  title: (locale) => clusterTexts(locale).section.title,
  failure: 'fatal',
  run: async ({ wb, results }) => {
    const rfm = resultOf(results, rfmAnalysis);
    const found = resultOf(results, clustersAnalysis);
    return rfm && found ? clusterVsRfm(wb, { rfm, clusters: found }) : undefined;
  },
};
