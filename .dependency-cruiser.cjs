/**
 * The layering rules of src/ (see README, "Development"), checked by `npm test` (`npm run lint:imports`).
 * Flow, one way: cli / notebooks -> pipeline -> registry -> analyses -> charts + report + i18n -> workbench.
 */
/** Files of an analysis folder that present a result (words, charts, the section) or wire it into the registry. */
const PRESENTATION =
  '(analysis|charts|[a-z-]*-charts|section|section-[a-z-]+|words|texts|messages|[a-z-]*-messages)\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle ties layers together.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'page-knows-no-analysis',
      severity: 'error',
      comment: 'report/ is the page: it takes sections and never imports an analysis or the run order.',
      from: { path: '^src/report/' },
      to: { path: '^src/(analyses|pipeline|cli|notebook|export)/' },
    },
    {
      name: 'charts-are-shared',
      severity: 'error',
      comment: 'charts/ holds the shared theme and renderer; a chart of one analysis lives in its folder.',
      from: { path: '^src/charts/' },
      to: { path: '^src/(analyses|pipeline|report|data|workbench\\.ts)' },
    },
    {
      name: 'analysis-knows-no-run-order',
      severity: 'error',
      comment: 'An analysis never imports the pipeline, the CLI or the notebook helpers.',
      from: { path: '^src/analyses/' },
      to: { path: '^src/(pipeline|cli|notebook|export)/' },
    },
    {
      name: 'computation-knows-no-words',
      severity: 'error',
      comment:
        'Inside an analysis folder, the computation returns keys and numbers: no words, charts, page or number formats.',
      from: { path: '^src/analyses/', pathNot: PRESENTATION },
      to: { path: '^src/(i18n/|report/|charts/|locale\\.ts)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-words-know-no-analysis',
      severity: 'error',
      comment: 'i18n/ and messages/ hold shared words; words of one analysis live in its folder.',
      from: { path: '^src/(i18n/|messages/|messages\\.ts|locale\\.ts|errors\\.ts)' },
      to: { path: '^src/(analyses|pipeline|report|charts)/' },
    },
    {
      name: 'shared-words-run-no-loader',
      severity: 'error',
      comment: "Shared words may name the loader's keys (types), never run it.",
      from: { path: '^src/(i18n/|messages/|messages\\.ts|locale\\.ts|errors\\.ts)' },
      to: { path: '^src/data/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'maths-is-pure',
      severity: 'error',
      comment: 'stats/ knows no database and no words.',
      from: { path: '^src/stats/' },
      to: { path: '^src/(?!stats/)' },
    },
    {
      name: 'engine-knows-no-analysis',
      severity: 'error',
      comment: 'The Workbench knows no analysis, policy or page.',
      from: { path: '^src/(workbench|sql)\\.ts$' },
      to: { path: '^src/(analyses|privacy|report|pipeline|data|charts)/' },
    },
    {
      name: 'loading-does-not-analyse',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/(analyses|pipeline|report|charts)/' },
    },
    {
      name: 'policy-knows-no-page',
      severity: 'error',
      comment: 'privacy/ knows no run order and no page.',
      from: { path: '^src/privacy/' },
      to: { path: '^src/(pipeline|report|analyses)/' },
    },
    {
      name: 'one-duckdb-owner',
      severity: 'error',
      comment: 'Only workbench.ts talks to DuckDB.',
      from: { path: '^src/', pathNot: '^src/workbench\\.ts$' },
      to: { path: '@duckdb/node-api' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
