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
});
