/**
 * What an analysis is to the report: the one shape every entry of the registry (`analyses/registry.ts`)
 * has, so that the pipeline runs them, the report presents them and `swb` offers them by iterating one list.
 * An analysis's folder holds its computation, charts, section and words; its `analysis.ts` wires them into
 * this shape. Types only, plus the typed look-up of an earlier result: no run order lives here.
 */
import type { Locale } from '../../locale.js';
import type { ReportSection } from '../../report/section.js';
import type { AnalysisRun } from '../../report/sections/method.js';
import type { SectionFailure } from '../../report/sections/unavailable.js';
import type { Workbench } from '../../workbench.js';
import type { Minimums, Sufficiency, SufficiencyAnalysis } from './sufficiency.js';

/** The results of a run so far, by analysis id: read one with {@link resultOf}. */
export type ResultBag = Readonly<Record<string, unknown>>;

/** Options every analysis of a report may read: the as-of date, the language of data words, the minimums. */
export interface SharedReportOptions {
  /** As-of date of the analyses; later orders are left out. @defaultValue the day after the last order */
  asOf?: Date;
  /** Language of the value-tier names (they are data). @defaultValue 'en' */
  locale?: Locale;
  /** Minimums the data must meet per analysis (see `DEFAULT_MINIMUMS`); a section that misses one says so. @defaultValue DEFAULT_MINIMUMS */
  minimums?: Partial<Record<SufficiencyAnalysis, Minimums>>;
}

/**
 * The stages of a run as an analysis with parts of its own sees them (the subscriptions run six): each part
 * is timed and reported, and one that cannot be computed on this data is recorded instead of ending the run.
 */
export interface Stages {
  /** Run one part and report its duration and what it did; an error ends the run. */
  timed<T>(stage: string, body: () => Promise<T>, detail: (value: T) => string): Promise<T>;
  /** Run one part; an error it throws on this data is recorded as a failure its section states. */
  attempt<T>(stage: string, body: () => Promise<T>, detail: (value: T) => string): Promise<T | undefined>;
  /** The parts that could not be computed so far, and why. */
  readonly failures: Readonly<Record<string, SectionFailure>>;
}

/** What an analysis's `run` gets: the database, the run's options, the as-of date and earlier results. */
export interface RunContext<O> {
  /** The workbench holding `transactions` (and `customers` when loaded). */
  readonly wb: Workbench;
  /** The options of the run (`swb report` flags or `runPipeline` options). */
  readonly options: O & SharedReportOptions;
  /** The as-of date every analysis of the report uses (RFM's; given, or the day after the last order). */
  readonly asOf: Date;
  /** Whether `asOf` was given (RFM then leaves out later orders) or derived from the data. */
  readonly asOfGiven: boolean;
  /** Results of the analyses before this one in the registry. */
  readonly results: ResultBag;
  /** Timed and attempted parts, for an analysis with parts of its own. */
  readonly stages: Stages;
  /** Record that this analysis cannot run on this data (its section says why) and return nothing. */
  skip(failure: SectionFailure): undefined;
}

/** What the report shows of one analysis: its section(s), its findings for the summary, its options. */
export interface Presented {
  /** The analysis's sections, in reading order (none when it has nothing to show). */
  sections: ReportSection[];
  /** Findings for the report's summary, most important first. */
  findings: string[];
  /** Put these findings before every other analysis's (a subscription business's headline). @defaultValue false */
  lead?: boolean;
  /** The options of the run, as a reader needs them to reproduce it (method section). */
  runs: AnalysisRun[];
}

/** What an analysis's `present` gets: the words and money of the report and every result of the run. */
export interface PresentContext {
  /** Report language. */
  readonly locale: Locale;
  /** ISO 4217 currency of the amounts. */
  readonly currency: string;
  /** Every result of the run, by analysis id (read one with {@link resultOf}). */
  readonly results: ResultBag;
  /** Failures of the run, by analysis or part id. */
  readonly failures: Readonly<Record<string, SectionFailure>>;
  /** Is the data enough for this analysis (with `sufficiency`); false leaves its findings out of the summary. */
  readonly enough: boolean;
}

/**
 * One analysis as the registry lists it. `R` is its result, `O` the report options it reads (they become
 * `runPipeline` options; flags of `swb report` map onto them).
 */
export interface Analysis<Id extends string, R, O = object> {
  /** Stage name, result key of `runPipeline` and section id. */
  readonly id: Id;
  /** Section title, also of the section that says why it could not be computed. */
  title(locale: Locale): string;
  /** Whether it runs in this report. @defaultValue always */
  when?(options: O & SharedReportOptions): boolean;
  /** The as-of date its result sets for the analyses after it (RFM's: given, or the day after the last order). @defaultValue none */
  reportAsOf?(result: R): Date;
  /** The `swb report` flag that makes it run (with `when`), named in the command's help. @defaultValue none */
  readonly flag?: string;
  /** Check its options before anything is loaded: a bad value is the caller's to fix. */
  check?(options: O & SharedReportOptions): void;
  /** Check its options against the loaded data, before any analysis runs (e.g. attribute names). */
  checkLoaded?(wb: Workbench, options: O & SharedReportOptions): Promise<void>;
  /** Compute the result (undefined: nothing to compute here, e.g. a cross-table without both inputs). */
  run(context: RunContext<O>): Promise<R | undefined>;
  /** What it did, in a few words (English, for the console's progress line). @defaultValue none: a silent step */
  detail?(result: R): string;
  /**
   * What an error on this data does: `section` records it and the section says why (one customer, constant
   * features); `fatal` ends the run (the input is the caller's to fix). @defaultValue 'section'
   */
  readonly failure?: 'section' | 'fatal';
  /** The data minimums it checks (its result then carries `sufficiency`). @defaultValue none */
  readonly sufficiency?: SufficiencyAnalysis;
  /** Its report part (pure). @defaultValue none: a result other analyses read */
  present?(result: R, context: PresentContext): Presented;
  /** How many of its findings go into the report's summary. @defaultValue all of them */
  readonly summaryFindings?: number;
}

/** Any registry entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- options and results differ per entry
export type AnyAnalysis = Analysis<string, any, any>;

/** The result type of a registry entry. */
export type ResultOf<A> = A extends Analysis<string, infer R, infer _O> ? R : never;

/** The report options a registry entry reads. */
export type OptionsOf<A> = A extends Analysis<string, infer _R, infer O> ? O : never;

/**
 * The result of an earlier analysis of the run, typed by its registry entry.
 * @example const rfm = resultOf(context.results, rfmAnalysis);
 */
export function resultOf<R>(results: ResultBag, analysis: Analysis<string, R, never>): R | undefined {
  return results[analysis.id] as R | undefined;
}

/** A result with the sufficiency it was checked against. */
export interface WithSufficiency {
  /** Is the data enough for the analysis (see `checkSufficiency`). */
  sufficiency: Sufficiency;
}
