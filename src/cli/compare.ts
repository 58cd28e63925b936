/**
 * `swb compare OLD.html NEW.html`: what changed between two reports that `swb report` wrote, from the results
 * each embeds — the same comparison as `swb report --compare`, as text or JSON on stdout; with `--snapshots` also
 * who moved, from the two runs' snapshot files. Nothing is loaded or written; the exit code is 0 whatever changed.
 */
import { compareReports, type ReportComparison } from '../compare/compare.js';
import { snapshotFileMoves, type SnapshotMoves } from '../compare/snapshot.js';
import { readReportData } from '../compare/read.js';
import { comparisonSection, sectionText } from '../compare/section.js';
import { messages } from '../messages.js';
import { openWorkbench, runCommand, UsageError, type Command } from './common.js';
import { LOCALE_FLAG, type CommandSpec } from './flags.js';
import { localeOption } from './report.js';

const SPEC: CommandSpec = {
  name: 'compare',
  args: 'OLD.html NEW.html',
  summary:
    'Print what changed between two reports swb report wrote: segment sizes per grouping (with a z test on the shares), KPIs per segment, cohort curves, and whether they are like for like.',
  flags: [
    { name: 'format', value: 'text|json', help: 'text for a reader, json for a program', default: 'text' },
    { ...LOCALE_FLAG, help: 'language of the text (json keys are the same in every language)' },
    {
      name: 'snapshots',
      value: 'OLD.parquet,NEW.parquet',
      help: 'the two runs’ snapshots (swb report --snapshot, same pseudonym key): adds the customers new, gone, staying and moving between segments',
      default: 'none',
    },
  ],
  notes: [
    'json: { likeForLike, notLikeForLike: [reasons], differences, customers, groupings: [{ id, segments: [{ key, before, after, change, z, significant }] }], kpis, cohorts }, and with --snapshots moves: { asOf, asOfAfter, groupings: [{ id, new, lost, stayed, moved, flows: [{ from, to, customers }] }] }.',
  ],
};

/** `OLD.parquet,NEW.parquet` as the two paths; anything else is a usage error. */
function snapshotPair(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new UsageError(messages.snapshotsNeedTwo(value));
  return parts as [string, string];
}

/** The moves between the two snapshots, each checked to be of its report's run (the same as-of date). */
async function movesOf(
  [before, after]: [string, string],
  comparison: ReportComparison,
  [older, newer]: [string, string],
): Promise<SnapshotMoves & { asOfAfter: string }> {
  const wb = await openWorkbench(undefined);
  try {
    const moves = await snapshotFileMoves(wb, before, after);
    if (moves.asOf !== comparison.before.asOf)
      throw new UsageError(messages.snapshotOtherRun(before, moves.asOf, older, comparison.before.asOf));
    if (moves.asOfAfter !== comparison.after.asOf)
      throw new UsageError(messages.snapshotOtherRun(after, moves.asOfAfter, newer, comparison.after.asOf));
    const order = (id: string) => comparison.groupings.findIndex((g) => g.id === id) >>> 0; // absent ones last
    return { ...moves, groupings: [...moves.groupings].sort((a, b) => order(a.id) - order(b.id)) };
  } finally {
    wb.close();
  }
}

/** `swb compare OLD.html NEW.html [--format text|json] [--locale en|nl] [--snapshots OLD.parquet,NEW.parquet]`. */
export const compareCommand: Command = {
  spec: SPEC,
  run: (args, io) =>
    runCommand(SPEC, args, io, async ({ values, positionals }) => {
      if (positionals.length !== 2) throw new UsageError(messages.compareNeedsTwo(positionals.length));
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        throw new UsageError(messages.badFlagValue('--format', messages.badCompareFormat(format)));
      const locale = localeOption(values.locale);
      const [older, newer] = positionals as [string, string];
      const snapshots = values.snapshots === undefined ? undefined : snapshotPair(values.snapshots);
      const comparison = compareReports(await readReportData(older), await readReportData(newer));
      const moves = snapshots ? await movesOf(snapshots, comparison, [older, newer]) : undefined;
      io.out(
        format === 'json'
          ? JSON.stringify(moves ? { ...comparison, moves } : comparison, null, 2)
          : sectionText(comparisonSection(comparison, { locale, ...(moves ? { moves } : {}) })),
      );
      return 0;
    }),
};
