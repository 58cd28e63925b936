/** The product-mix, channel and price sections appear in a report only when the data has their columns. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromResults } from '../../src/pipeline/build-report.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { generateSample } from '../../src/sample/index.js';
import { Workbench } from '../../src/workbench.js';
import { fixture } from '../helpers/data.js';

async function run(file: string) {
  const wb = await Workbench.open();
  try {
    const stages: string[] = [];
    const results = await runPipeline(wb, { file, onProgress: (p) => stages.push(p.stage) });
    return { results, stages };
  } finally {
    wb.close();
  }
}

describe('behaviour sections in the report', () => {
  it('a file with category, channel, payment and discount columns gets the three sections, in English and Dutch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-behaviour-report-'));
    const s = await generateSample({ customers: 1_500, seed: 5, out: join(dir, 'b.csv'), behaviour: true });
    const { results, stages } = await run(s.transactionsFile);
    expect(stages).toContain('productMix');
    expect(stages).toContain('channel');
    expect(stages).toContain('price');
    expect(results.channel?.customerCount).toBe(1_500);
    expect(results.price?.signals).toEqual(['discount']);
    for (const locale of ['en', 'nl'] as const) {
      const report = reportFromResults(results, { locale, version: 'test' });
      const ids = report.sections.map((x) => x.id);
      expect(ids.indexOf('productMix')).toBeGreaterThan(ids.indexOf('timing'));
      expect(ids.indexOf('channel')).toBe(ids.indexOf('productMix') + 1);
      expect(ids.indexOf('price')).toBe(ids.indexOf('channel') + 1);
      const price = report.sections.find((x) => x.id === 'price');
      expect(price?.title).toBe(locale === 'nl' ? 'Prijsgevoeligheid' : 'Price sensitivity');
      expect(price?.charts?.map((c) => c.id)).toEqual(['price-bands', 'price-value', 'price-repeat']);
    }
  }, 120_000);

  it('a file without them gets none of the sections and no stage line', async () => {
    const { results, stages } = await run(fixture('orders-plain.csv'));
    expect(stages).not.toContain('channel');
    expect(stages).not.toContain('productMix');
    expect(stages).not.toContain('price');
    expect(results.channel).toBeUndefined();
    expect(reportFromResults(results, { version: 'test' }).sections.map((x) => x.id)).not.toContain('price');
  });
});
