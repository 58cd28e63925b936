/** Errors of reading a previous report's embedded results (English, as every error of the library). */

/** The messages of `readReportData` / `parseReportData`. */
export const compareMessages = {
  notHtml: (file: string) =>
    `${file} is not a segment-workbench report: it is not an HTML page. Pass a report that swb report wrote (e.g. reports/segment-report.html).`,
  notOurs: (file: string) =>
    `${file} is not a segment-workbench report (no generator mark). Pass a report that swb report wrote.`,
  noBlock: (file: string) =>
    `${file} is a segment-workbench report without embedded results (written before reports kept them, or by a notebook's report()). Run swb report again with this version and compare with that report.`,
  corrupt: (file: string, reason: string) =>
    `The embedded results of ${file} are damaged (${reason}). Run swb report again to write a new report; do not edit the file by hand.`,
  otherSchema: (file: string, schema: unknown, version: unknown, ours: number) =>
    `${file} was written by segment-workbench ${String(version)} with results format ${String(schema)}; this version reads format ${ours}. Run swb report again with this version on the earlier data (e.g. with --as-of) to compare.`,
  notSnapshot: (file: string) =>
    `${file} is not a snapshot that swb report --snapshot wrote (a Parquet file with customer, grouping, segment and as_of). Pass such a file, or leave --compare-snapshot out.`,
  noSuchFile: () => 'there is no such file',
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}.`,
};
