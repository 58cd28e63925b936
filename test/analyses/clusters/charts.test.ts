import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clusters, type ClusterResult } from '../../../src/analyses/clusters/index.js';
import {
  clusterKChart,
  clusterLabels,
  clusterProfileHeatmap,
  clusterScatter,
  clusterSizes,
} from '../../../src/analyses/clusters/charts.js';
import { renderSvg } from '../../../src/charts/render.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { plantedTransactions } from '../../helpers/clusters.js';

let result: ClusterResult;
beforeAll(async () => {
  const wb = await Workbench.open();
  await plantedTransactions(wb, 600);
  result = await clusters(wb, { k: 'auto', kRange: [2, 5], projectionPoints: 300 });
  wb.close();
}, 60_000);

const inline = (spec: unknown): Array<Record<string, unknown>> =>
  (spec as { data: { values: Array<Record<string, unknown>> } }).data.values;

describe('cluster charts', () => {
  it('finds the three planted groups (the fixture the charts draw)', () => {
    expect(result.k).toBe(3);
    expect(result.profiles.map((p) => p.size)).toEqual([200, 200, 200]);
  });

  it('elbow and silhouette by k mark the chosen k', async () => {
    for (const locale of ['en', 'nl'] as const) {
      const spec = clusterKChart(result, { locale });
      await expectRenders(spec);
      expect(inline(spec).map((v) => v['k'])).toEqual([2, 3, 4, 5]);
      expect(
        inline(spec)
          .filter((v) => v['chosen'])
          .map((v) => v['k']),
      ).toEqual([3]);
    }
    expect(JSON.stringify(clusterKChart(result, { locale: 'nl' }))).toContain('gekozen: 3 clusters');
  });

  it('the k axis spans the tried numbers of clusters (2 to 5), not from 0, with a whole-number tick at each', async () => {
    const svg = await renderSvg(clusterKChart(result));
    const xAxes = [...svg.matchAll(/aria-label="(X-axis[^"]*)"/g)].map((m) => m[1]);
    expect(xAxes).toEqual(
      Array(2).fill("X-axis titled 'Number of clusters' for a linear scale with values from 2 to 5"),
    );
    const panel = (
      clusterKChart(result) as unknown as {
        vconcat: Array<{ layer: Array<{ encoding: { x: { axis?: { values?: number[] } } } }> }>;
      }
    ).vconcat[0];
    expect(panel?.layer[1]?.encoding.x.axis?.values).toEqual([2, 3, 4, 5]);
  });

  it('scatter: sampled points coloured by cluster with raw features in the tooltip', async () => {
    const spec = clusterScatter(result, { locale: 'en' });
    const svg = await expectRenders(spec);
    expect(inline(spec)).toHaveLength(300);
    expect(inline(spec)[0]).toHaveProperty('v2');
    expect(JSON.stringify(spec)).toContain('"title":"Revenue"');
    // the map's axes say what grows along them, not "Direction 1 (74% of the differences)"
    expect(svg).toMatch(/To the right: [a-z]/);
    expect(svg).not.toContain('Direction 1');
    const nl = JSON.stringify(clusterScatter(result, { locale: 'nl' }));
    expect(nl).toMatch(/"title":"Naar rechts: (meer|minder|recenter|langer)/);
    expectValidSpec(clusterScatter(result, { locale: 'nl' }));
  });

  it('profile heatmap: one cell per cluster × feature, colour = z, label = raw mean in the locale', async () => {
    const spec = clusterProfileHeatmap(result, { locale: 'nl' });
    await expectRenders(spec);
    const cells = inline(spec);
    expect(cells).toHaveLength(9);
    const first = cells[0] as { label: string; feature: string; z: number; text: string; mean: number };
    expect(first.label).toBe(clusterLabels(result, 'nl')[0]);
    expect(first.feature).toBe('Recentheid (dagen)');
    expect(first.z).toBe(result.profiles[0]?.z['recency']);
    expect(first.text).toBe(
      new Intl.NumberFormat('nl-NL', {
        maximumFractionDigits: first.mean < 10 ? 1 : 0,
        minimumFractionDigits: first.mean < 10 ? 1 : 0,
      }).format(first.mean),
    );
    await expectRenders(clusterProfileHeatmap(result, { locale: 'en' }));
  });

  it('sizes: share of customers beside share of revenue per cluster', async () => {
    const spec = clusterSizes(result, { locale: 'en' });
    await expectRenders(spec);
    const v = inline(spec);
    expect(v).toHaveLength(6);
    expect(v.filter((x) => x['measure'] === 'Share of customers').map((x) => x['share'])).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
    const rev = v.filter((x) => x['measure'] === 'Share of revenue').map((x) => x['share'] as number);
    expect(rev[0]).toBeGreaterThan(rev[1] as number);
    expect(rev.reduce((a, b) => a + b)).toBeCloseTo(1, 9);
    await expectRenders(clusterSizes(result, { locale: 'nl' }));
  });

  it('sizes on a phone: cluster names wrap over lines of at most 18 characters, the share axis has whole percentages', async () => {
    const svg = await renderSvg(clusterSizes(result, { locale: 'en' }));
    const yLabels = /aria-label="Y-axis[\s\S]*?role-axis-label[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const lines = [...yLabels.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '');
    // every word of every name is written, over more than one line, none longer than 18 characters
    expect(lines.join(' ').split(' ')).toEqual(clusterLabels(result, 'en').join(' ').split(' '));
    expect(lines.length).toBeGreaterThan(clusterLabels(result, 'en').length);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(18);
    const xLabels = /aria-label="X-axis[\s\S]*?role-axis-label[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const ticks = [...xLabels.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d+%$/);
  });
});
