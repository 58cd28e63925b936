/**
 * `swb compare OLD.html NEW.html`: what changed between two reports that `swb report` wrote, from the results
 * each embeds — the same comparison as `swb report --compare`, as text or JSON on stdout. Nothing is loaded or
 * written; the exit code is 0 whatever changed.
 */
import { compareReports } from '../compare/compare.js';
import { readReportData } from '../compare/read.js';
import { comparisonSection, sectionText } from '../compare/section.js';
import { messages } from '../messages.js';
import { runCommand, UsageError, type Command } from './common.js';
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
  ],
  notes: [
    'json: { likeForLike, notLikeForLike: [reasons], differences, customers, groupings: [{ id, segments: [{ key, before, after, change, z, significant }] }], kpis, cohorts }.',
  ],
};

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
      const comparison = compareReports(await readReportData(older), await readReportData(newer));
      io.out(
        format === 'json'
          ? JSON.stringify(comparison, null, 2)
          : sectionText(comparisonSection(comparison, { locale })),
      );
      return 0;
    }),
};
