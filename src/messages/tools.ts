/** Messages of the edges: the Workbench, the `swb` CLI, notebooks and their runner, charts, report assets. */

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const memoryLimitWas = (limit: string): string => `with memoryLimit ${limit}`;
const memoryAdvice = (): string =>
  "Open the Workbench with a larger memoryLimit (Workbench.open({ memoryLimit: '4GB' }))";

/** Message builders for the CLI, notebooks and the Workbench itself. */
export const toolMessages = {
  // workbench
  closed: () => 'This Workbench is closed. Open a new one with Workbench.open().',
  queryFailed: (why: string) => `Query failed: ${why}`,
  badMemoryLimit: (value: unknown) =>
    `memoryLimit must be an amount of memory like '512MB' or '4GB', got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`,
  badThreads: (value: unknown) => `threads must be a whole number ≥ 1, got ${String(value)}.`,
  openFailed: (path: string, why: string) => `Could not open the database ${path}: ${why}.`,
  /** Out of memory: what to change, in this API's terms (`swb` says it in flags: see `src/cli/wording.ts`). */
  outOfMemory: (limit: string, tempDirectory: string, detail: string) =>
    `Ran out of memory${detail ? ` (${detail})` : ''} ${memoryLimitWas(limit)}. ${memoryAdvice()}, ` +
    `or free disk space in ${tempDirectory} so the work can spill to disk.`,
  /** The parts of {@link outOfMemory} that name the option, for the CLI to word as flags. */
  memoryLimitWas,
  memoryAdvice,

  // the pipeline
  /** Progress line of an analysis that could not be computed (its report section says why). */
  sectionSkipped: (why: string) => `could not be computed, its section says why: ${why}`,
  stageMoving: (step: number, percentage: number, rows: number) =>
    `… step ${step}: ${Math.floor(percentage)}% done (${rows >= 1e6 ? `${(rows / 1e6).toFixed(1)}M` : rows.toLocaleString('en')} rows read so far in this step)`,

  /** No row of the file could be used. */
  nothingLoaded: (file: string, read: number, setAside: ReadonlyArray<readonly [string, number]>) =>
    `None of the ${read.toLocaleString('en')} rows of ${file} could be used${setAside.length ? ` (set aside: ${setAside.map(([reason, n]) => `${n.toLocaleString('en')} ${reason.replace(/_/g, ' ')}`).join(', ')})` : ''}. Run swb validate ${file} to see why, with example rows.`,

  // swb (the parser's and the help's own text is in messages/cli.ts)
  /** `error: File not found: a.csv. [FILE_NOT_FOUND]`: the code is stable, for scripts and searches. */
  cliError: (message: string, code: string) => `error: ${message} [${code}]`,
  /** One file of several failed. */
  fileError: (file: string, message: string, code: string) => `error: ${file}: ${message} [${code}]`,
  /** A bug, not a user error: the stack only with SWB_DEBUG=1, so a user sees one plain line. */
  internalError: (e: unknown, debug = false) =>
    `internal error: ${e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e)}${debug ? '' : ' (this is a bug in segment-workbench; run with SWB_DEBUG=1 for details)'}`,
  badFlagValue: (flag: string, e: unknown) => `${flag}: ${reason(e)}`,
  tooManyFiles: (command: string, count: number) => `${command} takes at most one FILE, got ${count}`,
  exactlyOneFile: (command: string) => `${command} takes exactly one FILE`,
  compareNeedsTwo: (count: number) =>
    `compare takes two reports, the previous one first (swb compare OLD.html NEW.html), got ${count}`,
  snapshotsNeedTwo: (value: string) =>
    `--snapshots takes the two runs' snapshots, the previous one first, separated by a comma (--snapshots OLD.parquet,NEW.parquet), got ${JSON.stringify(value)}`,
  snapshotOtherRun: (snapshot: string, snapshotAsOf: string, report: string, reportAsOf: string) =>
    `${snapshot} is a snapshot as of ${snapshotAsOf}, but ${report} is as of ${reportAsOf}: pass the snapshots the two reports' runs wrote (swb report --snapshot), the previous one first`,
  badCompareFormat: (value: string) => `format must be "text" or "json", got ${JSON.stringify(value)}`,
  atLeastOneFile: (command: string) => `${command} takes one or more FILEs`,
  presetOrMapping: () => 'use --preset or --mapping, not both',
  badAsOfFlag: (text: string) => `--as-of must be a date like 2011-12-10, not ${JSON.stringify(text)}`,
  unexpectedArgument: (arg: string | undefined) => `unexpected argument: ${arg}`,
  outRequired: () => '--out FILE is required',
  clvFlagWithoutClv: () => '--margin and --discount-rate apply to the predicted value: add --clv',
  badDateFormatFlag: (value: string) =>
    `--date-format takes a strptime format such as %d-%m-%Y or %m/%d/%Y %H:%M, not ${JSON.stringify(value)}`,
  badReturnsFlag: (value: string) => `--returns must be net or exclude, not ${JSON.stringify(value)}`,
  mappingFileNotFound: (path: string) => `Mapping file not found: ${path}.`,
  notAnObject: () => 'not an object',
  mappingFileNotObject: (path: string, e: unknown) =>
    `Mapping file ${path} is not a JSON object like {"customerId": "Klant", "orderDate": "Datum", "amount": "Bedrag"} (${reason(e)}).`,

  // notebooks
  cannotShow: (kind: string) =>
    `show() cannot display ${kind}. Pass a Vega-Lite spec, a ReportChart, a ReportSection, a ReportTable, an arquero table or an array of row objects.`,
  showNotAwaited: () =>
    'show() is still rendering: write `await show(…)` so the chart is saved with this cell (headless runs and nbconvert stop listening when the cell ends).',
  noParametersCell: () =>
    'this notebook has no parameters cell: tag its first code cell "parameters" to accept overrides',
  flagNeedsValue: (flag: string) => `${flag} needs a value`,
  badParamFlag: (pair: string) => `--param takes NAME=VALUE, got: ${pair}`,
  badTimeoutFlag: (value: string) => `--timeout takes seconds > 0, got: ${value}`,
  unknownOption: (arg: string) => `unknown option: ${arg} (see --help)`,
  badNotebookAsOf: (asOf: string) => `--as-of takes a date as YYYY-MM-DD, got: ${asOf}`,
  badNotebookLocale: (locale: unknown) => `--locale takes en or nl, got: ${String(locale)}`,
  jupyterMissing: () =>
    "no Python with Jupyter's executor (nbclient) found. Install it (Debian/Ubuntu: apt-get install jupyter-nbconvert " +
    'python3-nbclient jupyter-client python3-ipykernel; elsewhere: pip install nbclient ipykernel) or set SWB_PYTHON ' +
    'to a python that has it.',
  executorFailed: (path: string, status: number | null, stderrTail: string) =>
    `${path}: the executor failed (exit ${String(status)}):\n${stderrTail}`,
  /** Where a notebook failed: a cell as numbered in the file, the kernel start, or the injected cell. */
  failedWhere: (cell: number | undefined, index: number) =>
    cell !== undefined
      ? `cell ${cell}`
      : index < 0
        ? 'kernel start'
        : `the injected parameters cell (after cell ${index})`,
  failedKind: (kind: string | undefined, timeout: number) =>
    kind === 'timeout' ? ` (timed out after ${timeout} s)` : kind === 'dead-kernel' ? ' (the kernel died)' : '',
  notebookFailed: (path: string, where: string, kind: string, source: string, detail: string, copy: string) =>
    `${path}: ${where} failed${kind}:\n${source}\n${detail}\n(executed copy with outputs: ${copy})`,
  noteMissingParameters: (notebook: string, missing: readonly string[]) =>
    `  note: ${notebook} has no parameter ${missing.join(', ')}; not set there`,
  /** `unknown parameter kk (did you mean k?): 04-clusters.ipynb declares asOf, dataPath, k, locale, preset, seed` */
  unknownNotebookParameters: (
    unknown: ReadonlyArray<{ name: string; flag: string | undefined; near: string | undefined }>,
    declared: readonly string[],
    notebooks: number,
  ) =>
    `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `${u.flag ? `${u.flag} (${u.name})` : u.name}${u.near ? ` (did you mean ${u.near}?)` : ''}`).join(', ')}: ` +
    `${notebooks === 1 ? 'the notebook declares' : `none of the ${notebooks} notebooks declares ${unknown.length > 1 ? 'them' : 'it'}; they declare`} ${declared.join(', ') || 'no parameters'}`,

  // locale, currency and SQL values
  unknownCurrency: (value: string) => `unknown currency: ${value} (expected an ISO 4217 code such as EUR, GBP or USD)`,
  unknownLocale: (value: string, locales: readonly string[]) =>
    `unknown locale: ${value} (expected one of: ${locales.join(', ')})`,
  notFinite: (x: number) => `not a finite number: ${x}`,

  // charts and the report file
  /** `what`: 'the report' (default) or e.g. 'the sample'. */
  writeFailed: (path: string, why: string, what = 'the report') =>
    `Could not write ${what} to ${path}: ${why}. Check that the folder exists and is writable, or pass another --out path.`,
  outIsSymlink: () => 'that path is a symbolic link, which is never replaced or followed',
  outIsSpecial: (kind: string) => `that path is a ${kind}, not a regular file, and is never replaced`,
  noHoldout: () => 'This CLV result has no holdout period; run clv() with holdoutEnd to draw the holdout check.',
  packageNotFound: (name: string) => `cannot find the install directory of ${name}; run npm install`,
} as const;
