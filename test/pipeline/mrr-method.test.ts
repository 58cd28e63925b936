/**
 * runPipeline's `mrrMethod`: the report's MRR movements (and the KPIs on them) counted by the method asked
 * for, on the hand-made table of movements-dated.test.ts written as a subscriptions file; a bad method, or
 * one without subscriptions, is refused before anything is loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { Workbench } from '../../src/workbench.js';
import { DATED } from '../analyses/subscriptions/fixture.js';

let dir = '';
let file = '';
let wb: Workbench;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-mrr-method-'));
  file = join(dir, 'subscriptions.csv');
  const lines = DATED.map(([id, customer, plan, start, end, mrr, currency]) =>
    [id, customer, plan, start, end ?? '', mrr, currency].join(','),
  );
  writeFileSync(file, ['subscription_id,customer_id,plan,start_date,end_date,mrr,currency', ...lines, ''].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  wb = await Workbench.open();
});
afterEach(() => wb.close());

/** February's [new, expansion, contraction, churned, reactivation]. */
const february = (r: Awaited<ReturnType<typeof runPipeline>>) => {
  const feb = r.subscriptions?.movements?.rows[1];
  return [feb?.new, feb?.expansion, feb?.contraction, feb?.churned, feb?.reactivation];
};

describe('runPipeline with mrrMethod', () => {
  it('counts the movements on the day with dated, between month ends by default; the quick ratio follows', async () => {
    const dated = await runPipeline(wb, { subscriptions: file, mrrMethod: 'dated' });
    expect(dated.subscriptions?.movements?.method).toBe('dated');
    expect(february(dated)).toEqual([135, 60, 100, 70, 40]);
    // quick ratio = (new + expansion + reactivation) ÷ (contraction + churned) of the month
    expect(dated.subscriptions?.kpis?.rows[1]?.quickRatio).toBeCloseTo((135 + 60 + 40) / (100 + 70), 12);
    const monthEnd = await runPipeline(wb, { subscriptions: file });
    expect(monthEnd.subscriptions?.movements?.method).toBe('month-end');
    expect(february(monthEnd)).toEqual([55, 10, 0, 0, 0]);
  });

  it('refuses an unknown method and a method without subscriptions (BAD_OPTION)', async () => {
    await expect(runPipeline(wb, { subscriptions: file, mrrMethod: 'daily' as 'dated' })).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('unknown mrrMethod: daily (expected one of: month-end, dated)'),
    });
    await expect(runPipeline(wb, { file, mrrMethod: 'dated' })).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('--subscriptions FILE'),
    });
  });
});
