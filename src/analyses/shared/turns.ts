/**
 * Calls that share a cache on one Workbench take turns: each waits for the calls already queued under the
 * same name, so one never reads a cached table that another is rebuilding.
 */
import type { Workbench } from '../../workbench.js';

const queues = new WeakMap<Workbench, Map<string, Promise<unknown>>>();

/**
 * Run `fn` after the calls already queued on this Workbench under `queue`, so two never interleave. `fn` must
 * not queue under the same name again (it would wait for itself).
 * @example await inTurn(wb, 'months', () => build(wb));
 */
export function inTurn<T>(wb: Workbench, queue: string, fn: () => Promise<T>): Promise<T> {
  let byName = queues.get(wb);
  if (!byName) queues.set(wb, (byName = new Map()));
  const run = (byName.get(queue) ?? Promise.resolve()).then(fn, fn);
  byName.set(
    queue,
    run.catch(() => undefined),
  );
  return run;
}
