/**
 * The behaviour sample (`generateSample({ behaviour: true })`) loaded into a Workbench, with its truth columns
 * in `customers`: what the product-mix, channel and price tests recover.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCustomers } from '../../src/data/customers.js';
import { loadTransactions } from '../../src/data/load.js';
import { generateSample, type SampleResult } from '../../src/sample/index.js';
import { Workbench } from '../../src/workbench.js';

/** A Workbench with the behaviour sample of `customers` customers (seed 11) loaded. */
export async function behaviourSample(customers = 4_000): Promise<{ wb: Workbench; sample: SampleResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-behaviour-'));
  const sample = await generateSample({ customers, seed: 11, out: join(dir, 'b.csv'), behaviour: true });
  const wb = await Workbench.open();
  await loadTransactions(wb, sample.transactionsFile);
  await loadCustomers(wb, sample.customersFile);
  return { wb, sample };
}
