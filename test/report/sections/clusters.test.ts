import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clusters, type ClusterResult } from '../../../src/analyses/clusters/index.js';
import { clusterVsRfm, type ClusterRfmCrosstab } from '../../../src/analyses/clusters/vs-rfm.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { clustersSection, clusterFindings } from '../../../src/analyses/clusters/section.js';
import { expectValidSpec } from '../../helpers/charts.js';
import { clusterNames } from '../../../src/analyses/clusters/words.js';
import { plantedTransactions } from '../../helpers/clusters.js';

let result: ClusterResult;
let crosstab: ClusterRfmCrosstab;
/** Revenue share of the planted groups g0 (big spenders), g1, g2, computed straight from the transactions. */
let groupShare: number[];

beforeAll(async () => {
  const wb = await Workbench.open();
  await plantedTransactions(wb, 600);
  result = await clusters(wb, { k: 'auto', kRange: [2, 5] });
  crosstab = await clusterVsRfm(wb, { rfm: await rfm(wb), clusters: result });
  const rows = await wb.query<{ g: number; share: number }>(
    `select (substr(customer_id, 2)::integer % 3) as g, sum(amount) / (select sum(amount) from transactions) as share from transactions group by 1 order by 1`,
  );
  groupShare = rows.map((r) => r.share);
  wb.close();
}, 60_000);

describe('clustersSection', () => {
  it('finds the planted groups, numbered by revenue per customer', () => {
    expect(result.k).toBe(3);
    expect(result.profiles.map((p) => p.revenueShare)).toEqual(groupShare.map((s) => expect.closeTo(s, 12)));
  });

  it('writes computed findings in English', () => {
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    const names = clusterNames(result.profiles, 'en');
    expect(names[0]).toBe('Recent, frequent, high spend');
    expect(clusterFindings(result, 'en')).toEqual([
      `Cluster 1 (“${names[0]}”) is 33% of customers and brings ${pct(groupShare[0] as number)} of net revenue.`,
      `Cluster 3 (“${names[2]}”) brings the least per customer: 33% of customers, ${pct(groupShare[2] as number)} of net revenue.`,
      'How well the 3 groups separate: clearly.',
    ]);
  });

  it('builds the section in Dutch with charts, a profile table and the RFM cross-tab', () => {
    const s = clustersSection(result, {
      locale: 'nl',
      rfmCrosstab: crosstab,
      segmentNames: { champions: 'Kampioenen' },
    });
    expect(s.id).toBe('clusters');
    expect(s.intro?.[1]).toContain(
      'gekozen tussen 2 en 5: het aantal waarbij de groepen het duidelijkst uit elkaar liggen, 3.',
    );
    expect(s.intro?.join(' ')).not.toMatch(/silhouet|z-score|k-means/);
    expect(s.findings?.[0]).toMatch(
      /^Cluster 1 \(„Recent, frequent, hoge besteding”\) is 33% van de klanten en brengt \d+% van de netto-omzet op\.$/,
    );
    // the agreement in words in the body; the adjusted Rand index itself goes to the method section
    expect(s.findings?.[3]).toMatch(/^De clusters komen (grotendeels|deels|nauwelijks) overeen met de RFM-segmenten/);
    expect(s.technical).toContainEqual([
      'Adjusted Rand-index met de RFM-segmenten (1 = dezelfde indeling, 0 = geen verband)',
      crosstab.adjustedRand.toFixed(2).replace('.', ','),
    ]);
    expect(s.technical).toContainEqual([
      'Silhouet (−1 tot 1; ≥ 0,5 duidelijk, ≥ 0,25 redelijk)',
      result.silhouette.toFixed(2).replace('.', ','),
    ]);
    expect(s.charts?.map((c) => c.id)).toEqual([
      'clusters-k',
      'clusters-scatter',
      'clusters-profiles',
      'clusters-sizes',
    ]);
    for (const c of s.charts ?? []) expectValidSpec(c.spec);
    const [profiles, cross] = s.tables ?? [];
    expect(profiles?.columns.map((c) => c.label)).toEqual([
      'Cluster',
      'Naam',
      'Klanten',
      'Aandeel',
      'Aandeel omzet',
      'Recentheid (dagen)',
      'Bestellingen',
      'Omzet',
    ]);
    // the section ends with what to do, from the cluster with the most revenue and the largest other one
    const top = result.profiles[0]!;
    const big = [...result.profiles.slice(1)].sort((a, b) => b.size - a.size || a.cluster - b.cluster)[0]!;
    expect(s.next?.[0]).toMatch(
      new RegExp(
        `^Wat te doen: behandel cluster 1 \\(${Math.round(100 * top.revenueShare)}% van de omzet\\) als de kernklanten, en bereik cluster ${big.cluster} \\(${Math.round(100 * big.share)}% van de klanten\\)`,
      ),
    );
    expect(profiles?.rows[0]?.slice(0, 4)).toEqual(['1', 'Recent, frequent, hoge besteding', '200', '33,3%']);
    expect(profiles?.rows[2]?.[7]).toMatch(/^€\s\d+$/);
    expect(cross?.rows).toHaveLength(crosstab.segments.length);
    expect(cross?.columns.length).toBe(1 + crosstab.clusters.length);
    expect(cross?.columns[1]?.label).toBe('Cluster 1');
    if (crosstab.segments.includes('champions')) expect(cross?.rows.map((r) => r[0])).toContain('Kampioenen');
    // Each cluster's column holds its customers' shares over the segments: they add up to 100%.
    const col1 = crosstab.cells.filter((c) => c.cluster === 1).reduce((a, c) => a + c.shareOfCluster, 0);
    expect(col1).toBeCloseTo(1, 9);
    expect(s.facts).toContainEqual(['Aantal clusters', '3 (gekozen uit de data)']);
    expect(s.facts).toContainEqual([
      'Hoe goed de groepen gescheiden zijn',
      result.silhouette >= 0.5 ? 'duidelijk' : 'redelijk',
    ]);
    expect(JSON.stringify({ ...s, charts: [] })).not.toMatch(/customers|NaN|undefined/);
    expect(JSON.stringify(s.charts)).not.toMatch(/NaN|undefined/);
  });

  it('states a given k and names excluded customers in English', () => {
    const given: ClusterResult = { ...result, options: { ...result.options, k: 3 }, excludedCount: 12 };
    const s = clustersSection(given, { locale: 'en' });
    expect(s.intro?.[1]).toContain('The number of groups was set to 3.');
    expect(s.findings).toContain('12 customers without a value for every feature were left out.');
    expect(s.facts).toContainEqual(['Customers left out (missing values)', '12']);
    expect(s.tables).toHaveLength(1);
    expect(s.tables?.[0]?.note).toBeUndefined();
  });

  it('stars clusters below minSize and says why', () => {
    const small: ClusterResult = {
      ...result,
      options: { ...result.options, minSize: 250 },
      profiles: result.profiles.map((p) => ({ ...p, tooSmall: p.size < 250 })),
    };
    const s = clustersSection(small, { locale: 'en' });
    expect(s.tables?.[0]?.rows.map((r) => r[2])).toEqual(
      result.profiles.map((p) => (p.size < 250 ? `${p.size} *` : String(p.size))),
    );
    expect(s.tables?.[0]?.note).toBe(
      '* Fewer than 250 customers: too small to act on as a segment (an outlier group; try fewer clusters).',
    );
  });
});
