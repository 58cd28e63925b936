/** Messages of the subscription report: the pipeline's inputs and the `swb report` / `swb validate` flags for them. */

/** Message builders for runPipeline / buildReport with subscriptions and for their CLI flags. */
export const subscriptionReportMessages = {
  /** Neither a transactions file nor a subscriptions file. */
  pipelineNeedsFile: () =>
    'Nothing to report on: pass a transactions file (file) or a subscriptions file (subscriptions), or both.',
  /** A counting method of MRR movements without subscriptions to count. */
  mrrMethodNeedsSubscriptions: () =>
    'The counting method of MRR movements (mrrMethod, --mrr-method) applies to subscriptions: pass the subscriptions file too (subscriptions, --subscriptions FILE), or leave it out.',
  /** A churn segment without subscriptions to churn. */
  churnByNeedsSubscriptions: () =>
    'Churn by a segment (churnBy, --churn-by) is measured on subscriptions: pass the subscriptions file too (subscriptions, --subscriptions FILE), or leave it out.',
  /** Exchange rates without subscriptions to convert. */
  fxNeedsSubscriptions: () =>
    'Exchange rates (fx, --fx) convert the MRR of subscriptions: pass the subscriptions file too (subscriptions, --subscriptions FILE), or leave them out.',
  /** --fx without the currency it converts into. */
  fxNeedsCurrency: () =>
    '--fx converts every MRR into the report currency: name it with --currency CODE (the currency the rates are in, e.g. --currency EUR).',
  /** A flag that only means something with a transactions file. */
  flagNeedsTransactions: (flag: string) =>
    `${flag} applies to a transactions file, and this report has only subscriptions; pass the transactions FILE too, or leave ${flag} out.`,
  /** A goals file with segment goals on a report of subscriptions alone. */
  segmentGoalsNeedTransactions: (file: string) =>
    `${file} sets goals on customer segments ("goals"), which need a transactions file, and this report has only subscriptions; pass the transactions FILE too, or keep only the "subscriptions" goals in ${file}.`,
  /** A goals file with subscription goals on a report without subscriptions. */
  subscriptionGoalsNeedSubscriptions: (file: string) =>
    `${file} sets goals on subscription KPIs ("subscriptions"): pass the subscriptions file too (--subscriptions FILE), or leave that part of ${file} out.`,
  /** swb validate with both a transactions file and --subscriptions / --events. */
  validateOneKind: () =>
    'swb validate checks transactions files, or --subscriptions FILE and --events FILE; not both in one run.',
};
