/** Messages of the action layer: segment lists to export, KPI goals files, the attributes a report splits by. */
import { list } from './format.js';

/** Message builders for `swb export`, `--goals` and `--by`. */
export const actionMessages = {
  // export
  /** Said on stderr by `swb export`: the file holds real customer ids on purpose. */
  exportHasIds: (path: string) =>
    `note: ${path} holds real customer ids (it is meant for operations: a CRM or e-mail tool). Keep it inside the systems allowed to hold personal data; do not share it like a report.`,
  /** swb export --what mrr-movements: pseudonyms, and how they map back. */
  exportHasPseudonyms: (path: string) =>
    `note: ${path} shows customers as pseudonyms (K-…), not ids; the same key (SWB_PSEUDONYM_KEY or your key file) gives the same pseudonyms, so a team can match them without the ids leaving.`,
  /** swb export: a --what that is not known. */
  badExportWhat: (value: string) => `--what must be segments or mrr-movements, got ${JSON.stringify(value)}.`,
  /** swb export: flags of one --what given with the other. */
  exportFlagsFor: (what: string, flags: string) =>
    `${flags} ${flags.includes(',') ? 'do' : 'does'} not apply to --what ${what}; leave ${flags.includes(',') ? 'them' : 'it'} out.`,
  /** swb export --events / --categories without the segmentation that reads them. */
  exportFlagForSegmentation: (flag: string, segmentation: string) =>
    `${flag} is read by --segmentation ${segmentation} only; pass --segmentation ${segmentation}, or leave ${flag} out.`,
  /** swb export --what mrr-movements without the subscriptions file. */
  exportNeedsSubscriptions: () =>
    'swb export --what mrr-movements needs FILE: the subscriptions file whose movements to list.',
  badExportFormat: (value: unknown) => `format must be "csv" or "parquet", got ${JSON.stringify(value)}.`,
  badExportDelimiter: (value: unknown) => `delimiter must be ",", ";" or a tab, got ${JSON.stringify(value)}.`,
  delimiterWithParquet: () =>
    'delimiter applies to CSV only; leave it out with format "parquet" (or write a .csv file).',

  // goals file
  goalsNotRead: (file: string, why: string) => `Could not read the goals file ${file}: ${why}.`,
  goalsNotJson: (file: string, why: string) => `The goals file ${file} is not valid JSON: ${why}.`,
  /** A problem at one JSON path of the goals file, e.g. `$.goals[1].kpi`. */
  goalsAt: (file: string, path: string, what: string) => `${file}, at ${path}: ${what}`,
  goalsNotObject: () =>
    'expected an object like { "segments": "rfm", "goals": [{ "kpi": "repeatRate", "goal": 0.4 }] }',
  goalsUnknownKey: (key: string, known: readonly string[]) =>
    `unknown key ${JSON.stringify(key)} (known: ${list(known)})`,
  goalsBadSegments: (value: unknown) =>
    `segments must be "rfm", "value-tiers", "all", a behavioural segmentation ("timing", "loyalty", "journey", "product-mix", "channel", "price") or { "column": "<customers column>" }, got ${JSON.stringify(value)}`,
  goalsNoGoals: () =>
    'goals must be a non-empty list of { "kpi": …, "goal": … } objects (or leave it out and set "subscriptions" goals)',
  goalsUnknownKpi: (value: unknown, known: readonly string[]) =>
    `unknown KPI ${JSON.stringify(value)}; known KPIs: ${list(known)} (or { "mean": "<column>" }, { "nps": "<column>" }, { "churnRate": <days> })`,
  goalsBadGoal: (value: unknown) =>
    `goal must be a finite number, or an object of segment → finite number like { "champions": 0.05 }, got ${JSON.stringify(value)}`,
  goalsBadNumber: (what: string, value: unknown) => `${what} must be a finite number ≥ 0, got ${JSON.stringify(value)}`,
  goalsNeedRfm: () =>
    'goals on RFM segments need the RFM analysis, which could not be computed on this data (see its section); set "segments" to "value-tiers" or "all"',
  goalsBadBoolean: (value: unknown) => `higherIsBetter must be true or false, got ${JSON.stringify(value)}`,

  // --by
  unknownByAttribute: (unknown: readonly string[], usable: readonly string[], segmentations: readonly string[] = []) =>
    (usable.length === 0
      ? `--by ${unknown.join(',')}: there is no customer attribute to split by (load a customers file with --customers that has text columns)`
      : `--by: unknown attribute${unknown.length > 1 ? 's' : ''} ${list(unknown)}; usable: ${list(usable)} (text columns of the customers file)`) +
    (segmentations.length ? `, or a behavioural segmentation: ${segmentations.join(', ')}.` : '.'),
  emptyBy: () => '--by needs one or more customer attribute names, separated by commas (e.g. --by region,device).',
} as const;
