/** `swb sample --subscriptions` writes subscriptions.csv and events.csv beside --out, and says so in the help. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCli, runCli } from '../helpers/cli.js';

beforeAll(() => {
  requireCli();
});

describe('swb sample --subscriptions', () => {
  it('writes the four files into the folder of --out, and no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-sample-subs-'));
    const r = await runCli([
      'sample',
      '--customers',
      '30',
      '--seed',
      '5',
      '--subscriptions',
      '--out',
      join(dir, 'shop.csv'),
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['events.csv', 'shop-customers.csv', 'shop.csv', 'subscriptions.csv']);
    const subs = readFileSync(join(dir, 'subscriptions.csv'), 'utf8').trim().split('\n');
    expect(subs[0]).toBe(
      'subscription_id,customer_id,plan,start_date,end_date,price,billing_interval,currency,country,channel,usage_level',
    );
    expect(r.stdout).toContain(`subscription periods of 30 customers to ${join(dir, 'subscriptions.csv')}`);
    expect(r.stdout).toMatch(/wrote [\d,]+ events to /);
  });

  it('is named in the help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('swb sample --out FILE [options]');
    expect((await runCli(['sample', '--help'])).stdout).toContain(
      '\n  --subscriptions  also write subscriptions.csv and events.csv into the folder of --out [default: off]\n',
    );
    expect(r.stdout).toContain('with --subscriptions also subscriptions.csv and events.csv');
  });
});
