/** One section that cannot be computed never stops the report: it says why, the rest is written. */
import { describe, expect, it } from 'vitest';
import { reportFromResults } from '../../src/pipeline/build-report.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { Workbench } from '../../src/workbench.js';
import { fixture } from '../helpers/data.js';

async function pipeline(file: string) {
  const wb = await Workbench.open();
  try {
    const stages: string[] = [];
    const results = await runPipeline(wb, {
      file,
      clv: true,
      onProgress: (p) => stages.push(`${p.stage}${p.failed ? ' (failed)' : ''}`),
    });
    return { results, stages };
  } finally {
    wb.close();
  }
}

describe('runPipeline with sections that cannot be computed', () => {
  it('one customer: clusters and CLV fail with their reason, RFM, cohorts and segments are computed', async () => {
    const { results, stages } = await pipeline(fixture('one-customer.csv'));
    expect(stages).toEqual([
      'load',
      'rfm',
      'cohorts',
      'clusters (failed)',
      'segments',
      'trends',
      'clv (failed)',
      'timing',
      'loyalty',
      'overview',
      'journey',
    ]);
    expect(results.rfm?.customerCount).toBe(1);
    expect(results.cohorts?.customerCount).toBe(1);
    expect(results.segments?.segments?.customerCount).toBe(1);
    expect(results.clusters).toBeUndefined();
    expect(results.crosstab).toBeUndefined();
    expect(results.clv).toBeUndefined();
    expect(results.failures).toEqual({
      clusters: {
        code: 'TOO_FEW_POINTS',
        message:
          'Every feature is constant or missing (recency, frequency, monetary); there is nothing to cluster on. Choose other features.',
      },
      clv: {
        code: 'NO_DATA',
        message: expect.stringMatching(/^Gamma-Gamma needs at least 2 repeat buyers/) as unknown as string,
      },
    });
    // 3 orders of 10 + 20 + 15.
    expect(results.overview.netRevenue).toBe(45);

    const nl = reportFromResults(results, { locale: 'nl', version: 'test' });
    const ids = nl.sections.map((s) => s.id);
    expect(ids).toEqual([
      'summary',
      'data-quality',
      'rfm',
      'cohorts',
      'clusters',
      'segments',
      'trends',
      'clv',
      'timing',
      'loyalty',
      'journey',
      'actions',
      'method',
    ]);
    const clusters = nl.sections.find((s) => s.id === 'clusters');
    expect(clusters).toEqual({
      id: 'clusters',
      title: 'Clusters',
      intro: [
        'Dit onderdeel kon met deze gegevens niet worden berekend; de rest van het rapport staat er los van.',
        'Er zijn te weinig klanten die van elkaar verschillen voor deze analyse (bijvoorbeeld één klant, of klanten die er allemaal hetzelfde uitzien).',
      ],
      facts: [
        [
          'Details (in het Engels)',
          'Every feature is constant or missing (recency, frequency, monetary); there is nothing to cluster on. Choose other features.',
        ],
      ],
    });
    expect(nl.sections.find((s) => s.id === 'clv')?.title).toBe('Voorspelde klantwaarde');
  });

  it('constant features (40 customers with one identical order each): only clusters and CLV are missing', async () => {
    const { results } = await pipeline(fixture('constant-features.csv'));
    expect(Object.keys(results.failures)).toEqual(['clusters', 'clv']);
    expect(results.failures.clv?.message).toBe(
      'BG/NBD needs repeat buyers to fit: none of the 40 customer(s) bought again in the calibration period. Use a longer calibration period or data with repeat purchases.',
    );
    expect(results.rfm?.customerCount).toBe(40);
    const html = await reportFromResults(results, { version: 'test' }).toHtml({
      generatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(html).toContain(
      '<h2 id="sec-clusters-h">Clusters</h2>\n<p>This part could not be computed from this data; the rest of the report is not affected.</p>',
    );
    expect(html).toContain('<h2 id="sec-rfm-h">RFM segments</h2>');
  });
});
