/**
 * The public index: everything the notebooks and the README import is exported, and internals are not.
 * Notebooks import the built `dist/index.js`, so a name dropped from the index breaks them only at the
 * next headless run; this catches it at test time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

/** Names imported from `from` in a piece of code (`type` imports are types: not checked at run time). */
function importedNames(code: string, from: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']*)'/g)) {
    if (m[2] !== from) continue;
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0] ?? '';
      if (name !== '' && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

const notebookCode = (file: string): string => {
  const nb = JSON.parse(readFileSync(`notebooks/${file}`, 'utf8')) as {
    cells: Array<{ cell_type: string; source: string | string[] }>;
  };
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => [c.source].flat().join(''))
    .join('\n');
};

describe('public index', () => {
  const exported = new Set(Object.keys(api));

  it.each(
    readdirSync('notebooks')
      .filter((f) => f.endsWith('.ipynb'))
      .sort(),
  )('exports every name notebook %s imports', (file) => {
    const names = importedNames(notebookCode(file), '../dist/index.js');
    expect(names.length).toBeGreaterThan(2);
    expect(names.filter((n) => !exported.has(n))).toEqual([]);
  });

  it("exports every name the README's examples import", () => {
    const names = importedNames(readFileSync('README.md', 'utf8'), 'segment-workbench');
    expect(names).toContain('clvBySegment');
    expect(names.filter((n) => !exported.has(n))).toEqual([]);
  });

  it("exports the subscription sample's planted rates, which notebook 08 checks against", () => {
    expect(api.PLANTED_SUBSCRIPTIONS.plans.map((p) => p.plan)).toEqual(['basic', 'pro', 'business']);
    expect(api.plantedChurn('basic', 'low')).toBeCloseTo(0.12, 12);
  });

  it('keeps internals out: numerical methods, SQL builders, the other planted-truth helpers, display plumbing', () => {
    const internals = [
      'nelderMead',
      'lnGamma',
      'normalQuantile',
      'adjustedRandIndex',
      'quantileScoreSql',
      'rfmSql',
      'cohortsSql',
      'kpiVariance',
      'differenceFromSegment',
      'plantedGroupsTable',
      'plantedRetention',
      'REASON_LABELS',
      'escapeHtml',
      'loadVegaBundles',
      'publishDisplay',
      'tableHtml',
      'usageCustomersSql',
      'usageChurnSql',
      'mrrMovementsSql',
      'subscriptionChurnSql',
      'subscriptionCohortsSql',
      'monthlyMrrSql',
      'mrrAtSql',
      'customersSql',
      'eventRowsSql',
      'uniformSql',
    ];
    expect(internals.filter((n) => exported.has(n))).toEqual([]);
  });
});
