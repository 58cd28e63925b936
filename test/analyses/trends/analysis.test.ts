/** The trends entry of the registry: in every report, after segments; `trendsPeriod` reaches it and is checked before loading. */
import { describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { runPipeline } from '../../../src/pipeline/run.js';
import { reportFromResults } from '../../../src/pipeline/build-report.js';
import { fixture } from '../../helpers/data.js';
import { rejection } from '../../helpers/fixture-tables.js';

describe('trends in the report', () => {
  it('runs by default with a progress line, reads trendsPeriod, and gives its section after segments', async () => {
    const wb = await Workbench.open();
    try {
      const lines: string[] = [];
      const results = await runPipeline(wb, {
        file: fixture('orders-plain.csv'),
        trendsPeriod: 'quarter',
        onProgress: (p) => lines.push(`${p.stage}: ${p.detail}`),
      });
      // orders from 1 Feb to 6 Mar 2011: of 12 quarterly dates up to 7 Mar 2011, only the last has customers
      expect(results.trends?.options.period).toBe('quarter');
      expect(results.trends?.points.map((p) => p.customers)).toEqual([3]);
      expect(lines).toContain('trends: 1 quarterly point from 2011-03-07 to 2011-03-07, 3 customers at the last');
      const ids = reportFromResults(results, { version: 'test' }).sections.map((s) => s.id);
      expect(ids.indexOf('trends')).toBe(ids.indexOf('segments') + 1);
      expect(
        (await rejection(runPipeline(wb, { file: fixture('orders-plain.csv'), trendsPeriod: 'week' as 'month' })))
          .message,
      ).toMatch(/trendsPeriod/);
    } finally {
      wb.close();
    }
  });

  it('follows the segmentations of --by, worked out again at every date, in English and Dutch', async () => {
    const wb = await Workbench.open();
    try {
      const results = await runPipeline(wb, { file: fixture('orders-plain.csv'), by: ['timing', 'loyalty'] });
      const t = results.trends!;
      // 7 Feb 2011: customer 1 (one order, 1 Feb); 7 Mar: 1, 2 and 3, one purchase order each (1's second is a
      // return). Loyalty as of each date: 1 is potential loyal on 7 Feb, at risk on 7 Mar (34 days without a
      // purchase, the longest of the three); as a fixed value it would have been at risk at both dates.
      expect(t.points.map((p) => [p.date.toISOString().slice(0, 10), p.customers])).toEqual([
        ['2011-02-07', 1],
        ['2011-03-07', 3],
      ]);
      const [timing, loyalty] = t.groupings.filter((g) => g.kind === 'segmentation');
      expect(timing?.values.map((v) => [v.point, v.segment, v.customers])).toEqual([
        [0, 'one-order', 1],
        [1, 'one-order', 3],
      ]);
      expect(loyalty?.values.map((v) => [v.point, v.segment, v.customers])).toEqual([
        [0, 'potential-loyal', 1],
        [0, 'at-risk', 0],
        [1, 'potential-loyal', 2],
        [1, 'at-risk', 1],
      ]);
      // churn sits with 1's segment of the previous date: it bought in the month before 7 Feb, not since
      expect(loyalty?.values[2]?.churn).toMatchObject({ events: 1, total: 1 });
      for (const locale of ['en', 'nl'] as const) {
        const section = reportFromResults(results, { version: 'test', locale }).sections.find(
          (s) => s.id === 'trends',
        )!;
        const captions = (section.tables ?? []).map((x) => x.caption);
        const tables = (section.tables ?? []).filter((x) =>
          /^(By|Naar) (timing|koopmoment|loyalty|loyaliteit)/.test(x.caption),
        );
        expect(
          tables.map((x) => x.rows[0]?.[0]),
          captions.join(' | '),
        ).toEqual(
          locale === 'en'
            ? ['One order so far', 'One order so far', 'Potential loyal', 'Potential loyal']
            : ['Eén bestelling', 'Eén bestelling', 'Mogelijk loyaal', 'Mogelijk loyaal'],
        );
        expect(tables[2]?.rows.map((r) => r[0])).toEqual(
          locale === 'en' ? ['Potential loyal', 'At risk'] : ['Mogelijk loyaal', 'Risico'],
        );
        expect(section.intro?.join(' ')).toMatch(
          locale === 'en'
            ? /followed by their timing segment and loyalty segment: /
            : /gevolgd naar hun koopmoment en loyaliteit: /,
        );
      }
    } finally {
      wb.close();
    }
  });
});
