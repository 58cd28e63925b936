/**
 * `swb report --compare` and `swb compare`: a report built twice on the same data is byte-identical and compares
 * as no change; the comparison opens the newer report; a file that is not a report stops the run before any work.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, requireCli, runCli } from '../helpers/cli.js';
import { generateSample } from '../../src/sample/index.js';
import type { ReportComparison } from '../../src/compare/compare.js';

let dir: string;
let file: string;
const env = { SOURCE_DATE_EPOCH: EPOCH };

beforeAll(async () => {
  requireCli();
  dir = mkdtempSync(join(tmpdir(), 'swb-cli-compare-'));
  file = (await generateSample({ customers: 800, seed: 11, out: join(dir, 's.csv') })).transactionsFile;
}, 60_000);

describe('swb compare', () => {
  it('finds no change between two reports of the same data, which are byte-identical', async () => {
    for (const out of ['a.html', 'b.html']) {
      const r = await runCli(['report', file, '--as-of', '2023-06-01', '--out', join(dir, out)], { env });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(readFileSync(join(dir, 'a.html'), 'utf8'));
    const r = await runCli(['compare', join(dir, 'a.html'), join(dir, 'b.html'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as ReportComparison;
    expect(c.likeForLike).toBe(true);
    expect(c.notLikeForLike).toEqual([]);
    const rfm = c.groupings.find((g) => g.id === 'rfm');
    expect(rfm?.segments.length).toBe(10);
    for (const s of c.groupings.flatMap((g) => g.segments)) {
      expect(s.before, s.key).toBe(s.after);
      expect(s.change === null || s.change === 0).toBe(true);
    }
  }, 120_000);

  it('opens the newer report with what changed, in Dutch with --locale nl', async () => {
    const out = join(dir, 'c.nl.html');
    const r = await runCli(['report', file, '--locale', 'nl', '--compare', join(dir, 'a.html'), '--out', out], { env });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.indexOf('<h2 id="sec-changes-h">Wat is er veranderd</h2>')).toBeLessThan(
      html.indexOf('id="sec-summary"'),
    );
    expect(html).toContain('Vorig rapport');
    const text = await runCli(['compare', join(dir, 'a.html'), out, '--locale', 'nl']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Wat is er veranderd\n/);
    expect(text.stdout).toContain('RFM-segmenten: klanten eerst en nu');
  }, 120_000);

  it('stops before any work on a file that is not a report, and takes exactly two reports', async () => {
    const bad = join(dir, 'orders.html');
    writeFileSync(bad, 'order_id,amount\n');
    const out = join(dir, 'never.html');
    const r = await runCli(['report', file, '--compare', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a segment-workbench report: it is not an HTML page');
    expect(r.stderr).not.toMatch(/^load/m);
    expect(existsSync(out)).toBe(false);
    const one = await runCli(['compare', bad]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('compare takes two reports, the previous one first');
  }, 60_000);

  it('keeps a snapshot, counts who moved in the next report, and lists the previous segment in the export', async () => {
    const snap = join(dir, 'then.parquet');
    const first = await runCli(
      ['report', file, '--as-of', '2023-06-01', '--out', join(dir, 's1.html'), '--snapshot', snap],
      { env },
    );
    expect(first.code, first.stderr).toBe(0);
    const out = join(dir, 's2.html');
    const next = await runCli(
      [
        'report',
        file,
        '--compare',
        join(dir, 's1.html'),
        '--compare-snapshot',
        snap,
        '--out',
        out,
        '--snapshot',
        join(dir, 'now.parquet'),
      ],
      { env },
    );
    expect(next.code, next.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('RFM segments: customers who moved since the snapshot of 1 Jun 2023');
    expect(html).toMatch(
      /By the snapshot: 0 customers are new, 0 are gone, [\d,]+ moved to another RFM segment and [\d,]+ stayed\./,
    );
    // The snapshot holds pseudonyms, never the ids of the file.
    expect(readFileSync(snap).includes(Buffer.from('C0000001'))).toBe(false);
    const list = join(dir, 'list.csv');
    const exported = await runCli(['export', file, '--compare-snapshot', snap, '--out', list]);
    expect(exported.code, exported.stderr).toBe(0);
    const [header, row] = readFileSync(list, 'utf8').split('\n');
    expect(header?.split(',').at(-1)).toBe('previous_rfm_segment');
    expect(row?.split(',').at(-1)).toMatch(/^[a-z-]+$/);
    const alone = await runCli(['report', file, '--compare-snapshot', snap, '--out', join(dir, 'never.html')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--compare-snapshot needs --compare PREVIOUS.html');
  }, 180_000);

  it('prints who moved between two runs from their snapshots, the counts the report showed', async () => {
    const snaps = `${join(dir, 'then.parquet')},${join(dir, 'now.parquet')}`;
    const reports = [join(dir, 's1.html'), join(dir, 's2.html')];
    if (!existsSync(join(dir, 'now.parquet'))) throw new Error('the test above writes the snapshots');
    const r = await runCli(['compare', ...reports, '--snapshots', snaps, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as ReportComparison & {
      moves: {
        asOf: string;
        asOfAfter: string;
        groupings: Array<{ id: string; new: number; lost: number; moved: number; stayed: number }>;
      };
    };
    expect([json.moves.asOf, json.moves.asOfAfter]).toEqual([json.before.asOf, json.after.asOf]);
    const rfm = json.moves.groupings.find((g) => g.id === 'rfm')!;
    const sizes = json.groupings.find((g) => g.id === 'rfm')!;
    // every customer of before is gone, stayed or moved; every customer now is new, stayed or moved
    expect(rfm.lost + rfm.stayed + rfm.moved).toBe(sizes.customersBefore);
    expect(rfm.new + rfm.stayed + rfm.moved).toBe(sizes.customersAfter);
    // the same sentence as the report built with --compare-snapshot
    const html = readFileSync(reports[1]!, 'utf8');
    const text = await runCli(['compare', ...reports, '--snapshots', snaps]);
    const sentence = `By the snapshot: ${rfm.new.toLocaleString('en')} customers are new, ${rfm.lost.toLocaleString('en')} are gone, ${rfm.moved.toLocaleString('en')} moved to another RFM segment and ${rfm.stayed.toLocaleString('en')} stayed.`;
    expect(html).toContain(sentence);
    expect(text.stdout).toContain(sentence);
    const swapped = await runCli([
      'compare',
      ...reports,
      '--snapshots',
      `${join(dir, 'now.parquet')},${join(dir, 'then.parquet')}`,
    ]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(
      /now\.parquet is a snapshot as of \d{4}-\d{2}-\d{2}, but .*s1\.html is as of 2023-06-01/,
    );
    const one = await runCli(['compare', ...reports, '--snapshots', join(dir, 'now.parquet')]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--snapshots takes the two runs');
  }, 120_000);
});
