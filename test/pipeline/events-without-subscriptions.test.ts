/** `swb report FILE --events EVENTS` without subscriptions: the events feed the journey section; usage needs subscriptions. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromResults } from '../../src/pipeline/build-report.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { journeyTexts } from '../../src/analyses/journey/texts.js';
import { Workbench } from '../../src/workbench.js';
import { AS_OF } from '../analyses/journey/fixture.js';
import { writeJourneyFiles } from '../helpers/journey-files.js';

describe('events without subscriptions', () => {
  it('loads the events, puts the planted funnel in the journey section and says usage needs subscriptions', async () => {
    const { orders, events } = writeJourneyFiles(mkdtempSync(join(tmpdir(), 'swb-events-only-')));
    const wb = await Workbench.open();
    try {
      const stages: string[] = [];
      const r = await runPipeline(wb, {
        file: orders,
        events,
        asOf: new Date(`${AS_OF}T00:00:00Z`),
        onProgress: (p) => stages.push(p.stage),
      });
      expect(stages.slice(0, 2)).toEqual(['load', 'events']);
      // every planted event row is loaded (one is after the as-of date: the journey leaves it out)
      expect(r.events?.rowsLoaded).toBe(16);
      expect(r.subscriptions).toBeUndefined();
      expect(r.journey?.ordersOnly).toBe(false);
      expect(r.journey?.funnel.map((f) => f.reached)).toEqual([9, 6, 4, 2, 1]);
      expect(r.journey?.events.rows).toBe(14);
      for (const locale of ['en', 'nl'] as const) {
        const report = reportFromResults(r, { locale, version: 'test' });
        const journey = report.sections.find((s) => s.id === 'journey');
        expect(journey?.intro).toContain(journeyTexts(locale).section.usageNeedsSubscriptions);
        expect(report.sections.map((s) => s.id)).not.toContain('subscriptions');
        // the data-quality section accounts for the events file's rows too
        expect(JSON.stringify(report.sections.find((s) => s.id === 'data-quality'))).toContain('events.csv');
      }
    } finally {
      wb.close();
    }
  }, 120_000);
});
