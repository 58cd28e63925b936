/**
 * compareReports on the results two reports embed: the same data compares as no change, two as-of dates give
 * the sizes each run's own RFM result counts (and the z test on the shares), and a different `--returns` or
 * `--min-group` is named and shows no deltas.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { generateSample } from '../../src/sample/index.js';
import { runPipeline, type PipelineOptions, type TransactionPipelineResults } from '../../src/pipeline/run.js';
import { reportFromResults } from '../../src/pipeline/build-report.js';
import { parseReportData } from '../../src/compare/read.js';
import { compareReports } from '../../src/compare/compare.js';
import type { ReportData } from '../../src/compare/data.js';
import { comparisonSection, sectionText } from '../../src/compare/section.js';
import { sinceFigures } from '../../src/compare/since.js';
import { ONLINE_RETAIL } from '../helpers/data.js';

const GENERATED = new Date('2023-11-14T22:13:00Z');
/** Online Retail: customers with a purchase before 1 Sep 2011 and none from then to 9 Dec 2011. */
const LAPSED = 1365;
let wb: Workbench;
let file: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swb-compare-'));
  file = (await generateSample({ customers: 1500, seed: 3, out: join(dir, 's.csv') })).transactionsFile;
  wb = await Workbench.open();
}, 60_000);
afterAll(() => wb.close());

interface Run {
  results: TransactionPipelineResults;
  html: string;
  data: ReportData;
}

/** One run: its results, and the report's embedded results (read back from the HTML when `render`). */
async function run(options: Omit<PipelineOptions, 'file'>, minGroup = 1, render = false): Promise<Run> {
  const results = (await runPipeline(wb, { file, ...options })) as TransactionPipelineResults;
  const built = reportFromResults(results, { version: '9.9.9', minGroup, generatedAt: GENERATED });
  if (!render) return { results, html: '', data: built.data as ReportData };
  const html = await built.toHtml();
  return { results, html, data: parseReportData(html, 'r.html') };
}

describe('compareReports', () => {
  it('compares a report built twice on the same data as no change, from identical embedded results', async () => {
    const a = await run({ asOf: new Date('2023-06-01T00:00:00Z') }, 1, true);
    const b = await run({ asOf: new Date('2023-06-01T00:00:00Z') }, 1, true);
    // (Whole reports are byte-identical across processes: test/cli/compare.test.ts.)
    const block = (html: string) => /id="swb-results">([^<]*)</.exec(html)?.[1];
    expect(block(b.html)).toBe(block(a.html));
    const c = compareReports(a.data, b.data);
    expect(c.likeForLike).toBe(true);
    expect(c.differences).toEqual([]);
    expect(c.notLikeForLike).toEqual([]);
    const rfm = c.groupings.find((g) => g.id === 'rfm');
    expect(rfm?.segments.map((s) => s.key)).toEqual(a.results.rfm?.segments.map((s) => s.key));
    for (const g of c.groupings)
      for (const s of g.segments) {
        expect(s.change === null || s.change === 0, `${g.id} ${s.key}`).toBe(true);
        expect(s.significant === null || s.significant === false).toBe(true);
      }
    expect(c.kpis.every((k) => k.clearlyDifferent !== true)).toBe(true);
    expect(c.customers).toEqual({
      before: a.results.overview.customers,
      after: a.results.overview.customers,
      newSince: 0,
    });
  }, 60_000);

  it('gives each RFM segment the change between the two runs’ own counts, with the z test on the shares', async () => {
    const before = await run({ asOf: new Date('2023-06-01T00:00:00Z') });
    const after = await run({});
    const c = compareReports(before.data, after.data);
    expect(c.likeForLike).toBe(true);
    expect(c.differences.map((d) => d.fact)).toEqual(['period', 'asOf']);
    expect(c.differences.every((d) => !d.breaks)).toBe(true);
    const rfmBefore = before.results.rfm!;
    const rfmAfter = after.results.rfm!;
    const got = c.groupings.find((g) => g.id === 'rfm')!;
    expect(got.customersBefore).toBe(rfmBefore.customerCount);
    expect(got.customersAfter).toBe(rfmAfter.customerCount);
    for (const s of rfmAfter.segments) {
      const was = rfmBefore.segments.find((x) => x.key === s.key)?.customers ?? 0;
      const row = got.segments.find((x) => x.key === s.key)!;
      expect([row.before, row.after, row.change], s.key).toEqual([was, s.customers, s.customers - was]);
    }
    // One z by hand: pooled two-proportion test on the hibernating share.
    const x1 = rfmBefore.segments.find((s) => s.key === 'hibernating')!.customers;
    const x2 = rfmAfter.segments.find((s) => s.key === 'hibernating')!.customers;
    const [n1, n2] = [rfmBefore.customerCount, rfmAfter.customerCount];
    const p = (x1 + x2) / (n1 + n2);
    const z = (x2 / n2 - x1 / n1) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    const hib = got.segments.find((s) => s.key === 'hibernating')!;
    expect(hib.z).toBeCloseTo(z, 10);
    expect(hib.significant).toBe(Math.abs(z) > got.critical);
    // Bonferroni over the 10 standard segments: the 1 − 0.05/20 normal quantile.
    expect(got.critical).toBeCloseTo(2.807, 3);
    expect(c.customers.after - c.customers.before).toBe(
      after.results.overview.customers - before.results.overview.customers,
    );
    // Every customer first bought before one as-of date or after it: the new ones are the difference.
    expect(c.customers.newSince).toBe(after.results.overview.customers - before.results.overview.customers);
    // Value tiers: the sizes the segments section shows.
    const tiers = c.groupings.find((g) => g.id === 'valueTiers')!;
    expect(tiers.segments.map((s) => s.after)).toEqual(after.results.segments?.segments?.segments.map((s) => s.size));
    const text = sectionText(comparisonSection(c));
    expect(text).toContain('What changed');
    expect(text).toContain(`Customers with a purchase: ${c.customers.before.toLocaleString('en')} before`);
  }, 60_000);

  it('names a different --returns and --min-group as not like for like and shows no deltas', async () => {
    const net = await run({});
    const exclude = await run({ returns: 'exclude' });
    const c = compareReports(net.data, exclude.data);
    expect(c.likeForLike).toBe(false);
    expect(c.notLikeForLike).toEqual(['returns: net → exclude']);
    expect(c.groupings.flatMap((g) => g.segments).every((s) => s.change === null && s.significant === null)).toBe(true);
    const section = comparisonSection(c, { locale: 'nl' });
    expect(section.caution).toContain('Niet vergelijkbaar: retouren (--returns): net → exclude');
    expect(section.tables?.[0]?.columns.map((col) => col.label)).toEqual([
      'Segment',
      'Eerst',
      'Nu',
      'Aandeel eerst',
      'Aandeel nu',
    ]);

    const ten = await run({}, 10);
    const m = compareReports(net.data, ten.data);
    expect(m.notLikeForLike).toEqual(['minGroup: 1 → 10']);
    expect(comparisonSection(m).caution).toContain('smallest group shown (--min-group): 1 → 10');
  }, 90_000);
});

describe('compareReports on Online Retail', () => {
  it('as of 2011-09-01 against the full year: every RFM segment changes by the two runs’ own counts', async () => {
    const one = await Workbench.open();
    try {
      const options = { file: ONLINE_RETAIL, preset: 'online-retail' };
      const sep = (await runPipeline(one, {
        ...options,
        asOf: new Date('2011-09-01T00:00:00Z'),
      })) as TransactionPipelineResults;
      const sepData = reportFromResults(sep, { version: '9.9.9', currency: 'GBP' }).data as ReportData;
      const dec = (await runPipeline(one, options)) as TransactionPipelineResults;
      // as swb report --compare does: new and lapsed customers since 1 Sep from this run's data
      const since = await sinceFigures(one, { previousAsOf: sep.asOf!, asOf: dec.asOf!, minGroup: 10 });
      const decData = reportFromResults(dec, { version: '9.9.9', currency: 'GBP', since }).data as ReportData;
      const c = compareReports(sepData, decData);
      expect(c.likeForLike).toBe(true);
      const rfm = c.groupings.find((g) => g.id === 'rfm')!;
      for (const s of dec.rfm!.segments) {
        const was = sep.rfm!.segments.find((x) => x.key === s.key)!.customers;
        expect(rfm.segments.find((x) => x.key === s.key)?.change, s.key).toBe(s.customers - was);
      }
      const at = (key: string) => rfm.segments.find((s) => s.key === key)!;
      expect([at('champions').before, at('champions').after]).toEqual([390, 604]);
      expect([at('at-risk').before, at('at-risk').after, at('at-risk').significant]).toEqual([125, 328, true]);
      // the data's count of new customers is the cohorts' (1 Sep starts a month); none of September's is lost
      expect(c.customers).toEqual({
        before: 3317,
        after: 4338,
        newSince: 1021,
        since: { newCustomers: 1021, lapsed: LAPSED, lost: 0 },
      });
      expect(since.known).toBe(3317);
      // a previous report that counted 5 more customers than this data has before its date: 5 lost
      expect(compareReports({ ...sepData, customers: 3322 }, decData).customers.since?.lost).toBe(5);
      const words = comparisonSection(c, { locale: 'nl' }).findings?.join(' ') ?? '';
      expect(words).toContain('1.021 klanten zijn nieuw');
      // the cohorts of both reports, each drawn before and now
      expect(comparisonSection(c).charts?.map((x) => x.id)).toEqual(['changes-cohorts', 'changes-cohort-each']);
    } finally {
      one.close();
    }
  }, 300_000);
});
