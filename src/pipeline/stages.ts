/**
 * The stages of the pipeline and the two wrappers every stage runs in: {@link timed} reports how long a stage
 * took (and, every few seconds, how far a long one is), {@link attempt} records an analysis that cannot be
 * computed on this data as a failure its section states, instead of ending the run. Shared by the transaction
 * analyses (run.ts) and the subscription analyses (subscriptions.ts).
 */
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import type { SectionFailure } from '../report/sections/unavailable.js';
import type { Workbench } from '../workbench.js';
import type { AnalysisId } from '../analyses/registry.js';
import type { SubscriptionAnalysis } from '../analyses/subscriptions/section.js';

/** A stage of `runPipeline`: a load, a registered analysis, or a part of one (the subscriptions' parts). */
export type BuildStage = 'load' | 'customers' | 'subscriptions' | 'events' | AnalysisId | SubscriptionAnalysis;

/** Reported after each stage, and every few seconds while a long one runs. */
export interface BuildProgress {
  /** Which stage finished. */
  stage: BuildStage;
  /** How long it took, in milliseconds. */
  ms: number;
  /** What it did, in a few words (English, for the console). */
  detail: string;
  /** True when the stage could not be computed (its section says why; the rest goes on). @defaultValue false */
  failed?: boolean;
  /** True for a line while the stage still runs (every few seconds of a long stage: how far its statement is). @defaultValue false */
  running?: boolean;
}

/** An analysis of the pipeline, or a part of one, that can fail on its own (its section says why). */
export type PipelineAnalysis = AnalysisId | SubscriptionAnalysis;

/** The analyses that could not be computed, and why. */
export type PipelineFailures = Partial<Record<PipelineAnalysis, SectionFailure>>;

/** Where progress goes, and the database whose running statement it polls. */
export interface Watch {
  wb: Workbench;
  onProgress: ((progress: BuildProgress) => void) | undefined;
}

/** How often a long stage reports that it is still moving. */
export const PROGRESS_EVERY_MS = 5_000;

/** Run one stage and report its duration and what it did. */
export async function timed<T>(
  stage: BuildStage,
  watch: Watch,
  body: () => Promise<T>,
  detail: (value: T) => string | undefined,
): Promise<T> {
  const start = performance.now();
  const { onProgress } = watch;
  // A stage that takes long (a 100M-row load) says every few seconds how far DuckDB's running statement is.
  // DuckDB's percentage starts again with each statement: the line says which statement (step) of the stage runs.
  const before = watch.wb.statementsRun;
  const ticker =
    onProgress &&
    setInterval(() => {
      const p = watch.wb.queryProgress();
      if (p)
        onProgress({
          stage,
          ms: performance.now() - start,
          detail: messages.stageMoving(watch.wb.statementsRun - before, p.percentage, p.rowsProcessed),
          running: true,
        });
    }, PROGRESS_EVERY_MS);
  try {
    const value = await body();
    // No detail: the stage said what happened itself (a skipped analysis reports its reason once).
    const said = detail(value);
    if (said !== undefined) onProgress?.({ stage, ms: performance.now() - start, detail: said });
    return value;
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

/**
 * Run one analysis; an error it throws on this data is recorded instead of ending the run, so one
 * section that cannot be computed (one customer, constant features, a degenerate fit) leaves the rest.
 * Running out of memory and a closed Workbench still end the run: no section could be computed then.
 */
export async function attempt<T>(
  stage: PipelineAnalysis,
  failures: PipelineFailures,
  watch: Watch,
  body: () => Promise<T>,
  detail: (value: T) => string | undefined,
): Promise<T | undefined> {
  const start = performance.now();
  try {
    return await timed(stage, watch, body, detail);
  } catch (e) {
    if (isWorkbenchError(e, 'OUT_OF_MEMORY') || isWorkbenchError(e, 'CLOSED')) throw e;
    const failure: SectionFailure =
      e instanceof WorkbenchError
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    failures[stage] = failure;
    watch.onProgress?.({
      stage,
      ms: performance.now() - start,
      detail: messages.sectionSkipped(failure.message),
      failed: true,
    });
    return undefined;
  }
}
